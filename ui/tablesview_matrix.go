package ui

import (
	"fmt"
	"strings"

	"briefdesk/app"
	"briefdesk/ui/tables"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
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
	m.grid.ref = func(row int) string { return tablesCiteResolution(m.tab.Res[row]) }
	m.grid.copied = v.copied
	m.grid.actions = func(row int) []*fyne.MenuItem {
		return []*fyne.MenuItem{v.openItem(lang.L("Open resolution"), m.tab.Res[row], "")}
	}
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
			m.v.env.Nav.OpenResolution(r.Number, ids[0])
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
