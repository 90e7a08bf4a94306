package ui

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Esc closes a dialog like its Cancel or Close button. Fyne's dialogs
// ignore Esc: a key goes to the focused widget, or to the canvas when
// nothing has focus. So the canvas gets a handler that closes the dialog
// shown last, and the entries of our dialogs pass Esc on to it.

// escDialogs holds, per canvas, the open dialogs that Esc closes, the one
// shown last at the end.
var escDialogs = map[fyne.Canvas]*escDialogState{}

type escDialogState struct {
	prev func(*fyne.KeyEvent) // the canvas's own handler, called for other keys
	open []dialog.Dialog
}

// escClosesDialog makes Esc close d (d.Hide, which answers "no" to a confirm
// dialog) while it is the last such dialog shown on w.
func escClosesDialog(w fyne.Window, d dialog.Dialog) {
	if w == nil || d == nil {
		return
	}
	c := w.Canvas()
	st := escDialogs[c]
	if st == nil {
		st = &escDialogState{}
		escDialogs[c] = st
	}
	if cur := c.OnTypedKey(); !isEscDialogHandler(cur) {
		// First time here, or the window set a handler of its own since:
		// keep it for every key but Esc over a dialog.
		st.prev = cur
		c.SetOnTypedKey(st.typedKey)
	}
	st.open = append(st.open, d)
	d.SetOnClosed(func() { st.remove(d) })
}

func (st *escDialogState) typedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && st.closeTop() {
		return
	}
	if st.prev != nil {
		st.prev(ev)
	}
}

// closeTop closes the dialog shown last, if any is open.
func (st *escDialogState) closeTop() bool {
	if len(st.open) == 0 {
		return false
	}
	st.open[len(st.open)-1].Hide() // its OnClosed removes it
	return true
}

func (st *escDialogState) remove(d dialog.Dialog) {
	for i := len(st.open) - 1; i >= 0; i-- {
		if st.open[i] == d {
			st.open = append(st.open[:i], st.open[i+1:]...)
			return
		}
	}
}

// isEscDialogHandler reports whether f is an escDialogState's handler (a method value:
// all of them share one code pointer).
func isEscDialogHandler(f func(*fyne.KeyEvent)) bool {
	if f == nil {
		return false
	}
	var st escDialogState
	return reflect.ValueOf(f).Pointer() == reflect.ValueOf(st.typedKey).Pointer()
}

// escCloseTop closes the dialog shown last on w, as Esc on its canvas
// would; it reports whether there was one.
func escCloseTop(w fyne.Window) bool {
	if w == nil {
		return false
	}
	if st := escDialogs[w.Canvas()]; st != nil {
		return st.closeTop()
	}
	return false
}

// dialogEntry is an entry of a dialog: Esc typed into it closes the dialog,
// which a plain entry would swallow.
type dialogEntry struct {
	widget.Entry
	win fyne.Window
}

func newDialogEntry(w fyne.Window) *dialogEntry {
	e := &dialogEntry{win: w}
	e.ExtendBaseWidget(e)
	return e
}

func (e *dialogEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && escCloseTop(e.win) {
		return
	}
	e.Entry.TypedKey(k)
}

// dialogSize is width x height, made smaller where the window is, so a
// dialog never runs off a small window (800 x 600 screens exist).
func dialogSize(w fyne.Window, width, height float32) fyne.Size {
	if w != nil {
		if c := w.Canvas().Size(); c.Width > 0 && c.Height > 0 {
			width, height = min(width, c.Width-2*theme.Padding()), min(height, c.Height-2*theme.Padding())
		}
	}
	return fyne.NewSize(width, height)
}
