package data_test

import (
	"context"
	"reflect"
	"testing"

	"briefdesk/app"
)

// TestImportRepairs changes or damages the stored corpus behind
// BriefDesk's back, one way per case. Importing the same corpus again must
// then write it afresh, not skip as unchanged, and leave a database that
// checks sound and answers as the original did: that is the repair Check
// advises.
func TestImportRepairs(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct{ name, sql string }{
		{"ClauseText", "UPDATE clauses SET text = 'x' WHERE id = '44/instructs/9'"},
		{"SearchDropped", "DROP TABLE search"},
		{"SearchDocumentDeleted", "DELETE FROM search_docsize WHERE id = 72"},
		{"SearchDataCorrupted", "UPDATE search_data SET block = substr(block, 1, length(block) / 2) WHERE id = (SELECT max(id) FROM search_data)"},
		{"OverviewDeleted", "DELETE FROM overview_paragraphs"},
		{"StatusChanged", "UPDATE resolutions SET status = CASE status WHEN 'new' THEN 'revised' ELSE 'new' END WHERE number = 44"},
		{"HeadingEdited", "UPDATE clauses SET heading = heading || '和' WHERE id = '44/instructs/9'"},
		{"RefKeyChanged", "UPDATE refs SET key = key || '0' WHERE resolution = 44 AND seq = 0"},
		{"SearchHashForged", "UPDATE resolutions SET search_hash = 'x' WHERE number = 44"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := realCorpus(t)
			db := mustImport(t, c)
			want, err := db.Search(ctx, "电磁", 0)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.SQL().ExecContext(ctx, tc.sql); err != nil {
				t.Fatal(err)
			}
			st, err := db.Import(ctx, c)
			if err != nil {
				t.Fatal(err)
			}
			if st.Unchanged {
				t.Fatal("Import skipped a corpus changed behind its back")
			}
			if rep, err := db.Check(ctx); err != nil || !rep.OK() {
				t.Fatalf("Check after the import: %q, %v", rep.Problems, err)
			}
			got, err := db.Search(ctx, "电磁", 0)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("Search after the import: %+v, %v; want %+v", got, err, want)
			}
			rs, err := db.Resolutions(ctx, app.ResolutionFilter{Full: true})
			if err != nil || !reflect.DeepEqual(normalize(rs), normalize(c.Resolutions)) {
				t.Fatalf("resolutions after the import differ from the corpus (%v)", err)
			}
			if st, err := db.Import(ctx, c); err != nil || !st.Unchanged {
				t.Fatalf("a third import: %+v, %v; want Unchanged", st, err)
			}
		})
	}
}

// TestImportKeepsSearchTable: the search table Import makes afresh is the
// one the migration made.
func TestImportKeepsSearchTable(t *testing.T) {
	db := MustOpen(t)
	ddl := func() string {
		var s string
		if err := db.SQL().QueryRow("SELECT sql FROM sqlite_schema WHERE name = 'search'").Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	before := ddl()
	if _, err := db.Import(context.Background(), handCorpus()); err != nil {
		t.Fatal(err)
	}
	if after := ddl(); after != before {
		t.Fatalf("search table after Import:\n%s\nwant, as the migration made it:\n%s", after, before)
	}
}
