package pdf

import "strings"

// Chinese typesetting as W3C's "Requirements for Chinese Text Layout"
// (clreq) describes it, for the lines of a pack:
//
//   - adjacent punctuation is paired at half width: "），" "）；" "”，" "：“"
//     each leave an em-wide gap otherwise, since every full-width mark is
//     drawn in one half of its em box (the closing and pause marks of
//     Simplified Chinese in the left half, the opening marks in the right);
//   - a paragraph's lines but its last are justified, the space going
//     between characters (Latin words keep their own letter spacing);
//   - (in ui/wrap) no paragraph ends with a single character alone on
//     its last line, and codes such as "ITU-T SG15" never break.

// leftHalf are the full-width marks drawn in the left half of their em
// (Simplified Chinese style): closing brackets and quotes, and the pause
// and stop marks ，。、；：. ？ and ！ are centred in Noto Sans SC and stay
// as they are.
const leftHalf = "，。、；：）」』】》〉〕”’"

// rightHalf are the full-width marks drawn in the right half: opening
// brackets and quotes.
const rightHalf = "（「『【《〈〔“‘"

func inSet(set string, r rune) bool { return r >= 0x2000 && strings.ContainsRune(set, r) }

// compressed reports whether the pair a, b is set half an em closer: the
// blank halves of two marks meet between them (a closing or pause mark
// before any mark of either kind, or two opening marks).
func compressed(a, b rune) bool {
	return inSet(leftHalf, a) && (inSet(leftHalf, b) || inSet(rightHalf, b)) ||
		inSet(rightHalf, a) && inSet(rightHalf, b)
}

// halfPair reports whether glyphs a and b, wa and wb wide, are set half
// an em closer: a compressed pair of full-width marks (a proportional
// comma or bracket has no blank half to give). The measure (metrics.width)
// and the print (setLine) both ask it, so a line is printed as wide as
// it was measured.
func halfPair(a, b rune, wa, wb, em float64) bool {
	return compressed(a, b) && wa > 0.9*em && wb > 0.9*em
}

// em is the em of a style, in mm.
func (s style) em() float64 { return s.size * 0.3528 }

// wideRune reports whether r is set on the em grid: Han, kana, CJK
// punctuation, full-width forms.
func wideRune(r rune) bool {
	return r >= 0x2E80 && r <= 0xA4CF || r >= 0xF900 && r <= 0xFAFF ||
		r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFF60 || r == '…' || r == '·' || r == '“' || r == '”' || r == '‘' || r == '’'
}

// maxStretch is the most a justified line adds between two characters,
// in ems: a line that would need more (a long Latin word or URL pushed to
// the next line leaves too few places) stays ragged rather than gappy.
const maxStretch = 0.3

// setLine adds the ops printing t[ln] with its left edge at x and
// baseline at y; st.bold makes the whole line bold. With just > 0 the
// line is justified to just mm: the space it lacks is spread evenly over
// the places between characters where one of them is Chinese, and after
// spaces; Latin words keep their letter spacing. It returns the x where
// each rune of the line starts, and where the line ends, by byte offset
// (the keys are the runes' offsets and ln.end), for links over parts of
// the line.
func (l *layout) setLine(t runText, ln line, st style, x, y, just float64) map[int]float64 {
	type glyph struct {
		r    rune
		off  int
		bold bool
		w    float64
	}
	var gs []glyph
	for _, run := range t.runs(ln.start, ln.end) {
		bold := st.bold || run.Marked
		for i, r := range t.text[run.Start:run.End] {
			gs = append(gs, glyph{r, run.Start + i, bold, l.m.rune(bold, r) * st.size})
		}
	}
	n := len(gs)
	pos := make(map[int]float64, n+1)
	if n == 0 {
		pos[ln.end] = x
		return pos
	}
	em := st.em()
	comp := make([]float64, n) // change of the space after glyph i
	gap := make([]bool, n)     // glyph i is followed by a place to stretch
	natural, places := 0.0, 0
	for i := range gs {
		natural += gs[i].w
		if i == n-1 {
			break
		}
		a, b := gs[i].r, gs[i+1].r
		if halfPair(a, b, gs[i].w, gs[i+1].w, em) {
			comp[i] = -em / 2
			natural += comp[i]
		}
		if wideRune(a) || wideRune(b) || a == ' ' {
			gap[i] = true
			places++
		}
	}
	extra := 0.0
	if just > 0 && places > 0 && just-natural > 0.01 {
		extra = (just - natural) / float64(places)
		if extra > maxStretch*em {
			extra = 0
		}
	}
	if extra == 0 {
		clear(gap)
	}
	// Positions, then runs of glyphs printed as one op: same weight and
	// the same spacing after each glyph (the PDF's character spacing, Tc,
	// applies after every glyph of a run). The first mark of a compressed
	// pair is a run of its own, its half em taken off by a negative Tc:
	// a reader's text extraction then sees the next glyph start where this
	// one ends, not inside it, and keeps the line whole.
	xs := make([]float64, n+1)
	xs[0] = x
	after := make([]float64, n) // the space after glyph i beyond its width
	for i := range gs {
		after[i] = comp[i]
		if gap[i] {
			after[i] += extra
		}
		xs[i+1] = xs[i] + gs[i].w + after[i]
		pos[gs[i].off] = xs[i]
	}
	pos[ln.end] = xs[n-1] + gs[n-1].w
	emit := func(a, b int, cs float64) {
		s := st
		s.bold = gs[a].bold
		txt := t.text[gs[a].off:ln.end]
		if b < n {
			txt = t.text[gs[a].off:gs[b].off]
		}
		l.add(op{kind: opText, x: xs[a], y: y, text: txt, st: s, cs: cs})
	}
	// A reader's text extraction takes glyphs set closer than their width
	// for a new word, even a new line (poppler starts one where a glyph
	// overlaps the one before by a fifth of an em): a line with a
	// compressed pair, or stretched, carries its text as ActualText, which
	// copying and extraction use instead of guessing from positions.
	marked := extra > 0
	for _, c := range comp {
		marked = marked || c != 0
	}
	if marked {
		l.add(op{kind: opSpanBegin, text: t.text[ln.start:ln.end]})
		defer l.add(op{kind: opSpanEnd})
	}
	// Every glyph of a run but its last is followed by the same space: the
	// last one's is where the next run starts, placed on its own.
	start := 0
	for i := 1; i <= n; i++ {
		if i < n && gs[i].bold == gs[start].bold && after[i-1] == after[start] {
			continue
		}
		emit(start, i, after[start])
		start = i
	}
	return pos
}

// lastOfParagraph reports whether line i of lines (wrapped from text)
// ends a paragraph: the last line, or one a "\n" follows.
func lastOfParagraph(text string, lines []line, i int) bool {
	return i == len(lines)-1 || strings.Contains(text[lines[i].end:lines[i+1].start], "\n")
}

// justWidth is the width line i is justified to: w, or 0 (ragged) for
// the last line of a paragraph.
func justWidth(text string, lines []line, i int, w float64) float64 {
	if w <= 0 || lastOfParagraph(text, lines, i) {
		return 0
	}
	return w
}
