package ui

import (
	"strings"
	"testing"

	"briefdesk/app"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// cardHits is every highlighted piece of the card, joined with |.
func cardHits(d *docView) string {
	var parts []string
	for _, r := range d.rows {
		if h := hitText(r); h != "" {
			parts = append(parts, h)
		}
	}
	return strings.Join(parts, "|")
}

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
	f.m.OpenResolution(72, "")
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
	f.m.OpenResolution(72, "72/instructs/5")
	if row := rowOfClause(t, d, "72/instructs/5"); !rowInView(d, row) {
		t.Errorf("card 72 at 72/instructs/5 shows row %d at the top; row %d is not in view", d.topRow(), row)
	}
}

// TestFirstHitInDocumentOrder: the first hit in the order of the card
// (title, summary, clauses) is in view; a title hit keeps the card at the
// top; a hit deep in the card is scrolled to.
func TestFirstHitInDocumentOrder(t *testing.T) {
	f := newGUIFixture(t)
	f.win.Resize(fyne.NewSize(1000, 600))
	s := f.m.resList.search
	test.Type(s, "CIRT")
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	d := f.m.card
	if f.m.cur.res != 58 {
		t.Fatalf("CIRT, Enter opened %d, want 58", f.m.cur.res)
	}
	if h := hitText(d.rows[1]); h != "CIRT" {
		t.Fatalf("the title of 58 highlights %q, want CIRT", h)
	}
	if off := d.list.GetScrollOffset(); off != 0 {
		t.Errorf("card 58 with CIRT in its title opens scrolled to %g, want the top", off)
	}
	// The last clause of 44 has words found nowhere earlier in the card.
	r := f.m.corpus.byNum[44]
	last := r.Clauses[len(r.Clauses)-1]
	q := string([]rune(last.Text)[:8])
	s.SetText("")
	test.Type(s, q)
	f.m.OpenResolution(44, "")
	want := -1
	for i, row := range d.rows {
		if len(row.hits) > 0 {
			want = i
			break
		}
	}
	if want < 10 {
		t.Fatalf("%q is highlighted first in row %d of card 44; the test wants a hit deep in the card", q, want)
	}
	if !rowInView(d, want) || d.list.GetScrollOffset() == 0 {
		t.Errorf("card 44 with %q shows row %d at the top; its first hit, row %d, is not in view", q, d.topRow(), want)
	}
}

// TestHighlightsFollowQuery: the card always highlights the current
// search, however it was opened, and drops it when the search is cleared.
func TestHighlightsFollowQuery(t *testing.T) {
	f := newGUIFixture(t)
	s := f.m.resList.search
	d := f.m.card
	test.Type(s, "CIRT")
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !strings.Contains(cardHits(d), "CIRT") {
		t.Fatalf("card 58 highlights %q", cardHits(d))
	}
	// A new query: the open card follows it, where it is.
	d.Resize(fyne.NewSize(700, 500))
	showRow(t, d, 12)
	top := d.topRow()
	s.SetText("")
	test.Type(s, "电信发展局")
	if h := cardHits(d); strings.Contains(h, "CIRT") || !strings.Contains(h, "电信发展局") {
		t.Errorf("after a new query card 58 highlights %q", h)
	}
	if got := d.topRow(); got != top {
		t.Errorf("a new query moved the card from row %d to %d", top, got)
	}
	// Escape clears the search and the highlights.
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h := cardHits(d); h != "" {
		t.Errorf("after Escape card 58 still highlights %q", h)
	}
	// A card opened from the entity view highlights the search too.
	test.Type(s, "讲习班")
	f.m.OpenEntity(app.RefBureau, "BDT")
	for _, r := range f.m.entity.rows {
		if r.kind == rowCitation && strings.Contains(r.text, "讲习班") {
			r.onTap()
			break
		}
	}
	if f.m.right.Objects[0] != f.m.cardBox || !strings.Contains(cardHits(d), "讲习班") {
		t.Errorf("card %d opened from the entity view highlights %q", f.m.cur.res, cardHits(d))
	}
	// Back to a card opened under another query: today's query.
	f.m.goBack()
	f.m.goBack()
	if h := cardHits(d); f.m.cur.res == 58 && strings.Contains(h, "电信发展局") {
		t.Errorf("Back to 58 shows the old query's highlights %q", h)
	}
}

// TestNoteButtonClearOfScrollBar: the note button, with its count, ends
// left of the scroll bar.
func TestNoteButtonClearOfScrollBar(t *testing.T) {
	f := newGUIFixture(t)
	f.m.OpenResolution(44, "")
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
			m := d.ms.Get(styleOf(d.rows[c.row].kind).size)
			ln := lr.lines[0]
			if end := lr.textX + m.Width(d.rows[c.row].text[ln.Start:ln.End]); end > chip.Position().X {
				t.Errorf("row %d: text runs to %g, into the note button at %g", c.row, end, chip.Position().X)
			}
		}
	}
}

// TestHeadingLines: a heading of two lines (做出决议 / 责成…) shows as two
// lines, and the addressee a heading line names is not repeated.
func TestHeadingLines(t *testing.T) {
	f := newGUIFixture(t)
	f.m.OpenResolution(100, "")
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
	f.m.OpenResolution(44, "")
	want := f.m.corpus.clause(44, "44/instructs/1").Addressee
	found := false
	for _, r := range f.m.card.rows {
		found = found || r.kind == rowAddressee && r.text == want
	}
	if !found {
		t.Errorf("card 44 lost its addressee %q", want)
	}
}

// TestBadgeClearOfButtons lays out every card's title row ("第2号决议"
// with its status badge, copy and note buttons) from a wide card down to
// one as narrow as a 200% zoom at 800×600 leaves: the badge never
// overlaps the title's text or the buttons and stays inside the row, and
// the title keeps at least a few characters a line.
func TestBadgeClearOfButtons(t *testing.T) {
	f := newGUIFixture(t)
	type rect struct{ x0, y0, x1, y1 float32 }
	overlap := func(a, b rect) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }
	for _, w := range []float32{130, 160, 200, 260, 360, 700} {
		for _, r := range f.m.corpus.list {
			rows, _ := cardRows(cardInput{res: &r}, "")
			row := rows[0]
			if row.badge == nil || !row.noteBtn {
				t.Fatalf("Res %d: the title row has no badge or buttons", r.Number)
			}
			ms := uiw.Measurers{}
			lr := layoutRow(&row, w, ms)
			m := ms.Get(styleOf(row.kind).size)
			cm := ms.Get(chipTextSize())
			bs := chipSize(cm, row.badge.text, false)
			badge := rect{lr.badgePos.X, lr.badgePos.Y, lr.badgePos.X + bs.Width, lr.badgePos.Y + bs.Height}
			bh := chipSize(cm, "", true).Height
			buttons := rect{w - noteRoom(cm), lr.noteBtn.Y, w - scrollRoom(), lr.noteBtn.Y + bh}
			if overlap(badge, buttons) {
				t.Errorf("Res %d at %gpx: badge %v overlaps the buttons %v", r.Number, w, badge, buttons)
			}
			if badge.x1 > w-scrollRoom() || badge.y1 > lr.height {
				t.Errorf("Res %d at %gpx: badge %v outside the row (%g×%g)", r.Number, w, badge, w-scrollRoom(), lr.height)
			}
			for k, ln := range lr.lines {
				y := lr.textY + float32(k)*lr.lineH
				text := rect{lr.textX, y, lr.textX + m.Width(row.text[ln.Start:ln.End]), y + m.LineHeight()}
				if overlap(badge, text) {
					t.Errorf("Res %d at %gpx: badge %v overlaps line %q", r.Number, w, badge, row.text[ln.Start:ln.End])
				}
				if k < len(lr.lines)-1 && len([]rune(row.text[ln.Start:ln.End])) < 2 {
					t.Errorf("Res %d at %gpx: the title breaks after %q", r.Number, w, row.text[ln.Start:ln.End])
				}
			}
		}
	}
}
