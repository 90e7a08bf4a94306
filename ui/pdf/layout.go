package pdf

import (
	"briefdesk/ui/wrap"
)

// The page, in millimetres. The left margin is wider for binding.
const (
	pageW, pageH = 210.0, 297.0
	marginL      = 25.0
	marginR      = 18.0
	bodyTop      = 24.0
	bodyBottom   = 297.0 - 22.0
	bodyW        = pageW - marginL - marginR
)

// rgb is a colour.
type rgb [3]uint8

// Colours of the pack.
var (
	black     = rgb{0x1a, 0x1a, 0x1a}
	grey      = rgb{0x6b, 0x6b, 0x6b}
	rule      = rgb{0xbf, 0xbf, 0xbf}
	navy      = rgb{0x00, 0x33, 0x66}
	ituBlue   = rgb{0x00, 0x72, 0xbc}
	shade     = rgb{0xf2, 0xf4, 0xf7}
	headShade = rgb{0xdd, 0xe6, 0xf0}
)

// style is how a run of text is printed.
type style struct {
	size  float64 // points
	bold  bool
	color rgb
}

// lead is the line height of a style in mm: 1.55 times the font size,
// which suits Chinese text (no ascenders to make room for).
func (s style) lead() float64 { return s.size * 0.3528 * 1.55 }

type opKind uint8

const (
	opText      opKind = iota // text at (x, y) baseline
	opRect                    // filled rectangle x, y, w, h
	opLine                    // line from (x, y) to (x+w, y+h)
	opDots                    // dotted leader from (x, y) to (x+w, y)
	opLink                    // link area x, y, w, h to anchor
	opPageRef                 // page number of anchor, right-aligned at x, baseline y
	opPageText                // text with the page number of anchor for its %s, at x, baseline y
	opBookmark                // outline entry text at level, position y
	opURL                     // link area x, y, w, h to the web address text
	opSpanBegin               // marked content whose ActualText is text, until opSpanEnd
	opSpanEnd
)

// op is one drawing instruction of a laid-out page.
type op struct {
	kind       opKind
	x, y, w, h float64
	text       string
	st         style
	fill       rgb
	anchor     string
	level      int
	cs         float64 // opText: space added after each glyph (PDF Tc), in mm
}

// page is a laid-out page.
type page struct {
	ops     []op
	section string // right side of the running header
	plain   bool   // no running header or footer (the cover)
}

// spot is where an anchor was laid out.
type spot struct {
	page int // 0-based
	y    float64
}

// layout turns the pack into pages of ops. Nothing here touches gofpdf but
// the width of text, so the whole document is laid out, and every page
// number known, before anything is printed.
type layout struct {
	m       *metrics
	w       *words // the pack's language
	covered func(rune) bool
	pages   []*page
	y       float64 // top of the free space on the current page
	section string
	anchors map[string]spot
	// onNewPage runs after a page break inside a flow (the overview table
	// repeats its header row there).
	onNewPage func()
}

func (l *layout) newPage() {
	l.pages = append(l.pages, &page{section: l.section})
	l.y = bodyTop
	if l.onNewPage != nil {
		l.onNewPage()
	}
}

func (l *layout) cur() *page { return l.pages[len(l.pages)-1] }

func (l *layout) add(o op) { p := l.cur(); p.ops = append(p.ops, o) }

// need starts a new page unless h mm fit below the cursor.
func (l *layout) need(h float64) {
	if l.y+h > bodyBottom {
		l.newPage()
	}
}

// space moves the cursor down by h, unless it is at the top of a page.
func (l *layout) space(h float64) {
	if l.y > bodyTop {
		l.y += h
	}
}

// anchor records the current position under name.
func (l *layout) anchor(name string) {
	l.anchors[name] = spot{len(l.pages) - 1, l.y}
}

func (l *layout) bookmark(title string, level int) {
	l.add(op{kind: opBookmark, text: l.clean(title), level: level, y: l.y})
}

func (l *layout) clean(s string) string { return clean(l.covered, s) }

// runText is text with byte ranges to print in bold.
type runText struct {
	text string
	bold [][2]int
}

// line is one wrapped line of a runText: a byte range of it.
type line struct{ start, end int }

// wrapRuns breaks t into lines of at most w mm in style st. Text is
// measured in the weight drawLine prints it in: bold ranges, and all of
// it when st is bold (bold Latin is wider than regular).
func (l *layout) wrapRuns(t runText, st style, w float64) []line {
	measure := func(a, b int) float64 {
		total := 0.0
		for _, r := range t.runs(a, b) {
			total += l.m.width(t.text[r.Start:r.End], st.bold || r.Marked, st.size)
		}
		return total
	}
	if len(t.bold) == 0 {
		measure = func(a, b int) float64 { return l.m.width(t.text[a:b], st.bold, st.size) }
	}
	// No paragraph of a pack ends with one character alone (clreq).
	spans := wrap.SpansWith(t.text, w, measure, wrap.Options{NoLoneLast: true})
	out := make([]line, len(spans))
	for i, s := range spans {
		out[i] = line{s.Start, s.End}
	}
	return out
}

// runs splits t.text[a:b] into runs of one weight.
func (t runText) runs(a, b int) []wrap.Run { return wrap.Runs(a, b, t.bold) }

// drawLine adds the ops printing t[ln] with its left edge at x and
// baseline at y; st.bold makes the whole line bold.
func (l *layout) drawLine(t runText, ln line, st style, x, y float64) {
	l.setLine(t, ln, st, x, y, 0)
}

// baseline is where text of style st sits in a line box starting at top.
func baseline(top float64, st style) float64 {
	return top + st.lead()*0.5 + st.size*0.3528*0.36
}

// frag is the part of a flow that landed on one page.
type frag struct {
	page        int
	top, bottom float64
}

// flow prints lines of t at x, breaking pages between lines, and returns
// where the lines landed.
func (l *layout) flow(t runText, lines []line, st style, x float64) []frag {
	return l.flowJust(t, lines, st, x, 0)
}

// flowJust is flow justifying each paragraph's lines but its last to w mm
// (w 0: ragged).
func (l *layout) flowJust(t runText, lines []line, st style, x, w float64) []frag {
	lead := st.lead()
	var frags []frag
	for i, ln := range lines {
		if l.y+lead > bodyBottom {
			l.newPage()
		}
		pg := len(l.pages) - 1
		if len(frags) == 0 || frags[len(frags)-1].page != pg {
			frags = append(frags, frag{page: pg, top: l.y})
		}
		l.setLine(t, ln, st, x, baseline(l.y, st), justWidth(t.text, lines, i, w))
		l.y += lead
		frags[len(frags)-1].bottom = l.y
	}
	return frags
}

// flowKept is flow with widow and orphan control: a page never ends with
// the first line of t alone, nor starts with its last line alone, when
// t has lines enough to avoid it.
func (l *layout) flowKept(t runText, lines []line, st style, x float64) []frag {
	lead := st.lead()
	var frags []frag
	for len(lines) > 0 {
		room := int((bodyBottom - l.y + 1e-9) / lead)
		if room >= len(lines) {
			return append(frags, l.flow(t, lines, st, x)...)
		}
		switch {
		case room < 2 || len(lines) < 4 && room < len(lines):
			// Too little room for two lines here, or too few lines to
			// leave two on each page: start the next page.
			if l.y > bodyTop {
				l.newPage()
				continue
			}
			room = max(room, 1)
		case len(lines)-room == 1:
			room-- // keep the last line company
		}
		frags = append(frags, l.flow(t, lines[:room], st, x)...)
		lines = lines[room:]
		l.newPage()
	}
	return frags
}

// para lays out a paragraph at x, w mm wide, breaking pages between lines.
// It returns the number of lines.
func (l *layout) para(t runText, st style, x, w float64) int {
	lines := l.wrapRuns(t, st, w)
	l.flow(t, lines, st, x)
	return len(lines)
}

// text lays out plain text (cleaned here) as a paragraph.
func (l *layout) text(s string, st style, x, w float64) int {
	return l.para(runText{text: l.clean(s)}, st, x, w)
}

// wrapCapped wraps plain text s (already cleaned) on at most maxLines
// lines: text that needs more is cut, its last line ending in "…". It
// returns the text the lines index, which is s or a shorter one, and
// whether it cut.
func (l *layout) wrapCapped(s string, st style, w float64, maxLines int) (runText, []line, bool) {
	s, clipped := clip(s, maxLines*perLine(w, st))
	t := runText{text: s}
	lines := l.wrapRuns(t, st, w)
	if len(lines) <= maxLines && !clipped {
		return t, lines, false
	}
	lines = lines[:min(maxLines, len(lines))]
	last := &lines[len(lines)-1]
	t.text = t.text[:last.start] + ellipsize(l.m, t.text[last.start:last.end], st, w)
	last.end = len(t.text)
	return t, lines, true
}

// perLine is more runes than a line w mm wide in style st can hold: the
// narrowest glyph of the font (a space, "i") is wider than a sixth of an em.
func perLine(w float64, st style) int {
	return int(w/(st.size*0.3528/6)) + 1
}

// clip cuts s to at most n runes, reporting whether it cut: a capped
// field looks at no more text than its lines can show, so a 100,000
// character title costs no more than one of 300 (issue #9: the cover was
// laid out in quadratic time).
func clip(s string, n int) (string, bool) {
	if len(s) <= n {
		return s, false
	}
	i := 0
	for k := range s {
		if i == n {
			return s[:k], true
		}
		i++
	}
	return s, false
}

// capped lays out plain text (cleaned here) at x, w mm wide, on at most
// maxLines lines and without a page break: text that needs more lines is
// cut, its last line ending in "…". It returns the number of lines.
func (l *layout) capped(s string, st style, x, w float64, maxLines int) int {
	t, lines, _ := l.wrapCapped(l.clean(s), st, w, maxLines)
	for _, ln := range lines {
		l.drawLine(t, ln, st, x, baseline(l.y, st))
		l.y += st.lead()
	}
	return len(lines)
}

// balanced is capped for a title: text that wraps is set on lines of
// even length, as narrow as keeps the number of lines, so its last line
// is never one short word left alone ("… Study Group" / "2").
func (l *layout) balanced(s string, st style, x, w float64, maxLines int) int {
	s = l.clean(s)
	if short, clipped := clip(s, maxLines*perLine(w, st)); clipped {
		return l.capped(short+"…", st, x, w, maxLines)
	}
	n := len(l.wrapRuns(runText{text: s}, st, w))
	if n < 2 || n > maxLines {
		return l.capped(s, st, x, w, maxLines)
	}
	// The narrowest width giving n lines, to a tenth of a millimetre.
	lo, hi := w/float64(n), w
	for hi-lo > 0.1 {
		mid := (lo + hi) / 2
		if len(l.wrapRuns(runText{text: s}, st, mid)) == n {
			hi = mid
		} else {
			lo = mid
		}
	}
	t := runText{text: s}
	lines := l.wrapRuns(t, st, hi)
	for _, ln := range lines {
		if l.m.width(s[ln.start:ln.end], st.bold, st.size) > w {
			// A word the wrapper let overflow the narrow width.
			return l.capped(s, st, x, w, maxLines)
		}
	}
	for _, ln := range lines {
		l.drawLine(t, ln, st, x, baseline(l.y, st))
		l.y += st.lead()
	}
	return len(lines)
}

// contStyle is the line a box continued on a new page starts with.
var contStyle = style{size: 7.5, color: grey}

// block is a list of wrapped lines printed in one box that may continue
// on the next page, split only between lines.
type block struct {
	t     runText
	lines []line
	st    style
	just  float64  // justify each paragraph's lines but its last to this width; 0: ragged
	urls  [][2]int // byte ranges of t.text that are web addresses, made links
}

// boxRoom is the free height below which a box that does not fit moves
// to the next page whole: with more room than this, it starts here and
// goes on over the page, rather than leave a third of a page empty.
const boxRoom = 60.0

// boxed lays out blocks inside a shaded box at x, w wide with padding pad,
// a coloured bar of width bar on its left, keeping the box on one page
// when it fits on one and little room is left on this one. A box that
// goes on over a page starts its next part with cont (which note it is),
// when cont is not "".
func (l *layout) boxed(blocks []block, x, w, pad float64, fill, barColor rgb, bar float64, anchor, cont string) {
	total := 2 * pad
	for _, b := range blocks {
		total += float64(len(b.lines)) * b.st.lead()
	}
	if total <= bodyBottom-bodyTop && bodyBottom-l.y < boxRoom {
		l.need(total)
	} else {
		l.need(pad + blocks[0].st.lead()*3)
	}
	if anchor != "" {
		l.anchor(anchor)
	}
	var fragTop float64
	var fragStart int // index of the fragment's first op on its page
	open := func() {
		fragTop = l.y
		fragStart = len(l.cur().ops)
		l.y += pad
	}
	closeFrag := func(bottom float64) {
		// The box goes under its text: insert it before the text's ops.
		p := l.cur()
		box := []op{{kind: opRect, x: x, y: fragTop, w: w, h: bottom - fragTop, fill: fill}}
		if bar > 0 {
			box = append(box, op{kind: opRect, x: x, y: fragTop, w: bar, h: bottom - fragTop, fill: barColor})
		}
		p.ops = append(p.ops[:fragStart], append(box, p.ops[fragStart:]...)...)
	}
	open()
	for _, b := range blocks {
		lead := b.st.lead()
		for i, ln := range b.lines {
			if l.y+lead+pad > bodyBottom {
				closeFrag(l.y + pad)
				l.newPage()
				open()
				if cont != "" {
					l.capped(cont, contStyle, x+bar+pad, w-bar-2*pad, 1)
				}
			}
			pos := l.setLine(b.t, ln, b.st, x+bar+pad, baseline(l.y, b.st), justWidth(b.t.text, b.lines, i, b.just))
			for _, u := range b.urls {
				if s, e := max(u[0], ln.start), min(u[1], ln.end); s < e {
					l.add(op{kind: opURL, x: pos[s], y: l.y, w: pos[e] - pos[s], h: lead, text: b.t.text[u[0]:u[1]]})
				}
			}
			l.y += lead
		}
	}
	l.y += pad
	closeFrag(l.y)
}
