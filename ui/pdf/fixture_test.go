package pdf_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/seeds"
)

// MustOpen opens a fresh database under tb.TempDir() holding the real
// corpus, parsed from the embedded document.
func MustOpen(tb testing.TB) *data.DB {
	tb.Helper()
	ctx := context.Background()
	db, err := data.Open(ctx, filepath.Join(tb.TempDir(), "t.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	c, err := seeds.Default()
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := db.Import(ctx, c); err != nil {
		tb.Fatal(err)
	}
	return db
}

// me is the delegate exporting in these tests.
var me = app.Author{Name: "Li Wei", Delegation: "China"}

// allPack prints every resolution of the corpus with everything on.
func allPack(tb testing.TB, db *data.DB) app.Pack {
	tb.Helper()
	rs, err := db.Resolutions(context.Background(), app.ResolutionFilter{})
	if err != nil {
		tb.Fatal(err)
	}
	nums, err := app.PresetResolutions(app.PresetAll, rs)
	if err != nil {
		tb.Fatal(err)
	}
	return app.Pack{
		Name: "all", Title: "WTSA-20 resolutions for ITU-D: full briefing", Target: app.TargetWTDC,
		Delegation: "China", Author: "Li Wei", Meeting: "WTDC-25 preparatory meeting, Geneva", Date: "2026-05-04",
		Resolutions: nums,
		Options:     app.PackOptions{Clauses: app.ClausesAll, Notes: app.NotesAll, Overview: true, RefsAppendix: true},
	}
}

// addNotes writes a spread of notes, mine and imported-looking ones,
// including text the font cannot show.
func addNotes(tb testing.TB, db *data.DB) []app.Note {
	tb.Helper()
	ctx := context.Background()
	db.Now = func() time.Time { return time.Date(2026, 4, 20, 8, 0, 0, 0, time.UTC) }
	r44, err := db.Resolution(ctx, 44)
	if err != nil {
		tb.Fatal(err)
	}
	r2, err := db.Resolution(ctx, 2)
	if err != nil {
		tb.Fatal(err)
	}
	notes := []app.Note{
		{Resolution: 44, ClauseID: r44.Clauses[len(r44.Clauses)-1].ID, Stance: app.StanceSupport, Priority: 1,
			Body: "支持继续执行行动计划，建议在WTDC上提出加强BDT与TSB协作的提案。", Tags: []string{"wtdc", "bsg"}},
		{Resolution: 44, Stance: app.StanceWatch, Body: "Watch the funding discussion for the BSG programme."},
		{Resolution: 2, ClauseID: r2.Clauses[0].ID, Stance: app.StanceConcern,
			Body: "Emoji 😀 and U+20000 \U00020000 and a bell \a and bidi \u202Eevil\u202C: all must print safely.\nSecond line."},
		{Resolution: 2, ClauseID: r2.Clauses[1].ID, Body: "A plain note without a stance."},
	}
	for i := range notes {
		notes[i].Author = me
		if err := db.SaveNote(ctx, &notes[i]); err != nil {
			tb.Fatal(err)
		}
	}
	return notes
}
