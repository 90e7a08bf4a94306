package widget

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fields of a form that is not a Fyne dialog (whose Esc handling is
// EscClosesDialog's): Esc typed into them runs the form's cancel.

// EscEntry is an Entry that calls onEsc on Escape, which a plain Entry
// swallows.
type EscEntry struct {
	widget.Entry
	onEsc func()
}

// NewEscEntry makes an entry that calls onEsc on Escape.
func NewEscEntry(onEsc func()) *EscEntry {
	e := &EscEntry{onEsc: onEsc}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey calls onEsc on Escape and leaves other keys to the Entry.
func (e *EscEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEsc != nil {
		e.onEsc()
		return
	}
	e.Entry.TypedKey(k)
}

// EscSelect is a Select that calls onEsc on Escape.
type EscSelect struct {
	widget.Select
	onEsc func()
}

// NewEscSelect makes a select of options that calls onEsc on Escape.
func NewEscSelect(options []string, onEsc func()) *EscSelect {
	s := &EscSelect{onEsc: onEsc}
	s.Options = options
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey calls onEsc on Escape and leaves other keys to the Select.
func (s *EscSelect) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && s.onEsc != nil {
		s.onEsc()
		return
	}
	s.Select.TypedKey(k)
}
