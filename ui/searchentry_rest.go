package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The search box's cursor rests once typing pauses (see cursorRest).

// FocusGained starts the cursor's blink period.
func (e *searchEntry) FocusGained() {
	e.rest.focus()
	e.Entry.FocusGained()
}

// FocusLost stops the cursor's rest timer.
func (e *searchEntry) FocusLost() {
	e.rest.lost()
	e.Entry.FocusLost()
}

// TypedRune wakes the cursor before the text changes.
func (e *searchEntry) TypedRune(r rune) {
	e.rest.typed()
	e.Entry.TypedRune(r)
}

// Tapped wakes the cursor where the person clicked.
func (e *searchEntry) Tapped(ev *fyne.PointEvent) {
	e.rest.typed()
	e.Entry.Tapped(ev)
}

// MinSize is at least wide enough for the whole placeholder, which says
// what can be searched: the Resolutions split then never makes the list
// pane narrower than that (at 800 px it was cut mid-word). The width is
// measured once per placeholder and text size.
func (e *searchEntry) MinSize() fyne.Size {
	m := e.Entry.MinSize()
	size := theme.TextSize()
	if e.phText != e.PlaceHolder || e.phSize != size {
		e.phText, e.phSize = e.PlaceHolder, size
		e.phWidth = fyne.MeasureText(e.PlaceHolder, size, fyne.TextStyle{}).Width +
			2*theme.InnerPadding() + 2*theme.InputBorderSize() + 2
	}
	m.Width = max(m.Width, e.phWidth)
	return m
}
