package pdf

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"briefdesk/app"
	"briefdesk/seeds"
)

// allInput is the all-28 pack of the corpus, without notes, in lang.
func allInput(t testing.TB, lang string) Input {
	t.Helper()
	c, err := seeds.Default()
	if err != nil {
		t.Fatal(err)
	}
	in := Input{Pack: app.Pack{Name: "all", Title: "All", Target: app.TargetWTDC, Date: "2026-12-07", Lang: lang,
		Options: app.PackOptions{Clauses: app.ClausesAll, Notes: app.NotesNone, Overview: true, RefsAppendix: true}},
		Source: c.Source, Resolutions: c.Resolutions}
	for _, r := range c.Resolutions {
		in.Pack.Resolutions = append(in.Pack.Resolutions, r.Number)
	}
	return in
}

// printedLine is the text ops of one printed line: page, baseline, ops.
type printedLine struct {
	page int
	y    float64
	ops  []op
}

func (p printedLine) text() string {
	var b strings.Builder
	for _, o := range p.ops {
		b.WriteString(o.text)
	}
	return b.String()
}

// right is where the line's last glyph ends.
func (p printedLine) right(m *metrics) float64 {
	o := p.ops[len(p.ops)-1]
	n := utf8.RuneCountInString(o.text)
	return o.x + m.width(o.text, o.st.bold, o.st.size) + o.cs*float64(n-1)
}

// linesIn groups the text ops of the pages into printed lines, those
// starting at or right of x0 and in style size.
func linesIn(l *layout, size float64) []printedLine {
	var out []printedLine
	for i, p := range l.pages {
		byY := map[float64]*printedLine{}
		var ys []float64
		for _, o := range p.ops {
			if o.kind != opText || o.st.size != size || o.st.color != clauseStyle.color {
				continue
			}
			y := math.Round(o.y*100) / 100
			pl, ok := byY[y]
			if !ok {
				pl = &printedLine{page: i, y: y}
				byY[y] = pl
				ys = append(ys, y)
			}
			pl.ops = append(pl.ops, o)
		}
		sort.Float64s(ys)
		for _, y := range ys {
			pl := byY[y]
			sort.SliceStable(pl.ops, func(a, b int) bool { return pl.ops[a].x < pl.ops[b].x })
			out = append(out, *pl)
		}
	}
	return out
}

// TestJustified: in both languages, every clause line of the all-28 pack
// but a clause's last reaches the right edge of the text within 0.2 mm,
// and none goes beyond it; the last lines stay ragged (unstretched).
func TestJustified(t *testing.T) {
	for _, lang := range app.PackLangs {
		_, b, err := layOut(allInput(t, lang))
		if err != nil {
			t.Fatal(err)
		}
		// The last line of each clause: its text ends the clause.
		ends := map[string]bool{}
		for _, r := range b.in.Resolutions {
			for _, c := range r.Clauses {
				ends[c.Text] = true
			}
		}
		resPage := map[string]bool{}
		for _, r := range b.in.Resolutions {
			resPage[fmt.Sprintf(b.l.w.resLong, r.Number)] = true
		}
		edge := marginL + bodyW
		full, short, ragged := 0, 0, 0
		var clauseText strings.Builder
		for _, pl := range linesIn(b.l, clauseStyle.size) {
			if !resPage[b.l.pages[pl.page].section] {
				continue // not a resolution's page
			}
			rt := pl.right(b.l.m)
			if rt > edge+0.05 {
				t.Errorf("%s p%d: line %q ends at %.2f, beyond the edge %.2f", lang, pl.page+1, pl.text(), rt, edge)
			}
			clauseText.WriteString(pl.text())
			last := ends[clauseText.String()]
			if last {
				clauseText.Reset()
				ragged++
				for _, o := range pl.ops {
					if o.cs > 0 {
						t.Errorf("%s: last line %q is stretched", lang, pl.text())
					}
				}
				continue
			}
			if edge-rt > 0.2 {
				short++
				if short <= 5 {
					t.Errorf("%s p%d: line %q ends %.2f mm short of the edge", lang, pl.page+1, pl.text(), edge-rt)
				}
				continue
			}
			full++
		}
		if full < 100 || ragged < 200 {
			t.Errorf("%s: %d full lines and %d last lines checked: too few, the test lost track of the clauses", lang, full, ragged)
		}
		t.Logf("%s: %d justified lines, %d last lines, %d short", lang, full, ragged, short)
	}
}

// TestPairedPunctuation: adjacent marks are set half an em closer, in
// measuring and in printing; other pairs keep their full width.
func TestPairedPunctuation(t *testing.T) {
	_, b, err := layOut(sampleInput(t))
	if err != nil {
		t.Fatal(err)
	}
	l := b.l
	st := clauseStyle
	em := st.em()
	for _, c := range []struct {
		pair  string
		width float64 // in em
	}{
		{"），", 1.5}, {"）；", 1.5}, {"”，", 1.5}, {"。”", 1.5}, {"：“", 1.5}, {"（「", 1.5}, {"））", 1.5},
		{"，中", 2}, {"中（", 2}, {"？）", 2}, {"（中", 2}, {"a,", 0},
	} {
		t.Run(c.pair, func(t *testing.T) {
			got := l.m.width(c.pair, false, st.size) / em
			if c.width > 0 && math.Abs(got-c.width) > 0.01 {
				t.Errorf("width of %q is %.2f em, want %.2f", c.pair, got, c.width)
			}
			// Printed: the second mark starts where the measure says.
			l.pages = []*page{{}}
			pos := l.setLine(runText{text: c.pair}, line{0, len(c.pair)}, st, 0, 10, 0)
			_, size := utf8.DecodeRuneInString(c.pair)
			first := l.m.width(c.pair[:size], false, st.size)
			wantX := l.m.width(c.pair, false, st.size) - l.m.width(c.pair[size:], false, st.size)
			if math.Abs(pos[size]-wantX) > 0.001 || c.width == 1.5 && math.Abs(pos[size]-first/2) > 0.001 {
				t.Errorf("%q: second mark printed at %.3f mm, want %.3f", c.pair, pos[size], wantX)
			}
		})
	}
}

// TestNoLoneLastLine: no clause, title or note paragraph of the all-28
// pack ends with one character alone on its last line, in either language.
func TestNoLoneLastLine(t *testing.T) {
	for _, lang := range app.PackLangs {
		_, b, err := layOut(allInput(t, lang))
		if err != nil {
			t.Fatal(err)
		}
		lone := 0
		for _, pl := range linesIn(b.l, clauseStyle.size) {
			s := strings.TrimRight(pl.text(), "，。；：、）")
			if utf8.RuneCountInString(s) == 1 && s >= "\u2E80" {
				lone++
				t.Errorf("%s p%d y %.1f: a lone %q", lang, pl.page+1, pl.y, pl.text())
			}
		}
		_ = lone
	}
}

// TestCodesWhole: no printed line of the all-28 pack ends inside a code.
func TestCodesWhole(t *testing.T) {
	_, b, err := layOut(allInput(t, app.LangZH))
	if err != nil {
		t.Fatal(err)
	}
	for _, pl := range linesIn(b.l, clauseStyle.size) {
		s := pl.text()
		for _, bad := range []string{"ITU-T", "ITU-R", "ITU-D", "E.161."} {
			if strings.HasSuffix(s, bad) && bad != "ITU-D" || strings.HasSuffix(s, "ITU-") {
				t.Errorf("p%d: line %q ends inside a code", pl.page+1, s)
			}
		}
	}
}

// TestNoNeedlessNearEmptyPages: no page of the all-28 pack (with the
// checklist, in both languages) holds a short tail, under a quarter of
// a page, that the free space left on the page before would have held:
// such a page is one only a keep-together rule made (all.pdf p11 once
// held three reference lines that way).
func TestNoNeedlessNearEmptyPages(t *testing.T) {
	for _, lang := range app.PackLangs {
		in := allInput(t, lang)
		in.Pack.Options.Checklist = true
		_, b, err := layOut(in)
		if err != nil {
			t.Fatal(err)
		}
		extent := func(p *page) (top, bottom float64) {
			top, bottom = pageH, 0
			for _, o := range p.ops {
				if o.kind == opText {
					top, bottom = min(top, o.y-4), max(bottom, o.y+1.5)
				}
			}
			return top, bottom
		}
		for i := 2; i < len(b.l.pages); i++ {
			p, prev := b.l.pages[i], b.l.pages[i-1]
			if p.section != prev.section {
				continue // a part or resolution starts a page by design
			}
			top, bottom := extent(p)
			_, prevBottom := extent(prev)
			if used := bottom - top; used < (bodyBottom-bodyTop)/4 && used < bodyBottom-prevBottom-2 {
				t.Errorf("%s: page %d holds %.0f mm that the %.0f mm free on page %d would have held", lang, i+1, used, bodyBottom-prevBottom, i)
			}
		}
	}
}
