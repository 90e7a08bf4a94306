package data_test

import (
	"testing"

	"briefdesk/app"
)

// FuzzImportNotes imports whatever it is given into a real database that
// already holds notes and their histories. A file is refused whole (an
// EINVALID error, the notes as they were, the dry run too) or imported;
// the dry run reports exactly what the import then does and changes
// nothing; and the same file imported again changes nothing more: no
// note added, replaced or put in conflict a second time.
func FuzzImportNotes(f *testing.F) {
	db := notesDB(f)
	res, c1, _ := twoClauses(f)
	n := mustSave(f, db, app.Note{Resolution: res, ClauseID: c1.ID, Author: app.Author{Name: "a"}, Body: "X"})
	seed := mustExport(f, db, app.NoteFilter{})
	n.Body = "Y"
	mustSave(f, db, n)
	for _, b := range [][]byte{
		seed,
		versionOne(f, seed),
		edited(f, seed, n.ID, func(n *app.Note) { n.Body = "Z" }),
		edited(f, seed, n.ID, func(n *app.Note) { n.Deleted = true }),
		edited(f, seed, n.ID, func(n *app.Note) { n.History = nil }),
		edited(f, seed, n.ID, func(n *app.Note) { n.ID = "0b4e28ba-2fa1-41d2-883f-0016d3cca427" }),
	} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		before := noteRows(t, db.SQL())
		dry, err := importData(db, data, "f.briefnotes", true)
		if noteRows(t, db.SQL()) != before {
			t.Fatal("a dry run changed the notes")
		}
		if err != nil {
			if app.ErrorCode(err) != app.EINVALID {
				t.Fatalf("dry run: %v (code %q), not a rejection", err, app.ErrorCode(err))
			}
			if _, err := importData(db, data, "f.briefnotes", false); app.ErrorCode(err) != app.EINVALID {
				t.Fatalf("the dry run refused the file (%v), the import says %v", dry, err)
			}
			if noteRows(t, db.SQL()) != before {
				t.Fatal("a refused file changed the notes")
			}
			return
		}
		got, err := importData(db, data, "f.briefnotes", false)
		if err != nil {
			t.Fatalf("the dry run accepted the file, the import says %v", err)
		}
		dry.DryRun = false
		if got != dry {
			t.Fatalf("the dry run said %+v, the import did %+v", dry, got)
		}
		again, err := importData(db, data, "f.briefnotes", false)
		if err != nil || again.Added+again.Updated+again.Conflicts+again.PacksAdded+again.PacksUpdated != 0 {
			t.Fatalf("the same file again did %+v (%v)", again, err)
		}
	})
}
