package data_test

import (
	"context"
	"strings"
	"testing"

	"briefdesk/app"
)

// TestSearchHeadings: text found only in a clause's heading or addressee
// (责成第17研究组, 电信标准化局主任) is found, and the hit leads to the
// first clause under that heading or addressee.
func TestSearchHeadings(t *testing.T) {
	db, c := searchDB(t)
	for _, tc := range []struct {
		q   string
		has []int // resolutions the document certainly has q in
	}{
		{"电信标准化局主任", []int{44, 54, 73, 76, 79, 84, 88, 89, 92, 95, 96, 97, 98, 100}},
		{"第17研究组", []int{50}},
		{"ITU-T研究组的职权", []int{2}},
		{"责成", []int{44, 50}},
	} {
		t.Run(tc.q, func(t *testing.T) {
			hits, err := db.Search(context.Background(), tc.q, 0)
			if err != nil {
				t.Fatal(err)
			}
			got := hitSet(hits)
			want := bruteForce(c, func(s string) bool { return strings.Contains(s, tc.q) })
			if got.String() != want.String() {
				t.Fatalf("Search(%q) found %v, want %v", tc.q, got, want)
			}
			for _, n := range tc.has {
				if !got[n] {
					t.Fatalf("Search(%q) misses resolution %d", tc.q, n)
				}
			}
			checkHits(t, c, tc.q, hits)
			for _, h := range hits {
				r := resolution(c, h.Number)
				if id := onlyInHeading(r, tc.q); id != "" && h.ClauseID != id {
					t.Errorf("Search(%q): resolution %d has it only in the heading or addressee of %s, but the hit leads to %q", tc.q, h.Number, id, h.ClauseID)
				}
			}
		})
	}
}

// onlyInHeading returns the first clause of r whose heading or addressee
// contains q, when no other text of r does; "" otherwise.
func onlyInHeading(r *app.Resolution, q string) string {
	first := ""
	for _, cl := range r.Clauses {
		if first == "" && (strings.Contains(cl.Heading, q) || strings.Contains(cl.Addressee, q)) {
			first = cl.ID
		}
	}
	others := []string{r.Title, r.TitleTable1, r.Summary}
	for _, cl := range r.Clauses {
		others = append(others, cl.Text)
	}
	for _, f := range r.Footnotes {
		others = append(others, f.Text)
	}
	for _, s := range others {
		if strings.Contains(s, q) {
			return ""
		}
	}
	return first
}

func resolution(c *app.Corpus, n int) *app.Resolution {
	for i := range c.Resolutions {
		if c.Resolutions[i].Number == n {
			return &c.Resolutions[i]
		}
	}
	return nil
}
