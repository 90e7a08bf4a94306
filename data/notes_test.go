package data_test

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/data"
)

var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestSaveNoteCreatesAndUpdates(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "n.db")
	db, err := data.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Import(ctx, notesCorpus(t)); err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2026, 5, 1, 8, 0, 0, 123456789, time.FixedZone("CST", 8*3600)) }
	db.SetSetting(ctx, app.SettingAuthorName, "李明")
	db.SetSetting(ctx, app.SettingAuthorDelegation, "China")
	res, c1, _ := twoClauses(t)

	n := mustSave(t, db, app.Note{Resolution: res, ClauseID: c1.ID, Body: "支持\n第二行", Tags: []string{" SG1 ", "SG1", "财务"}, Priority: 1})
	if !uuidV4.MatchString(n.ID) {
		t.Errorf("ID=%q is not a lowercase version 4 UUID", n.ID)
	}
	want := time.Date(2026, 5, 1, 0, 0, 0, 123e6, time.UTC)
	if !n.Created.Equal(want) || !n.Updated.Equal(want) || n.Created.Location() != time.UTC {
		t.Errorf("Created=%v Updated=%v, want %v UTC (milliseconds)", n.Created, n.Updated, want)
	}
	if n.ClauseHash != app.ClauseHash(c1.Text) {
		t.Errorf("ClauseHash=%s, want the hash of the clause text", n.ClauseHash)
	}
	if n.Author != (app.Author{Name: "李明", Delegation: "China"}) || n.Stance != app.StanceNone || n.Origin.Imported {
		t.Errorf("Author=%+v Stance=%q Origin=%+v; want the settings' author, none, written here", n.Author, n.Stance, n.Origin)
	}
	if got := strings.Join(n.Tags, "|"); got != "SG1|财务" {
		t.Errorf("Tags=%q, want SG1|财务", got)
	}

	// An update with the clock stuck still moves Updated forward, so the
	// edit wins a merge; Created stays.
	n.Body = "改了"
	n.Stance = app.StanceConcern
	if err := db.SaveNote(ctx, &n); err != nil {
		t.Fatal(err)
	}
	if !n.Updated.Equal(want.Add(time.Millisecond)) || !n.Created.Equal(want) {
		t.Errorf("after update Created=%v Updated=%v", n.Created, n.Updated)
	}

	// Committed: another connection sees it exactly.
	db.Close()
	db2, err := data.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	got, err := db2.Note(ctx, strings.ToUpper(n.ID))
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != "改了" || got.Stance != app.StanceConcern || !got.Updated.Equal(n.Updated) || got.NeedsReanchor {
		t.Errorf("reopened note %+v, want %+v", *got, n)
	}
}

func TestSaveNoteRejects(t *testing.T) {
	ctx := context.Background()
	db := notesDB(t)
	res, c1, _ := twoClauses(t)
	var other app.Clause
	for _, r := range notesCorpus(t).Resolutions {
		if r.Number != res && len(r.Clauses) > 0 {
			other = r.Clauses[0]
		}
	}
	ok := mustSave(t, db, app.Note{Resolution: res, Body: "ok"})
	tags := make([]string, 51)
	for i := range tags {
		tags[i] = strings.Repeat("t", i+1)
	}
	for _, c := range []struct {
		name string
		note app.Note
		code string
		want string
	}{
		{"NoResolution", app.Note{Body: "x"}, app.EINVALID, "needs a resolution"},
		{"UnknownResolution", app.Note{Resolution: 9999, Body: "x"}, app.EINVALID, "no resolution 9999"},
		{"UnknownClause", app.Note{Resolution: res, ClauseID: "nope/1", Body: "x"}, app.EINVALID, `no clause "nope/1"`},
		{"ClauseOfAnother", app.Note{Resolution: res, ClauseID: other.ID, Body: "x"}, app.EINVALID, "belongs to resolution"},
		{"EmptyBody", app.Note{Resolution: res, Body: " \n\t"}, app.EINVALID, "text is empty"},
		{"HugeBody", app.Note{Resolution: res, Body: strings.Repeat("长", 30000)}, app.EINVALID, "88 KiB"},
		{"BadStance", app.Note{Resolution: res, Body: "x", Stance: "oppose"}, app.EINVALID, "unknown stance"},
		{"BadPriority", app.Note{Resolution: res, Body: "x", Priority: 9}, app.EINVALID, "priority 9"},
		{"TooManyTags", app.Note{Resolution: res, Body: "x", Tags: tags}, app.EINVALID, "51 tags"},
		{"TagNewline", app.Note{Resolution: res, Body: "x", Tags: []string{"a\nb"}}, app.EINVALID, "control character"},
		{"InvalidUTF8", app.Note{Resolution: res, Body: "a\xffb"}, app.EINVALID, "UTF-8"},
		{"UnknownID", app.Note{ID: "1b4e28ba-2fa1-41d2-883f-0016d3cca427", Resolution: res, Body: "x"}, app.ENOTFOUND, "no note"},
		{"MalformedID", app.Note{ID: "x", Resolution: res, Body: "x"}, app.ENOTFOUND, "no note"},
		{"UpdateToEmpty", app.Note{ID: ok.ID, Resolution: res, ClauseID: c1.ID, Body: ""}, app.EINVALID, "text is empty"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := fileBytes(t, db)
			n := c.note
			err := db.SaveNote(ctx, &n)
			wantCode(t, err, c.code, c.want)
			if c.code == app.EINVALID && !strings.Contains(app.ErrorMessage(err), "nothing was saved") {
				t.Errorf("message %q does not say nothing was saved", app.ErrorMessage(err))
			}
			if fileBytes(t, db) != before {
				t.Fatal("a refused note changed the database")
			}
		})
	}
}

func TestDeleteAndRestore(t *testing.T) {
	ctx := context.Background()
	db := notesDB(t)
	res, _, _ := twoClauses(t)
	n := mustSave(t, db, app.Note{Resolution: res, Body: "x"})
	if err := db.DeleteNote(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	got, err := db.Note(ctx, n.ID)
	if err != nil || !got.Deleted || !got.Updated.After(n.Updated) || got.Body != "x" {
		t.Fatalf("after delete: %+v, %v; want a tombstone with a later update time and the text kept", got, err)
	}
	if live, _ := db.Notes(ctx, app.NoteFilter{}); len(live) != 0 {
		t.Errorf("Notes lists %d deleted notes", len(live))
	}
	if all, _ := db.Notes(ctx, app.NoteFilter{IncludeDeleted: true}); len(all) != 1 {
		t.Errorf("Notes(IncludeDeleted) lists %d notes, want 1", len(all))
	}
	if counts, _ := db.NoteCounts(ctx); counts[res] != 0 {
		t.Errorf("NoteCounts counts a deleted note: %v", counts)
	}
	// Deleting twice is not a change.
	before := fileBytes(t, db)
	if err := db.DeleteNote(ctx, n.ID); err != nil || fileBytes(t, db) != before {
		t.Fatalf("second delete: %v, changed=%v", err, fileBytes(t, db) != before)
	}
	if err := db.RestoreNote(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	restored, _ := db.Note(ctx, n.ID)
	if restored.Deleted || !restored.Updated.After(got.Updated) {
		t.Fatalf("after restore: %+v", restored)
	}
	wantCode(t, db.DeleteNote(ctx, "1b4e28ba-2fa1-41d2-883f-0016d3cca427"), app.ENOTFOUND)
	wantCode(t, db.RestoreNote(ctx, "nonsense"), app.ENOTFOUND)
}

func TestNotesFilter(t *testing.T) {
	ctx := context.Background()
	db := notesDB(t)
	res, c1, c2 := twoClauses(t)
	other := 0
	for _, r := range notesCorpus(t).Resolutions {
		if r.Number != res {
			other = r.Number
			break
		}
	}
	a := app.Author{Name: "A", Delegation: "X"}
	b := app.Author{Name: "B", Delegation: "Y"}
	n1 := mustSave(t, db, app.Note{Resolution: res, ClauseID: c2.ID, Author: a, Body: "1", Stance: app.StanceSupport, Tags: []string{"sg1"}})
	n2 := mustSave(t, db, app.Note{Resolution: res, ClauseID: c1.ID, Author: b, Body: "2", Stance: app.StanceConcern, Tags: []string{"sg1", "money"}})
	n3 := mustSave(t, db, app.Note{Resolution: other, Author: a, Body: "3", Stance: app.StanceWatch})
	n4 := mustSave(t, db, app.Note{Resolution: res, Author: b, Body: "4"})
	n5 := mustSave(t, db, app.Note{Resolution: other, Author: a, Body: "5", Tags: []string{"money"}})
	if err := db.DeleteNote(ctx, n5.ID); err != nil {
		t.Fatal(err)
	}
	// An imported note: export n3 from a second database and import it.
	db2 := notesDB(t)
	n6 := mustSave(t, db2, app.Note{Resolution: other, Author: app.Author{Name: "C"}, Body: "6", Tags: []string{"sg1"}})
	mustImportNotes(t, db, mustExport(t, db2, app.NoteFilter{}), "c.briefnotes")

	for _, c := range []struct {
		name string
		f    app.NoteFilter
		want []app.Note
	}{
		{"All", app.NoteFilter{}, []app.Note{n1, n2, n3, n4, n6}},
		{"IncludeDeleted", app.NoteFilter{IncludeDeleted: true}, []app.Note{n1, n2, n3, n4, n5, n6}},
		{"Resolution", app.NoteFilter{Resolution: res}, []app.Note{n1, n2, n4}},
		{"Clause", app.NoteFilter{ClauseID: c1.ID}, []app.Note{n2}},
		{"Author", app.NoteFilter{Author: "A"}, []app.Note{n1, n3}},
		{"Mine", app.NoteFilter{Mine: true}, []app.Note{n1, n2, n3, n4}},
		{"Others", app.NoteFilter{Others: true}, []app.Note{n6}},
		{"MineAndOthers", app.NoteFilter{Mine: true, Others: true}, []app.Note{n1, n2, n3, n4, n6}},
		{"Stance", app.NoteFilter{Stance: app.StanceConcern}, []app.Note{n2}},
		{"StanceNone", app.NoteFilter{Stance: app.StanceNone}, []app.Note{n4, n6}},
		{"Tag", app.NoteFilter{Tag: "sg1"}, []app.Note{n1, n2, n6}},
		{"TagDeleted", app.NoteFilter{Tag: "money", IncludeDeleted: true}, []app.Note{n2, n5}},
		{"Combined", app.NoteFilter{Resolution: res, Tag: "sg1", Author: "B"}, []app.Note{n2}},
		{"NoMatch", app.NoteFilter{Tag: "sg"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := db.Notes(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := noteIDs(got), noteIDs(c.want); g != w {
				t.Fatalf("Notes(%+v) = %s, want %s", c.f, g, w)
			}
		})
	}
	// Order: by resolution, whole-resolution notes first, then clause order.
	got, _ := db.Notes(ctx, app.NoteFilter{Resolution: res})
	if len(got) != 3 || got[0].ID != n4.ID || got[1].ID != n2.ID || got[2].ID != n1.ID {
		t.Errorf("order %s %s %s, want n4 (resolution), n2 (clause 1), n1 (clause 2)", got[0].Body, got[1].Body, got[2].Body)
	}
	_, err := db.Notes(ctx, app.NoteFilter{Stance: "oppose"})
	wantCode(t, err, app.EINVALID, "oppose")

	counts, err := db.NoteCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts[res] != 3 || counts[other] != 2 || len(counts) != 2 {
		t.Errorf("NoteCounts=%v, want %d:3 %d:2", counts, res, other)
	}
}

// TestCorpusReimportKeepsNotes: a new corpus never deletes a note; notes
// whose clause changed or vanished need re-anchoring, and saving re-anchors.
func TestCorpusReimportKeepsNotes(t *testing.T) {
	ctx := context.Background()
	db := notesDB(t)
	res, c1, c2 := twoClauses(t)
	onWhole := mustSave(t, db, app.Note{Resolution: res, Body: "whole"})
	onC1 := mustSave(t, db, app.Note{Resolution: res, ClauseID: c1.ID, Body: "c1"})
	onC2 := mustSave(t, db, app.Note{Resolution: res, ClauseID: c2.ID, Body: "c2"})

	changed := alteredCorpus(t, strings.Repeat("b", 64), res, func(cs []app.Clause) []app.Clause {
		cs[0].Text += "（修订）"
		return append(cs[:1], cs[2:]...) // c2 is gone
	})
	if _, err := db.Import(ctx, changed); err != nil {
		t.Fatal(err)
	}
	all, err := db.Notes(ctx, app.NoteFilter{})
	if err != nil || len(all) != 3 {
		t.Fatalf("after re-import: %d notes, %v; want all 3", len(all), err)
	}
	for _, c := range []struct {
		n    app.Note
		want bool
	}{{onWhole, false}, {onC1, true}, {onC2, true}} {
		got, _ := db.Note(ctx, c.n.ID)
		if got.NeedsReanchor != c.want {
			t.Errorf("note %q NeedsReanchor=%v, want %v", c.n.Body, got.NeedsReanchor, c.want)
		}
	}
	// Saving the note on the changed clause anchors it to the new text.
	n, _ := db.Note(ctx, onC1.ID)
	if err := db.SaveNote(ctx, n); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Note(ctx, onC1.ID); got.NeedsReanchor || got.ClauseHash != app.ClauseHash(c1.Text+"（修订）") {
		t.Errorf("after save: NeedsReanchor=%v", got.NeedsReanchor)
	}
	// The old corpus back: the first note now needs re-anchoring the other way,
	// the second is anchored again.
	if _, err := db.Import(ctx, notesCorpus(t)); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Note(ctx, onC2.ID); got.NeedsReanchor {
		t.Error("note on a clause that came back still needs re-anchoring")
	}
}
