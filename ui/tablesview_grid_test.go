package ui

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/ui/tables"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// gridCells are the cells the grid draws wholly inside its scrolled area,
// with the cell each is bound to and its middle, relative to the table.
func gridCells(g *tablesGrid, bound map[*tablesCell]widget.TableCellID) map[widget.TableCellID]fyne.Position {
	d := fyne.CurrentApp().Driver()
	origin := d.AbsolutePositionForObject(g.w)
	size := g.w.Size()
	left := g.cornerWidth
	top := newTablesHeader().MinSize().Height
	out := map[widget.TableCellID]fyne.Position{}
	tablesWalk(g.w, func(o fyne.CanvasObject) {
		c, ok := o.(*tablesCell)
		if !ok {
			return
		}
		id, ok := bound[c]
		if !ok {
			return
		}
		p := d.AbsolutePositionForObject(c).Subtract(origin)
		s := c.Size()
		if p.X >= left && p.Y >= top && p.X+s.Width <= size.Width-theme.ScrollBarSize() && p.Y+s.Height <= size.Height-theme.ScrollBarSize() {
			out[id] = p.Add(fyne.NewPos(s.Width/2, s.Height/2))
		}
	})
	return out
}

// checkTapsHitDrawnCells scrolls g sideways by dx, then, for every cell
// drawn wholly in view, moves the mouse to its middle and taps there as
// the window would (the object under the pointer gets the events): the
// hover mark must cover the point and the tap must act on the cell drawn
// there.
func checkTapsHitDrawnCells(t *testing.T, g *tablesGrid, dx float32) {
	t.Helper()
	bound := map[*tablesCell]widget.TableCellID{}
	update, onCell := g.w.UpdateCell, g.onCell
	t.Cleanup(func() { g.w.UpdateCell, g.onCell = update, onCell })
	g.w.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		bound[o.(*tablesCell)] = id
		update(id, o)
	}
	type rc struct{ row, col int }
	var got []rc
	g.onCell = func(row, col int) { got = append(got, rc{row, col}) }
	g.w.ScrollToOffset(fyne.NewPos(dx, 0))
	g.w.Refresh()
	cells := gridCells(g, bound)
	if len(cells) < 6 {
		t.Fatalf("only %d cells wholly in view", len(cells))
	}
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(g.w)
	hover := theme.Color(theme.ColorNameHover)
	for id, at := range cells {
		abs := d.AbsolutePositionForObject(g.w).Add(at)
		test.MoveMouse(c, abs)
		covered := false
		tablesWalk(g.w, func(o fyne.CanvasObject) {
			if r, ok := o.(*canvas.Rectangle); ok && r.FillColor == hover {
				p := d.AbsolutePositionForObject(r)
				covered = covered || (abs.X >= p.X && abs.X <= p.X+r.Size().Width && abs.Y >= p.Y && abs.Y <= p.Y+r.Size().Height)
			}
		})
		if !covered {
			t.Errorf("hovering cell %v at %v: the hover mark is elsewhere", id, at)
		}
		got = got[:0]
		test.TapCanvas(c, abs)
		if want := (rc{id.Row, g.tableCol(id.Col)}); len(got) != 1 || got[0] != want {
			t.Errorf("tapping the cell drawn for %v at %v acted on %v, want %v", id, at, got, want)
		}
	}
	// A tap neither scrolled the table nor took the focus.
	if now := gridCells(g, bound); len(now) != len(cells) {
		t.Errorf("after the taps %d cells are in view, before %d", len(now), len(cells))
	}
	if c.Focused() == g.w {
		t.Error("a tap gave the table the focus: it would mark the focused cell, not the hovered one")
	}
}

func TestTablesTapsHitTheCellDrawn(t *testing.T) {
	f := newTablesFixture(t)
	f.w.Resize(fyne.NewSize(900, 700))
	t.Run("Matrix", func(t *testing.T) {
		f.v.show(tables.NameMatrix)
		checkTapsHitDrawnCells(t, f.v.matrix.grid, 333)
	})
	t.Run("ITUD", func(t *testing.T) {
		f.v.show(tables.NameITUD)
		checkTapsHitDrawnCells(t, f.v.itud.grid, 250)
	})
	t.Run("Overview", func(t *testing.T) {
		f.v.show(tables.NameOverview)
		checkTapsHitDrawnCells(t, f.v.overview.grid, 300)
	})
}

func TestTablesNumberStaysInViewScrolledRight(t *testing.T) {
	f := newTablesFixture(t)
	f.w.Resize(fyne.NewSize(800, 600))
	g := f.v.overview.grid
	g.w.ScrollToTrailing()
	var nums []string
	for _, o := range f.objects() {
		if h, ok := o.(*tablesHeader); ok && h.Visible() && !h.label.TextStyle.Bold && h.label.Text != "" {
			if x := fyne.CurrentApp().Driver().AbsolutePositionForObject(h).X; x < g.cornerWidth {
				nums = append(nums, h.label.Text)
			}
		}
	}
	if len(nums) < 5 || !slices.Contains(nums, "2") {
		t.Fatalf("scrolled to the right, the number column shows %q", nums)
	}
	d := fyne.CurrentApp().Driver()
	if h := f.headers()[lang.L("No.")]; h == nil || d.AbsolutePositionForObject(h).X > d.AbsolutePositionForObject(g.root).X {
		t.Fatalf("the No. header is not at the left: %v", f.headerTitles())
	}
}

// TestTablesChineseShowsDataAsIs: in the Chinese interface the tables
// translate their own words only: entity keys and the document's headings
// are shown as they are, and nothing tries to translate them (each try
// logged a "Translation failure").
func TestTablesChineseShowsDataAsIs(t *testing.T) {
	useChinese(t)
	logged := captureLog(t)
	f := newTablesFixture(t)
	f.v.show(tables.NameMatrix)
	m := f.v.matrix
	m.kinds.SetSelectedIndex(slices.Index(app.RefKinds, app.RefOrganization))
	titles := f.headerTitles()
	if len(titles) < 2 || titles[1] != m.m.Keys[0] {
		t.Fatalf("matrix headers %q, want the keys %q as they are", titles, m.m.Keys)
	}
	f.v.show(tables.NameSideBySide)
	f.v.side.pick(0, 54)
	f.v.side.pick(1, 96)
	var headings []string
	for _, o := range f.v.side.rows.Objects {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold {
			headings = append(headings, l.Text)
		}
	}
	if !slices.Contains(headings, "责成") || slices.ContainsFunc(headings, func(s string) bool { return strings.Contains(s, "instructs") }) {
		t.Errorf("side-by-side headings %q, want Chinese only (责成)", headings)
	}
	f.v.show(tables.NameITUD)
	it := f.v.itud
	col := it.tab.Col(tables.ColSection)
	for r := range it.tab.Rows {
		if s := shown(it.grid, r, col); strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyz") {
			t.Fatalf("ITU-D row %d section %q, want the Chinese heading only", r, s)
		}
	}
	if got := shown(it.grid, 0, col); got == "" {
		t.Fatal("ITU-D section column is empty")
	}
	for _, data := range append(slices.Clone(m.m.Keys), "WHO", "recalling 忆及", "instructs 责成", it.tab.Rows[0][col]) {
		if strings.Contains(logged.String(), fmt.Sprintf("message %q not found", data)) {
			t.Errorf("the tables tried to translate the data %q", data)
		}
	}
}

func TestTablesFooterCounts(t *testing.T) {
	f := newTablesFixture(t)
	status := func() string { return f.v.status.Text }
	if got, want := status(), lang.L("{{.N}} resolutions", map[string]any{"N": 28}); got != want {
		t.Errorf("overview footer %q, want %q", got, want)
	}
	f.v.overview.status.SetSelected(lang.L("New"))
	if got, want := status(), lang.L("{{.N}} of {{.T}} resolutions", map[string]any{"N": len(f.v.overview.tab.Rows), "T": 28}); got != want || len(f.v.overview.tab.Rows) == 28 {
		t.Errorf("filtered overview footer %q, want %q", got, want)
	}
	f.v.show(tables.NameMatrix)
	m := f.v.matrix
	want := lang.L("Resolutions: {{.N}} · {{.Kind}}: {{.K}}", map[string]any{"N": len(m.m.Rows), "K": len(m.m.Keys), "Kind": lang.L(m.kind.Label())})
	if got := status(); got != want || len(m.m.Rows) == 28 {
		t.Errorf("matrix footer %q, want %q (the rows shown)", got, want)
	}
	f.v.show(tables.NameSideBySide)
	f.v.side.pick(0, 54)
	f.v.side.pick(1, 96)
	f.v.side.pick(2, 2)
	if got, want := status(), lang.L("Resolutions side by side: {{.N}} · sections: {{.S}}", map[string]any{"N": 3, "S": len(f.v.side.s.Rows)}); got != want {
		t.Errorf("side-by-side footer %q, want %q", got, want)
	}
	f.v.show(tables.NameITUD)
	it := f.v.itud
	res := map[int]bool{}
	for _, n := range it.tab.Res {
		res[n] = true
	}
	if got, want := status(), lang.L("{{.N}} clauses in {{.R}} resolutions", map[string]any{"N": len(it.tab.Rows), "R": len(res)}); got != want {
		t.Errorf("ITU-D footer %q, want %q", got, want)
	}
}

func TestTablesSideBySideHints(t *testing.T) {
	f := newTablesFixture(t)
	f.v.show(tables.NameSideBySide)
	s := f.v.side
	for _, tc := range []struct {
		name  string
		picks []int
		want  string
	}{
		{"None", nil, lang.L("Pick 2 to 4 resolutions to compare.")},
		{"One", []int{44}, lang.L("Pick one more resolution to compare with Resolution {{.N}}.", map[string]any{"N": 44})},
		// The second picker does not offer 44 again.
		{"Twice", []int{44, 44}, lang.L("Pick one more resolution to compare with Resolution {{.N}}.", map[string]any{"N": 44})},
		{"Two", []int{44, 50}, lang.L("Sections line up in rows; tap a clause to open it.")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for i := range s.picks {
				s.picks[i].SetSelectedIndex(0)
			}
			for i, n := range tc.picks {
				s.pick(i, n)
			}
			if s.hint.Text != tc.want {
				t.Errorf("hint %q, want %q", s.hint.Text, tc.want)
			}
			if (s.s != nil) != (tc.name == "Two") {
				t.Errorf("comparison shown=%v", s.s != nil)
			}
		})
	}
}

func TestTablesMatrixNewKindStartsAtTheLeft(t *testing.T) {
	f := newTablesFixture(t)
	f.w.Resize(fyne.NewSize(800, 600))
	f.v.show(tables.NameMatrix)
	m := f.v.matrix
	m.grid.w.ScrollToTrailing()
	if slices.Contains(f.headerTitles(), m.m.Keys[0]) {
		t.Fatalf("scrolled to the right, the first key %q is still in view", m.m.Keys[0])
	}
	m.kinds.SetSelectedIndex(slices.Index(app.RefKinds, app.RefOrganization))
	if titles := f.headerTitles(); len(titles) < 2 || titles[1] != m.m.Keys[0] {
		t.Fatalf("after choosing another kind the headers are %q, want the first key %q in view", titles, m.m.Keys[0])
	}
}

func TestTablesITUDRowsShowSeveralLines(t *testing.T) {
	f := newTablesFixture(t)
	f.w.Resize(fyne.NewSize(780, 560)) // the clause text is in view even so
	f.v.show(tables.NameITUD)
	it := f.v.itud
	col := it.tab.Col(tables.ColText)
	taller := 0
	for r := range it.tab.Rows {
		c := newTablesCell()
		c.Resize(fyne.NewSize(itudColumnWidth(it.tab.Columns[col]), 200))
		it.grid.update(widget.TableCellID{Row: r, Col: it.grid.widgetCol(col)}, c)
		test.WidgetRenderer(c.lines).Layout(c.Size())
		if n := len(c.lines.Lines()); !c.lines.Visible() || n < 1 || n > itudLines {
			t.Fatalf("row %d shows %d lines of its clause", r, n)
		}
		if len(c.lines.Lines()) > 1 {
			taller++
		}
		if c.lines.Text() != it.tab.Rows[r][col] {
			t.Fatalf("row %d cell holds %q", r, c.lines.Text())
		}
	}
	if taller < len(it.tab.Rows)/4 {
		t.Fatalf("only %d of %d rows show more than one line", taller, len(it.tab.Rows))
	}
	// The rows on screen are tall enough for the lines they show.
	m := tablesMeasurers.Get(theme.TextSize())
	drawn := 0
	tablesWalk(it.grid.w, func(o fyne.CanvasObject) {
		if c, ok := o.(*tablesCell); ok && c.lines.Visible() {
			drawn++
			if n := len(c.lines.Lines()); c.Size().Height < uiw.ClampedHeight(m, n)-1 {
				t.Errorf("a cell of %d lines is %v tall, want %v", n, c.Size().Height, uiw.ClampedHeight(m, n))
			}
		}
	})
	if drawn == 0 {
		t.Fatal("no clause text on screen in a window 780 px wide")
	}
	// The detail pane shows the whole clause, wrapped.
	row := slices.IndexFunc(it.tab.Rows, func(r []string) bool { return len([]rune(r[col])) > 120 })
	if row < 0 {
		t.Fatal("no long clause")
	}
	selectCell(it.grid, row, col)
	if d := f.v.detail.text; !strings.Contains(d.text, it.tab.Rows[row][col]) || len(d.lines) < 2 || strings.Join(d.lines, "") != strings.ReplaceAll(d.text, "\n", "") {
		t.Fatalf("detail pane %q in lines %q, want the whole clause wrapped", d.text, d.lines)
	}
}

func TestTablesExportSaysWhereAndHowMany(t *testing.T) {
	f := newTablesFixture(t)
	f.v.overview.status.SetSelected(lang.L("Revised"))
	tab, err := f.v.overview.table()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "overview.csv")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	f.v.saveCSV(w, tab)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte(tables.BOM)))).ReadAll()
	if err != nil || len(recs) != len(tab.Rows)+1 {
		t.Fatalf("the file holds %d records (%v), want %d", len(recs), err, len(tab.Rows)+1)
	}
	if f.v.exported == nil {
		t.Fatal("no confirmation after the export")
	}
	txt := overlayText(f.w)
	if want := lang.L("{{.N}} rows written to {{.File}}", map[string]any{"N": len(tab.Rows), "File": "overview.csv"}); !strings.Contains(txt, want) || !strings.Contains(txt, filepath.Dir(path)) {
		t.Fatalf("the confirmation says:\n%s\nwant %q and the folder", txt, want)
	}
	if !uiw.EscCloseTop(f.w) || f.w.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc does not close the confirmation")
	}
}

func TestTablesFitAnEightHundredPixelWindow(t *testing.T) {
	f := newTablesFixture(t)
	for _, name := range tables.Names {
		f.v.show(name)
		if name == tables.NameSideBySide {
			for i, n := range []int{54, 96, 2, 44} {
				f.v.side.pick(i, n)
			}
		}
		f.w.Resize(fyne.NewSize(780, 560))
		if w := f.v.root.MinSize().Width; w > 780 {
			t.Errorf("%s: the screen needs %v px", name, w)
		}
		// The toolbar wraps instead: every control is still on screen.
		d := fyne.CurrentApp().Driver()
		for _, o := range f.v.toolbar.Objects {
			p := d.AbsolutePositionForObject(o)
			if p.X+o.Size().Width > 781 || p.Y+o.Size().Height > d.AbsolutePositionForObject(f.v.body).Y+1 {
				t.Errorf("%s: a toolbar control lies at %v size %v, outside the toolbar", name, p, o.Size())
			}
		}
	}
}

// TestTableNamesDifferFromViews: the Tables chooser does not offer a table
// named like the top-level Overview view.
func TestTableNamesDifferFromViews(t *testing.T) {
	f := newTablesFixture(t)
	for _, o := range f.v.choice.Options {
		if o == lang.L("Overview") {
			t.Errorf("the table chooser offers %q, the name of the Overview view", o)
		}
	}
	if got, want := f.v.choice.Options[0], lang.L(tableLabels[tables.NameOverview]); got != want {
		t.Errorf("first table %q, want %q", got, want)
	}
}
