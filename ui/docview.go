package ui

import (
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// docView shows a list of docRows in a virtualised widget.List: only the
// rows on screen exist as widgets, and each row draws its wrapped lines as
// plain canvas.Text, so even the longest resolution lays out in
// milliseconds. (One RichText holding a whole resolution takes seconds.)
//
// Row heights depend on the width. widget.List refreshes itself on every
// SetItemHeight once it is on screen, so rather than updating a shown list
// row by row, a width change builds a new List with all heights set before
// it is drawn, and scrolls it to the row that was at the top.
type docView struct {
	widget.BaseWidget
	rows []docRow
	ms   uiw.Measurers

	width  float32
	laid   []laidRow
	list   *rowList
	scroll int  // row to bring to the top once laid out; -1 keeps the row at the top (resizing)
	reveal bool // scroll only if that row is not on the first screen already
	// onNote is the note button of a clause ("" for the resolution).
	onNote func(res int, clauseID string)
	// onNewNote starts a new note on a clause (context menu).
	onNewNote func(res int, clauseID string)
	// onOpenNote opens one note (a preview under its clause).
	onOpenNote func(n int, note notePreview)
	// noteAnchor is the note button tapped last, for a menu beside it.
	noteAnchor fyne.CanvasObject
	// onCopied says what was just copied to the clipboard.
	onCopied func(what string)
	// onKey gets the keys a focused row has no use for (F3).
	onKey func(k *fyne.KeyEvent)
	// windowShortcut runs a window shortcut typed while a row has focus.
	windowShortcut func(s fyne.Shortcut) bool
	// onHits follows the search hits (their number, the current one).
	onHits func()
	// curHit is the hit F3 moved to, when hasCurHit.
	curHit    hitRef
	hasCurHit bool
	// focusRow is the row that has (or last had) the keyboard focus, -1
	// for none; the list reuses row widgets, so focus follows the row.
	focusRow int
	widgets  []*rowWidget // every row widget the lists made, to find the one showing a row
	binds    int          // rows bound to widgets so far (rowWidget.bound)
	// pendingTop is the row to scroll to once the new list has a size;
	// pendingReveal is reveal for it.
	pendingTop    int
	pendingReveal bool
}

func newDocView(rows []docRow) *docView {
	d := &docView{rows: rows, ms: uiw.Measurers{}, scroll: -1, focusRow: -1}
	d.ExtendBaseWidget(d)
	return d
}

// setRows replaces the rows and shows row at at the top (-1: the first
// row). With reveal, row at is only brought into view: a row already on
// the first screen leaves the view at the top, so the title stays in sight.
func (d *docView) setRows(rows []docRow, at int, reveal bool) {
	d.rows = rows
	d.width = 0 // force a new list
	// Never keep the old list's position: a new document starts at the top.
	d.scroll = max(at, 0)
	d.reveal = reveal && at > 0
	d.focusRow = -1
	d.dropFocus()
	d.resetHit(max(at, 0))
	d.Refresh()
}

// updateRows swaps in rows that differ from the shown ones only in what
// is drawn over the same lines (search hits, note counts): same number of
// rows, same texts. The layout and the scroll position stay; only the rows
// on screen are drawn again. Other rows are laid out anew, keeping the row
// at the top.
func (d *docView) updateRows(rows []docRow) {
	hitsChanged := !sameHits(d.rows, rows)
	top := d.topRow()
	if !sameLayout(d.rows, rows) {
		d.rows = rows
		d.width = 0
		d.scroll = -1
		if hitsChanged {
			d.resetHit(top)
		}
		d.Refresh()
		return
	}
	d.rows = rows
	if hitsChanged {
		d.resetHit(top)
	}
	if d.list != nil {
		d.list.Refresh()
	}
}

// sameHits reports whether rows a and b highlight the same ranges.
func sameHits(a, b []docRow) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i].hits) != len(b[i].hits) {
			return false
		}
		for j := range a[i].hits {
			if a[i].hits[j] != b[i].hits[j] {
				return false
			}
		}
	}
	return true
}

// sameLayout reports whether rows b wrap exactly like rows a.
func sameLayout(a, b []docRow) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := &a[i], &b[i]
		if x.kind != y.kind || x.text != y.text || x.label != y.label || x.depth != y.depth ||
			x.context != y.context || len(x.chips) != len(y.chips) || x.noteBtn != y.noteBtn || (x.badge == nil) != (y.badge == nil) {
			return false
		}
		for j := range x.chips {
			if x.chips[j].text != y.chips[j].text {
				return false
			}
		}
		if len(x.notePreviews) != len(y.notePreviews) {
			return false
		}
		for j := range x.notePreviews {
			if x.notePreviews[j].text != y.notePreviews[j].text {
				return false
			}
		}
	}
	return true
}

// scrollTo brings row i to the top of the view.
func (d *docView) scrollTo(i int) {
	if d.list == nil || d.width == 0 {
		d.scroll = i
		return
	}
	d.list.ScrollToOffset(d.offsetOf(i))
}

// offsetOf is the y offset of row i in the list.
func (d *docView) offsetOf(i int) float32 {
	var y float32
	sep := theme.Padding()
	for j := 0; j < i && j < len(d.laid); j++ {
		y += d.laid[j].height + sep
	}
	return y
}

// topRow is the row at the top of the view.
func (d *docView) topRow() int {
	if d.list == nil {
		return 0
	}
	off := d.list.GetScrollOffset()
	sep := theme.Padding()
	var y float32
	for i, l := range d.laid {
		if y+l.height > off {
			return i
		}
		y += l.height + sep
	}
	return 0
}

// relayout wraps every row for width w and builds a list for it.
func (d *docView) relayout(w float32) {
	top := d.scroll
	if top < 0 && d.list != nil {
		top = d.topRow()
	}
	d.pendingReveal = d.reveal
	d.scroll, d.reveal = -1, false
	d.width = w
	d.laid = make([]laidRow, len(d.rows))
	for i := range d.rows {
		d.laid[i] = layoutRow(&d.rows[i], w, d.ms)
	}
	d.widgets = nil
	l := newRowList(d)
	for i, lr := range d.laid {
		l.SetItemHeight(i, lr.height)
	}
	d.list = l
	d.pendingTop = max(top, 0)
}

func (d *docView) CreateRenderer() fyne.WidgetRenderer {
	return &docViewRenderer{d: d}
}

type docViewRenderer struct {
	d *docView
}

func (r *docViewRenderer) Destroy() {}

func (r *docViewRenderer) Objects() []fyne.CanvasObject {
	if r.d.list == nil {
		return nil
	}
	return []fyne.CanvasObject{r.d.list}
}

func (r *docViewRenderer) MinSize() fyne.Size { return fyne.NewSize(100, 100) }

func (r *docViewRenderer) Layout(size fyne.Size) {
	d := r.d
	if size.Width <= 0 {
		return
	}
	if d.list == nil || size.Width != d.width {
		d.relayout(size.Width)
	}
	d.list.Resize(size)
	if d.pendingTop > 0 {
		at := d.offsetOf(d.pendingTop)
		onFirstScreen := d.pendingTop < len(d.laid) && at+d.laid[d.pendingTop].height <= size.Height
		if !d.pendingReveal || !onFirstScreen {
			d.list.ScrollToOffset(at)
		}
		d.pendingTop, d.pendingReveal = 0, false
	}
}

func (r *docViewRenderer) Refresh() {
	d := r.d
	if d.width == 0 && d.Size().Width > 0 {
		r.Layout(d.Size())
	}
	if d.list != nil {
		d.list.Refresh()
	}
	canvas.Refresh(d)
}

// enterList is a widget.List that also opens the focused row on Enter;
// widget.List only knows Space.
type enterList struct {
	widget.List
}

// TypedKey adds Enter to the keys widget.List knows.
func (l *enterList) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		e = &fyne.KeyEvent{Name: fyne.KeySpace}
	}
	l.List.TypedKey(e)
}

func newEnterList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *enterList {
	l := &enterList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// rowList is the list of a docView's rows. Rows act, they are not chosen:
// selecting one runs its onTap and the selection is dropped.
type rowList struct {
	enterList
}

func newRowList(d *docView) *rowList {
	l := &rowList{}
	l.Length = func() int { return len(d.rows) }
	l.CreateItem = func() fyne.CanvasObject {
		w := newRowWidget(d)
		d.widgets = append(d.widgets, w)
		return w
	}
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) { o.(*rowWidget).show(id) }
	l.OnSelected = func(id widget.ListItemID) {
		l.Unselect(id)
		if id < len(d.rows) && d.rows[id].onTap != nil {
			d.rows[id].onTap()
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// dropFocus takes the keyboard focus from a row of the old document, so
// Ctrl+C never copies from a card no longer shown.
func (d *docView) dropFocus() {
	for _, w := range d.widgets {
		if w.focused {
			if c := fyne.CurrentApp().Driver().CanvasForObject(w); c != nil {
				c.Unfocus()
			}
			return
		}
	}
}
