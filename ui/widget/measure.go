package widget

import (
	"unicode"

	"fyne.io/fyne/v2"
)

// Measurer gives text widths for line breaking, fast enough to wrap a
// whole card on every resize. fyne.MeasureText shapes its argument with
// HarfBuzz each time it sees a new string, and a wrapper asks for the
// width of many substrings; instead a Measurer measures each rune once and
// adds the advances up.
//
// Summing advances ignores kerning, which only ever narrows Latin text, so
// a line we think fits always fits. Han ideographs all have the same
// advance in the bundled font (one em), so one of them stands for all.
// Widths are the larger of the regular and bold advance, so a search hit
// shown in bold never pushes its line past the edge.
type Measurer struct {
	size  float32
	adv   map[rune]float32
	han   float32
	lineH float32 // height of one line of text, without spacing
}

// NewMeasurer measures text of the given size in the current theme's font.
func NewMeasurer(size float32) *Measurer {
	m := &Measurer{size: size, adv: make(map[rune]float32, 128)}
	m.han = m.measureRune('国')
	m.lineH = fyne.MeasureText("国Ag", size, fyne.TextStyle{}).Height
	return m
}

func (m *Measurer) measureRune(r rune) float32 {
	s := string(r)
	w := fyne.MeasureText(s, m.size, fyne.TextStyle{}).Width
	if b := fyne.MeasureText(s, m.size, fyne.TextStyle{Bold: true}).Width; b > w {
		w = b
	}
	return w
}

// Han is the advance of one Han ideograph: the unit narrow widgets are
// sized in.
func (m *Measurer) Han() float32 { return m.han }

// LineHeight is the height of one line of text, without line spacing.
func (m *Measurer) LineHeight() float32 { return m.lineH }

// Width is the width of s.
func (m *Measurer) Width(s string) float32 {
	var w float32
	for _, r := range s {
		w += m.RuneWidth(r)
	}
	return w
}

// RuneWidth is the advance of r.
func (m *Measurer) RuneWidth(r rune) float32 {
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

// Measure is Width in the form ui/wrap wants.
func (m *Measurer) Measure(s string) float64 { return float64(m.Width(s)) }

// Measurers keeps one Measurer per text size; drop it when the theme
// changes.
type Measurers map[float32]*Measurer

// Get is the Measurer for size, made on first use.
func (ms Measurers) Get(size float32) *Measurer {
	if m, ok := ms[size]; ok {
		return m
	}
	m := NewMeasurer(size)
	ms[size] = m
	return m
}
