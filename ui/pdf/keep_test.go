package pdf

import (
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/seeds"
)

// testLayouts returns a maker of empty layouts measuring text as the
// packs do.
func testLayouts(t *testing.T) func() *layout {
	t.Helper()
	_, b, err := layOut(sampleInput(t))
	if err != nil {
		t.Fatal(err)
	}
	return func() *layout { return &layout{m: b.l.m, w: b.l.w, covered: b.l.covered, anchors: map[string]spot{}} }
}

func corpusResolution(t *testing.T, n int) app.Resolution {
	t.Helper()
	c, err := seeds.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Resolutions {
		if r.Number == n {
			return r
		}
	}
	t.Fatalf("no Resolution %d in the corpus", n)
	return app.Resolution{}
}

// textPages returns the pages holding text ops, in order, with how many
// text ops each holds.
func textPages(l *layout) map[int]int {
	out := map[int]int{}
	for i, p := range l.pages {
		for _, o := range p.ops {
			if o.kind == opText {
				out[i]++
			}
		}
	}
	return out
}

// TestReferencesKeptTogether starts the references of Res 96 (heading
// and five lines) at every height down a page: heading and lines always
// land on one page. Its "Organizations" line used to start a page alone.
func TestReferencesKeptTogether(t *testing.T) {
	r := corpusResolution(t, 96)
	if len(r.Refs) == 0 {
		t.Fatal("Res 96 cites nothing")
	}
	newLayout := testLayouts(t)
	for y := bodyTop; y < bodyBottom; y += 0.5 {
		l := newLayout()
		b := &builder{l: l}
		l.newPage()
		l.y = y
		b.references(&r)
		if pages := textPages(l); len(pages) != 1 {
			t.Errorf("starting at y %.1f the references spread over pages %v (page: text ops)", y, pages)
		}
	}
}

// TestFlowKeptWidows flows paragraphs of 2 to 9 lines from every height
// down a page: no page holds a single line of a paragraph of four lines
// or more, and a shorter one is never split at all.
func TestFlowKeptWidows(t *testing.T) {
	st := style{size: 9, color: black}
	newLayout := testLayouts(t)
	for n := 2; n <= 9; n++ {
		for y := bodyTop; y < bodyBottom; y += 0.7 {
			l := newLayout()
			l.newPage()
			l.y = y
			text := strings.TrimSpace(strings.Repeat("line\n", n))
			tx := runText{text: text}
			var lines []line
			for i, start := 0, 0; i < n; i++ {
				lines = append(lines, line{start, start + 4})
				start += 5
			}
			l.flowKept(tx, lines, st, marginL)
			pages := textPages(l)
			total := 0
			for p, k := range pages {
				total += k
				if n < 4 && len(pages) > 1 || n >= 4 && k == 1 {
					t.Errorf("%d lines from y %.1f: page %d holds %d of them (%v)", n, y, p+1, k, pages)
				}
			}
			if total != n {
				t.Errorf("%d lines from y %.1f: %d printed", n, y, total)
			}
		}
	}
}

// TestAppendixHeadingRepeated lays out the references appendix of every
// resolution, some pages long: each of its pages after the first starts
// with a kind's heading, "(cont.)" when that kind's list goes on from
// the page before.
func TestAppendixHeadingRepeated(t *testing.T) {
	c, err := seeds.Default()
	if err != nil {
		t.Fatal(err)
	}
	in := sampleInput(t)
	in.Resolutions, in.Pack.Resolutions, in.Notes = c.Resolutions, nil, nil
	for _, r := range c.Resolutions {
		in.Pack.Resolutions = append(in.Pack.Resolutions, r.Number)
	}
	_, b, err := layOut(in)
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]bool{}
	for _, k := range app.RefKinds {
		labels[k.Label()] = true
	}
	kind, pages := "", 0
	for i, p := range b.l.pages {
		if p.section != "References" {
			continue
		}
		pages++
		first := true
		for _, o := range p.ops {
			if o.kind != opText {
				continue
			}
			if pages > 1 && first {
				if want := kind + " (cont.)"; !labels[o.text] && o.text != want {
					t.Errorf("page %d of the appendix (%d) starts with %q, want a kind's heading or %q", pages, i+1, o.text, want)
				}
			}
			first = false
			if labels[o.text] && o.st.size == 11 {
				kind = o.text
			}
		}
	}
	if pages < 3 {
		t.Fatalf("the appendix takes %d pages: too few to test", pages)
	}
}

// TestCoverTitle sets titles that wrap on the cover: no line ends up
// holding one short word alone, and the subtitle is left out when the
// title already says it.
func TestCoverTitle(t *testing.T) {
	for _, c := range []struct {
		title   string
		target  string
		wantSub bool
	}{
		{"WTSA-20 resolutions for ITU-D Study Group 2", app.TargetSG2, false},
		{"WTSA-20 resolutions for ITU-D Study Group 1", app.TargetSG1, false},
		{"", app.TargetSG2, false}, // "Briefing pack: WTSA-20 resolutions for ITU-D SG2"
		{"ITU-D SG2 briefing", app.TargetSG2, true},
		{"Preparation of the delegation for the meeting of ITU-D Study Group 2 in Geneva, May 2026", app.TargetSG2, true},
	} {
		in := sampleInput(t)
		in.Pack.Title, in.Pack.Target = c.title, c.target
		_, b, err := layOut(in)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		sub := false
		for _, o := range b.l.pages[0].ops {
			if o.kind == opText && o.st.size == 22 {
				lines = append(lines, o.text)
			}
			if o.kind == opText && o.st.size == 13 {
				sub = true
			}
		}
		for i, ln := range lines {
			if len(lines) > 1 && !strings.Contains(strings.TrimSpace(ln), " ") {
				t.Errorf("%q: title line %d of %d is the word %q alone (%q)", b.title(), i+1, len(lines), ln, lines)
			}
		}
		if sub != c.wantSub {
			t.Errorf("%q: subtitle %q printed %v, want %v", b.title(), b.about(), sub, c.wantSub)
		}
		checkCover(t, in, 0)
	}
}
