package ui

import (
	"slices"
	"strings"

	"briefdesk/app"
	"briefdesk/ui/tables"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tablesITUD lists what ITU-D is asked to do, grouped by resolution: the
// number and title show once per group, and tapping a row shows the whole
// clause with a way to open it in its card. The addressee chooser keeps
// what is asked of the BDT Director (or the rest) in one click, and a
// header tap sorts by that column (again to reverse).
type tablesITUD struct {
	v       *tablesView
	rs      []app.Resolution
	all     []tables.ITUDGroup // every clause concerning ITU-D
	who     tables.Addressee
	sortBy  string
	desc    bool
	tab     *tables.Table
	clauses map[string]app.Clause // by clause ID, for any row order

	addressee *widget.Select
	grid      *tablesGrid
}

// itudLines is how many lines of a clause a row shows; the detail pane
// shows all of it.
const itudLines = 3

func newTablesITUD(v *tablesView) *tablesITUD {
	t := &tablesITUD{v: v, grid: newTablesGrid()}
	t.addressee = &widget.Select{PlaceHolder: lang.L("Addressee"), OnChanged: func(string) {
		if i := t.addressee.SelectedIndex(); i >= 0 && i < len(tables.Addressees) {
			t.who = tables.Addressees[i]
			t.rebuild()
		}
	}}
	t.grid.width = itudColumnWidth
	t.grid.cell = t.cellText
	t.grid.onCell = t.onCell
	t.grid.header = t.headerText
	t.grid.onHeader = t.onHeader
	t.grid.ref = t.ref
	t.grid.copyCell = t.copyCell
	t.grid.copied = v.copied
	t.grid.actions = func(row int) []*fyne.MenuItem {
		return []*fyne.MenuItem{v.openItem(lang.L("Open clause"), t.tab.Res[row], t.tab.Rows[row][t.tab.Col(tables.ColClause)])}
	}
	// What a delegate reads first comes first: the section and the
	// clause; where it is, and the title, after.
	t.grid.order = func(tab *tables.Table) []int {
		var out []int
		for _, id := range []string{tables.ColSection, tables.ColLabel, tables.ColText, tables.ColAddressee, tables.ColClause, tables.ColTitle} {
			out = append(out, tab.Col(id))
		}
		return out
	}
	t.grid.lines = func(col int) int {
		if t.tab.Columns[col].ID == tables.ColText {
			return itudLines
		}
		return 1
	}
	return t
}

// itudColumnWidth leaves most room to the clause text.
func itudColumnWidth(c tables.Column) float32 {
	switch c.ID {
	case tables.ColTitle, tables.ColAddressee:
		return 180
	case tables.ColClause:
		return 150
	case tables.ColSection:
		if uiChinese() {
			return 110 // 进一步做出决议
		}
		return 170 // the English term follows the Chinese heading
	case tables.ColLabel:
		return max(50, fyne.MeasureText(tablesColumnTitle(c), theme.TextSize(), fyne.TextStyle{Bold: true}).Width+3*theme.InnerPadding())
	case tables.ColText:
		return 460
	}
	return tablesColumnWidth(c)
}

func (t *tablesITUD) controls() []fyne.CanvasObject {
	return []fyne.CanvasObject{tablesWide(t.addressee, 250)}
}
func (t *tablesITUD) body() fyne.CanvasObject { return t.grid.root }

// count is "96 clauses in 20 resolutions".
func (t *tablesITUD) count() string {
	if t.tab == nil {
		return ""
	}
	res := map[int]bool{}
	for _, n := range t.tab.Res {
		res[n] = true
	}
	return lang.L("{{.N}} clauses in {{.R}} resolutions", map[string]any{"N": len(t.tab.Rows), "R": len(res)})
}

func (t *tablesITUD) setData(rs []app.Resolution) {
	t.rs = rs
	t.all = tables.ITUD(rs)
	t.clauses = map[string]app.Clause{}
	for _, g := range t.all {
		for _, c := range g.Clauses {
			t.clauses[c.ID] = c
		}
	}
	// The choices say how many clauses each keeps, so a delegate sees
	// before choosing that the BDT Director's are a fraction of the rows.
	var opts []string
	for _, a := range tables.Addressees {
		n := tables.CountClauses(tables.FilterITUD(t.all, a))
		opts = append(opts, itudAddresseeLabel(a, n))
	}
	t.addressee.SetOptions(opts)
	t.addressee.SetSelectedIndex(max(0, slices.Index(tables.Addressees, t.who))) // rebuilds
}

// itudAddresseeLabel names an addressee choice with its clause count.
func itudAddresseeLabel(a tables.Addressee, n int) string {
	switch a {
	case tables.AddresseeBDT:
		return lang.L("Asked of the BDT Director ({{.N}})", map[string]any{"N": n})
	case tables.AddresseeOthers:
		return lang.L("Others, naming ITU-D ({{.N}})", map[string]any{"N": n})
	}
	return lang.L("All addressees ({{.N}})", map[string]any{"N": n})
}

// rebuild remakes the table from the clauses, the addressee and the sort.
func (t *tablesITUD) rebuild() {
	if t.rs == nil {
		return
	}
	tab := tables.ITUDTable(tables.FilterITUD(t.all, t.who))
	if t.sortBy != "" {
		if err := tab.Sort(t.sortBy, t.desc); err != nil {
			fyne.LogError("tables: sort the ITU-D table", err)
			t.sortBy, t.desc = "", false
		}
	}
	t.tab = tab
	t.grid.set(tab)
	t.v.detail.clear()
	t.v.updateCount()
}

func (t *tablesITUD) table() (*tables.Table, error) {
	if t.tab == nil {
		return nil, app.Errorf(app.EINVALID, "the resolutions are still loading; nothing was exported")
	}
	return t.tab, nil
}

func (t *tablesITUD) headerText(col int) (string, fyne.Resource) {
	c := t.tab.Columns[col]
	return tablesColumnTitle(c), tablesSortIcon(c.ID, t.sortBy, t.desc)
}

// onHeader sorts by the tapped column; tapping it again reverses, a third
// time goes back to resolution order.
func (t *tablesITUD) onHeader(col int) {
	id := t.tab.Columns[col].ID
	switch {
	case id != t.sortBy:
		t.sortBy, t.desc = id, false
	case !t.desc:
		t.desc = true
	default:
		t.sortBy, t.desc = "", false
	}
	t.rebuild()
}

func (t *tablesITUD) cellText(row, col int) string {
	switch t.tab.Columns[col].ID {
	case tables.ColNumber, tables.ColTitle:
		if row > 0 && t.tab.Res[row] == t.tab.Res[row-1] {
			return "" // same resolution as the row above
		}
	case tables.ColSection:
		return t.section(row)
	}
	return t.tab.Rows[row][col]
}

// copyCell is a cell as copied: whole, the number and title on every row.
func (t *tablesITUD) copyCell(row, col int) string {
	if t.tab.Columns[col].ID == tables.ColSection {
		return t.section(row)
	}
	return t.tab.Rows[row][col]
}

// clause is the clause a row shows.
func (t *tablesITUD) clause(row int) (app.Clause, bool) {
	c, ok := t.clauses[t.tab.Rows[row][t.tab.Col(tables.ColClause)]]
	return c, ok
}

// ref cites a row's clause ("WTSA-20 第44号决议 做出决议 2").
func (t *tablesITUD) ref(row int) string {
	c, ok := t.clause(row)
	if !ok {
		return tablesCiteResolution(t.tab.Res[row])
	}
	return tablesCiteClause(t.resolution(c.Resolution), c)
}

func (t *tablesITUD) resolution(n int) *app.Resolution {
	for i := range t.rs {
		if t.rs[i].Number == n {
			return &t.rs[i]
		}
	}
	return nil
}

// section names a row's section as the card does: the document's Chinese
// heading, with the English term in the English interface. (The CSV keeps
// both languages.)
func (t *tablesITUD) section(row int) string {
	if c, ok := t.clause(row); ok {
		return sectionTitle(c.Section, c.Heading)
	}
	return t.tab.Rows[row][t.tab.Col(tables.ColSection)]
}

func (t *tablesITUD) onCell(row, _ int) {
	r := t.tab.Rows[row]
	c := t.tab.Col
	// The label goes in the title: before the text, a label wraps onto a
	// line of its own (a label wraps at spaces, and Chinese has none).
	title := strings.TrimSpace(tablesResName(t.tab.Res[row])+"  "+t.section(row)+" "+r[c(tables.ColLabel)]) + "  (" + r[c(tables.ColClause)] + ")"
	text := r[c(tables.ColText)]
	if a := r[c(tables.ColAddressee)]; a != "" {
		text = a + "\n" + text
	}
	t.v.detail.show(title, text, t.v.openButton(lang.L("Open clause"), t.tab.Res[row], r[c(tables.ColClause)]))
}
