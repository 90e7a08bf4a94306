package data_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

func TestCheckSound(t *testing.T) {
	db, c := searchDB(t)
	rep, err := db.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("problems in a fresh import: %q", rep.Problems)
	}
	clauses := 0
	for _, r := range c.Resolutions {
		clauses += len(r.Clauses)
	}
	if rep.Resolutions != 28 || rep.Clauses != clauses {
		t.Fatalf("counted %d resolutions and %d clauses, want 28 and %d", rep.Resolutions, rep.Clauses, clauses)
	}
}

func TestCheckNoCorpus(t *testing.T) {
	rep, err := MustOpen(t).Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || !strings.Contains(strings.Join(rep.Problems, "\n"), "no corpus") {
		t.Fatalf("problems %q, want one saying there is no corpus", rep.Problems)
	}
}

// differ is Check's sentence for rows changed behind BriefDesk's back.
const differ = "the stored resolutions differ from what was imported"

// TestCheckFindsDamage damages a database behind BriefDesk's back, one
// way per case, and expects Check to say so in plain words.
func TestCheckFindsDamage(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		sql  string // run on one connection with foreign keys off
		want []string
	}{
		{"ClauseChangedBehindIndex", "UPDATE clauses SET text = text || '另加的话' WHERE id = '64/instructs/1'",
			[]string{"text of 1 resolutions (64) is not what the search index holds"}},
		{"ClauseDeleted", "DELETE FROM clauses WHERE id = '64/instructs/1'",
			[]string{"should have 211 clauses but has 210", "(64) is not what the search index holds"}},
		{"IndexDocumentDeleted", "DELETE FROM search_docsize WHERE id = 44",
			[]string{"resolutions are missing from the search index", "documents in the search index"}},
		{"IndexDataCorrupted", "UPDATE search_data SET block = substr(block, 1, length(block) / 2) WHERE id = (SELECT max(id) FROM search_data)",
			[]string{"the search index is damaged"}},
		{"ResolutionDeleted", "DELETE FROM resolutions WHERE number = 44",
			[]string{"should have 28 resolutions but has 27", "rows of clauses point to missing rows of resolutions", "clauses belong to no resolution",
				"documents of the search index belong to no resolution"}},
		{"RefToMissingClause", "UPDATE refs SET clause_id = '44/none/1' WHERE resolution = 44 AND seq = 0",
			[]string{"references come from a clause that does not exist"}},
		{"CountsForged", "UPDATE corpus_source SET refs = refs + 1",
			[]string{"references but has"}},
		{"TableDropped", "DROP TABLE footnotes",
			[]string{"part of the database is missing: the table footnotes"}},
		{"ClauseText", "UPDATE clauses SET text = 'x' WHERE id = '44/instructs/9'",
			[]string{differ, "(44) is not what the search index holds"}},
		{"OverviewDeleted", "DELETE FROM overview_paragraphs", []string{differ}},
		{"StatusChanged", "UPDATE resolutions SET status = CASE status WHEN 'new' THEN 'revised' ELSE 'new' END WHERE number = 44", []string{differ}},
		{"HeadingEdited", "UPDATE clauses SET heading = heading || '和' WHERE id = '44/instructs/9'", []string{differ}},
		{"AddresseeEdited", "UPDATE clauses SET addressee = addressee || '和' WHERE id = '44/instructs/9'", []string{differ}},
		{"RefKeyChanged", "UPDATE refs SET key = key || '0' WHERE resolution = 44 AND seq = 0", []string{differ}},
		{"SourceRenamed", "UPDATE corpus_source SET title = title || '和'", []string{differ}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db, _ := searchDB(t)
			conn, err := db.SQL().Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
				t.Fatal(err)
			}
			if _, err := conn.ExecContext(ctx, tc.sql); err != nil {
				t.Fatal(err)
			}
			conn.ExecContext(ctx, "PRAGMA foreign_keys = ON")
			conn.Close()
			rep, err := db.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(rep.Problems, "\n")
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("problems %q do not mention %q", rep.Problems, w)
				}
			}
		})
	}
}

// TestCheckDamagedFile damages the file itself. Either Open refuses it as
// EDAMAGED or Check reports problems; a damaged file must never pass.
func TestCheckDamagedFile(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		spoil func(path string, size int64) error
	}{
		{"Truncated", func(p string, size int64) error { return os.Truncate(p, size/2) }},
		{"PagesOverwritten", func(p string, size int64) error {
			f, err := os.OpenFile(p, os.O_RDWR, 0)
			if err != nil {
				return err
			}
			defer f.Close()
			junk := []byte(strings.Repeat("\xa5junk", 4096/5))
			for off := int64(4096 * 3); off < size-4096; off += 4096 * 7 {
				if _, err := f.WriteAt(junk, off); err != nil {
					return err
				}
			}
			return nil
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "d.db")
			db, err := data.Open(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Import(ctx, realCorpus(t)); err != nil {
				t.Fatal(err)
			}
			db.Close() // the last connection checkpoints the WAL into the file
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := tc.spoil(p, fi.Size()); err != nil {
				t.Fatal(err)
			}
			db, err = data.Open(ctx, p)
			if err != nil {
				if app.ErrorCode(err) != app.EDAMAGED {
					t.Fatalf("Open of a damaged file: %v, want EDAMAGED", err)
				}
				return
			}
			defer db.Close()
			rep, err := db.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK() {
				t.Fatal("Check found nothing wrong with a damaged file")
			}
			t.Logf("problems: %q", rep.Problems)
		})
	}
}
