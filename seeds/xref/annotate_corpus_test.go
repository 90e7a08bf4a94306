package xref_test

import (
	"fmt"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/seeds"
	"briefdesk/seeds/xref"
)

// TestAnnotateCorpus parses the embedded document with the seeds parser,
// annotates it (again, if Parse already did: Annotate must be idempotent)
// and compares every resolution's references with the hand-checked list.
func TestAnnotateCorpus(t *testing.T) {
	c, err := seeds.Default()
	if err != nil || c == nil {
		t.Fatalf("the embedded document does not parse: %v", err)
	}
	before := make(map[int]string, len(c.Resolutions))
	for _, r := range c.Resolutions {
		before[r.Number] = fmt.Sprint(r.Refs)
	}
	xref.Annotate(c)

	exp := loadExpected(t)
	got := map[int]refSet{}
	byKind := map[app.RefKind]int{}
	for _, r := range c.Resolutions {
		got[r.Number] = refSet{}
		// Where each reference may come from: the title (and its
		// footnotes) for "", a clause's own fields for its ID.
		sources := map[string]string{"": r.Title + "\n" + r.TitleTable1}
		for _, cl := range r.Clauses {
			sources[cl.ID] = cl.Heading + "\n" + cl.Addressee + "\n" + cl.Text
		}
		for _, f := range r.Footnotes {
			sources[f.Anchor] += "\n" + f.Text
			sources[""] += "\n" + f.Text
		}
		seen := map[string]bool{}
		for _, ref := range r.Refs {
			got[r.Number].add(ref)
			byKind[ref.Kind]++
			if ref.ClauseID != "" && !clauseOf(r, ref.ClauseID) {
				t.Errorf("Res %d: %s %s cites clause %q, which is not a clause of Res %d", r.Number, ref.Kind, ref.Key, ref.ClauseID, r.Number)
			} else if ref.Text == "" || !strings.Contains(sources[ref.ClauseID], ref.Text) {
				t.Errorf("Res %d: %s %s: surface text %q is not in what clause %q says", r.Number, ref.Kind, ref.Key, ref.Text, ref.ClauseID)
			}
			k := fmt.Sprint(ref.Kind, "|", ref.Key, "|", ref.ClauseID)
			if seen[k] {
				t.Errorf("Res %d: %s listed twice", r.Number, k)
			}
			seen[k] = true
		}
		if b := before[r.Number]; b != "[]" && b != fmt.Sprint(r.Refs) {
			t.Errorf("Res %d: Annotate after Parse changed the refs:\n was %s\n now %v", r.Number, b, r.Refs)
		}
	}
	if len(c.Resolutions) != 28 {
		t.Errorf("parsed %d resolutions, want 28", len(c.Resolutions))
	}
	t.Logf("citations by kind: %s", countByKind(byKind))
	compare(t, exp, got)
}

// clauseOf reports whether id is the ID of one of r's clauses.
func clauseOf(r app.Resolution, id string) bool {
	for _, c := range r.Clauses {
		if c.ID == id {
			return true
		}
	}
	return false
}

// countByKind summarises citations for the log, in app.RefKinds order.
func countByKind(n map[app.RefKind]int) string {
	parts := make([]string, 0, len(app.RefKinds))
	for _, k := range app.RefKinds {
		parts = append(parts, fmt.Sprintf("%s=%d", k, n[k]))
	}
	return strings.Join(parts, " ")
}

// BenchmarkAnnotateCorpus measures cross-referencing the whole document,
// the part of an import that xref adds.
func BenchmarkAnnotateCorpus(b *testing.B) {
	c, err := seeds.Default()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		xref.Annotate(c)
	}
}
