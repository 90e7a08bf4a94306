package ui

import (
	"briefdesk/ui/tables"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tablesCellRunes caps what a cell lays out: a cell shows one line, and
// measuring a whole summary only to cut it with an ellipsis is wasted work.
const tablesCellRunes = 60

// tablesGrid shows a tables.Table in a virtualised widget.Table with
// tappable headers. Panes override what cells and headers say.
type tablesGrid struct {
	t *tables.Table
	w *widget.Table

	cell     func(row, col int) string             // nil: the table's text
	header   func(col int) (string, fyne.Resource) // nil: the column title
	onHeader func(col int)
	onCell   func(row, col int)
	width    func(c tables.Column) float32 // nil: tablesColumnWidth
}

func newTablesGrid() *tablesGrid {
	g := &tablesGrid{t: &tables.Table{}}
	g.w = widget.NewTable(g.length, g.create, g.update)
	g.w.ShowHeaderRow = true
	g.w.CreateHeader = func() fyne.CanvasObject { return newTablesHeader() }
	g.w.UpdateHeader = g.updateHeader
	g.w.OnSelected = func(id widget.TableCellID) {
		// Cells act like buttons: unselect so the same cell taps again.
		g.w.Unselect(id)
		if g.onCell != nil && id.Row >= 0 && id.Row < len(g.t.Rows) {
			g.onCell(id.Row, id.Col)
		}
	}
	return g
}

// set shows t, sizing the columns for it.
func (g *tablesGrid) set(t *tables.Table) {
	g.t = t
	width := g.width
	if width == nil {
		width = tablesColumnWidth
	}
	for i, c := range t.Columns {
		g.w.SetColumnWidth(i, width(c))
	}
	g.w.Refresh()
}

// tablesColumnWidth gives free text room and keeps the rest narrow.
func tablesColumnWidth(c tables.Column) float32 {
	switch {
	case c.ID == tables.ColNumber:
		return 64
	case c.ID == tables.ColStatus:
		return 110
	case c.ID == tables.ColITUDRefs, c.ID == tables.ColWTDC, c.ID == tables.ColBureaus:
		return 200
	case c.Long:
		return 320
	}
	w := fyne.MeasureText(c.Title, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 3*theme.Padding() + theme.IconInlineSize()
	return min(max(w, 90), 220)
}

func (g *tablesGrid) length() (int, int) { return len(g.t.Rows), len(g.t.Columns) }

func (g *tablesGrid) create() fyne.CanvasObject {
	return tablesLabel("", false, fyne.TextTruncateEllipsis, fyne.TextWrapOff)
}

func (g *tablesGrid) update(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(g.t.Rows) || id.Col >= len(g.t.Columns) {
		return
	}
	s := g.t.Rows[id.Row][id.Col]
	if g.cell != nil {
		s = g.cell(id.Row, id.Col)
	}
	o.(*widget.Label).SetText(tables.Truncate(s, tablesCellRunes))
}

func (g *tablesGrid) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	h := o.(*tablesHeader)
	if id.Row != -1 || id.Col < 0 || id.Col >= len(g.t.Columns) {
		h.set("", nil, nil)
		return
	}
	text, icon := lang.L(g.t.Columns[id.Col].Title), fyne.Resource(nil)
	if g.header != nil {
		text, icon = g.header(id.Col)
	}
	col := id.Col
	h.set(text, icon, func() {
		if g.onHeader != nil {
			g.onHeader(col)
		}
	})
}

// tablesHeader is a tappable column header: a bold title, truncated to the
// column, and an optional icon (the sort direction).
type tablesHeader struct {
	widget.BaseWidget
	label    *widget.Label
	icon     *widget.Icon
	onTapped func()
}

func newTablesHeader() *tablesHeader {
	h := &tablesHeader{
		label: tablesLabel("", true, fyne.TextTruncateEllipsis, fyne.TextWrapOff),
		icon:  widget.NewIcon(nil),
	}
	h.ExtendBaseWidget(h)
	return h
}

func (h *tablesHeader) set(text string, icon fyne.Resource, tapped func()) {
	h.onTapped = tapped
	h.label.SetText(text)
	h.icon.SetResource(icon)
	h.icon.Hidden = icon == nil
}

// Tapped runs the header's action (sort, or open the entity).
func (h *tablesHeader) Tapped(*fyne.PointEvent) {
	if h.onTapped != nil {
		h.onTapped()
	}
}

func (h *tablesHeader) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, h.icon, h.label))
}

// tablesLabel makes a label that is extended as a widget from the start.
// A Label made as a bare literal ignores Resize until it is first drawn,
// so a table cell resized before that keeps its text untruncated.
func tablesLabel(text string, bold bool, trunc fyne.TextTruncation, wrapping fyne.TextWrap) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = bold
	l.Truncation = trunc
	l.Wrapping = wrapping
	return l
}
