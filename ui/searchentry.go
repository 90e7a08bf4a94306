package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// searchEntry is the search box: Up and Down move through the results
// without leaving it, Enter opens the selected one (OnSubmitted), Escape
// clears it. Shortcuts it has no use for (Ctrl+1, Alt+Left ...) go on to
// the window, which a focused Entry would otherwise swallow.
type searchEntry struct {
	widget.Entry
	rest cursorRest // the cursor stops blinking when typing pauses
	// The placeholder's width, for MinSize, and what it was measured for.
	phText          string
	phSize, phWidth float32

	l *resList
	// windowShortcut runs a window shortcut and reports whether s was one.
	windowShortcut func(s fyne.Shortcut) bool
	// onEnter runs before Enter opens the list's row, and reports whether
	// it used the key (the open card's next hit).
	onEnter func() bool
	// onKey gets other keys first (F3), and reports whether it used them.
	onKey func(k *fyne.KeyEvent) bool
}

func newSearchEntry(l *resList) *searchEntry {
	e := &searchEntry{l: l}
	e.rest.entry = &e.Entry
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles the list keys and passes the rest to the Entry.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	e.rest.typed()
	switch k.Name {
	case fyne.KeyDown:
		e.l.moveCursor(1)
	case fyne.KeyUp:
		e.l.moveCursor(-1)
	case fyne.KeyEscape:
		e.SetText("")
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.onEnter == nil || !e.onEnter() {
			e.Entry.TypedKey(k)
		}
	default:
		if e.onKey != nil && e.onKey(k) {
			return
		}
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut forwards the window's shortcuts.
func (e *searchEntry) TypedShortcut(s fyne.Shortcut) {
	if e.windowShortcut != nil && e.windowShortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}
