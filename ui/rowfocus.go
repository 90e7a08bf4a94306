package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// A card row with something to copy takes the keyboard focus (Tab, or a
// click on it): Ctrl+C copies it, Enter or Shift+F10 opens its menu, Up
// and Down move to the row above or below. A right click opens the menu.

// Disabled makes focus traversal skip rows with nothing to copy.
func (w *rowWidget) Disabled() bool { return w.row() == nil || w.row().copy == nil }

func (w *rowWidget) row() *docRow {
	if w.id < 0 || w.id >= len(w.d.rows) {
		return nil
	}
	return &w.d.rows[w.id]
}

// FocusGained marks the row as the focused one.
func (w *rowWidget) FocusGained() {
	w.focused = true
	w.d.focusRow = w.id
	w.build()
	w.Refresh()
}

// FocusLost unmarks it.
func (w *rowWidget) FocusLost() {
	w.focused = false
	w.build()
	w.Refresh()
}

func (w *rowWidget) TypedRune(rune) {}

// TypedKey: Up/Down move the focus, Enter or Shift+F10 opens the menu,
// F3 goes to the next hit.
func (w *rowWidget) TypedKey(k *fyne.KeyEvent) {
	d := w.d
	switch k.Name {
	case fyne.KeyUp:
		d.focusNext(w.id, -1)
	case fyne.KeyDown:
		d.focusNext(w.id, 1)
	case fyne.KeyReturn, fyne.KeyEnter:
		w.showMenu(fyne.NewPos(w.d.laid[w.id].textX, w.Size().Height))
	case fyne.KeyF10:
		if shiftHeld() {
			w.showMenu(fyne.NewPos(w.d.laid[w.id].textX, w.Size().Height))
		}
	default:
		if d.onKey != nil {
			d.onKey(k)
		}
	}
}

// TypedShortcut copies on Ctrl+C; the window's shortcuts go on to it.
func (w *rowWidget) TypedShortcut(s fyne.Shortcut) {
	if _, ok := s.(*fyne.ShortcutCopy); ok {
		w.d.copyRow(w.d.focusRow)
		return
	}
	if w.d.windowShortcut != nil {
		w.d.windowShortcut(s)
	}
}

// Tapped focuses a copyable row and runs the row's action (an entity
// view's citation opens its card).
func (w *rowWidget) Tapped(*fyne.PointEvent) {
	r := w.row()
	if r == nil {
		return
	}
	if r.copy != nil {
		if c := fyne.CurrentApp().Driver().CanvasForObject(w); c != nil {
			c.Focus(w)
		}
	}
	if r.onTap != nil {
		r.onTap()
	}
}

// TappedSecondary opens the row's context menu where it was clicked.
func (w *rowWidget) TappedSecondary(e *fyne.PointEvent) {
	if w.row() == nil {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(w); c != nil && !w.Disabled() {
		c.Focus(w)
	}
	w.showMenu(e.Position)
}

// showMenu pops the row's menu up at pos, relative to the row.
func (w *rowWidget) showMenu(pos fyne.Position) {
	m := w.d.rowMenu(w.id)
	c := fyne.CurrentApp().Driver().CanvasForObject(w)
	if m == nil || c == nil {
		return
	}
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(w).Add(pos)
	widget.ShowPopUpMenuAtPosition(m, c, abs)
}

// focusNext moves the keyboard focus from row i to the nearest row above
// (delta -1) or below (1) that can take it, scrolling it into view.
func (d *docView) focusNext(i, delta int) {
	j := i + delta
	for j >= 0 && j < len(d.rows) && d.rows[j].copy == nil {
		j += delta
	}
	if j < 0 || j >= len(d.rows) {
		return
	}
	d.revealRow(j)
	// The list keeps widgets it no longer shows in a pool, still bound to
	// their last row: the one showing row j now was bound last.
	var to *rowWidget
	for _, w := range d.widgets {
		if w.id == j && (to == nil || w.bound > to.bound) {
			to = w
		}
	}
	if to != nil {
		if c := fyne.CurrentApp().Driver().CanvasForObject(to); c != nil {
			c.Focus(to)
		}
	}
}
