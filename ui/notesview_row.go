package ui

import (
	"fmt"

	"briefdesk/app"
	uiw "briefdesk/ui/widget"

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

	stance, warn     *uiw.Badge
	warnBox          fyne.CanvasObject
	where, who, date *widget.Label
	first            *uiw.ClampedText
	tags             []*uiw.Badge // the first rowTags tags
	moreTags         *widget.Label
	tagBox, tagArea  *fyne.Container
	show, anchor     *widget.Button
	box              *fyne.Container
}

// rowTags is how many tags a row shows as badges; "+n" counts the rest.
const rowTags = 3

func (v *notesView) newRow() fyne.CanvasObject {
	r := &noteRow{v: v, stance: uiw.NewBadge(), warn: uiw.NewBadge()}
	r.where = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	r.who = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	r.date = &widget.Label{}
	r.first = uiw.NewClampedText(tablesMeasurers.Get(theme.TextSize()), rowLines, rowLines)
	r.moreTags = &widget.Label{SizeName: theme.SizeNameCaptionText}
	r.tagBox = container.NewHBox()
	for range rowTags {
		b := uiw.NewBadge()
		r.tags = append(r.tags, b)
		r.tagBox.Add(b.Object())
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
	r.warnBox = container.NewCenter(r.warn.Object())
	left := container.NewHBox(container.NewCenter(r.stance.Object()), r.warnBox)
	right := container.NewHBox(r.date, r.anchor, r.show)
	line1 := container.New(noteLineLayout{}, left, r.where, r.who, right)
	// The tags sit at the top right of the text, at their own height.
	r.tagArea = container.NewVBox(container.NewPadded(r.tagBox))
	body := container.NewBorder(nil, nil, nil, r.tagArea, r.first)
	r.box = container.NewVBox(line1, container.New(&uiw.Inset{H: theme.Padding()}, body))
	r.ExtendBaseWidget(r)
	return r
}

func (r *noteRow) CreateRenderer() fyne.WidgetRenderer {
	return &noteRowRenderer{WidgetRenderer: widget.NewSimpleRenderer(r.box), r: r}
}

// compactBelow is the row width under which "Show in resolution" is shown
// by its arrow alone, leaving the clause reference and the author room
// (an 800 px window).
const compactBelow = 900

// noteRowRenderer is the row's box, with the Show button made compact in
// a narrow row.
type noteRowRenderer struct {
	fyne.WidgetRenderer
	r *noteRow
}

func (nr *noteRowRenderer) Layout(size fyne.Size) {
	text := lang.L("Show in resolution")
	if size.Width < compactBelow*theme.TextSize()/14 {
		text = ""
	}
	if nr.r.show.Text != text {
		nr.r.show.Text = text
		nr.r.show.Refresh()
	}
	nr.WidgetRenderer.Layout(size)
}

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
	r.stance.Set(label, stanceColor(n.Stance))
	if n.NeedsReanchor {
		r.warn.Set(lang.L("Needs re-anchoring"), theme.ColorNameWarning)
		r.warnBox.Show()
		r.anchor.Show()
	} else {
		r.warnBox.Hide()
		r.anchor.Hide()
	}
	for i, b := range r.tags {
		if i < len(n.Tags) {
			b.Set(truncateRunes(app.SafeText(oneLine(n.Tags[i])), 16), theme.ColorNamePrimary)
			b.Object().Show()
		} else {
			b.Object().Hide()
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
	r.first.SetTextNoRefresh(it.first)
	r.box.Refresh()
}

// noteLineLayout lays out a note row's first line: the stance badges, the
// clause reference, the author, and the date and buttons at the right.
// The author column starts at the same x in every row (just past half
// the row's width), whatever the width of the badges before it, so the authors line
// up down the list; the reference takes the room before it and the author
// the room after, so at 800 px the reference keeps its room ("Resolution
// 58 · instructs 2") and a long name is the one cut short.
type noteLineLayout struct{}

// Objects: badges, where, who, right.
func (noteLineLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) != 4 {
		return
	}
	left, where, who, right := objs[0], objs[1], objs[2], objs[3]
	pad := theme.Padding()
	place := func(o fyne.CanvasObject, x, w float32) {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(max(w, 0), h))
	}
	lw, rw := left.MinSize().Width, right.MinSize().Width
	place(left, 0, lw)
	rx := size.Width - rw
	place(right, rx, rw)
	whoX := max(size.Width*0.52, lw+pad)
	if whoX > rx-pad {
		whoX = rx - pad
	}
	place(where, lw+pad, whoX-pad-(lw+pad))
	place(who, whoX, rx-pad-whoX)
}

func (noteLineLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		m := o.MinSize()
		w += m.Width
		h = max(h, m.Height)
	}
	return fyne.NewSize(w+3*theme.Padding(), h)
}
