package ui

import (
	"fmt"

	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// noteRow is one row of the Notes list: stance, where, whose, when, then
// the start of the text in rowLines lines beside the note's tags.
// Tapping the row opens the note; its buttons show the clause in its
// resolution or re-anchor the note.
type noteRow struct {
	widget.BaseWidget
	v    *notesView
	item *noteItem

	stance, warn     *badge
	warnBox          fyne.CanvasObject
	where, who, date *widget.Label
	first            *clampedText
	tags             []*badge // the first rowTags tags
	moreTags         *widget.Label
	tagBox, tagArea  *fyne.Container
	show, anchor     *widget.Button
	box              *fyne.Container
}

// rowTags is how many tags a row shows as badges; "+n" counts the rest.
const rowTags = 3

func (v *notesView) newRow() fyne.CanvasObject {
	r := &noteRow{v: v, stance: newBadge(), warn: newBadge()}
	r.where = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	r.who = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	r.date = &widget.Label{}
	r.first = newClampedText(rowLines, rowLines)
	r.moreTags = &widget.Label{SizeName: theme.SizeNameCaptionText}
	r.tagBox = container.NewHBox()
	for range rowTags {
		b := newBadge()
		r.tags = append(r.tags, b)
		r.tagBox.Add(b.box)
	}
	r.tagBox.Add(r.moreTags)
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
	// The tags sit at the top right of the text, at their own height.
	r.tagArea = container.NewVBox(container.NewPadded(r.tagBox))
	body := container.NewBorder(nil, nil, nil, r.tagArea, r.first)
	r.box = container.NewVBox(line1, container.New(&insetLayout{h: theme.Padding()}, body))
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
	for i, b := range r.tags {
		if i < len(n.Tags) {
			b.set(truncateRunes(app.SafeText(oneLine(n.Tags[i])), 16), theme.ColorNamePrimary)
			b.box.Show()
		} else {
			b.box.Hide()
		}
	}
	r.moreTags.Text = ""
	if len(n.Tags) > rowTags {
		r.moreTags.Text = fmt.Sprintf("+%d", len(n.Tags)-rowTags)
	}
	r.moreTags.Hidden = r.moreTags.Text == ""
	r.tagArea.Hidden = len(n.Tags) == 0
	// One refresh of the whole row, which also lays the badges out again:
	// SetText on each label would shape each text twice.
	r.where.Text, r.who.Text, r.date.Text = it.where, it.who, it.date
	r.first.text, r.first.lines = it.first, nil
	r.box.Refresh()
}
