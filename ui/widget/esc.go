package widget

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Esc closes a dialog like its Cancel or Close button. Fyne's dialogs
// ignore Esc: a key goes to the focused widget, or to the canvas when
// nothing has focus. So the canvas gets a handler that closes the dialog
// shown last, and the entries of our dialogs (DialogEntry) pass Esc on to
// it.

// escDialogs holds, per canvas, the open dialogs that Esc closes, the one
// shown last at the end. A canvas is dropped when its last such dialog
// closes (its own key handler is put back) and, for a window closed with
// a dialog still open, at the next EscClosesDialog: nothing here keeps a
// closed window's canvas and widgets alive for long.
var escDialogs = map[fyne.Canvas]*escDialogState{}

type escDialogState struct {
	c    fyne.Canvas
	prev func(*fyne.KeyEvent) // the canvas's own handler, called for other keys
	open []dialog.Dialog
}

// EscClosesDialog makes Esc close d (d.Hide, which answers "no" to a
// confirm dialog) while it is the last such dialog shown on w. It sets
// d's OnClosed: call it after any SetOnClosed of your own would be lost.
func EscClosesDialog(w fyne.Window, d dialog.Dialog) {
	if w == nil || d == nil {
		return
	}
	forgetClosedWindows()
	c := w.Canvas()
	st := escDialogs[c]
	if st == nil {
		st = &escDialogState{c: c}
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

// forgetClosedWindows drops the canvases of windows the app no longer has.
func forgetClosedWindows() {
	if len(escDialogs) == 0 {
		return
	}
	open := map[fyne.Canvas]bool{}
	if a := fyne.CurrentApp(); a != nil {
		for _, w := range a.Driver().AllWindows() {
			open[w.Canvas()] = true
		}
	}
	for c := range escDialogs {
		if !open[c] {
			delete(escDialogs, c)
		}
	}
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

// remove forgets d; with no dialog left, it gives the canvas its own
// handler back and forgets the canvas.
func (st *escDialogState) remove(d dialog.Dialog) {
	for i := len(st.open) - 1; i >= 0; i-- {
		if st.open[i] == d {
			st.open = append(st.open[:i], st.open[i+1:]...)
			break
		}
	}
	if len(st.open) > 0 || escDialogs[st.c] != st {
		return
	}
	if isEscDialogHandler(st.c.OnTypedKey()) {
		st.c.SetOnTypedKey(st.prev)
	}
	delete(escDialogs, st.c)
}

// isEscDialogHandler reports whether f is an escDialogState's handler (a
// method value: all of them share one code pointer).
func isEscDialogHandler(f func(*fyne.KeyEvent)) bool {
	if f == nil {
		return false
	}
	var st escDialogState
	return reflect.ValueOf(f).Pointer() == reflect.ValueOf(st.typedKey).Pointer()
}

// EscCloseTop closes the dialog shown last on w, as Esc on its canvas
// would; it reports whether there was one.
func EscCloseTop(w fyne.Window) bool {
	if w == nil {
		return false
	}
	if st := escDialogs[w.Canvas()]; st != nil {
		return st.closeTop()
	}
	return false
}

// DialogEntry is an entry of a dialog: Esc typed into it closes the
// dialog, which a plain entry would swallow.
type DialogEntry struct {
	widget.Entry
	win fyne.Window
}

// NewDialogEntry makes an entry for a dialog shown on w.
func NewDialogEntry(w fyne.Window) *DialogEntry {
	e := &DialogEntry{win: w}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey closes the dialog on Esc and passes other keys to the entry.
func (e *DialogEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && EscCloseTop(e.win) {
		return
	}
	e.Entry.TypedKey(k)
}
