package data_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/data"
)

// editionWithout is a database on another edition of the document, one
// that lacks clause id of resolution res.
func editionWithout(t *testing.T, res int, id string) *data.DB {
	t.Helper()
	db := MustOpen(t)
	c := alteredCorpus(t, strings.Repeat("e", 64), res, func(cs []app.Clause) []app.Clause {
		var out []app.Clause
		for _, c := range cs {
			if c.ID != id {
				out = append(out, c)
			}
		}
		return out
	})
	if _, err := db.Import(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	db.Now = tickClock(time.Date(2026, 5, 2, 8, 0, 0, 0, time.UTC))
	return db
}

// A note that lost its clause on the exporter's edition travels to a
// colleague on that same edition (and back to the exporter) as needing
// re-anchoring, instead of making the whole file look inconsistent.
func TestStaleNoteTravelsOnTheSameEdition(t *testing.T) {
	ctx := context.Background()
	alice := notesDB(t)
	res, c1, _ := twoClauses(t)
	n := mustSave(t, alice, app.Note{Resolution: res, ClauseID: c1.ID, Author: app.Author{Name: "Alice"}, Body: "on a clause that will go"})

	bob, carol := editionWithout(t, res, c1.ID), editionWithout(t, res, c1.ID)
	if got := mustImportNotes(t, bob, mustExport(t, alice, app.NoteFilter{}), "alice.briefnotes"); got.NeedsAnchor != 1 {
		t.Fatalf("bob's import: %+v", got)
	}
	fromBob := mustExport(t, bob, app.NoteFilter{})
	if !strings.Contains(string(fromBob), `"needs_reanchor":true`) {
		t.Fatalf("bob's export does not say the note needs re-anchoring:\n%s", fromBob)
	}
	if got := mustImportNotes(t, carol, fromBob, "bob.briefnotes"); got.Added != 1 || got.NeedsAnchor != 1 {
		t.Fatalf("carol's import: %+v", got)
	}
	if got, err := carol.Note(ctx, n.ID); err != nil || !got.NeedsReanchor {
		t.Fatalf("carol's copy: %+v, %v", got, err)
	}
	if got := mustImportNotes(t, bob, fromBob, "bob.briefnotes"); got.Unchanged != 1 {
		t.Fatalf("bob re-importing his own file: %+v", got)
	}

	// Without the flag, a clause missing from the very corpus the file
	// claims is still an inconsistent file.
	forged := strings.Replace(string(fromBob), `,"needs_reanchor":true`, "", 1)
	if forged == string(fromBob) {
		t.Fatal("could not remove the flag from the file")
	}
	_, err := importData(editionWithout(t, res, c1.ID), []byte(forged), "forged.briefnotes", false)
	wantCode(t, err, app.EINVALID, "inconsistent")
}

// My note stays mine when a colleague's newer edit of it comes back.
func TestNewerEditOfMyNoteStaysMine(t *testing.T) {
	ctx := context.Background()
	alice, bob, notes := exchange(t)
	mustImportNotes(t, bob, mustExport(t, alice, app.NoteFilter{}), "alice.briefnotes")
	edited, err := bob.Note(ctx, notes[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	edited.Body = "Bob's edit"
	if err := bob.SaveNote(ctx, edited); err != nil {
		t.Fatal(err)
	}
	if got := mustImportNotes(t, alice, mustExport(t, bob, app.NoteFilter{}), "bob.briefnotes"); got.Updated != 1 {
		t.Fatalf("alice's import: %+v", got)
	}
	mine, err := alice.Notes(ctx, app.NoteFilter{Mine: true})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range mine {
		found = found || (m.ID == notes[0].ID && m.Body == "Bob's edit" && !m.Origin.Imported)
	}
	if !found || len(mine) != len(notes) {
		t.Fatalf("alice's own notes after bob's edit: %+v", mine)
	}
}

// An import that changes nothing makes no backup, so it cannot rotate the
// useful ones away.
func TestNoOpImportMakesNoBackup(t *testing.T) {
	alice, bob, _ := exchange(t)
	file := mustExport(t, alice, app.NoteFilter{})
	mustImportNotes(t, bob, file, "a.briefnotes")
	first, err := os.ReadFile(bob.BackupPath(1))
	if err != nil {
		t.Fatalf("the first import made no backup: %v", err)
	}
	for range 3 {
		if got := mustImportNotes(t, bob, file, "a.briefnotes"); got.Unchanged != 3 {
			t.Fatalf("re-import: %+v", got)
		}
	}
	again, err := os.ReadFile(bob.BackupPath(1))
	if err != nil || string(again) != string(first) {
		t.Fatal("a re-import that changed nothing replaced the backup")
	}
	if _, err := os.Stat(bob.BackupPath(2)); err == nil {
		t.Fatal("a re-import that changed nothing rotated the backups")
	}
}

// A waiting conflict is settled once a version arrives that descends
// from it: a later edit of theirs replaces it, and a resolution made
// elsewhere that took it in clears it. Keeping it later would otherwise
// bring older words back.
func TestNewerVersionClearsStaleConflict(t *testing.T) {
	ctx := context.Background()
	alice, bob, notes := exchange(t)
	mustImportNotes(t, bob, mustExport(t, alice, app.NoteFilter{}), "a.briefnotes")
	edit := func(db *data.DB, body string) {
		n, err := db.Note(ctx, notes[1].ID)
		if err != nil {
			t.Fatal(err)
		}
		n.Body = body
		mustSave(t, db, *n)
	}
	edit(bob, "bob 1")
	b1 := mustExport(t, bob, app.NoteFilter{})
	edit(alice, "alice 2")
	if got := mustImportNotes(t, alice, b1, "b1.briefnotes"); got.Conflicts != 1 {
		t.Fatalf("conflict import: %+v", got)
	}
	edit(bob, "bob 2")
	if got := mustImportNotes(t, alice, mustExport(t, bob, app.NoteFilter{}), "b2.briefnotes"); got.Conflicts != 1 {
		t.Fatalf("import of bob's later edit: %+v", got)
	}
	cs, err := alice.Conflicts(ctx)
	if err != nil || len(cs) != 1 || cs[0].Incoming.Body != "bob 2" {
		t.Fatalf("conflicts after bob's later edit: %+v, %v; want only bob 2", cs, err)
	}
	// The old file again is older than what waits: no new conflict.
	if got := mustImportNotes(t, alice, b1, "b1.briefnotes"); got.Conflicts != 0 {
		t.Fatalf("re-import of the older file: %+v", got)
	}

	// Bob meets alice's edit, resolves it his way, and his choice comes back.
	if got := mustImportNotes(t, bob, mustExport(t, alice, app.NoteFilter{}), "a2.briefnotes"); got.Conflicts != 1 {
		t.Fatalf("bob's import of alice's edit: %+v", got)
	}
	bc, _ := bob.Conflicts(ctx)
	if len(bc) != 1 {
		t.Fatalf("bob's conflicts: %+v", bc)
	}
	if err := bob.ResolveConflict(ctx, bc[0].ID, app.KeepMine); err != nil {
		t.Fatal(err)
	}
	if got := mustImportNotes(t, alice, mustExport(t, bob, app.NoteFilter{}), "b3.briefnotes"); got.Updated != 1 || got.Conflicts != 0 {
		t.Fatalf("alice's import of bob's resolution: %+v", got)
	}
	if cs, err := alice.Conflicts(ctx); err != nil || len(cs) != 0 {
		t.Fatalf("conflicts left after a version that settles them: %+v, %v", cs, err)
	}
	if got, _ := alice.Note(ctx, notes[1].ID); got.Body != "bob 2" {
		t.Fatalf("alice has %q, want bob's choice", got.Body)
	}
}

// Pack definitions are checked like notes before anything is written.
func TestImportRefusesBadPacks(t *testing.T) {
	ctx := context.Background()
	alice, bob, _ := exchange(t)
	pk := app.Pack{Name: "p", Resolutions: []int{44}}
	if err := alice.SavePack(ctx, &pk); err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	if err := alice.ExportNotes(ctx, &buf, app.NoteFilter{}, app.Author{Name: "Alice"}, []string{"p"}); err != nil {
		t.Fatal(err)
	}
	good := buf.String()
	for _, c := range []struct{ name, from, to, want string }{
		{"UnknownResolution", `"resolutions":[44]`, `"resolutions":[44,45]`, "resolution 45"},
		{"Future", `"updated":"2026`, `"updated":"2099`, "pack 1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			at := strings.Index(good, `"packs"`)
			if at < 0 {
				t.Fatal("the export holds no packs")
			}
			bad := good[:at] + strings.Replace(good[at:], c.from, c.to, 1)
			if bad == good {
				t.Fatalf("edit %q not found in\n%s", c.from, good)
			}
			before := noteRows(t, bob.SQL())
			_, err := importData(bob, []byte(bad), "bad.briefnotes", false)
			wantCode(t, err, app.EINVALID, c.want)
			if noteRows(t, bob.SQL()) != before {
				t.Fatal("a refused file changed the notes")
			}
			if _, err := bob.Pack(ctx, "p"); app.ErrorCode(err) != app.ENOTFOUND {
				t.Fatal("a refused file installed its pack")
			}
		})
	}
}

// A copy that differs only in the clause hash it carries is the same note:
// no conflict with nothing to choose between.
func TestHashOnlyDifferenceIsNoConflict(t *testing.T) {
	alice, _, notes := exchange(t)
	file := mustExport(t, alice, app.NoteFilter{})
	other := edited(t, file, notes[1].ID, func(n *app.Note) { n.ClauseHash = strings.Repeat("a", 64) })
	if got := mustImportNotes(t, alice, other, "o.briefnotes"); got.Conflicts != 0 || got.Unchanged != 3 {
		t.Fatalf("import of a hash-only difference: %+v", got)
	}
}
