package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

// The window's open checks the database: rows deleted behind the search
// index's back make it refuse with EDAMAGED (so the GUI offers a rebuild),
// and rebuild moves the file aside and starts afresh, never deleting it.
func TestOpenChecksAndRebuildMovesAside(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "b.db")
	g := path // what --db names

	svc, closeDB, err := open(ctx, g)
	if err != nil {
		t.Fatalf("open a new database: %v", err)
	}
	if _, err := svc.Corpus.Resolution(ctx, 44); err != nil {
		t.Fatalf("Resolution 44: %v", err)
	}
	note := app.Note{Resolution: 64, ClauseID: "64/instructs/4", Author: app.Author{Name: "Ana"}, Body: "keep me"}
	if err := svc.Notes.SaveNote(ctx, &note); err != nil {
		t.Fatal(err)
	}
	closeDB()

	db, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().Exec("DELETE FROM clauses WHERE resolution = 44"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	_, _, err = open(ctx, g)
	if got := app.ErrorCode(err); got != app.EDAMAGED {
		t.Fatalf("open of a damaged database: code %q (%v), want %q", got, err, app.EDAMAGED)
	}
	if !strings.Contains(app.ErrorMessage(err), "integrity check") {
		t.Fatalf("message %q does not say what failed", app.ErrorMessage(err))
	}

	svc, closeDB, err = rebuild(ctx, g)
	if err != nil {
		t.Fatalf("rebuild: %v", err)
	}
	defer closeDB()
	if r, err := svc.Corpus.Resolution(ctx, 44); err != nil || len(r.Clauses) == 0 {
		t.Fatalf("after rebuild Resolution 44 has %v clauses (%v)", r, err)
	}
	if n, err := svc.Notes.Note(ctx, note.ID); err != nil || n.Body != "keep me" {
		t.Fatalf("the note did not survive the rebuild: %+v, %v", n, err)
	}
	moved, _ := filepath.Glob(path + ".broken-*")
	if len(moved) == 0 {
		t.Fatal("rebuild did not keep the damaged file")
	}
	if fi, err := os.Stat(moved[0]); err != nil || fi.Size() == 0 {
		t.Fatalf("kept file %s is missing or empty (%v)", moved[0], err)
	}
}
