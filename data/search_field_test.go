package data_test

import (
	"context"
	"testing"

	"briefdesk/app"
	"briefdesk/data/tokenize"
)

// checkField checks where a hit says its best match is: a title for
// title hits; otherwise a clause whenever any clause of the resolution
// (text, heading or addressee) matches, since that is where the reader
// can be taken; else the summary or a footnote.
func checkField(t *testing.T, r *app.Resolution, pq tokenize.Query, h app.SearchHit) {
	t.Helper()
	inClause := false
	for _, c := range r.Clauses {
		for _, s := range []string{c.Heading, c.Addressee, c.Text} {
			inClause = inClause || len(pq.Highlight(s)) > 0
		}
	}
	switch {
	case h.Score >= 1:
		if h.Field != app.FieldTitle || h.ClauseID != "" {
			t.Fatalf("title hit %+v: want Field %q and no clause", h, app.FieldTitle)
		}
	case inClause:
		if h.Field != app.FieldClause || h.ClauseID == "" {
			t.Fatalf("hit %+v: a clause of resolution %d matches, so the hit should lead there", h, r.Number)
		}
	case h.Field == app.FieldSummary:
		if h.ClauseID != "" || len(pq.Highlight(r.Summary)) == 0 {
			t.Fatalf("summary hit %+v: the summary does not match, or a clause is named", h)
		}
	case h.Field == app.FieldFootnote:
		found := false
		for _, f := range r.Footnotes {
			anchor := f.Anchor
			if anchor == "title" {
				anchor = ""
			}
			found = found || anchor == h.ClauseID && len(pq.Highlight(f.Text)) > 0
		}
		if !found {
			t.Fatalf("footnote hit %+v: no footnote anchored there matches", h)
		}
	default:
		t.Fatalf("hit %+v: Field %q, want title, summary, clause or footnote", h, h.Field)
	}
}

// TestSearchPrefersClause: a query in both the Table 1 summary and an
// operative clause leads to the clause.
func TestSearchPrefersClause(t *testing.T) {
	db, c := searchDB(t)
	for _, tc := range []struct {
		q      string
		number int
	}{{"E.161.1", 100}, {"3/2", 50}, {"ITU-D第2研究组", 52}} {
		t.Run(tc.q, func(t *testing.T) {
			hits, err := db.Search(context.Background(), tc.q, 0)
			if err != nil {
				t.Fatal(err)
			}
			checkHits(t, c, tc.q, hits)
			for _, h := range hits {
				if h.Number == tc.number {
					if h.Field != app.FieldClause || h.ClauseID == "" {
						t.Fatalf("Search(%q): %+v, want a clause of resolution %d", tc.q, h, tc.number)
					}
					return
				}
			}
			t.Fatalf("Search(%q) misses resolution %d: %+v", tc.q, tc.number, hits)
		})
	}
}
