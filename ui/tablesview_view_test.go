package ui

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/ui/tables"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TestTablesClickedRowStaysInView: the lowest row wholly in view, tapped
// where it is drawn, opens the detail pane, which takes room from the
// table; the row stays selected and is scrolled back into view.
func TestTablesClickedRowStaysInView(t *testing.T) {
	f := newTablesFixture(t)
	f.w.Resize(fyne.NewSize(800, 600))
	f.v.show(tables.NameITUD)
	g := f.v.itud.grid
	bound := map[*tablesCell]widget.TableCellID{}
	update := g.w.UpdateCell
	g.w.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		bound[o.(*tablesCell)] = id
		update(id, o)
	}
	g.w.ScrollToOffset(fyne.NewPos(0, 300)) // not at the top either
	g.w.Refresh()
	text := g.widgetCol(f.v.itud.tab.Col(tables.ColText))
	var low widget.TableCellID
	var at fyne.Position
	for id, p := range gridCells(g, bound) {
		if id.Col == text && p.Y > at.Y {
			low, at = id, p
		}
	}
	if at.Y == 0 {
		t.Fatal("no clause text drawn")
	}
	d := fyne.CurrentApp().Driver()
	test.TapCanvas(f.w.Canvas(), d.AbsolutePositionForObject(g.w).Add(at))
	if !f.v.detail.box.Visible() {
		t.Fatal("the tap opened no detail pane")
	}
	if got := g.selected(); !slices.Equal(got, []int{low.Row}) {
		t.Fatalf("selected %v, want the tapped row %d", got, low.Row)
	}
	shown := false
	for id := range gridCells(g, bound) {
		shown = shown || id.Row == low.Row
	}
	if !shown {
		t.Fatalf("row %d is out of view once the detail pane is open", low.Row)
	}
	// It is drawn as selected, every cell of it.
	marked := 0
	tablesWalk(g.w, func(o fyne.CanvasObject) {
		if c, ok := o.(*tablesCell); ok && bound[c].Row == low.Row {
			if !c.bg.Visible() || c.bg.FillColor != theme.Color(theme.ColorNameSelection) {
				t.Errorf("cell %v of the selected row is not marked", bound[c])
			}
			marked++
		}
	})
	if marked == 0 {
		t.Error("no cell of the selected row is drawn")
	}
}

// TestTablesITUDByAddressee: one choice keeps what is asked of the BDT
// Director, counted by the domain rule from the corpus itself; a header
// tap sorts by addressee, again reverses, a third time restores.
func TestTablesITUDByAddressee(t *testing.T) {
	f := newTablesFixture(t)
	f.v.show(tables.NameITUD)
	it := f.v.itud
	all, bdt := 0, 0
	for _, r := range f.rs {
		for _, c := range r.Clauses {
			if c.AddressesITUD() {
				all++
				if c.AddressedToBDT() {
					bdt++
				}
			}
		}
	}
	if len(it.tab.Rows) != all || bdt == 0 || bdt >= all {
		t.Fatalf("%d rows at first, want all %d (BDT Director %d)", len(it.tab.Rows), all, bdt)
	}
	if !strings.Contains(it.addressee.Options[1], "("+strconv.Itoa(bdt)+")") {
		t.Errorf("the BDT Director's choice reads %q, want its count %d", it.addressee.Options[1], bdt)
	}
	it.addressee.SetSelectedIndex(slices.Index(tables.Addressees, tables.AddresseeBDT))
	if len(it.tab.Rows) != bdt {
		t.Fatalf("asked of the BDT Director: %d rows, want %d", len(it.tab.Rows), bdt)
	}
	for r := range it.tab.Rows {
		if c, _ := it.clause(r); !c.AddressedToBDT() {
			t.Fatalf("row %d (%s, addressee %q) is not addressed to BDT", r, c.ID, c.Addressee)
		}
	}
	if got := f.v.status.Text; !strings.Contains(got, strconv.Itoa(bdt)) {
		t.Errorf("footer %q, want the %d rows shown", got, bdt)
	}
	col := it.tab.Col(tables.ColAddressee)
	addressees := func() []string {
		var out []string
		for _, r := range it.tab.Rows {
			out = append(out, r[col])
		}
		return out
	}
	test.Tap(f.headers()[lang.L("Addressee")])
	if a := addressees(); !slices.IsSortedFunc(a, app.NaturalCompare) || a[0] == a[len(a)-1] {
		t.Fatalf("sorted by addressee: %q", a)
	}
	test.Tap(f.headers()[lang.L("Addressee")])
	a := addressees()
	slices.Reverse(a)
	if !slices.IsSortedFunc(a, app.NaturalCompare) {
		t.Fatalf("sorted by addressee, descending: %q", addressees())
	}
	test.Tap(f.headers()[lang.L("Addressee")])
	if !slices.IsSortedFunc(it.tab.Res, func(a, b int) int { return slices.Index(resOrder(f.rs), a) - slices.Index(resOrder(f.rs), b) }) {
		t.Fatalf("a third tap leaves %v, want resolution order", it.tab.Res)
	}
	it.addressee.SetSelectedIndex(0)
	if len(it.tab.Rows) != all {
		t.Fatalf("all addressees again: %d rows, want %d", len(it.tab.Rows), all)
	}
}

func resOrder(rs []app.Resolution) []int {
	var out []int
	for _, r := range rs {
		out = append(out, r.Number)
	}
	return out
}

// TestTablesSideBySidePicks: export waits for a comparison; a resolution
// picked once is not offered again; the names stay above the scrolled
// sections.
func TestTablesSideBySidePicks(t *testing.T) {
	f := newTablesFixture(t)
	f.w.Resize(fyne.NewSize(800, 600))
	if f.v.export.Disabled() {
		t.Fatal("export is disabled on the loaded overview")
	}
	f.v.show(tables.NameSideBySide)
	s := f.v.side
	if !f.v.export.Disabled() {
		t.Fatal("export is enabled with nothing picked")
	}
	offers := func(i, n int) bool {
		return slices.ContainsFunc(s.picks[i].Options, func(o string) bool { return s.num[o] == n && o != sideNone })
	}
	s.pick(0, 54)
	if offers(1, 54) || offers(2, 54) || offers(3, 54) || !offers(0, 54) || !offers(1, 96) {
		t.Fatal("Res 54, picked first, is offered again (or not where it is picked)")
	}
	s.pick(1, 54) // not offered: nothing happens
	if got := len(s.picked()); got != 1 || !f.v.export.Disabled() {
		t.Fatalf("after picking 54 twice: %d picked, export disabled %v", got, f.v.export.Disabled())
	}
	s.pick(1, 96)
	if s.s == nil || f.v.export.Disabled() {
		t.Fatalf("54 and 96 picked: comparison %v, export disabled %v", s.s != nil, f.v.export.Disabled())
	}
	// Freeing 54 offers it to the others again.
	s.picks[0].SetSelected(sideNone)
	if !offers(1, 54) || !f.v.export.Disabled() {
		t.Fatalf("54 unpicked: offered %v, export disabled %v", offers(1, 54), f.v.export.Disabled())
	}
	s.pick(0, 54)
	s.pick(2, 2)
	d := fyne.CurrentApp().Driver()
	var names []*uiw.ClampedText
	tablesWalk(s.head, func(o fyne.CanvasObject) {
		if c, ok := o.(*uiw.ClampedText); ok {
			names = append(names, c)
		}
	})
	if len(names) != 3 || !strings.Contains(names[2].Text(), tablesResName(2)) {
		t.Fatalf("%d names above the comparison", len(names))
	}
	y := d.AbsolutePositionForObject(names[0]).Y
	s.scroll.ScrollToBottom()
	if s.scroll.Offset.Y == 0 {
		t.Fatal("the comparison does not scroll at 800×600")
	}
	if got := d.AbsolutePositionForObject(names[0]).Y; got != y || got >= d.AbsolutePositionForObject(s.scroll).Y {
		t.Fatalf("scrolled down, the names moved from y=%v to %v (sections start at %v)", y, got, d.AbsolutePositionForObject(s.scroll).Y)
	}
}

// codeRE matches the codes a line must not split: sector names, study
// groups, Recommendations and Questions.
var codeRE = regexp.MustCompile(`ITU-[RTD](?: SG\d+| Q\d+/\d+)?|[A-Z]\.\d+(?:\.\d+)+|Q\d+(?:-\d+)?/\d+`)

// breaksInside returns the codes of text that lines splits.
func breaksInside(text string, lines []string) []string {
	var cuts []int
	at := 0
	for _, l := range lines {
		l = strings.TrimSuffix(l, "…")
		i := strings.Index(text[at:], l)
		if i < 0 {
			break
		}
		at += i + len(l)
		cuts = append(cuts, at)
	}
	var out []string
	for _, m := range codeRE.FindAllStringIndex(text, -1) {
		for _, c := range cuts[:max(len(cuts)-1, 0)] {
			if c > m[0] && c < m[1] {
				out = append(out, text[m[0]:m[1]])
			}
		}
	}
	return out
}

// TestTablesCellsKeepCodesWhole: in the cells of several lines (the
// clause text of "What ITU-D is asked to do", the side-by-side clauses)
// no line breaks inside ITU-R, ITU-T SG15, E.161.1 or Q3/2, at any column
// width. The cells break lines with ui/wrap; this fails until ui/wrap
// keeps codes whole (the packs branch's change to ui/wrap).
func TestTablesCellsKeepCodesWhole(t *testing.T) {
	f := newTablesFixture(t)
	m := tablesMeasurers.Get(theme.TextSize())
	var texts []string
	for _, r := range f.rs {
		for _, c := range r.Clauses {
			if codeRE.MatchString(c.Text) {
				texts = append(texts, c.Text)
			}
		}
	}
	if len(texts) < 10 {
		t.Fatalf("only %d clauses with codes", len(texts))
	}
	bad := map[string]bool{}
	for w := float32(120); w <= 460; w += 7 {
		for _, s := range texts {
			// As a table cell clamps (its first lines) and as a
			// side-by-side paragraph wraps (all of it).
			for _, lines := range [][]string{uiw.ClampLines(s, w, itudLines, m), uiw.ClampLines(s, w, 1000, m)} {
				for _, code := range breaksInside(s, lines) {
					if !bad[code] {
						t.Errorf("a cell %v px wide breaks %q: %q", w, code, lines)
					}
					bad[code] = true
				}
			}
		}
	}
}
