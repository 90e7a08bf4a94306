package ui

import (
	"unicode"

	"fyne.io/fyne/v2"
)

// measurer gives text widths for line breaking, fast enough to wrap a whole
// card on every resize. fyne.MeasureText shapes its argument with HarfBuzz
// each time it sees a new string, and a wrapper asks for the width of many
// substrings; instead we measure each rune once and add the advances up.
//
// Summing advances ignores kerning, which only ever narrows Latin text, so
// a line we think fits always fits. Han ideographs all have the same
// advance in the bundled font (one em), so one of them stands for all.
// Widths are the larger of the regular and bold advance, so a search hit
// shown in bold never pushes its line past the edge.
type measurer struct {
	size  float32
	adv   map[rune]float32
	han   float32
	lineH float32 // height of one line of text, without spacing
}

func newMeasurer(size float32) *measurer {
	m := &measurer{size: size, adv: make(map[rune]float32, 128)}
	m.han = m.measureRune('国')
	m.lineH = fyne.MeasureText("国Ag", size, fyne.TextStyle{}).Height
	return m
}

func (m *measurer) measureRune(r rune) float32 {
	s := string(r)
	w := fyne.MeasureText(s, m.size, fyne.TextStyle{}).Width
	if b := fyne.MeasureText(s, m.size, fyne.TextStyle{Bold: true}).Width; b > w {
		w = b
	}
	return w
}

// width is the width of s.
func (m *measurer) width(s string) float32 {
	var w float32
	for _, r := range s {
		w += m.runeWidth(r)
	}
	return w
}

func (m *measurer) runeWidth(r rune) float32 {
	if r >= 0x3400 && unicode.Is(unicode.Han, r) {
		return m.han
	}
	if a, ok := m.adv[r]; ok {
		return a
	}
	a := m.measureRune(r)
	m.adv[r] = a
	return a
}

// measure is width in the form ui/wrap wants.
func (m *measurer) measure(s string) float64 { return float64(m.width(s)) }

// measurers keeps one measurer per text size for the life of the theme.
type measurers map[float32]*measurer

func (ms measurers) get(size float32) *measurer {
	if m, ok := ms[size]; ok {
		return m
	}
	m := newMeasurer(size)
	ms[size] = m
	return m
}
