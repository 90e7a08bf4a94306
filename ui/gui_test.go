package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"briefdesk/app"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// listed returns the resolution numbers the left list shows.
func (f *guiFixture) listed() []int {
	var out []int
	for _, it := range f.m.resList.items {
		out = append(out, it.n)
	}
	return out
}

// chipsIn returns the chips drawn inside o, by text.
func chipsIn(o fyne.CanvasObject) map[string]*chip {
	out := map[string]*chip{}
	for _, x := range test.LaidOutObjects(o) {
		if c, ok := x.(*chip); ok && c.Visible() {
			out[c.Text] = c
		}
	}
	return out
}

// showRow scrolls docView d so row i is drawn and returns its widget.
func showRow(t *testing.T, d *docView, i int) *rowWidget {
	t.Helper()
	d.scrollTo(i)
	for _, x := range test.LaidOutObjects(d) {
		if w, ok := x.(*rowWidget); ok && w.id == i && w.Visible() {
			return w
		}
	}
	t.Fatalf("row %d is not drawn after scrolling to it", i)
	return nil
}

// drawnText is the text a row widget draws for its wrapped lines, joined.
func drawnText(w *rowWidget) string {
	r := w.d.rows[w.id]
	var b strings.Builder
	skip := 0
	if r.context != "" {
		skip++
	}
	if r.label != "" {
		skip++
	}
	for _, o := range w.objects {
		if t, ok := o.(*canvas.Text); ok {
			if skip > 0 {
				skip--
				continue
			}
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

func TestSearchFiltersList(t *testing.T) {
	f := newGUIFixture(t)
	if got, want := len(f.listed()), len(f.m.corpus.list); got != want {
		t.Fatalf("list shows %d resolutions before searching, want all %d", got, want)
	}
	for _, q := range []string{"数字化转型", "ITU-D", "小岛屿"} {
		t.Run(q, func(t *testing.T) {
			f.m.resList.search.SetText("")
			test.Type(f.m.resList.search, q)
			hits, err := f.db.Search(context.Background(), q, 100)
			if err != nil {
				t.Fatal(err)
			}
			got := f.listed()
			if len(got) == 0 || len(got) != len(hits) || len(got) >= len(f.m.corpus.list) && q == "小岛屿" {
				t.Fatalf("list shows %v for %q, search finds %d", got, q, len(hits))
			}
			for i, h := range hits {
				if got[i] != h.Number {
					t.Fatalf("row %d is %d, want search hit %d", i, got[i], h.Number)
				}
			}
		})
	}
	// The status filter narrows the hits further.
	f.m.resList.search.SetText("")
	test.Type(f.m.resList.search, "发展中国家")
	all := f.listed()
	f.m.resList.status.SetSelectedIndex(2) // Revised
	for _, n := range f.listed() {
		if s := f.m.corpus.byNum[n].Status; s != app.StatusRevised {
			t.Errorf("filter Revised lists %d (%s)", n, s)
		}
	}
	if len(f.listed()) >= len(all) {
		t.Errorf("status filter kept %d of %d hits", len(f.listed()), len(all))
	}
	// Escape clears the search and every revised resolution is back.
	f.m.resList.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	want := 0
	for _, r := range f.m.corpus.list {
		if r.Status == app.StatusRevised {
			want++
		}
	}
	if got := len(f.listed()); got != want {
		t.Errorf("after Escape the list shows %d, want the %d revised resolutions", got, want)
	}
}

func TestReferenceFilter(t *testing.T) {
	f := newGUIFixture(t)
	l := f.m.resList
	for i, key := range l.wtdcKeys {
		if i == 0 {
			continue
		}
		l.wtdc.SetSelectedIndex(i)
		got := f.listed()
		e := f.m.corpus.entity(app.RefWTDCResolution, key)
		if len(got) != citingResolutions(*e) {
			t.Errorf("filter %s lists %v, want the %d resolutions citing it", key, got, citingResolutions(*e))
		}
	}
}

func TestKeyboardInSearch(t *testing.T) {
	f := newGUIFixture(t)
	s := f.m.resList.search
	f.win.Canvas().Focus(s)
	test.Type(s, "标准化")
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	first := f.listed()[0]
	if f.m.cur.res != first {
		t.Fatalf("Down opened %d, want the first hit %d", f.m.cur.res, first)
	}
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	second := f.listed()[1]
	if f.m.cur.res != second {
		t.Fatalf("second Down opened %d, want %d", f.m.cur.res, second)
	}
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if f.m.cur.res != first {
		t.Fatalf("Up went to %d, want %d", f.m.cur.res, first)
	}
	// The card highlights the query.
	hasHit := false
	for _, r := range f.m.card.rows {
		if len(r.hits) > 0 {
			hasHit = true
		}
	}
	if !hasHit {
		t.Errorf("card of %d has no highlighted hit of 标准化", first)
	}
	// Enter opens the hit under the cursor, which Down already showed:
	// one place in the history, not two.
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.m.cur.res != second {
		t.Fatalf("Enter opened %d, want %d", f.m.cur.res, second)
	}
	if got, want := histCards(f.m.hist), []int{f.m.hist.places[0].res, first, second, first, second}; !slices.Equal(got, want) {
		t.Errorf("history %v, want every card opened once per opening: %v", got, want)
	}
}

// histCards lists the resolutions of a history's places.
func histCards(h *history) []int {
	var out []int
	for _, p := range h.places {
		out = append(out, p.res)
	}
	return out
}

func TestChipOpensTarget(t *testing.T) {
	f := newGUIFixture(t)
	// A WTSA reference opens that resolution's card: Res 44 cites Res 54.
	f.m.OpenResolution(44, "")
	row := rowOfClause(t, f.m.card, "44/resolves/4")
	c := chipsIn(showRow(t, f.m.card, row))["WTSA Res 54"]
	if c == nil {
		t.Fatal("clause 44/resolves/4 has no chip for WTSA Res 54")
	}
	test.Tap(c)
	if f.m.cur.res != 54 || f.m.right.Objects[0] != f.m.cardBox || f.m.card.rows[0].text != resName(54) {
		t.Fatalf("tapping WTSA Res 54 shows %+v", f.m.cur)
	}
	// Anything else opens the entity view with every citing clause.
	f.m.OpenResolution(44, "")
	row = rowOfClause(t, f.m.card, "44/instructs/1")
	c = chipsIn(showRow(t, f.m.card, row))["BDT"]
	if c == nil {
		t.Fatal("clause 44/instructs/1 has no chip for BDT")
	}
	test.Tap(c)
	if f.m.cur.key != "BDT" || f.m.right.Objects[0] != f.m.entity {
		t.Fatalf("tapping BDT shows %+v", f.m.cur)
	}
	e := f.m.corpus.entity(app.RefBureau, "BDT")
	var cites []docRow
	for _, r := range f.m.entity.rows {
		if r.kind == rowCitation {
			cites = append(cites, r)
		}
	}
	if len(cites) != len(e.Citations) {
		t.Fatalf("entity view lists %d citations of BDT, want %d", len(cites), len(e.Citations))
	}
	// A citation opens its card at that clause.
	ct := e.Citations[len(e.Citations)-1]
	cites[len(cites)-1].onTap()
	if f.m.cur.res != ct.Number || f.m.cur.clauseID != ct.ClauseID {
		t.Fatalf("citation opened %+v, want %d at %s", f.m.cur, ct.Number, ct.ClauseID)
	}
}

// rowOfClause finds the card row of a clause.
func rowOfClause(t *testing.T, d *docView, id string) int {
	t.Helper()
	for i, r := range d.rows {
		if r.clauseID == id && r.kind == rowClause {
			return i
		}
	}
	t.Fatalf("no row for clause %s", id)
	return -1
}

func TestBackForward(t *testing.T) {
	f := newGUIFixture(t)
	f.m.OpenResolution(44, "")
	f.m.OpenResolution(50, "")
	f.m.OpenEntity(app.RefBureau, "BDT")
	sc := f.win.Canvas().(fyne.Shortcutable)
	alt := func(k fyne.KeyName) {
		sc.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt})
	}

	alt(fyne.KeyLeft)
	if f.m.cur.res != 50 {
		t.Fatalf("Alt+Left from BDT shows %+v, want Res 50", f.m.cur)
	}
	test.Tap(f.m.back)
	if f.m.cur.res != 44 || f.m.card.rows[0].text != resName(44) {
		t.Fatalf("Back shows %+v, want Res 44", f.m.cur)
	}
	alt(fyne.KeyRight)
	test.Tap(f.m.forward)
	if f.m.cur.key != "BDT" {
		t.Fatalf("forward twice shows %+v, want BDT", f.m.cur)
	}
	if !f.m.forward.Disabled() {
		t.Error("Forward is enabled at the newest place")
	}
	// Visiting something new drops what was ahead.
	alt(fyne.KeyLeft)
	f.m.OpenResolution(2, "")
	if f.m.hist.canForward() {
		t.Error("history keeps a forward place after a new visit")
	}
}

func TestShortcutsSwitchViews(t *testing.T) {
	f := newGUIFixture(t)
	sc := f.win.Canvas().(fyne.Shortcutable)
	for i, want := range []viewID{viewTables, viewOverview, viewNotes, viewPacks, viewResolutions} {
		key := []fyne.KeyName{fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key1}[i]
		sc.TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
		if f.m.cur.view != want {
			t.Fatalf("Ctrl+%s shows view %d, want %d", key, f.m.cur.view, want)
		}
		if f.m.body.Objects[0] != f.m.views[want] {
			t.Fatalf("Ctrl+%s did not put view %d on screen", key, want)
		}
	}
	// Shortcuts still work while the search box has the focus.
	f.win.Canvas().Focus(f.m.resList.search)
	f.m.resList.search.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key3, Modifier: fyne.KeyModifierShortcutDefault})
	if f.m.cur.view != viewOverview {
		t.Fatalf("Ctrl+3 in the search box shows view %d", f.m.cur.view)
	}
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if f.m.cur.view != viewResolutions || f.win.Canvas().Focused() != f.m.resList.search {
		t.Fatalf("Ctrl+F: view %d, focus %T", f.m.cur.view, f.win.Canvas().Focused())
	}
}

func TestCard44ShowsAllClauses(t *testing.T) {
	f := newGUIFixture(t)
	f.m.OpenResolution(44, "")
	r := f.m.corpus.byNum[44]
	d := f.m.card
	seen := 0
	for _, c := range r.Clauses {
		i := rowOfClause(t, d, c.ID)
		w := showRow(t, d, i)
		got := drawnText(w)
		if want := strings.Join(strings.Fields(c.Text), ""); strings.Join(strings.Fields(got), "") != want {
			t.Errorf("clause %s draws %q, want %q", c.ID, got, c.Text)
		}
		if d.rows[i].label != c.Label {
			t.Errorf("clause %s has label %q, want %q", c.ID, d.rows[i].label, c.Label)
		}
		seen++
	}
	if seen != len(r.Clauses) || seen < 40 {
		t.Fatalf("card shows %d clauses, want %d", seen, len(r.Clauses))
	}
	// Every section heading of the resolution is on the card, in order.
	var heads []string
	for _, row := range d.rows {
		if row.kind == rowSection {
			heads = append(heads, row.text)
		}
	}
	var want []string
	prev := ""
	for _, c := range r.Clauses {
		if k := c.Section + c.Heading; k != prev {
			prev = k
			want = append(want, sectionTitle(c.Section, c.Heading))
		}
	}
	if got := strings.Join(heads, "|"); !strings.Contains(got, strings.Join(want, "|")) {
		t.Errorf("section headings %v, want %v", heads, want)
	}
}

// TestKinsoku checks every line of every card at two widths: no line starts
// with closing punctuation, and every line fits.
func TestKinsoku(t *testing.T) {
	f := newGUIFixture(t)
	const closing = "，。、；：？！）」』》〉】”’"
	for _, w := range []float32{360, 700} {
		for _, r := range f.m.corpus.list {
			rows, _ := cardRows(cardInput{res: &r}, "")
			ms := uiw.Measurers{}
			for _, row := range rows {
				lr := layoutRow(&row, w, ms)
				m := ms.Get(styleOf(row.kind).size)
				for k, ln := range lr.lines {
					s := row.text[ln.Start:ln.End]
					if k > 0 && s != "" && strings.ContainsRune(closing, []rune(s)[0]) {
						t.Errorf("Res %d at %gpx: line starts with %q: %q", r.Number, w, []rune(s)[0], s)
					}
					if lw := lr.textX + m.Width(s); lw > w {
						t.Errorf("Res %d at %gpx: line %q ends at %gpx", r.Number, w, s, lw)
					}
				}
			}
		}
	}
}

func TestCardFirstHitScrolled(t *testing.T) {
	f := newGUIFixture(t)
	f.m.OpenResolution(44, "44/instructs/1")
	want := rowOfClause(t, f.m.card, "44/instructs/1")
	f.m.card.Resize(fyne.NewSize(800, 600))
	if got := f.m.card.topRow(); got != want {
		t.Fatalf("card opened at 44/instructs/1 shows row %d at the top, want %d", got, want)
	}
}

// TestCardResize narrows a card: every row is wrapped again for the new
// width (taller rows), and the row at the top stays at the top.
func TestCardResize(t *testing.T) {
	f := newGUIFixture(t)
	f.m.OpenResolution(44, "44/instructs/1")
	d := f.m.card
	d.Resize(fyne.NewSize(900, 600))
	top := d.topRow()
	wide := append([]laidRow(nil), d.laid...)
	d.Resize(fyne.NewSize(420, 600))
	if d.width != 420 {
		t.Fatalf("card laid out for %g px after resizing to 420", d.width)
	}
	taller := 0
	for i := range d.laid {
		if d.laid[i].height > wide[i].height {
			taller++
		}
		if d.laid[i].height < wide[i].height {
			t.Errorf("row %d got shorter when the card got narrower", i)
		}
	}
	if taller < len(d.laid)/3 {
		t.Errorf("only %d of %d rows got taller at 420 px", taller, len(d.laid))
	}
	if got := d.topRow(); got != top {
		t.Errorf("row %d is at the top after resizing, want %d", got, top)
	}
}

// TestListEnterOpens moves through the resolution list with the keys
// widget.List knows and opens the focused row with Enter.
func TestListEnterOpens(t *testing.T) {
	f := newGUIFixture(t)
	l := f.m.resList.list
	f.win.Canvas().Focus(l)
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if want := f.listed()[2]; f.m.cur.res != want {
		t.Fatalf("Enter on the third row opened %d, want %d", f.m.cur.res, want)
	}
}
