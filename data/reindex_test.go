package data_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"briefdesk/data"
)

// legacyIndex is how BriefDesk indexed before headings and addressees
// were searched, as migration 0005 records it for older databases.
const legacyIndex = "tokenize v2, search v1"

// TestOpenReindexes makes a database look as an older BriefDesk left it:
// an index without headings, its search hashes and content hash of that
// version. Open must rebuild the index from the stored rows, so that
// search finds headings and Check finds nothing wrong; but a corpus
// changed behind BriefDesk's back must not be blessed on the way.
func TestOpenReindexes(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		tamper string
	}{{"Sound", ""}, {"Tampered", "UPDATE clauses SET text = 'x' WHERE id = '44/instructs/9'"}} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "old.db")
			c := realCorpus(t)
			db, err := data.Open(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Import(ctx, c); err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(c)
			sum := sha256.Sum256([]byte("briefdesk corpus, " + legacyIndex + "\n" + string(b)))
			for _, q := range []string{
				"INSERT INTO search(search) VALUES('delete-all')",
				"UPDATE resolutions SET search_hash = 'older'",
				"UPDATE corpus_source SET indexed_by = '" + legacyIndex + "', content_hash = '" + hex.EncodeToString(sum[:]) + "'",
				tc.tamper,
			} {
				if _, err := db.SQL().Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			db.Close()

			db, err = data.Open(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			hits, err := db.Search(ctx, "电信标准化局主任", 0)
			if err != nil || !hitSet(hits)[96] {
				t.Fatalf("after reopening, Search misses resolution 96's addressee: %v, %v", hitSet(hits), err)
			}
			rep, err := db.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(rep.Problems, "\n")
			if tc.tamper == "" {
				if !rep.OK() {
					t.Fatalf("Check after re-indexing: %q", rep.Problems)
				}
				if st, err := db.Import(ctx, c); err != nil || !st.Unchanged {
					t.Fatalf("importing the same corpus after re-indexing: %+v, %v; want Unchanged", st, err)
				}
				return
			}
			if !strings.Contains(all, differ) || strings.Contains(all, "search index") {
				t.Fatalf("Check after re-indexing a tampered corpus: %q; want only that the rows differ from the import", rep.Problems)
			}
		})
	}
}
