package data_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

// normalize makes empty slices nil, so a round trip compares by content.
func normalize(rs []app.Resolution) []app.Resolution {
	out := make([]app.Resolution, len(rs))
	for i, r := range rs {
		if len(r.Clauses) == 0 {
			r.Clauses = nil
		}
		if len(r.Footnotes) == 0 {
			r.Footnotes = nil
		}
		if len(r.Refs) == 0 {
			r.Refs = nil
		}
		out[i] = r
	}
	return out
}

func TestImportRoundTrip(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		corpus *app.Corpus
	}{{"Hand", handCorpus()}, {"Real", realCorpus(t)}} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.corpus
			db := MustOpen(t)
			st, err := db.Import(ctx, c)
			if err != nil {
				t.Fatal(err)
			}
			if st.Resolutions != len(c.Resolutions) || st.Unchanged || st.Replaced {
				t.Fatalf("stats %+v", st)
			}
			got, err := db.Resolutions(ctx, app.ResolutionFilter{Full: true})
			if err != nil {
				t.Fatal(err)
			}
			if want := normalize(c.Resolutions); !reflect.DeepEqual(normalize(got), want) {
				t.Fatalf("Resolutions(Full) differs from the imported corpus:\n got %+v\nwant %+v", got, want)
			}
			for _, want := range c.Resolutions {
				r, err := db.Resolution(ctx, want.Number)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(normalize([]app.Resolution{*r}), normalize([]app.Resolution{want})) {
					t.Fatalf("Resolution(%d) = %+v, want %+v", want.Number, r, want)
				}
			}
			src, err := db.Source(ctx)
			if err != nil || src != c.Source {
				t.Fatalf("Source = %+v, %v; want %+v", src, err, c.Source)
			}
			ov, err := db.Overview(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ov, c.Overview) {
				t.Fatalf("Overview = %+v, want %+v", ov, c.Overview)
			}
		})
	}
}

func TestReadersBeforeImport(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	if _, err := db.Source(ctx); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("Source: %v, want ENOTFOUND", err)
	}
	if rs, err := db.Resolutions(ctx, app.ResolutionFilter{}); err != nil || len(rs) != 0 {
		t.Fatalf("Resolutions = %v, %v", rs, err)
	}
	if hits, err := db.Search(ctx, "电磁", 10); err != nil || len(hits) != 0 {
		t.Fatalf("Search = %v, %v", hits, err)
	}
}

// dataVersion opens a connection of its own: PRAGMA data_version changes
// only when another connection commits.
func dataVersion(t *testing.T, conn *sql.Conn) int {
	t.Helper()
	var v int
	if err := conn.QueryRowContext(context.Background(), "PRAGMA data_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestImportIdempotent(t *testing.T) {
	ctx := context.Background()
	db := mustImport(t, realCorpus(t))
	watcher, err := sql.Open("sqlite", "file:"+db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer watcher.Close()
	conn, err := watcher.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()

	before, v0 := dump(t, db.SQL()), dataVersion(t, conn)
	st, err := db.Import(ctx, realCorpus(t))
	if err != nil {
		t.Fatal(err)
	}
	if !st.Unchanged || st.Replaced || st.Resolutions != 28 {
		t.Fatalf("second import: %+v, want Unchanged with 28 resolutions", st)
	}
	if after := dump(t, db.SQL()); after != before {
		t.Fatal("importing the same corpus again changed rows")
	}
	if v := dataVersion(t, conn); v != v0 {
		t.Fatalf("data_version %d -> %d: the same import wrote to the file", v0, v)
	}

	// The probe must be able to see a change: a different corpus is one.
	if _, err := db.Import(ctx, handCorpus()); err != nil {
		t.Fatal(err)
	}
	if v := dataVersion(t, conn); v == v0 {
		t.Fatal("data_version did not change after a real import; the test above proves nothing")
	}
}

func TestImportReplaces(t *testing.T) {
	ctx := context.Background()
	db := mustImport(t, realCorpus(t))
	if err := db.SetSetting(ctx, app.SettingAuthorName, "李明"); err != nil {
		t.Fatal(err)
	}
	st, err := db.Import(ctx, handCorpus())
	if err != nil {
		t.Fatal(err)
	}
	if !st.Replaced || st.Unchanged || st.Resolutions != 2 || st.Clauses != 3 || st.Refs != 6 || st.Footnotes != 1 {
		t.Fatalf("stats %+v", st)
	}
	rs, err := db.Resolutions(ctx, app.ResolutionFilter{})
	if err != nil || len(rs) != 2 || rs[0].Number != 9 || rs[1].Number != 59 {
		t.Fatalf("after replacing: %v, %v", rs, err)
	}
	if _, err := db.Resolution(ctx, 44); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("Resolution(44) after replacing: %v, want ENOTFOUND", err)
	}
	if hits, err := db.Search(ctx, "电磁", 0); err != nil || len(hits) != 0 {
		t.Fatalf("old text still found: %v, %v", hits, err)
	}
	if name, _ := db.Setting(ctx, app.SettingAuthorName); name != "李明" {
		t.Fatalf("setting lost in import: %q", name)
	}
	if rep, err := db.Check(ctx); err != nil || !rep.OK() {
		t.Fatalf("Check after replacing: %+v, %v", rep, err)
	}
}

func TestImportRefusesInvalid(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		spoil func(c *app.Corpus)
		want  string
	}{
		{"DuplicateClauseID", func(c *app.Corpus) { c.Resolutions[1].Clauses[0].ID = "9/resolves/1" }, `clause ID "9/resolves/1" appears twice`},
		{"DuplicateResolution", func(c *app.Corpus) { c.Resolutions[1].Number = 9 }, "resolution 9 appears twice"},
		{"ZeroNumber", func(c *app.Corpus) { c.Resolutions[0].Number = 0 }, "numbers must be positive"},
		{"BadStatus", func(c *app.Corpus) { c.Resolutions[0].Status = "adopted" }, `unknown status "adopted"`},
		{"NoTitle", func(c *app.Corpus) { c.Resolutions[1].Title = "" }, "resolution 59 has no title"},
		{"ClauseOfOther", func(c *app.Corpus) { c.Resolutions[1].Clauses[0].Resolution = 9 }, "belongs to resolution 9"},
		{"DuplicateSeq", func(c *app.Corpus) { c.Resolutions[0].Clauses[1].Seq = 0 }, "used twice"},
		{"UnknownSection", func(c *app.Corpus) { c.Resolutions[0].Clauses[0].Section = "whereas" }, `unknown section "whereas"`},
		{"EmptyClause", func(c *app.Corpus) { c.Resolutions[0].Clauses[0].Text = " " }, "has no text"},
		{"RefToMissingClause", func(c *app.Corpus) { c.Resolutions[0].Refs[1].ClauseID = "59/recalling/a" }, "not one of its clauses"},
		{"RefKind", func(c *app.Corpus) { c.Resolutions[0].Refs[0].Kind = "treaty" }, `unknown kind "treaty"`},
		{"FootnoteAnchor", func(c *app.Corpus) { c.Resolutions[0].Footnotes[0].Anchor = "9/x" }, "footnote 1 is anchored"},
		{"Marks", func(c *app.Corpus) { c.Resolutions[0].Summary = "«x»" }, "reserves for marking"},
		{"BadUTF8", func(c *app.Corpus) { c.Overview[0].Title = "\xff" }, "not valid UTF-8"},
		{"NoFingerprint", func(c *app.Corpus) { c.Source.Fingerprint = "" }, "no fingerprint"},
		{"NoResolutions", func(c *app.Corpus) { c.Resolutions = nil }, "no resolutions"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := mustImport(t, realCorpus(t))
			before := dump(t, db.SQL())
			c := handCorpus()
			tc.spoil(c)
			_, err := db.Import(ctx, c)
			if app.ErrorCode(err) != app.EINVALID || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "nothing was changed") {
				t.Fatalf("Import: %v; want EINVALID mentioning %q", err, tc.want)
			}
			if dump(t, db.SQL()) != before {
				t.Fatal("a refused import changed the database")
			}
		})
	}
	t.Run("Nil", func(t *testing.T) {
		if _, err := MustOpen(t).Import(ctx, nil); app.ErrorCode(err) != app.EINVALID {
			t.Fatalf("Import(nil): %v", err)
		}
	})
}

// TestImportFailsMidway makes SQLite fail after the old corpus has been
// deleted and half the new one written: the transaction must roll back.
func TestImportFailsMidway(t *testing.T) {
	ctx := context.Background()
	db := mustImport(t, realCorpus(t))
	if _, err := db.SQL().Exec(`CREATE TRIGGER boom BEFORE INSERT ON clauses WHEN NEW.id = '59/recalling/a'
		BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`); err != nil {
		t.Fatal(err)
	}
	before := dump(t, db.SQL())
	_, err := db.Import(ctx, handCorpus())
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("Import: %v, want the trigger's failure", err)
	}
	if dump(t, db.SQL()) != before {
		t.Fatal("a failed import left the database changed")
	}
	if rep, err := db.Check(ctx); err != nil || !rep.OK() {
		t.Fatalf("Check after a failed import: %+v, %v", rep, err)
	}
}

// TestNoForeignKeysIntoCorpus guards the promise that re-importing the
// corpus never cascades into notes, packs or settings: no table outside
// the corpus may reference a corpus table.
func TestNoForeignKeysIntoCorpus(t *testing.T) {
	corpus := map[string]bool{}
	for _, n := range []string{"corpus_source", "overview_sections", "overview_paragraphs", "resolutions", "clauses", "footnotes", "refs"} {
		corpus[n] = true
	}
	db := MustOpen(t)
	rows, err := db.SQL().Query(`SELECT m.name, f."table" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var from, to string
		rows.Scan(&from, &to)
		if corpus[to] && !corpus[from] {
			t.Errorf("table %s has a foreign key into corpus table %s: a re-import would cascade into it", from, to)
		}
	}
}

func TestEnsureCorpus(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	calls := 0
	load := func() (*app.Corpus, error) { calls++; return handCorpus(), nil }

	boom := errors.New("cannot read document")
	if err := db.EnsureCorpus(ctx, func() (*app.Corpus, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Fatalf("EnsureCorpus with failing load: %v", err)
	}
	if ok, _ := db.HasCorpus(ctx); ok {
		t.Fatal("a failed load left a corpus")
	}
	for i := 0; i < 2; i++ {
		if err := db.EnsureCorpus(ctx, load); err != nil {
			t.Fatal(err)
		}
	}
	if calls != 1 {
		t.Fatalf("load called %d times, want once", calls)
	}
	if ok, err := db.HasCorpus(ctx); !ok || err != nil {
		t.Fatalf("HasCorpus = %v, %v", ok, err)
	}
}

func TestMoveAside(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	p := filepath.Join(dir, "b.db")
	db, err := data.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetSetting(ctx, app.SettingAuthorName, "王芳"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	os.WriteFile(p+"-wal", nil, 0o644) // as a crash would leave it

	moved, err := data.MoveAside(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(moved, p+".broken-") {
		t.Fatalf("moved to %s", moved)
	}
	for _, f := range []string{p, p + "-wal"} {
		if _, err := os.Stat(f); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%s still there after MoveAside (%v)", f, err)
		}
	}
	if _, err := os.Stat(moved + "-wal"); err != nil {
		t.Fatalf("-wal not moved with the database: %v", err)
	}
	old, err := data.Open(ctx, moved)
	if err != nil {
		t.Fatal(err)
	}
	if name, _ := old.Setting(ctx, app.SettingAuthorName); name != "王芳" {
		t.Fatalf("moved database lost its data: %q", name)
	}
	old.Close()

	// A second failure in the same second gets a name of its own.
	fresh, err := data.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	fresh.Close()
	again, err := data.MoveAside(p)
	if err != nil || again == moved {
		t.Fatalf("second MoveAside = %q, %v (first %q)", again, err, moved)
	}
	if _, err := data.MoveAside(filepath.Join(dir, "none.db")); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("MoveAside of a missing file: %v", err)
	}
}
