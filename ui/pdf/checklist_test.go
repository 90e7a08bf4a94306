package pdf

import (
	"testing"

	"briefdesk/app"
)

// TestChecklist: with the option, the all-28 pack has "What ITU-D is
// asked to do": one linked row per clause that asks something of BDT or
// its Director, pointing at the page the clause is on, on at most two
// pages; without it, no such part.
func TestChecklist(t *testing.T) {
	for _, lang := range app.PackLangs {
		in := allInput(t, lang)
		want := 0
		for _, r := range in.Resolutions {
			for _, c := range r.Clauses {
				if app.AsksBDT(c) {
					want++
				}
			}
		}
		in.Pack.Options.Checklist = true
		_, b, err := layOut(in)
		if err != nil {
			t.Fatal(err)
		}
		l := b.l
		start, ok := l.anchors["checklist"]
		if !ok {
			t.Fatalf("%s: no checklist part", lang)
		}
		rows, pages := 0, map[int]bool{}
		for i, p := range l.pages {
			if p.section != l.w.checklistSection {
				continue
			}
			pages[i] = true
			for _, o := range p.ops {
				if o.kind == opPageRef {
					rows++
					if _, ok := l.anchors[o.anchor]; !ok || o.anchor[:7] != "clause:" {
						t.Errorf("%s: row points at %q, not a printed clause", lang, o.anchor)
					}
				}
			}
		}
		if rows != want || want < 50 {
			t.Errorf("%s: %d checklist rows, want %d", lang, rows, want)
		}
		if len(pages) > 2 || !pages[start.page] {
			t.Errorf("%s: the checklist takes %d pages, want at most 2", lang, len(pages))
		}
		in.Pack.Options.Checklist = false
		if _, b, _ := layOut(in); b != nil {
			if _, ok := b.l.anchors["checklist"]; ok {
				t.Errorf("%s: a checklist without the option", lang)
			}
		}
	}
}
