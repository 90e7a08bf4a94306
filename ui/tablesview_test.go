package ui

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/seeds"
	"briefdesk/ui/tables"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// tablesNav records what the Tables screen asked the main window to open.
type tablesNav struct {
	opened   []string // "n clauseID"
	entities []string // "kind key"
}

func (n *tablesNav) OpenResolution(num int, clauseID string) {
	n.opened = append(n.opened, strconv.Itoa(num)+" "+clauseID)
}

func (n *tablesNav) OpenEntity(kind app.RefKind, key string) {
	n.entities = append(n.entities, string(kind)+" "+key)
}

// tablesFixture is the Tables screen on a real database holding the
// embedded corpus, in a large test window, loaded.
type tablesFixture struct {
	v   *tablesView
	w   fyne.Window
	nav *tablesNav
	rs  []app.Resolution // the corpus as the database returns it
}

func newTablesFixture(t *testing.T) *tablesFixture {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	db, err := data.Open(ctx, filepath.Join(t.TempDir(), "briefdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c, err := seeds.Default()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Import(ctx, c); err != nil {
		t.Fatal(err)
	}
	rs, err := db.Resolutions(ctx, app.ResolutionFilter{Full: true})
	if err != nil {
		t.Fatal(err)
	}
	f := &tablesFixture{nav: &tablesNav{}, rs: rs}
	env := &screenEnv{Services: Services{Corpus: db}, Nav: f.nav, runAsync: runNow}
	f.v = newTablesView(env, testCorpus(t, env.Services))
	f.w = test.NewTempWindow(t, f.v.content())
	env.Window = f.w
	f.w.Resize(fyne.NewSize(1600, 900))
	return f
}

// tablesWalk visits every object drawn under o, through containers and
// widget renderers, without laying anything out (test.LaidOutObjects
// resizes what it visits, which would disturb the screen under test).
func tablesWalk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			tablesWalk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			tablesWalk(c, visit)
		}
	}
}

// objects lists what is drawn on the window and its top overlay.
func (f *tablesFixture) objects() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	add := func(o fyne.CanvasObject) { out = append(out, o) }
	tablesWalk(f.w.Canvas().Content(), add)
	tablesWalk(f.w.Canvas().Overlays().Top(), add)
	return out
}

// isColumnHeader reports whether o is a column header on screen (row
// headers, in the header column, are not bold).
func isColumnHeader(o fyne.CanvasObject) (*tablesHeader, bool) {
	h, ok := o.(*tablesHeader)
	return h, ok && h.Visible() && h.label.Text != "" && h.label.TextStyle.Bold
}

// headers returns the column header widgets on screen, by title.
func (f *tablesFixture) headers() map[string]*tablesHeader {
	out := map[string]*tablesHeader{}
	for _, o := range f.objects() {
		if h, ok := isColumnHeader(o); ok {
			out[h.label.Text] = h
		}
	}
	return out
}

// headerTitles returns the visible header titles, left to right.
func (f *tablesFixture) headerTitles() []string {
	type hx struct {
		x float32
		s string
	}
	var hs []hx
	for _, o := range f.objects() {
		if h, ok := isColumnHeader(o); ok {
			hs = append(hs, hx{fyne.CurrentApp().Driver().AbsolutePositionForObject(h).X, h.label.Text})
		}
	}
	slices.SortFunc(hs, func(a, b hx) int { return int(a.x - b.x) })
	var out []string
	for _, h := range hs {
		out = append(out, h.s)
	}
	return out
}

// shown is what the grid shows for the table's cell (row, col): in the
// header column, or in a cell.
func shown(g *tablesGrid, row, col int) string {
	if col < g.head {
		return g.text(row, col)
	}
	c := g.create().(*tablesCell)
	g.update(widget.TableCellID{Row: row, Col: g.widgetCol(col)}, c)
	return c.text()
}

// selectCell selects the table's cell (row, col) as a tap on it would.
func selectCell(g *tablesGrid, row, col int) {
	g.w.Select(widget.TableCellID{Row: row, Col: g.widgetCol(col)})
}

func TestTablesOverviewSortByHeader(t *testing.T) {
	f := newTablesFixture(t)
	o := f.v.overview
	if got, want := len(o.tab.Rows), len(f.rs); got != want || want != 28 {
		t.Fatalf("overview has %d rows, want %d (28 resolutions)", got, want)
	}
	if got, want := shown(o.grid, 0, 0), strconv.Itoa(f.rs[0].Number); got != want {
		t.Fatalf("first row shows %q, want %q", got, want)
	}
	col := o.tab.Col(tables.ColITUD)
	h := f.headers()[lang.L("Clauses addressing or naming ITU-D")]
	if h == nil {
		t.Fatalf("no ITU-D clauses header among %q", f.headerTitles())
	}
	counts := func() []int {
		var out []int
		for r := range o.tab.Rows {
			n, err := strconv.Atoi(shown(o.grid, r, col))
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, n)
		}
		return out
	}
	test.Tap(h)
	asc := counts()
	if !slices.IsSorted(asc) || asc[0] == asc[len(asc)-1] {
		t.Fatalf("after one tap counts=%v, want ascending and not all equal", asc)
	}
	test.Tap(f.headers()[lang.L("Clauses addressing or naming ITU-D")])
	desc := counts()
	slices.Reverse(desc)
	if !slices.IsSorted(desc) {
		t.Fatalf("after two taps counts=%v, want descending", desc)
	}
	test.Tap(f.headers()[lang.L("No.")])
	var nums []int
	for r := range o.tab.Rows {
		n, _ := strconv.Atoi(shown(o.grid, r, 0))
		nums = append(nums, n)
	}
	if !slices.IsSorted(nums) {
		t.Fatalf("sorted by No.: %v", nums)
	}
}

func TestTablesOverviewColumns(t *testing.T) {
	f := newTablesFixture(t)
	if got := f.headerTitles(); !slices.Contains(got, lang.L("Summary")) || slices.Contains(got, lang.L("Clauses addressed to BDT")) {
		t.Fatalf("default headers=%q", got)
	}
	test.Tap(f.v.overview.columns)
	var group *widget.CheckGroup
	for _, o := range f.objects() {
		if g, ok := o.(*widget.CheckGroup); ok {
			group = g
		}
	}
	if group == nil {
		t.Fatal("the Columns button opened no check boxes")
	}
	group.SetSelected([]string{lang.L("Clauses addressed to BDT"), lang.L("No."), lang.L("Title")})
	want := []string{lang.L("No."), lang.L("Title"), lang.L("Clauses addressed to BDT")}
	if got := f.headerTitles(); !slices.Equal(got, want) {
		t.Fatalf("headers=%q, want %q", got, want)
	}
	saved := fyne.CurrentApp().Preferences().StringList(prefOverviewColumns)
	if want := []string{tables.ColNumber, tables.ColTitle, tables.ColBDT}; !slices.Equal(saved, want) {
		t.Fatalf("remembered columns=%q, want %q", saved, want)
	}
	// Unchecking everything is refused: a table needs a column.
	group.SetSelected(nil)
	if got := f.headerTitles(); !slices.Equal(got, want) {
		t.Fatalf("after unchecking all, headers=%q, want %q", got, want)
	}
	// A new screen starts with the remembered columns.
	if got := loadOverviewColumns(); !slices.Equal(got, saved) {
		t.Fatalf("loadOverviewColumns()=%q, want %q", got, saved)
	}
}

func TestTablesOverviewFilter(t *testing.T) {
	f := newTablesFixture(t)
	o := f.v.overview
	o.status.SetSelected(lang.L("New"))
	var want []int
	for _, r := range f.rs {
		if r.Status == app.StatusNew {
			want = append(want, r.Number)
		}
	}
	if !slices.Equal(o.tab.Res, want) || len(want) == 0 {
		t.Fatalf("new resolutions shown=%v, want %v", o.tab.Res, want)
	}
	o.status.SetSelectedIndex(0)
	o.bureau.SetSelected("BDT")
	if n := len(o.tab.Rows); n == 0 || n >= len(f.rs) {
		t.Fatalf("filtering by BDT shows %d of %d rows", n, len(f.rs))
	}
	for _, n := range o.tab.Res {
		r := o.resolution(n)
		if !slices.Contains(tables.RefKeys(r, app.RefBureau), "BDT") {
			t.Errorf("Res %d shown but cites no BDT", n)
		}
	}
}

func TestTablesMatrixOpensCitingClause(t *testing.T) {
	f := newTablesFixture(t)
	f.v.show(tables.NameMatrix)
	m := f.v.matrix
	m.kinds.SetSelected(lang.L(app.RefRecommendation.Label()))
	col := m.tab.Col("ITU-T E.161.1")
	if col < 0 {
		t.Fatalf("no E.161.1 column among %q", m.tab.Header())
	}
	row := slices.Index(m.tab.Res, 100)
	if row < 0 {
		t.Fatalf("Res 100 not in the recommendations matrix: %v", m.tab.Res)
	}
	ids := m.m.Rows[row].Cells[col-2]
	if got := shown(m.grid, row, col); got != "●" || len(ids) != 1 {
		t.Fatalf("cell Res 100 x E.161.1 shows %q for %q, want one mark", got, ids)
	}
	selectCell(m.grid, row, col)
	if want := []string{"100 " + ids[0]}; !slices.Equal(f.nav.opened, want) {
		t.Fatalf("opened %q, want %q", f.nav.opened, want)
	}
	test.Tap(f.headers()["ITU-T E.161.1"])
	if want := []string{"recommendation ITU-T E.161.1"}; !slices.Equal(f.nav.entities, want) {
		t.Fatalf("entities opened %q, want %q", f.nav.entities, want)
	}
}

func TestTablesSideBySideAlignsSections(t *testing.T) {
	f := newTablesFixture(t)
	f.v.show(tables.NameSideBySide)
	s := f.v.side
	s.pick(0, 54)
	s.pick(1, 96)
	if s.s == nil {
		t.Fatalf("no comparison: %s", s.hint.Text)
	}
	// The UI: heading and grid per section, separators between them.
	if got, want := len(s.rows.Objects), 3*len(s.s.Rows)-1; got != want {
		t.Fatalf("%d objects in the comparison, want %d", got, want)
	}
	k := slices.IndexFunc(s.s.Rows, func(r tables.SideRow) bool { return r.Section == "instructs" })
	if k < 0 {
		t.Fatal("no instructs row")
	}
	grid := s.rows.Objects[3*k+1].(*fyne.Container)
	for i, n := range []int{54, 96} {
		var texts []string
		for _, o := range grid.Objects[i].(*fyne.Container).Objects {
			if p, ok := o.(*tablesPara); ok && p.onTapped != nil {
				texts = append(texts, strings.Repeat(">", p.depth)+p.label+"|"+p.text)
			}
		}
		var want []string
		for _, c := range f.resolution(n).Clauses {
			if c.Section == "instructs" {
				want = append(want, strings.Repeat(">", c.Depth)+c.Label+"|"+c.Text)
			}
		}
		if !slices.Equal(texts, want) {
			t.Errorf("Res %d instructs cell=%q\nwant %q", n, texts, want)
		}
	}
	for _, o := range grid.Objects[0].(*fyne.Container).Objects {
		if p, ok := o.(*tablesPara); ok && p.onTapped != nil {
			test.Tap(p)
			break
		}
	}
	if len(f.nav.opened) != 1 || !strings.HasPrefix(f.nav.opened[0], "54 54/instructs") {
		t.Fatalf("tapping a clause opened %q", f.nav.opened)
	}
}

func TestTablesITUD(t *testing.T) {
	f := newTablesFixture(t)
	f.v.show(tables.NameITUD)
	it := f.v.itud
	row := slices.IndexFunc(it.tab.Rows, func(r []string) bool { return r[it.tab.Col(tables.ColClause)] == "64/recognizing/d" })
	if row < 0 {
		t.Fatal("64/recognizing/d missing from the ITU-D table")
	}
	selectCell(it.grid, row, it.tab.Col(tables.ColText))
	if !f.v.detail.box.Visible() || !strings.Contains(f.v.detail.text.text, "BDT") {
		t.Fatalf("detail pane shows %q", f.v.detail.text.text)
	}
	test.Tap(f.v.detail.actions.Objects[0].(*widget.Button))
	if want := []string{"64 64/recognizing/d"}; !slices.Equal(f.nav.opened, want) {
		t.Fatalf("opened %q, want %q", f.nav.opened, want)
	}
}

type tablesBuffer struct {
	bytes.Buffer
	closed bool
}

func (b *tablesBuffer) Close() error { b.closed = true; return nil }

func TestTablesExportCSV(t *testing.T) {
	f := newTablesFixture(t)
	f.v.side.pick(0, 54)
	f.v.side.pick(1, 96)
	f.v.overview.status.SetSelected(lang.L("Revised"))
	for _, name := range tables.Names {
		t.Run(name, func(t *testing.T) {
			f.v.show(name)
			tab, err := f.v.panes[f.v.current].table()
			if err != nil {
				t.Fatal(err)
			}
			var b tablesBuffer
			if err := writeTableCSV(&b, tab); err != nil {
				t.Fatal(err)
			}
			if !b.closed {
				t.Fatal("the file was not closed")
			}
			rest, ok := bytes.CutPrefix(b.Bytes(), []byte(tables.BOM))
			if !ok {
				t.Fatal("no BOM")
			}
			recs, err := csv.NewReader(bytes.NewReader(rest)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(recs[0], tab.Header()) || !slices.EqualFunc(recs[1:], tab.Rows, slices.Equal) {
				t.Fatalf("CSV does not read back as the table shown")
			}
			if name == tables.NameOverview && len(recs)-1 != len(f.v.overview.tab.Res) {
				t.Fatalf("overview CSV has %d rows, the filtered table %d", len(recs)-1, len(f.v.overview.tab.Res))
			}
		})
	}
}

func TestTablesExportNeedsTwoResolutions(t *testing.T) {
	f := newTablesFixture(t)
	f.v.side.pick(0, 54)
	if _, err := f.v.side.table(); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("exporting a one-resolution comparison: err=%v, want EINVALID", err)
	}
}

func (f *tablesFixture) resolution(n int) *app.Resolution {
	for i := range f.rs {
		if f.rs[i].Number == n {
			return &f.rs[i]
		}
	}
	return nil
}
