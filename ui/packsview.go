package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// packsView is the Packs screen (owner: PDF work; placeholder).
type packsView struct {
	env *Env
}

func newPacksView(env *Env) *packsView { return &packsView{env: env} }

// content builds the screen.
func (v *packsView) content() fyne.CanvasObject { return widget.NewLabel("Packs") }
