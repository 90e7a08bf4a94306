package ui

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// TestHitNavigation: F3 and Shift+F3 (and Enter in the search box) move
// through the card's hits, the bar says "hit 2 of N", and the card
// scrolls to the hit.
func TestHitNavigation(t *testing.T) {
	f := newGUIFixture(t)
	f.win.Resize(fyne.NewSize(1000, 600))
	s := f.m.resList.search
	const q = "发展中国家"
	f.m.OpenResolution(44, "")
	test.Type(s, q)
	d := f.m.card
	n := 0
	for _, r := range d.rows {
		n += strings.Count(r.text, q)
	}
	if n < 5 {
		t.Fatalf("card 44 has %d hits of %s; the test wants more", n, q)
	}
	if got, want := f.m.hitLabel.Text, "hit 1 of "+itoa(n); got != want {
		t.Fatalf("after the search the bar says %q, want %q", got, want)
	}
	f.m.win.Canvas().Unfocus()
	key := f.win.Canvas().OnTypedKey()
	key(&fyne.KeyEvent{Name: fyne.KeyF3})
	if got, want := f.m.hitLabel.Text, "hit 2 of "+itoa(n); got != want {
		t.Errorf("after F3 the bar says %q, want %q", got, want)
	}
	// The last hit is deep in the card: Shift+F3 from the first goes
	// round to it, and the card scrolls there.
	shiftHeld = func() bool { return true }
	t.Cleanup(func() { shiftHeld = func() bool { return false } })
	key(&fyne.KeyEvent{Name: fyne.KeyF3})
	key(&fyne.KeyEvent{Name: fyne.KeyF3})
	if got, want := f.m.hitLabel.Text, "hit "+itoa(n)+" of "+itoa(n); got != want {
		t.Errorf("after Shift+F3 twice the bar says %q, want %q", got, want)
	}
	if !rowInView(d, d.curHit.row) || d.list.GetScrollOffset() == 0 {
		t.Errorf("the last hit's row %d is not scrolled into view (offset %g)", d.curHit.row, d.list.GetScrollOffset())
	}
	shiftHeld = func() bool { return false }
	// Enter in the search box opens the first match, then moves through
	// its hits; F3 typed into the box moves too.
	f.m.win.Canvas().Focus(s)
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	first := f.m.resList.items[0].n
	m := 0
	for _, r := range d.rows {
		m += strings.Count(r.text, q)
	}
	if f.m.cur.res != first || f.m.hitLabel.Text != "hit 1 of "+itoa(m) {
		t.Fatalf("Enter in the search box: card %d, bar %q, want card %d and hit 1 of %d", f.m.cur.res, f.m.hitLabel.Text, first, m)
	}
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got, want := f.m.hitLabel.Text, "hit 2 of "+itoa(m); got != want || f.m.cur.res != first {
		t.Errorf("Enter again: card %d, bar %q, want %q", f.m.cur.res, got, want)
	}
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF3})
	if got, want := f.m.hitLabel.Text, "hit 3 of "+itoa(m); got != want || s.Text != q {
		t.Errorf("F3 in the search box: bar %q (want %q), search %q", got, want, s.Text)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestHighlightKeepsText: a highlighted hit draws the same text at the
// same places as without the highlight (Res 58 instructs 2 has Latin text,
// CIRT, before its hit, which used to push the hit right).
func TestHighlightKeepsText(t *testing.T) {
	type drawn struct {
		text  string
		pos   fyne.Position
		style fyne.TextStyle
	}
	texts := func(w *rowWidget) []drawn {
		var out []drawn
		for _, o := range w.objects {
			if x, ok := o.(*canvas.Text); ok {
				out = append(out, drawn{x.Text, x.Position(), x.TextStyle})
			}
		}
		return out
	}
	for _, c := range []struct {
		res  int
		with string // the row is the first whose text has this
		q    string
	}{
		{58, "CIRT的国家，尤其是在发展中国家", "发展中国家"},
		{50, "培育网络安全", "网络安全"},
		{72, "Table 1", "电磁场"},
	} {
		f := newGUIFixture(t)
		f.m.OpenResolution(c.res, "")
		d := f.m.card
		row := -1
		for i, r := range d.rows {
			if strings.Contains(r.text, c.with) {
				row = i
				break
			}
		}
		if row < 0 {
			t.Fatalf("Res %d has no row with %s", c.res, c.with)
		}
		plain := texts(liveRow(t, d, row))
		test.Type(f.m.resList.search, c.q)
		f.m.OpenResolution(c.res, "")
		if len(d.rows[row].hits) == 0 {
			t.Errorf("Res %d row %d %q has no hit of %s", c.res, row, d.rows[row].text, c.q)
			continue
		}
		w := liveRow(t, d, row)
		lit := texts(w)
		if len(lit) != len(plain) {
			t.Errorf("Res %d row %d: %d texts with the highlight, %d without", c.res, row, len(lit), len(plain))
			continue
		}
		for i := range lit {
			if lit[i] != plain[i] {
				t.Errorf("Res %d row %d: highlighted text %+v, without %+v", c.res, row, lit[i], plain[i])
			}
		}
		// Each highlight lies under its hit's glyphs.
		st := styleOf(d.rows[row].kind)
		lr := d.laid[row]
		r := d.rows[row]
		var rects []*canvas.Rectangle
		for _, o := range w.objects {
			if x, ok := o.(*canvas.Rectangle); ok && x != w.ring {
				rects = append(rects, x)
			}
		}
		if len(rects) == 0 {
			t.Errorf("Res %d row %d draws no highlight", c.res, row)
			continue
		}
		for li, ln := range lr.lines {
			for _, h := range r.hits {
				if h[0] < ln.Start || h[0] >= ln.End {
					continue
				}
				x := lr.textX + fyne.MeasureText(r.text[ln.Start:h[0]], st.size, fyne.TextStyle{Bold: st.bold}).Width
				y := lr.textY + float32(li)*lr.lineH
				found := false
				for _, b := range rects {
					found = found || (abs32(b.Position().X+1-x) < 0.5 && b.Position().Y == y)
				}
				if !found {
					t.Errorf("Res %d row %d: no highlight at x=%g for the hit at byte %d", c.res, row, x, h[0])
				}
			}
		}
	}
}
