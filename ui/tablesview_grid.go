package ui

import (
	"image/color"

	"briefdesk/ui/tables"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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
//
// A table that starts with the resolution number shows it (and, for the
// matrix, the title) in widget.Table's header column, which stays put
// when the table scrolls sideways, with a tappable corner header laid
// over the table. Fyne 2.7's StickyColumnCount is not used: it places
// the scrolled cells by the widths of the columns scrolled under the
// sticky ones but hit-tests and highlights by their real positions, so
// with columns of different widths the hover and selection marks, and
// taps, landed on the wrong cells.
type tablesGrid struct {
	t      *tables.Table
	w      *widget.Table
	corner *tablesHeader
	root   fyne.CanvasObject // w with the corner over it

	// headCols is how many leading columns the header column shows when
	// the table starts with the number (1: the number; 2: number and
	// title); head is what the current table uses (0 or headCols).
	headCols, head int
	headWidth      float32 // header column width; 0: the number column's
	cornerWidth    float32 // the header column's width as set

	// order lists the table's columns in the order shown after the
	// header column; nil shows them in the table's order. (The CSV keeps
	// the table's order.)
	order func(t *tables.Table) []int
	cols  []int // the table column of each widget column

	cell     func(row, col int) string             // nil: the table's text
	header   func(col int) (string, fyne.Resource) // nil: the column title
	onHeader func(col int)
	onCell   func(row, col int)
	width    func(c tables.Column) float32 // nil: tablesColumnWidth
	// lines is how many lines a cell of column col may take (rows grow
	// to fit); nil or 1 for one truncated line.
	lines func(col int) int

	// The selected rows (of t), highlighted across the table; anchor is
	// the row last tapped or moved to, the end a Shift-tap extends from,
	// and cur the widget column the keyboard is on. keys takes the focus
	// on a tap so Ctrl+C, Ctrl+A and the arrow keys reach the table
	// without widget.Table taking it (see newTablesGrid).
	sel    map[int]bool
	anchor int
	cur    int
	keys   *tablesKeys
	// cells and heads are the cells and header-column cells drawn, with
	// the row (and widget column) each shows now, so a change of
	// selection marks them again without laying out any text.
	cells map[*tablesCell]widget.TableCellID
	heads map[*tablesHeader]int
	rowH  []float32 // the heights set by setRowHeights; none: the template's
	// sizing hides the rows while setRowHeights runs.
	sizing bool
	// ref is the reference of row's resolution or clause ("WTSA-20
	// 第44号决议 做出决议 2"), the first column of copied rows; copyCell
	// is a cell as copied (nil: as shown); copied reports a copy.
	ref      func(row int) string
	copyCell func(row, col int) string
	copied   func(rows int)
	// actions are the context menu's items for a row besides Copy and
	// Select all, such as "Open resolution"; nil for none.
	actions func(row int) []*fyne.MenuItem
}

// In tablesGrid's callbacks, col and row index the tables.Table; the
// widget's columns are the table's after the head columns.

func newTablesGrid() *tablesGrid {
	g := &tablesGrid{t: &tables.Table{}, headCols: 1, sel: map[int]bool{}, anchor: -1,
		cells: map[*tablesCell]widget.TableCellID{}, heads: map[*tablesHeader]int{}}
	g.w = widget.NewTable(g.length, g.create, g.update)
	g.w.ShowHeaderRow = true
	g.w.CreateHeader = func() fyne.CanvasObject { return newTablesHeader() }
	g.w.UpdateHeader = g.updateHeader
	// A tap goes to the cell itself (tablesCell.Tapped), so the table does
	// not select, scroll the cell "into view" (by the header column's
	// width too far) or take the focus, after which it would mark the
	// focused cell instead of the one under the mouse. The keyboard still
	// selects: Space on the focused cell. The grid marks whole rows
	// itself (sel), as widget.Table marks one cell.
	g.w.OnSelected = func(id widget.TableCellID) {
		// Cells act like buttons: unselect so the same cell taps again.
		g.w.Unselect(id)
		if id.Row >= 0 && id.Row < len(g.t.Rows) {
			g.tap(id.Row, g.tableCol(id.Col), 0)
		}
	}
	g.corner = newTablesHeader()
	g.corner.Hide()
	g.keys = newTablesKeys(g)
	g.root = container.New(&tablesCornerLayout{g: g}, g.w, g.corner, g.keys)
	return g
}

// set shows t, sizing the columns (and rows, for cells of several
// lines) for it, scrolled to the top left.
func (g *tablesGrid) set(t *tables.Table) {
	g.t = t
	clear(g.sel) // other rows, or the same in another order
	g.anchor, g.cur = -1, 0
	g.head = 0
	if len(t.Columns) > g.headCols && t.Columns[0].ID == tables.ColNumber {
		g.head = g.headCols
	}
	width := g.width
	if width == nil {
		width = tablesColumnWidth
	}
	g.w.ShowHeaderColumn = g.head > 0
	if g.head > 0 {
		hw := g.headWidth
		if hw <= 0 {
			hw = width(t.Columns[0])
		}
		g.w.SetColumnWidth(-1, hw)
		g.cornerWidth = hw
		title, icon := g.headerText(0)
		if g.head > 1 {
			title = lang.L("Resolutions") // number and title
		}
		g.corner.set(title, icon, func() {
			if g.onHeader != nil {
				g.onHeader(0)
			}
		})
		g.corner.Show()
	} else {
		g.corner.Hide()
	}
	g.cols = g.cols[:0]
	if g.order != nil {
		for _, c := range g.order(t) {
			if c >= g.head && c < len(t.Columns) {
				g.cols = append(g.cols, c)
			}
		}
	} else {
		for c := g.head; c < len(t.Columns); c++ {
			g.cols = append(g.cols, c)
		}
	}
	for i, c := range g.cols {
		g.w.SetColumnWidth(i, width(t.Columns[c]))
	}
	g.rowH = g.rowH[:0]
	if g.lines != nil {
		// Each SetRowHeight refreshes the table: with no rows to draw
		// meanwhile, that costs nothing (else every drawn cell lays out
		// its text again once per row).
		g.sizing = true
		g.setRowHeights(width)
		g.sizing = false
	}
	g.w.Refresh()
	g.root.Refresh()
}

// setRowHeights makes each row as tall as its tallest few-line cell.
func (g *tablesGrid) setRowHeights(width func(tables.Column) float32) {
	m := tablesMeasurers.Get(theme.TextSize())
	base := g.create().MinSize().Height
	for r := range g.t.Rows {
		n := 1
		for c := g.head; c < len(g.t.Columns); c++ {
			if k := g.lines(c); k > 1 {
				avail := width(g.t.Columns[c]) - 2*theme.InnerPadding()
				n = max(n, uiw.ClampedLinesNeeded(g.text(r, c), avail, k, m))
			}
		}
		h := max(base, uiw.ClampedHeight(m, n))
		g.w.SetRowHeight(r, h)
		g.rowH = append(g.rowH, h)
	}
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
	w := fyne.MeasureText(tablesColumnTitle(c), theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 3*theme.Padding() + theme.IconInlineSize()
	return min(max(w, 90), 220)
}

// tablesColumnTitle is a column's title as the interface shows it: the
// fixed columns' titles translated, data (entity keys, resolutions) as
// it is.
func tablesColumnTitle(c tables.Column) string {
	if c.Data {
		return c.Title
	}
	return lang.L(c.Title)
}

func (g *tablesGrid) length() (int, int) {
	if g.sizing {
		return 0, 0
	}
	return len(g.t.Rows), len(g.cols)
}

// tableCol is the table column shown in widget column wc, or -1.
func (g *tablesGrid) tableCol(wc int) int {
	if wc < 0 || wc >= len(g.cols) {
		return -1
	}
	return g.cols[wc]
}

func (g *tablesGrid) create() fyne.CanvasObject { return newTablesCell() }

// text is what cell (row, col) of the table says.
func (g *tablesGrid) text(row, col int) string {
	if g.cell != nil {
		return g.cell(row, col)
	}
	return g.t.Rows[row][col]
}

func (g *tablesGrid) update(id widget.TableCellID, o fyne.CanvasObject) {
	col := g.tableCol(id.Col)
	if id.Row < 0 || id.Row >= len(g.t.Rows) || col < 0 {
		return
	}
	n := 1
	if g.lines != nil {
		n = g.lines(col)
	}
	c := o.(*tablesCell)
	c.set(g.text(id.Row, col), n)
	row := id.Row
	g.cells[c] = id
	g.markCell(c, id)
	c.onTapped = func(mods fyne.KeyModifier) { g.tap(row, col, mods) }
	c.onSecondary = func(at fyne.Position) { g.secondary(row, at) }
}

// markCell marks cell c, showing id, as its row's selection and the
// keyboard's place say.
func (g *tablesGrid) markCell(c *tablesCell, id widget.TableCellID) {
	c.mark(g.sel[id.Row], g.keys.focused && id.Row == g.anchor && id.Col == g.cur)
}

// remark marks the drawn cells again after the selection changed.
func (g *tablesGrid) remark() {
	for c, id := range g.cells {
		g.markCell(c, id)
	}
	for h, row := range g.heads {
		h.mark(g.sel[row])
	}
}

func (g *tablesGrid) headerText(col int) (string, fyne.Resource) {
	if g.header != nil {
		return g.header(col)
	}
	return tablesColumnTitle(g.t.Columns[col]), nil
}

func (g *tablesGrid) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	h := o.(*tablesHeader)
	switch {
	case id.Row == -1 && g.tableCol(id.Col) >= 0:
		col := g.tableCol(id.Col)
		text, icon := g.headerText(col)
		delete(g.heads, h)
		h.mark(false)
		h.onSecondary = nil
		h.bold(true)
		h.set(text, icon, func() {
			if g.onHeader != nil {
				g.onHeader(col)
			}
		})
	case id.Col == -1 && id.Row >= 0 && id.Row < len(g.t.Rows):
		// The header column: the row's number (and title).
		row, text := id.Row, g.text(id.Row, 0)
		for c := 1; c < g.head; c++ {
			text += "  " + g.text(row, c)
		}
		h.bold(false)
		h.set(tables.Truncate(text, tablesCellRunes), nil, func() { g.tap(row, 0, tablesModifiers()) })
		g.heads[h] = row
		h.mark(g.sel[row])
		h.onSecondary = func(at fyne.Position) { g.secondary(row, at) }
	default:
		h.set("", nil, nil)
		delete(g.heads, h)
		h.mark(false)
		h.onSecondary = nil
	}
}

// tablesCornerLayout lays the table out and the corner header over the
// table's top left, where widget.Table leaves the corner of its header
// row and header column empty.
type tablesCornerLayout struct{ g *tablesGrid }

func (l *tablesCornerLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Resize(size)
	objs[0].Move(fyne.NewPos(0, 0))
	// widget.Table sizes its header row by its header template.
	objs[1].Move(fyne.NewPos(0, 0))
	objs[1].Resize(fyne.NewSize(l.g.cornerWidth, newTablesHeader().MinSize().Height))
	// The keyboard target takes no room: the rows show what it selects.
	objs[2].Move(fyne.NewPos(0, 0))
	objs[2].Resize(fyne.NewSize(0, 0))
}

func (l *tablesCornerLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return objs[0].MinSize()
}

// tablesCell is a table cell: one truncated line, or a few wrapped lines
// in columns whose rows grow to fit them.
type tablesCell struct {
	widget.BaseWidget
	bg          *canvas.Rectangle // the selection mark of the row
	focus       *canvas.Rectangle // the keyboard's cell
	label       *widget.Label
	lines       *uiw.ClampedText
	onTapped    func(fyne.KeyModifier)
	onSecondary func(fyne.Position)
}

// Tapped selects the row and acts on the cell (see newTablesGrid); with
// Ctrl or Shift held it adds to the selection instead.
func (c *tablesCell) Tapped(*fyne.PointEvent) {
	if c.onTapped != nil {
		c.onTapped(tablesModifiers())
	}
}

// TappedSecondary opens the row's context menu (Copy, Select all, …).
func (c *tablesCell) TappedSecondary(e *fyne.PointEvent) {
	if c.onSecondary != nil {
		c.onSecondary(e.AbsolutePosition)
	}
}

func newTablesCell() *tablesCell {
	c := &tablesCell{
		bg:    canvas.NewRectangle(theme.Color(theme.ColorNameSelection)),
		focus: &canvas.Rectangle{StrokeColor: theme.Color(theme.ColorNameFocus), StrokeWidth: 2},
		label: tablesLabel("", false, fyne.TextTruncateEllipsis, fyne.TextWrapOff), lines: uiw.NewClampedText(tablesMeasurers.Get(theme.TextSize()), 1, 3),
	}
	c.bg.Hide()
	c.focus.Hide()
	c.lines.Hide()
	c.ExtendBaseWidget(c)
	return c
}

// mark shows whether the cell's row is selected and whether the keyboard
// is on the cell.
func (c *tablesCell) mark(selected, focused bool) {
	markRect(c.bg, selected, &c.bg.FillColor, theme.ColorNameSelection)
	markRect(c.focus, focused, &c.focus.StrokeColor, theme.ColorNameFocus)
}

// markRect shows or hides a mark in the theme's colour, refreshing it
// only when that changes (a table marks every drawn cell on each tap).
func markRect(r *canvas.Rectangle, show bool, col *color.Color, name fyne.ThemeColorName) {
	want := theme.Color(name)
	if show == r.Visible() && (!show || *col == want) {
		return
	}
	*col = want
	r.Hidden = !show
	r.Refresh()
}

// set shows s in one line, or in up to n lines when n > 1.
func (c *tablesCell) set(s string, n int) {
	if n > 1 {
		c.lines.SetMaxLines(n)
		c.lines.SetText(s)
		c.label.Hide()
		c.lines.Show()
		return
	}
	c.label.SetText(tables.Truncate(s, tablesCellRunes))
	c.lines.Hide()
	c.label.Show()
}

func (c *tablesCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, c.focus, c.label, c.lines))
}

// tablesHeader is a tappable column header: a bold title, truncated to the
// column, and an optional icon (the sort direction). In the header column
// it names the row, in regular weight.
type tablesHeader struct {
	widget.BaseWidget
	bg          *canvas.Rectangle // the selection mark, in the header column
	label       *widget.Label
	icon        *widget.Icon
	onTapped    func()
	onSecondary func(fyne.Position)
}

func newTablesHeader() *tablesHeader {
	h := &tablesHeader{
		bg:    canvas.NewRectangle(theme.Color(theme.ColorNameSelection)),
		label: tablesLabel("", true, fyne.TextTruncateEllipsis, fyne.TextWrapOff),
		icon:  widget.NewIcon(nil),
	}
	h.bg.Hide()
	h.ExtendBaseWidget(h)
	return h
}

// mark shows whether the row a header-column cell names is selected.
func (h *tablesHeader) mark(selected bool) {
	markRect(h.bg, selected, &h.bg.FillColor, theme.ColorNameSelection)
}

// TappedSecondary opens the row's context menu in the header column.
func (h *tablesHeader) TappedSecondary(e *fyne.PointEvent) {
	if h.onSecondary != nil {
		h.onSecondary(e.AbsolutePosition)
	}
}

func (h *tablesHeader) set(text string, icon fyne.Resource, tapped func()) {
	h.onTapped = tapped
	h.label.SetText(text)
	h.icon.SetResource(icon)
	h.icon.Hidden = icon == nil
}

func (h *tablesHeader) bold(b bool) {
	if h.label.TextStyle.Bold != b {
		h.label.TextStyle.Bold = b
		h.label.Refresh()
	}
}

// Tapped runs the header's action (sort, or open the entity).
func (h *tablesHeader) Tapped(*fyne.PointEvent) {
	if h.onTapped != nil {
		h.onTapped()
	}
}

func (h *tablesHeader) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(h.bg, container.NewBorder(nil, nil, nil, h.icon, h.label)))
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
