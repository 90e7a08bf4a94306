package ui

import (
	"context"

	"briefdesk/app"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// anchorDialog re-anchors a note whose clause is gone or has changed: the
// person picks the clause of the same resolution it belongs to now, or
// keeps it on the resolution as a whole. Either way the note is saved
// against the clause text as it is now, and stops needing re-anchoring.
type anchorDialog struct {
	env    *screenEnv
	note   app.Note
	res    *app.Resolution
	picked int // index into res.Clauses; -1 for none

	list                  *widget.List
	attach, whole, cancel *widget.Button
	dlg                   *dialog.CustomDialog
}

// showAnchorDialog opens the dialog for note n of resolution res (nil when
// the corpus lacks it: then there is nothing to pick, and it says so).
func showAnchorDialog(env *screenEnv, n app.Note, res *app.Resolution) *anchorDialog {
	a := &anchorDialog{env: env, note: n, res: res, picked: -1}
	if res == nil {
		uiw.ShowInfo(lang.L("Re-anchor note"),
			lang.L("Resolution {{.N}} is not in the document BriefDesk holds now, so this note cannot be attached to one of its clauses. It is kept as it is.", map[string]any{"N": n.Resolution}),
			env.Window)
		return a
	}
	intro := widget.NewLabel(lang.L("The clause this note was written on is gone or its text has changed. Pick the clause it belongs to now, or keep it on the whole resolution."))
	intro.Wrapping = fyne.TextWrapWord
	what := widget.NewLabel(lang.L("Note:") + " " + excerpt(n.Body, 120))
	what.Truncation = fyne.TextTruncateEllipsis
	was := widget.NewLabel(lang.L("Written on clause {{.ID}} of {{.Res}}", map[string]any{"ID": n.ClauseID, "Res": resName(n.Resolution)}))
	was.Importance = widget.LowImportance

	a.list = widget.NewList(
		func() int { return len(res.Clauses) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			c := &res.Clauses[id]
			o.(*widget.Label).SetText(clauseName(c) + citeLang().Colon() + excerpt(c.Text, 120))
		})
	a.list.OnSelected = func(id widget.ListItemID) {
		a.picked = id
		a.attach.Enable()
	}
	a.list.OnUnselected = func(widget.ListItemID) {
		a.picked = -1
		a.attach.Disable()
	}
	a.attach = &widget.Button{Text: lang.L("Attach to this clause"), Importance: widget.HighImportance, OnTapped: func() {
		if a.picked >= 0 {
			a.save(res.Clauses[a.picked].ID)
		}
	}}
	a.attach.Disable()
	a.whole = &widget.Button{Text: lang.L("Keep on the whole resolution"), OnTapped: func() { a.save("") }}
	a.cancel = &widget.Button{Text: lang.L("Cancel"), OnTapped: func() { a.dlg.Hide() }}

	top := container.NewVBox(intro, what, was, widget.NewSeparator())
	a.dlg = dialog.NewCustomWithoutButtons(lang.L("Re-anchor note"), container.NewBorder(top, nil, nil, nil, a.list), env.Window)
	a.dlg.SetButtons([]fyne.CanvasObject{a.cancel, a.whole, a.attach})
	a.dlg.Resize(uiw.DialogSize(env.Window, 680, 520))
	uiw.EscClosesDialog(env.Window, a.dlg)
	a.dlg.Show()
	// A clause whose text changed keeps its ID: offer it first.
	for i := range res.Clauses {
		if res.Clauses[i].ID == n.ClauseID {
			a.list.Select(i)
			a.list.ScrollTo(i)
		}
	}
	return a
}

// save anchors the note to clauseID ("" for the whole resolution).
func (a *anchorDialog) save(clauseID string) {
	n := a.note
	n.ClauseID = clauseID
	notes := a.env.Notes
	a.attach.Disable()
	a.whole.Disable()
	a.env.async(func() {
		err := notes.SaveNote(context.Background(), &n)
		fyne.Do(func() {
			a.whole.Enable()
			if a.picked >= 0 {
				a.attach.Enable()
			}
			if err != nil {
				showError(err, a.env.Window)
				return
			}
			a.dlg.Hide()
			a.env.notesChanged.notify()
		})
	})
}
