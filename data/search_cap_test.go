package data_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"briefdesk/data/corpusgen"
)

// Past rankCap matches, a page is still right: title hits first, then
// resolutions that do contain the words, as many as asked, none twice.
func TestSearchManyMatches(t *testing.T) {
	if testing.Short() {
		if os.Getenv("CI") != "" {
			t.Fatal("CI runs every test: drop -short")
		}
		t.Skip("imports a 2,500-resolution corpus")
	}
	ctx := context.Background()
	db := MustOpen(t)
	c := corpusgen.Generate(realCorpus(t), 2500, 7)
	if _, err := db.Import(ctx, c); err != nil {
		t.Fatal(err)
	}
	text := map[int]string{}
	titles := map[int]string{}
	for _, r := range c.Resolutions {
		var b strings.Builder
		b.WriteString(r.Summary)
		for _, cl := range r.Clauses {
			b.WriteString("\n" + cl.Heading + "\n" + cl.Addressee + "\n" + cl.Text)
		}
		for _, f := range r.Footnotes {
			b.WriteString("\n" + f.Text)
		}
		text[r.Number] = b.String()
		titles[r.Number] = r.Title + "\n" + r.TitleTable1
	}
	for _, q := range []string{"电信发展局主任", "发展中国家", "主任"} {
		matches := 0
		for n := range text {
			if strings.Contains(text[n], q) || strings.Contains(titles[n], q) {
				matches++
			}
		}
		if matches <= 2000 {
			t.Fatalf("%q matches only %d resolutions: the test needs more than the cap", q, matches)
		}
		hits, err := db.Search(ctx, q, 20)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 20 {
			t.Fatalf("%q: %d hits, want 20", q, len(hits))
		}
		seen := map[int]bool{}
		inTitles := true
		for _, h := range hits {
			if seen[h.Number] {
				t.Fatalf("%q: resolution %d twice", q, h.Number)
			}
			seen[h.Number] = true
			title := strings.Contains(titles[h.Number], q)
			if title && !inTitles {
				t.Fatalf("%q: title hit %d after a non-title hit", q, h.Number)
			}
			inTitles = inTitles && title
			if !title && !strings.Contains(text[h.Number], q) {
				t.Fatalf("%q: resolution %d does not contain it", q, h.Number)
			}
			if !strings.Contains(h.Snippet, "«") {
				t.Fatalf("%q: hit %d has no marked snippet: %q", q, h.Number, h.Snippet)
			}
		}
	}
}
