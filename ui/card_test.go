package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// rowInView reports whether row i of d is wholly on screen.
func rowInView(d *docView, i int) bool {
	off := d.list.GetScrollOffset()
	y := d.offsetOf(i)
	return y >= off && y+d.laid[i].height <= off+d.list.Size().Height
}

// TestChipOpensCardAtTop: a card opened without a clause starts at its
// top, wherever the previous card was scrolled to.
func TestChipOpensCardAtTop(t *testing.T) {
	f := newGUIFixture(t)
	f.m.OpenResolution(72, "", "")
	d := f.m.card
	row := rowOfClause(t, d, "72/instructs/5")
	showRow(t, d, len(d.rows)-1) // scrolled to the end
	c := chipsIn(showRow(t, d, row))["WTSA Res 44"]
	if c == nil {
		t.Fatal("clause 72/instructs/5 has no chip for WTSA Res 44")
	}
	if d.list.GetScrollOffset() == 0 {
		t.Fatal("card 72 did not scroll")
	}
	test.Tap(c)
	if f.m.cur.res != 44 {
		t.Fatalf("the chip opened %+v", f.m.cur)
	}
	if off, top := d.list.GetScrollOffset(), d.topRow(); off != 0 || top != 0 {
		t.Errorf("card 44 opens scrolled to %g (row %d), want the top", off, top)
	}
	// With a clause, at that clause.
	f.m.OpenResolution(72, "72/instructs/5", "")
	if row := rowOfClause(t, d, "72/instructs/5"); !rowInView(d, row) {
		t.Errorf("card 72 at 72/instructs/5 shows row %d at the top; row %d is not in view", d.topRow(), row)
	}
}

// TestNoteButtonClearOfScrollBar: the note button, with its count, ends
// left of the scroll bar.
func TestNoteButtonClearOfScrollBar(t *testing.T) {
	f := newGUIFixture(t)
	f.m.OpenResolution(44, "", "")
	d := f.m.card
	d.Resize(fyne.NewSize(700, 500))
	d.setNotes(map[string]int{"": 7, "44/resolves/1": 12})
	for _, c := range []struct {
		row  int
		text string
	}{{0, "7"}, {rowOfClause(t, d, "44/resolves/1"), "12"}} {
		chip := chipsIn(showRow(t, d, c.row))[c.text]
		if chip == nil {
			t.Fatalf("row %d draws no note button %q", c.row, c.text)
		}
		right := chip.Position().X + chip.Size().Width
		if limit := d.Size().Width - theme.ScrollBarSize(); right > limit {
			t.Errorf("row %d: note button %q ends at %g, under the scroll bar (from %g)", c.row, c.text, right, limit)
		}
		if lr := d.laid[c.row]; len(lr.lines) > 0 {
			m := d.ms.get(styleOf(d.rows[c.row].kind).size)
			ln := lr.lines[0]
			if end := lr.textX + m.width(d.rows[c.row].text[ln.Start:ln.End]); end > chip.Position().X {
				t.Errorf("row %d: text runs to %g, into the note button at %g", c.row, end, chip.Position().X)
			}
		}
	}
}

// TestHeadingLines: a heading of two lines (做出决议 / 责成…) shows as two
// lines, and the addressee a heading line names is not repeated.
func TestHeadingLines(t *testing.T) {
	f := newGUIFixture(t)
	f.m.OpenResolution(100, "", "")
	rows := f.m.card.rows
	i := rowOfClause(t, f.m.card, "100/resolves/1")
	addr := f.m.corpus.clause(100, "100/resolves/1").Addressee
	if rows[i-2].kind != rowSection || rows[i-2].text != sectionTitle("resolves", "做出决议") {
		t.Errorf("row before the heading's second line is %q, want the section heading 做出决议", rows[i-2].text)
	}
	if rows[i-1].kind != rowSubSection || rows[i-1].text != "责成"+addr {
		t.Errorf("row above 100/resolves/1 is %q, want the heading's second line", rows[i-1].text)
	}
	for _, r := range rows {
		if strings.Contains(r.text, " / ") {
			t.Errorf("card 100 shows %q: heading lines joined", r.text)
		}
		if r.kind == rowAddressee && r.text == addr {
			t.Errorf("card 100 repeats the addressee %q", addr)
		}
	}
	// Addressees not named by a heading stay (Res 44's instructs).
	f.m.OpenResolution(44, "", "")
	want := f.m.corpus.clause(44, "44/instructs/1").Addressee
	found := false
	for _, r := range f.m.card.rows {
		found = found || r.kind == rowAddressee && r.text == want
	}
	if !found {
		t.Errorf("card 44 lost its addressee %q", want)
	}
}
