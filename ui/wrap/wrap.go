// Package wrap breaks text into lines for the GUI and the PDF export alike:
// Unicode line breaking (UAX #14, via go-text/typesetting's segmenter) with
// the kinsoku rules Chinese typesetting expects, so no line starts with
// closing punctuation (，。）」…) and none ends with opening punctuation
// (（「“).
//
// The width of a piece of text comes from a caller's measure function
// (fyne.MeasureText in the GUI, gofpdf's GetStringWidth in the PDF), so the
// package knows nothing about fonts and imports no toolkit.
//
// Lines are always substrings of the input, in order: the only characters
// left out are the "\n" of a forced break and the spaces at the end of a
// line, so copying text out of a wrapped paragraph gives back what was put
// in. gofpdf's own MultiCell cannot promise that for Chinese.
package wrap

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
)

// Span is one line as byte offsets into the wrapped text: the line is
// text[Start:End]. The bytes between one span's End and the next one's
// Start are whitespace dropped at the break (and the "\n" of a forced break).
type Span struct {
	Start, End int
}

// Wrap breaks text into lines no wider than maxWidth, as measured by
// measure. A "\n" forces a break. A single grapheme wider than maxWidth
// gets a line of its own; that is the only way a line can be too wide.
// Empty text gives one empty line.
func Wrap(text string, maxWidth float64, measure func(string) float64) []string {
	spans := Spans(text, maxWidth, measure)
	lines := make([]string, len(spans))
	for i, s := range spans {
		lines[i] = text[s.Start:s.End]
	}
	return lines
}

// Spans is Wrap returning byte offsets instead of strings, for callers that
// print parts of a line differently (bold mentions of ITU-D, highlights).
func Spans(text string, maxWidth float64, measure func(string) float64) []Span {
	return SpansRange(text, maxWidth, func(start, end int) float64 { return measure(text[start:end]) })
}

// SpansRange is Spans for text whose width depends on where a piece sits,
// such as a clause with bold mentions of ITU-D: measure gets the byte
// range text[start:end] of a candidate line.
func SpansRange(text string, maxWidth float64, measure func(start, end int) float64) []Span {
	return SpansWith(text, maxWidth, measure, Options{})
}

// Options are typesetting rules a caller may ask for beyond kinsoku.
type Options struct {
	// NoLoneLast keeps a paragraph's last line from holding a single
	// character (with any punctuation after it: "措", "制；"): the line
	// before it gives up what it must, breaking at an earlier legal place.
	// Print wants this (clreq); a window that reflows as it resizes can
	// do without it.
	NoLoneLast bool
}

// SpansWith is SpansRange with typesetting options.
func SpansWith(text string, maxWidth float64, measure func(start, end int) float64, opt Options) []Span {
	var w wrapper
	w.measure = measure
	w.max = maxWidth
	w.opt = opt
	var out []Span
	start := 0
	for {
		i := indexNewline(text[start:])
		if i < 0 {
			return w.paragraph(out, text, start, len(text))
		}
		out = w.paragraph(out, text, start, start+i)
		start += i + 1
	}
}

func indexNewline(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return i
		}
	}
	return -1
}

// wrapper holds the scratch space of one Spans call.
type wrapper struct {
	measure func(start, end int) float64
	max     float64
	opt     Options
	seg     segmenter.Segmenter
	runes   []rune
	offs    []int  // byte offset of each rune, plus the end
	brk     []byte // per rune position: flags below
	cand    []int  // candidate line ends
}

const (
	canBreak  byte = 1 << iota // UAX #14 break opportunity before this rune
	mustBreak                  // mandatory break (\r, U+2028, ...)
	grapheme                   // grapheme boundary before this rune
)

// paragraph wraps text[from:to], which holds no "\n", appending its lines.
func (w *wrapper) paragraph(out []Span, text string, from, to int) []Span {
	if from == to {
		return append(out, Span{from, to})
	}
	w.prepare(text[from:to], from)
	n := len(w.runes)
	s, first := 0, len(out)
	prevStart := -1 // rune position of the paragraph's line before the last
	for s < n {
		e := w.lineEnd(s)
		out = append(out, Span{w.offs[s], w.trimEnd(s, e)})
		if e < n {
			prevStart = s
		}
		s = e
	}
	if w.opt.NoLoneLast && len(out)-first >= 2 {
		w.noLoneLast(out[len(out)-2:], prevStart)
	}
	return out
}

// noLoneLast moves the break between the last two lines of a paragraph
// (lines[0] starting at rune ps, lines[1] the last) earlier when the last
// line holds a single character, if a legal break leaves both lines
// fitting and the first with at least two characters.
func (w *wrapper) noLoneLast(lines []Span, ps int) {
	n := len(w.runes)
	ls := w.runeAt(lines[1].Start)
	if ps < 0 || ls <= ps || w.letters(ls, n) != 1 {
		return
	}
	for p := ls - 1; p > ps+1; p-- {
		if w.brk[p]&canBreak == 0 || w.brk[p]&mustBreak != 0 || !w.legal(ps, p) {
			continue
		}
		if w.letters(ps, p) < 2 {
			return
		}
		if !w.fits(p, n) {
			return // moving further only makes the last line wider
		}
		lines[0].End = w.trimEnd(ps, p)
		lines[1].Start = w.offs[p]
		return
	}
}

// runeAt returns the rune position of byte offset off in the paragraph.
func (w *wrapper) runeAt(off int) int {
	return sort.SearchInts(w.offs, off)
}

// letters counts the graphemes of runes [s, e) that are not punctuation
// or space: what a reader sees as characters of a line.
func (w *wrapper) letters(s, e int) int {
	k := 0
	for i := s; i < e; i++ {
		r := w.runes[i]
		if w.brk[i]&grapheme != 0 || i == s {
			if !Droppable(r) && !IsClosing(r) && !IsOpening(r) && !unicode.IsPunct(r) {
				k++
			}
		}
	}
	return k
}

// prepare decodes the paragraph and marks break opportunities and grapheme
// boundaries at each rune position 0..n.
func (w *wrapper) prepare(p string, base int) {
	w.runes = w.runes[:0]
	w.offs = w.offs[:0]
	for i, r := range p {
		w.runes = append(w.runes, r)
		w.offs = append(w.offs, base+i)
	}
	n := len(w.runes)
	w.offs = append(w.offs, base+len(p))
	w.brk = append(w.brk[:0], make([]byte, n+1)...)
	w.seg.Init(w.runes)
	lines := w.seg.LineIterator()
	for lines.Next() {
		l := lines.Line()
		end := l.Offset + len(l.Text)
		w.brk[end] |= canBreak
		if l.IsMandatoryBreak {
			w.brk[end] |= mustBreak
		}
	}
	gs := w.seg.GraphemeIterator()
	for gs.Next() {
		g := gs.Grapheme()
		w.brk[g.Offset+len(g.Text)] |= grapheme
	}
	// UAX #14 (before Unicode 15.1's LB19a) glues quotation marks to both
	// neighbours, which keeps 三“四 together in Chinese; there the quotes
	// are opening and closing brackets like （）, so allow the same breaks.
	for i := 1; i < n; i++ {
		prev, r := w.runes[i-1], w.runes[i]
		if (r == '“' || r == '‘') && wide(prev) || (prev == '”' || prev == '’') && wide(r) {
			w.brk[i] |= canBreak
		}
	}
	// UAX #14 breaks after the hyphen of ITU-D, ITU-T, ITU-R: keep such
	// names whole, as a hyphen before a one- or two-letter suffix is part
	// of a name, not a place to hyphenate.
	for i := 2; i < n; i++ {
		if w.runes[i-1] == '-' && asciiAlnum(w.runes[i-2]) && w.brk[i]&mustBreak == 0 {
			j := i
			for j < n && asciiAlnum(w.runes[j]) {
				j++
			}
			if j > i && j-i <= 2 {
				w.brk[i] &^= canBreak
			}
		}
	}
	// Codes stay whole: "ITU-T SG15", "ITU-R M.1036", "E.161.1". UAX #14
	// allows a break at the space between a sector and what follows it,
	// and after the full stop of a Recommendation number before a digit.
	for i := 1; i < n; i++ {
		if w.brk[i]&mustBreak != 0 {
			continue
		}
		switch {
		case w.runes[i-1] == ' ' && sectorBefore(w.runes, i-1) && codeAfter(w.runes, i):
			w.brk[i] &^= canBreak
		case w.runes[i-1] == '.' && i >= 2 && asciiAlnum(w.runes[i-2]) && asciiAlnum(w.runes[i]):
			w.brk[i] &^= canBreak
		}
	}
	// A break must also be a grapheme boundary: never split a cluster.
	for i := range w.brk {
		if w.brk[i]&grapheme == 0 {
			w.brk[i] &^= canBreak | mustBreak
		}
	}
}

// lineEnd returns the rune position where the line starting at s ends.
// A line only grows wider as it gets longer, so the places that fit are a
// prefix of the candidates and a binary search finds the last one: a few
// measure calls a line instead of one per character, which matters when
// measuring means shaping text (fyne.MeasureText).
func (w *wrapper) lineEnd(s int) int {
	n := len(w.runes)
	// Break opportunities after s, up to the first forced break.
	c := w.cand[:0]
	for p := s + 1; p <= n; p++ {
		if w.brk[p]&canBreak != 0 {
			c = append(c, p)
			if p == n || w.brk[p]&mustBreak != 0 {
				break
			}
		}
	}
	w.cand = c
	k := w.fitting(s, c)
	if k == len(c) {
		return c[k-1] // the rest, or all up to a forced break, fits
	}
	for i := k - 1; i >= 0; i-- {
		if w.legal(s, c[i]) {
			return c[i]
		}
	}
	// No break opportunity fits (a long word, or kinsoku forbids each one):
	// break between graphemes, obeying kinsoku where possible.
	over := c[k]
	first := n
	g := w.cand[:0]
	for p := s + 1; p <= n; p++ {
		if w.brk[p]&grapheme == 0 {
			continue
		}
		if first == n {
			first = p
		}
		if p >= over {
			break
		}
		g = append(g, p)
	}
	w.cand = g
	k = w.fitting(s, g)
	for i := k - 1; i >= 0; i-- {
		if w.legal(s, g[i]) {
			return g[i]
		}
	}
	if k > 0 {
		return g[k-1]
	}
	return first // not even one grapheme fits: it gets a line of its own
}

// fitting returns how many of the candidate ends c fit on a line from s.
func (w *wrapper) fitting(s int, c []int) int {
	return sort.Search(len(c), func(i int) bool { return !w.fits(s, c[i]) })
}

func (w *wrapper) fits(s, p int) bool {
	return w.measure(w.offs[s], w.trimEnd(s, p)) <= w.max
}

// trimEnd returns the byte offset that ends the line of runes [s, e) once
// its trailing whitespace is dropped.
func (w *wrapper) trimEnd(s, e int) int {
	for e > s && Droppable(w.runes[e-1]) {
		e--
	}
	return w.offs[e]
}

// legal reports whether breaking before rune p, on a line starting at s,
// keeps the kinsoku rules.
func (w *wrapper) legal(s, p int) bool {
	if p < len(w.runes) && IsClosing(w.runes[p]) {
		return false
	}
	for i := p - 1; i >= s; i-- {
		if !Droppable(w.runes[i]) {
			return !IsOpening(w.runes[i])
		}
	}
	return true
}

// sectorBefore reports whether the runes just before position sp (a
// space) are an ITU sector, ITU-T / ITU-R / ITU-D.
func sectorBefore(rs []rune, sp int) bool {
	if sp < 5 || string(rs[sp-5:sp-1]) != "ITU-" {
		return false
	}
	switch rs[sp-1] {
	case 'T', 'R', 'D':
		return sp == 5 || !asciiAlnum(rs[sp-6])
	}
	return false
}

// codeAfter reports whether a code such as SG15, Q3/1 or M.1036 starts at
// i: capital letters, then a digit.
func codeAfter(rs []rune, i int) bool {
	j := i
	for j < len(rs) && j-i < 4 && rs[j] >= 'A' && rs[j] <= 'Z' {
		j++
	}
	if j < len(rs) && j > i && rs[j] == '.' {
		j++
	}
	return j > i && j < len(rs) && rs[j] >= '0' && rs[j] <= '9'
}

func asciiAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// wide reports whether r is an East Asian wide character (Han, kana,
// Hangul, CJK punctuation, fullwidth forms).
func wide(r rune) bool {
	return r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F ||
		r >= 0xFF00 && r <= 0xFF60 || r >= 0xFFE0 && r <= 0xFFE6 ||
		r >= 0x20000 && r <= 0x3FFFD
}

// Droppable reports whether r may be left out at the end of a line: white
// space, except the no-break spaces, which are there to be kept.
func Droppable(r rune) bool {
	switch r {
	case 0xA0, 0x2007, 0x202F:
		return false
	}
	return unicode.IsSpace(r)
}

// closing lists what may not start a line: Chinese and Latin closing
// punctuation, stops, the ellipsis and the middle dot.
const closing = "，。、；：？！）」』】〉》〕〗〙〛］｝”’…‥·・,.;:?!)]}"

// opening lists what may not end a line.
const opening = "（「『【〈《〔〖〘〚［｛“‘([{"

// IsClosing reports whether r may not start a line.
func IsClosing(r rune) bool { return r >= 0x21 && containsRune(closing, r) }

// IsOpening reports whether r may not end a line.
func IsOpening(r rune) bool { return r >= 0x21 && containsRune(opening, r) }

func containsRune(set string, r rune) bool {
	if r < utf8.RuneSelf {
		for i := 0; i < len(set); i++ {
			if rune(set[i]) == r {
				return true
			}
		}
		return false
	}
	for _, x := range set {
		if x == r {
			return true
		}
	}
	return false
}
