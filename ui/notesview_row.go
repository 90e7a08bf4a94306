package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// noteRow is one row of the Notes list: stance, where, whose, when, and
// the first line of the text, truncated. Tapping the row opens the note;
// its buttons show the clause in its resolution or re-anchor the note.
type noteRow struct {
	widget.BaseWidget
	v    *notesView
	item *noteItem

	stance, warn            *badge
	warnBox                 fyne.CanvasObject
	where, who, date, first *widget.Label
	show, anchor            *widget.Button
	box                     *fyne.Container
}

func (v *notesView) newRow() fyne.CanvasObject {
	r := &noteRow{v: v, stance: newBadge(), warn: newBadge()}
	r.where = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	r.who = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	r.date = &widget.Label{}
	r.first = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	r.show = &widget.Button{Icon: theme.NavigateNextIcon(), Text: lang.L("Show in resolution"), Importance: widget.LowImportance, OnTapped: func() {
		if r.item != nil {
			r.v.showNote(&r.item.note)
		}
	}}
	r.anchor = &widget.Button{Text: lang.L("Re-anchor…"), Importance: widget.MediumImportance, OnTapped: func() {
		if r.item != nil {
			showAnchorDialog(r.v.env, r.item.note, r.v.res[r.item.note.Resolution])
		}
	}}
	r.warnBox = container.NewCenter(r.warn.box)
	left := container.NewHBox(container.NewCenter(r.stance.box), r.warnBox)
	right := container.NewHBox(r.date, r.anchor, r.show)
	line1 := container.NewBorder(nil, nil, left, right, container.NewGridWithColumns(2, r.where, r.who))
	r.box = container.NewVBox(line1, container.New(&insetLayout{h: theme.Padding() * 2}, r.first))
	r.ExtendBaseWidget(r)
	return r
}

func (r *noteRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// updateRow binds row o to the id-th shown note.
func (v *notesView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*noteRow)
	if id < 0 || id >= len(v.shown) {
		return
	}
	it := v.shown[id]
	r.item = it
	n := &it.note
	label := stanceLabel(n.Stance)
	if p := priorityLabel(n.Priority); p != "" {
		label += " · " + p
	}
	r.stance.set(label, stanceColor(n.Stance))
	if n.NeedsReanchor {
		r.warn.set(lang.L("Needs re-anchoring"), theme.ColorNameWarning)
		r.warnBox.Show()
		r.anchor.Show()
	} else {
		r.warnBox.Hide()
		r.anchor.Hide()
	}
	// One refresh of the whole row, which also lays the badges out again:
	// SetText on each label would shape each text twice.
	r.where.Text, r.who.Text, r.date.Text, r.first.Text = it.where, it.who, it.date, it.first
	r.box.Refresh()
}
