package pdf

import (
	"fmt"
	"strings"
	"testing"
	"time"

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

// TestLeadInKeptWithItems puts a 2,000-character note on Res 44's
// resolves 2 ("…以便：") with the clause started at many heights down a
// page: the clause stays on the page of its first item i), the note never
// stands between the clause and its items (it follows iii)), a note
// continued over a page repeats which clause it is on, and no page is
// left more than a third empty before the note.
func TestLeadInKeptWithItems(t *testing.T) {
	r := corpusResolution(t, 44)
	var lead app.Clause
	var items []app.Clause
	for i, c := range r.Clauses {
		if c.ID == "44/resolves/2" {
			lead = c
			for _, d := range r.Clauses[i+1:] {
				if d.Depth == 0 {
					break
				}
				items = append(items, d)
			}
		}
	}
	if !strings.HasSuffix(lead.Text, "：") || len(items) != 3 {
		t.Fatalf("44/resolves/2 is %q with %d items; the corpus changed", lead.Text, len(items))
	}
	body := strings.Repeat("建议在研究组会议上就此提出意见，并与区域代表处协调ITU-T SG15的相关工作。", 60)
	for _, lang := range app.PackLangs {
		step := 1 // every line height down the page in Chinese, a sample in English
		if lang == app.LangEN {
			step = 4
		}
		for shift := 0; shift < 60; shift += step {
			in := sampleInput(t)
			in.Pack.Lang = lang
			in.Resolutions = []app.Resolution{r}
			in.Pack.Resolutions = []int{44}
			in.Notes = []app.Note{{ID: "long", Resolution: 44, ClauseID: lead.ID, Body: body, Created: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}}
			// The summary grows to move the clause down the page.
			in.Resolutions[0].Summary = strings.Repeat("概述文字。", shift*8)
			_, b, err := layOut(in)
			if err != nil {
				t.Fatal(err)
			}
			l := b.l
			at := func(a string) spot {
				s, ok := l.anchors[a]
				if !ok {
					t.Fatalf("no anchor %s", a)
				}
				return s
			}
			first, last, note := at("clause:"+lead.ID), at("clause:"+items[0].ID), at("note:long")
			if first.page != last.page {
				t.Errorf("%s shift %d: 以便： on page %d, its item i) on page %d", lang, shift, first.page+1, last.page+1)
			}
			after := at("clause:" + items[2].ID)
			if note.page < after.page || note.page == after.page && note.y < after.y {
				t.Errorf("%s shift %d: the note (p%d y%.0f) comes before item iii) (p%d y%.0f)", lang, shift, note.page+1, note.y, after.page+1, after.y)
			}
			// The note goes on over the next page, which says whose it is.
			cont := fmt.Sprintf(l.w.noteOn, lead.ID) + " " + l.w.cont
			found := false
			for _, p := range l.pages[note.page+1:] {
				for _, o := range p.ops {
					if o.kind == opText && o.text == cont {
						found = true
					}
				}
			}
			if !found {
				t.Errorf("%s shift %d: the continued note does not repeat %q", lang, shift, cont)
			}
			// The page before the note's is not left a third empty.
			if note.page > 0 && note.page > after.page {
				bottom := 0.0
				for _, o := range l.pages[note.page-1].ops {
					if o.kind == opText {
						bottom = max(bottom, o.y)
					}
				}
				if bodyBottom-bottom > (bodyBottom-bodyTop)/3 {
					t.Errorf("%s shift %d: page %d ends at %.0f mm, a third empty before the note", lang, shift, note.page, bottom)
				}
			}
		}
	}
}
