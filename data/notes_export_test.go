package data_test

import (
	"bytes"
	"context"
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
