package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// notesView is the Notes screen (owner: notes work; placeholder).
type notesView struct {
	env *Env
}

func newNotesView(env *Env) *notesView { return &notesView{env: env} }

// content builds the screen.
func (v *notesView) content() fyne.CanvasObject { return widget.NewLabel("Notes") }
