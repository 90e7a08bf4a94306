package ui

import "fyne.io/fyne/v2"

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
