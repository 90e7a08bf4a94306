package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// tablesView is the Tables screen (owner: tables work; placeholder).
type tablesView struct {
	env *Env
}

func newTablesView(env *Env) *tablesView { return &tablesView{env: env} }

// content builds the screen.
func (v *tablesView) content() fyne.CanvasObject { return widget.NewLabel("Tables") }
