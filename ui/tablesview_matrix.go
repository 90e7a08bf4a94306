package ui

import (
	"fmt"
	"strings"

	"briefdesk/app"
	"briefdesk/ui/tables"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tablesMatrix crosses resolutions with one kind of reference. A marked
// cell opens the citing clause, or lists them when there are several; a
// key's header opens the entity view of everything that cites it.
type tablesMatrix struct {
	v    *tablesView
	rs   []app.Resolution
	kind app.RefKind
	m    *tables.Matrix
	tab  *tables.Table

	kinds *widget.Select
	grid  *tablesGrid
}

// matrixDefaultKind is the first kind shown: what WTDC resolutions the
// WTSA resolutions build on is what an ITU-D delegate asks first.
const matrixDefaultKind = app.RefWTDCResolution

func newTablesMatrix(v *tablesView) *tablesMatrix {
	m := &tablesMatrix{v: v, kind: matrixDefaultKind, grid: newTablesGrid(), tab: &tables.Table{}}
	var labels []string
	for _, k := range app.RefKinds {
		labels = append(labels, lang.L(k.Label()))
	}
	m.kinds = widget.NewSelect(labels, func(string) {
		if i := m.kinds.SelectedIndex(); i >= 0 {
			m.kind = app.RefKinds[i]
			m.rebuild()
			// Another kind, other columns: start again at the first.
			m.grid.w.ScrollToLeading()
			m.grid.w.ScrollToTop()
		}
	})
	for i, k := range app.RefKinds {
		if k == m.kind {
			m.kinds.Selected = labels[i]
		}
	}
	// The number and title stay in view beside the keys.
	m.grid.headCols, m.grid.headWidth = 2, 230
	m.grid.cell = m.cellText
	m.grid.onCell = m.onCell
	m.grid.onHeader = m.onHeader
	m.grid.width = func(c tables.Column) float32 {
		switch {
		case c.ID == tables.ColNumber:
			return 64
		case c.Long:
			return 240
		}
		return tablesColumnWidth(c)
	}
	return m
}

func (m *tablesMatrix) controls() []fyne.CanvasObject {
	return []fyne.CanvasObject{tablesWide(m.kinds, 220)}
}
func (m *tablesMatrix) body() fyne.CanvasObject { return m.grid.root }

// count is "Resolutions: 13 · WTDC resolutions: 13": the rows and the
// columns (in that form, as either may be 1).
func (m *tablesMatrix) count() string {
	if m.m == nil {
		return ""
	}
	return lang.L("Resolutions: {{.N}} · {{.Kind}}: {{.K}}", map[string]any{"N": len(m.m.Rows), "K": len(m.m.Keys), "Kind": lang.L(m.kind.Label())})
}

func (m *tablesMatrix) setData(rs []app.Resolution) {
	m.rs = rs
	m.rebuild()
}

func (m *tablesMatrix) rebuild() {
	if m.rs == nil {
		return
	}
	mx, err := tables.NewMatrix(m.rs, m.kind)
	if err != nil {
		m.v.status.SetText(app.ErrorMessage(err))
		return
	}
	m.m, m.tab = mx, mx.Table()
	m.grid.set(m.tab)
	m.v.detail.clear()
	m.v.updateCount()
}

func (m *tablesMatrix) table() (*tables.Table, error) {
	if m.m == nil {
		return nil, app.Errorf(app.EINVALID, "the resolutions are still loading; nothing was exported")
	}
	return m.tab, nil
}

// cellText marks a citing cell: ● for one clause, ●n for several, ○ when
// only the title or summary cites the key.
func (m *tablesMatrix) cellText(row, col int) string {
	if col < 2 {
		return m.tab.Rows[row][col]
	}
	ids := m.m.Rows[row].Cells[col-2]
	switch {
	case len(ids) == 0:
		return ""
	case len(ids) == 1 && ids[0] == "":
		return "○"
	case len(ids) == 1:
		return "●"
	}
	return fmt.Sprintf("●%d", len(ids))
}

// onCell opens the one citing clause, or lists several in the detail pane.
func (m *tablesMatrix) onCell(row, col int) {
	r := m.m.Rows[row]
	if col < 2 {
		m.v.detail.show(tablesResName(r.Number)+"  "+r.Title, "",
			m.v.openButton(lang.L("Open resolution"), r.Number, ""))
		return
	}
	ids := r.Cells[col-2]
	switch len(ids) {
	case 0:
		return
	case 1:
		if m.v.env != nil && m.v.env.Nav != nil {
			m.v.env.Nav.OpenResolution(r.Number, ids[0], "")
		}
		return
	}
	var items []fyne.CanvasObject
	for _, id := range ids {
		b := m.v.openButton(m.clauseLine(r.Number, id), r.Number, id)
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		items = append(items, b)
	}
	m.v.detail.showList(lang.L("Resolution {{.N}} cites {{.Key}} in:", map[string]any{"N": r.Number, "Key": m.m.Keys[col-2]}), "", items)
}

// clauseLine is a citing clause in one short line: its ID, label and the
// start of its text.
func (m *tablesMatrix) clauseLine(n int, id string) string {
	if id == "" {
		return lang.L("title or summary")
	}
	for i := range m.rs {
		if m.rs[i].Number != n {
			continue
		}
		for _, c := range m.rs[i].Clauses {
			if c.ID == id {
				return tables.Truncate(id+"   "+strings.TrimSpace(c.Label+" "+c.Text), 80)
			}
		}
	}
	return id
}

// onHeader opens the entity view of a key column.
func (m *tablesMatrix) onHeader(col int) {
	if col < 2 || m.m == nil || m.v.env == nil || m.v.env.Nav == nil {
		return
	}
	m.v.env.Nav.OpenEntity(m.kind, m.m.Keys[col-2])
}

// tablesITUD lists what ITU-D is asked to do, grouped by resolution: the
// number and title show once per group, and tapping a row shows the whole
// clause with a way to open it in its card.
type tablesITUD struct {
	v       *tablesView
	tab     *tables.Table
	clauses []app.Clause // the clause of each row
	grid    *tablesGrid
}

// itudLines is how many lines of a clause a row shows; the detail pane
// shows all of it.
const itudLines = 3

func newTablesITUD(v *tablesView) *tablesITUD {
	t := &tablesITUD{v: v, grid: newTablesGrid()}
	t.grid.width = itudColumnWidth
	t.grid.cell = t.cellText
	t.grid.onCell = t.onCell
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

func (t *tablesITUD) controls() []fyne.CanvasObject { return nil }
func (t *tablesITUD) body() fyne.CanvasObject       { return t.grid.root }

// count is "96 clauses in 20 resolutions".
func (t *tablesITUD) count() string {
	if t.tab == nil {
		return ""
	}
	res := 0
	for i, n := range t.tab.Res {
		if i == 0 || n != t.tab.Res[i-1] {
			res++
		}
	}
	return lang.L("{{.N}} clauses in {{.R}} resolutions", map[string]any{"N": len(t.tab.Rows), "R": res})
}

func (t *tablesITUD) setData(rs []app.Resolution) {
	gs := tables.ITUD(rs)
	t.tab = tables.ITUDTable(gs)
	t.clauses = t.clauses[:0]
	for _, g := range gs {
		t.clauses = append(t.clauses, g.Clauses...) // in the table's row order
	}
	t.grid.set(t.tab)
}

func (t *tablesITUD) table() (*tables.Table, error) {
	if t.tab == nil {
		return nil, app.Errorf(app.EINVALID, "the resolutions are still loading; nothing was exported")
	}
	return t.tab, nil
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

// section names a row's section as the card does: the document's Chinese
// heading, with the English term in the English interface. (The CSV keeps
// both languages.)
func (t *tablesITUD) section(row int) string {
	if row < len(t.clauses) {
		c := t.clauses[row]
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
