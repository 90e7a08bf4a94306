package data_test

import (
	"context"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

// spoiledDB imports the real corpus into a file, closes it and writes
// junk over part of it at offset, as a failing disk or a stray program
// would. It returns the path.
func spoiledDB(t *testing.T, offset int64, n int) string {
	t.Helper()
	p := corpusFile(t, "spoiled.db")
	junk := make([]byte, n)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range junk {
		junk[i] = byte(r.Uint32())
	}
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(junk, offset); err != nil {
		t.Fatal(err)
	}
	return p
}

// wantDamaged checks that err is one a person can act on: EDAMAGED,
// naming the file, saying what to do and that nothing changed, with no
// raw SQLite message.
func wantDamaged(t *testing.T, what string, err error, path string) {
	t.Helper()
	msg := app.ErrorMessage(err)
	if app.ErrorCode(err) != app.EDAMAGED {
		t.Fatalf("%s: %v; want EDAMAGED", what, err)
	}
	for _, w := range []string{"the database " + path + " is damaged", "briefdesk check", "rebuild", "nothing was changed"} {
		if !strings.Contains(msg, w) {
			t.Fatalf("%s: message %q does not say %q", what, msg, w)
		}
	}
	for _, raw := range []string{"(11)", "(26)", "malformed", "fts5", "SQL logic error"} {
		if strings.Contains(msg, raw) {
			t.Fatalf("%s: message %q shows SQLite's own words %q", what, msg, raw)
		}
	}
}

func TestDamagedFileErrors(t *testing.T) {
	ctx := context.Background()
	p := spoiledDB(t, 40000, 2000)
	db, err := data.Open(ctx, p)
	if err != nil {
		wantDamaged(t, "Open", err, p)
		t.Fatal("Open refused the file: the readers are not reached")
	}
	defer db.Close()
	failed := 0
	for _, c := range []struct {
		name string
		call func() error
	}{
		{"Search", func() error { _, err := db.Search(ctx, "电磁", 0); return err }},
		{"Resolutions", func() error { _, err := db.Resolutions(ctx, app.ResolutionFilter{Full: true}); return err }},
		{"Resolution", func() error { _, err := db.Resolution(ctx, 72); return err }},
		{"Entities", func() error { _, err := db.Entities(ctx, ""); return err }},
		{"Overview", func() error { _, err := db.Overview(ctx); return err }},
		{"Import", func() error { _, err := db.Import(ctx, handCorpus()); return err }},
	} {
		err := c.call()
		if err == nil {
			continue
		}
		failed++
		wantDamaged(t, c.name, err, p)
	}
	if failed == 0 {
		t.Fatal("nothing failed on the damaged file: the test proves nothing")
	}
}

// TestMissingTableErrors: a table of ours dropped behind BriefDesk's back
// is damage, not an internal error.
func TestMissingTableErrors(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		table string
		call  func(db *data.DB) error
	}{
		{"clauses", func(db *data.DB) error { _, err := db.Resolution(ctx, 44); return err }},
		{"search", func(db *data.DB) error { _, err := db.Search(ctx, "电磁", 0); return err }},
		{"notes", func(db *data.DB) error { _, err := db.NoteCounts(ctx); return err }},
		{"packs", func(db *data.DB) error { _, err := db.Packs(ctx); return err }},
		{"settings", func(db *data.DB) error { return db.SetSetting(ctx, app.SettingLanguage, "zh") }},
	} {
		t.Run(tc.table, func(t *testing.T) {
			db, _ := searchDB(t)
			if _, err := db.SQL().Exec("PRAGMA foreign_keys = OFF; DROP TABLE " + tc.table); err != nil {
				t.Fatal(err)
			}
			err := tc.call(db)
			wantDamaged(t, tc.table, err, db.Path())
			if !strings.Contains(app.ErrorMessage(err), tc.table) {
				t.Fatalf("message %q does not name the missing table", app.ErrorMessage(err))
			}
		})
	}
}

// TestCheckSentences: Check's problems are sentences, not SQLite's
// diagnostics.
func TestCheckSentences(t *testing.T) {
	db, _ := searchDB(t)
	if _, err := db.SQL().Exec("UPDATE search_data SET block = substr(block, 1, length(block) / 2) WHERE id = (SELECT max(id) FROM search_data)"); err != nil {
		t.Fatal(err)
	}
	rep, err := db.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(rep.Problems, "\n")
	if !strings.Contains(all, "the search index is damaged") {
		t.Fatalf("problems %q do not say the search index is damaged", rep.Problems)
	}
	for _, raw := range []string{"fts5", "blob", "malformed"} {
		if strings.Contains(all, raw) {
			t.Fatalf("problems %q show SQLite's own words %q", rep.Problems, raw)
		}
	}
}
