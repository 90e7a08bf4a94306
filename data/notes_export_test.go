package data_test

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"briefdesk/app"
	"briefdesk/data/briefnotes"
)

func TestExportNotes(t *testing.T) {
	ctx := context.Background()
	alice, _, notes := exchange(t)
	alice.SetSetting(ctx, app.SettingAuthorName, "Alice")
	other := mustSave(t, alice, app.Note{Resolution: notes[0].Resolution, Author: app.Author{Name: "Zed"}, Body: "zed"})
	alice.DeleteNote(ctx, notes[2].ID)
	if err := alice.SavePack(ctx, &app.Pack{Name: "sg1", Target: app.TargetSG1, Resolutions: []int{notes[0].Resolution}}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := alice.ExportNotes(ctx, &buf, app.NoteFilter{Author: "Alice"}, app.Author{}, []string{"sg1"}); err != nil {
		t.Fatal(err)
	}
	f, err := briefnotes.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	src, _ := alice.Source(ctx)
	if f.Corpus.Fingerprint != src.Fingerprint || f.Exporter.Name != "Alice" {
		t.Errorf("corpus %+v exporter %+v", f.Corpus, f.Exporter)
	}
	if got, want := noteIDs(f.Notes), noteIDs(notes); got != want {
		t.Errorf("exported %s, want alice's three with the tombstone, not %s", got, other.ID)
	}
	if len(f.Packs) != 1 || f.Packs[0].Name != "sg1" {
		t.Errorf("packs %+v", f.Packs)
	}
	err = alice.ExportNotes(ctx, &buf, app.NoteFilter{}, app.Author{}, []string{"missing"})
	wantCode(t, err, app.ENOTFOUND)

	empty := MustOpen(t)
	buf.Reset()
	wantCode(t, empty.ExportNotes(ctx, &buf, app.NoteFilter{}, app.Author{}, nil), app.EINVALID, "no resolutions")
	if buf.Len() != 0 {
		t.Error("a failed export wrote bytes")
	}
	_, err = empty.ImportNotes(ctx, bytes.NewReader(mustExport(t, alice, app.NoteFilter{})), "a.briefnotes", false)
	wantCode(t, err, app.EINVALID, "no resolutions", "nothing was imported")
}

// An export that is refused writes nothing and changes nothing: the
// notes' histories record an exchange only once the file is whole.
func TestExportRefusedChangesNothing(t *testing.T) {
	ctx := context.Background()
	alice := notesDB(t)
	res, _, _ := twoClauses(t)
	n := mustSave(t, alice, app.Note{Resolution: res, Author: app.Author{Name: "Alice"}, Body: "never sent"})
	rows, bytesBefore := noteRows(t, alice.SQL()), fileBytes(t, alice)
	var buf bytes.Buffer
	wantCode(t, alice.ExportNotes(ctx, &buf, app.NoteFilter{}, app.Author{}, []string{"no such pack"}), app.ENOTFOUND)
	if buf.Len() != 0 {
		t.Error("a refused export wrote bytes")
	}
	if noteRows(t, alice.SQL()) != rows || fileBytes(t, alice) != bytesBefore {
		t.Fatal("a refused export changed the database")
	}
	// A successful one records the exchange, in the file and here.
	f, err := briefnotes.Decode(bytes.NewReader(mustExport(t, alice, app.NoteFilter{})))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := alice.Note(ctx, n.ID)
	if rev := got.Revision(); len(f.Notes) != 1 || !slices.Contains(f.Notes[0].History, rev) || !slices.Contains(got.History, rev) {
		t.Fatalf("after an export: file history %q, stored %q; want both to hold %s", f.Notes[0].History, got.History, rev)
	}
}
