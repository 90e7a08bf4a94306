package ui

import (
	"strconv"

	"briefdesk/ui/wrap"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rowWidget draws one docRow as laid out by its docView: plain canvas.Text
// per line (per styled piece of a line), rectangles behind search hits, and
// chips. The list reuses it for whichever row scrolls into view.
type rowWidget struct {
	widget.BaseWidget
	d  *docView
	id int

	objects []fyne.CanvasObject
	texts   []*canvas.Text
	rects   []*canvas.Rectangle
	chips   []*chip
	note    *chip
	copyBtn *chip
	badge   *chip
	ring    *canvas.Rectangle // the keyboard focus
	notes   []*chip           // note previews

	focused bool
	bound   int // d.binds when show last bound this widget to a row
}

func newRowWidget(d *docView) *rowWidget {
	w := &rowWidget{d: d, id: -1}
	w.ExtendBaseWidget(w)
	return w
}

// show draws row id.
func (w *rowWidget) show(id int) {
	w.id = id
	w.d.binds++
	w.bound = w.d.binds
	w.build()
	w.Refresh()
}

func (w *rowWidget) CreateRenderer() fyne.WidgetRenderer { return &rowRenderer{w: w} }

// MinSize is one line: the list's default row height, used only until the
// docView sets each row's height.
func (w *rowWidget) MinSize() fyne.Size {
	return fyne.NewSize(50, theme.TextSize()+theme.Padding()*2)
}

// build places every object of the row.
func (w *rowWidget) build() {
	d := w.d
	w.objects = w.objects[:0]
	if w.id < 0 || w.id >= len(d.rows) || w.id >= len(d.laid) {
		return
	}
	r := &d.rows[w.id]
	lr := &d.laid[w.id]
	st := styleOf(r.kind)
	th := w.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	m := d.ms.Get(st.size)
	nText, nRect := 0, 0
	text := func(s string, x, y float32, size float32, bold bool, c fyne.ThemeColorName) {
		if nText == len(w.texts) {
			w.texts = append(w.texts, &canvas.Text{})
		}
		t := w.texts[nText]
		nText++
		t.Text, t.TextSize, t.TextStyle = s, size, fyne.TextStyle{Bold: bold}
		t.Color = th.Color(c, v)
		t.Move(fyne.NewPos(x, y))
		t.Resize(fyne.NewSize(m.Width(s)+2, m.LineHeight()))
		w.objects = append(w.objects, t)
	}
	rect := func(x, y, wd, h float32, current bool) {
		if nRect == len(w.rects) {
			w.rects = append(w.rects, &canvas.Rectangle{})
		}
		b := w.rects[nRect]
		nRect++
		b.FillColor = hitColor(th, v)
		if current {
			b.FillColor = currentHitColor(th, v)
		}
		b.CornerRadius = 2
		b.Move(fyne.NewPos(x, y))
		b.Resize(fyne.NewSize(wd, h))
		w.objects = append(w.objects, b)
	}

	if w.focused && w.id == d.focusRow {
		if w.ring == nil {
			w.ring = &canvas.Rectangle{StrokeWidth: 2, CornerRadius: theme.Padding()}
		}
		w.ring.FillColor = th.Color(theme.ColorNameHover, v)
		w.ring.StrokeColor = th.Color(theme.ColorNameFocus, v)
		w.ring.Move(fyne.NewPos(theme.Padding()/2, 1))
		w.ring.Resize(fyne.NewSize(d.width-scrollRoom(), lr.height-2))
		w.objects = append(w.objects, w.ring)
	}
	if r.context != "" {
		cs := styleOf(rowCaption)
		text(r.context, lr.textX, lr.contextY, cs.size, false, cs.color)
	}
	if r.label != "" {
		text(r.label, lr.labelX, lr.textY, st.size, st.bold || r.kind == rowClause, st.color)
	}
	// Highlights first, so the text is drawn over them. A line is one
	// text however many hits it has, in the row's own style: a hit drawn
	// as a separate (bold) piece put at summed advances moved the text
	// after it, showing as a stray space before the hit.
	style := fyne.TextStyle{Bold: st.bold}
	for i, ln := range lr.lines {
		y := lr.textY + float32(i)*lr.lineH
		for _, sg := range wrap.Runs(ln.Start, ln.End, r.hits) {
			if sg.Marked {
				x := lr.textX + fyne.MeasureText(r.text[ln.Start:sg.Start], st.size, style).Width
				wd := fyne.MeasureText(r.text[ln.Start:sg.End], st.size, style).Width + lr.textX - x
				rect(x-1, y, wd+2, m.LineHeight(), d.isCurrentHit(w.id, sg.Start))
			}
		}
	}
	for i, ln := range lr.lines {
		y := lr.textY + float32(i)*lr.lineH
		text(r.text[ln.Start:ln.End], lr.textX, y, st.size, st.bold, st.color)
	}
	for i := len(w.chips); i < len(r.chips); i++ {
		w.chips = append(w.chips, newChip("", toneLink, nil))
	}
	for i, cs := range r.chips {
		c := w.chips[i]
		c.Text, c.Tone, c.OnTapped, c.Icon = cs.text, cs.tone, cs.onTap, nil
		c.Move(lr.chips[i])
		c.Resize(lr.chipSz[i])
		c.Refresh()
		w.objects = append(w.objects, c)
	}
	if r.badge != nil {
		if w.badge == nil {
			w.badge = newChip("", toneNew, nil)
		}
		w.badge.Text, w.badge.Tone, w.badge.OnTapped = r.badge.text, r.badge.tone, r.badge.onTap
		w.badge.Move(lr.badgePos)
		w.badge.Resize(chipSize(d.ms.Get(chipTextSize()), r.badge.text, false))
		w.badge.Refresh()
		w.objects = append(w.objects, w.badge)
	}
	if r.noteBtn {
		if w.note == nil {
			w.note = newChip("", toneNote, nil)
			w.note.Icon = theme.DocumentCreateIcon()
		}
		w.note.Text, w.note.Tone = "", toneNote
		if r.notes > 0 {
			w.note.Text, w.note.Tone = strconv.Itoa(r.notes), toneNoted
		}
		res, clause := r.res, r.clauseID
		note := w.note
		w.note.OnTapped = func() {
			d.noteAnchor = note
			if d.onNote != nil {
				d.onNote(res, clause)
			}
		}
		// Right-aligned to the room layoutRow kept, so a count never runs
		// under the scroll bar.
		sz := chipSize(d.ms.Get(chipTextSize()), w.note.Text, true)
		w.note.Move(fyne.NewPos(lr.noteBtn.X-sz.Width, lr.noteBtn.Y))
		w.note.Resize(sz)
		w.note.Refresh()
		w.objects = append(w.objects, w.note)
		if r.copy != nil {
			w.buildCopyButton(lr.noteBtn.X-sz.Width-theme.Padding()/2, lr.noteBtn.Y)
		}
	}
	for i := len(w.notes); i < len(r.notePreviews); i++ {
		w.notes = append(w.notes, newChip("", toneNoted, nil))
	}
	for i, np := range r.notePreviews {
		if i >= len(lr.notes) {
			break
		}
		c := w.notes[i]
		c.Text, c.Icon = lr.noteText[i], theme.DocumentIcon()
		c.OnTapped = func() {
			if d.onOpenNote != nil {
				d.onOpenNote(r.res, np)
			}
		}
		c.Move(lr.notes[i])
		c.Resize(lr.noteSz[i])
		c.Refresh()
		w.objects = append(w.objects, c)
	}
}

// buildCopyButton places the row's copy button, its right edge at x.
func (w *rowWidget) buildCopyButton(x, y float32) {
	d := w.d
	if w.copyBtn == nil {
		w.copyBtn = newChip("", toneNote, nil)
		w.copyBtn.Icon = theme.ContentCopyIcon()
	}
	id := w.id
	w.copyBtn.OnTapped = func() { d.copyRow(id) }
	sz := chipSize(d.ms.Get(chipTextSize()), "", true)
	w.copyBtn.Move(fyne.NewPos(x-sz.Width, y))
	w.copyBtn.Resize(sz)
	w.copyBtn.Refresh()
	w.objects = append(w.objects, w.copyBtn)
}

type rowRenderer struct{ w *rowWidget }

func (r *rowRenderer) Destroy()                     {}
func (r *rowRenderer) Layout(fyne.Size)             {}
func (r *rowRenderer) MinSize() fyne.Size           { return r.w.MinSize() }
func (r *rowRenderer) Objects() []fyne.CanvasObject { return r.w.objects }
func (r *rowRenderer) Refresh() {
	for _, o := range r.w.objects {
		if t, ok := o.(*canvas.Text); ok {
			t.Refresh()
		}
	}
	canvas.Refresh(r.w)
}
