package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// hitRef is one search hit of a document view: its row and where in the
// row's text it starts.
type hitRef struct{ row, start int }

// hitList is every hit of the view in document order.
func (d *docView) hitList() []hitRef {
	var out []hitRef
	for i, r := range d.rows {
		for _, h := range r.hits {
			out = append(out, hitRef{i, h[0]})
		}
	}
	return out
}

// isCurrentHit reports whether the hit at start in row is the one F3
// moved to.
func (d *docView) isCurrentHit(row, start int) bool {
	return d.curHit.row == row && d.curHit.start == start && d.hasCurHit
}

// hitPosition is the current hit's place among the hits (from 1) and
// their number; 0 when no hit is current.
func (d *docView) hitPosition() (at, n int) {
	hits := d.hitList()
	for i, h := range hits {
		if d.hasCurHit && h == d.curHit {
			return i + 1, len(hits)
		}
	}
	return 0, len(hits)
}

// resetHit makes the first hit at or below row from current (the one in
// view after a search), or none when the view has no hit.
func (d *docView) resetHit(from int) {
	d.hasCurHit = false
	hits := d.hitList()
	if len(hits) == 0 {
		d.notifyHits()
		return
	}
	d.curHit, d.hasCurHit = hits[0], true
	for _, h := range hits {
		if h.row >= from {
			d.curHit = h
			break
		}
	}
	d.notifyHits()
}

// moveHit makes the next (delta 1) or previous (-1) hit current, round
// the end, and scrolls its row into view. It reports whether the view
// has hits.
func (d *docView) moveHit(delta int) bool {
	hits := d.hitList()
	if len(hits) == 0 {
		return false
	}
	at := -1
	for i, h := range hits {
		if d.hasCurHit && h == d.curHit {
			at = i
		}
	}
	switch {
	case at < 0 && delta < 0:
		at = len(hits) - 1
	case at < 0:
		at = 0
	default:
		at = (at + delta + len(hits)) % len(hits)
	}
	old := d.curHit.row
	d.curHit, d.hasCurHit = hits[at], true
	d.revealRow(d.curHit.row)
	if d.list != nil {
		d.list.RefreshItem(old)
		d.list.RefreshItem(d.curHit.row)
	}
	d.notifyHits()
	return true
}

func (d *docView) notifyHits() {
	if d.onHits != nil {
		d.onHits()
	}
}

// revealRow scrolls row i into view when it is not wholly on screen,
// with the row before it for context.
func (d *docView) revealRow(i int) {
	if d.list == nil || d.width == 0 || i >= len(d.laid) {
		d.scroll = i
		return
	}
	off := d.list.GetScrollOffset()
	y := d.offsetOf(i)
	if y >= off && y+d.laid[i].height <= off+d.list.Size().Height {
		return
	}
	d.list.ScrollToOffset(d.offsetOf(max(i-1, 0)))
}

// shiftHeld reports whether a Shift key is down (Shift+F3); the test
// driver has no keyboard state.
var shiftHeld = func() bool {
	if dd, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return dd.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

// hitKey handles F3 and Shift+F3 for a view: it reports whether k was
// one of them.
func (d *docView) hitKey(k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyF3 {
		return false
	}
	if shiftHeld() {
		d.moveHit(-1)
	} else {
		d.moveHit(1)
	}
	return true
}
