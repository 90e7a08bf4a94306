package ui

import (
	"reflect"
	"slices"

	"briefdesk/ui/tables"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tablesModifiers are the modifier keys held now (none where the driver
// cannot tell), so a tap with Ctrl or Shift adds to the selection.
func tablesModifiers() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

// tap selects row as a tap on its cell in table column col does: alone,
// acting on the cell (the detail pane, or the citing clause), and kept in
// view when the detail pane takes room from the table; with Ctrl (Cmd)
// toggled in the selection; with Shift, the rows from the anchor to it.
// The keyboard target takes the focus, so Ctrl+C copies what is selected.
func (g *tablesGrid) tap(row, col int, mods fyne.KeyModifier) {
	if row < 0 || row >= len(g.t.Rows) {
		return
	}
	g.cur = g.widgetCol(col) // -1: the header column
	g.focusKeys()
	switch {
	case mods&fyne.KeyModifierShift != 0 && g.anchor >= 0:
		clear(g.sel)
		for r := min(g.anchor, row); r <= max(g.anchor, row); r++ {
			g.sel[r] = true
		}
		g.remark()
		return
	case mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0:
		if g.sel[row] {
			delete(g.sel, row)
		} else {
			g.sel[row] = true
		}
		g.anchor = row
		g.remark()
		return
	}
	g.selectOnly(row)
	if g.onCell != nil {
		g.onCell(row, col)
	}
	g.reveal(row)
}

// selectOnly makes row the selection and the anchor.
func (g *tablesGrid) selectOnly(row int) {
	clear(g.sel)
	g.sel[row] = true
	g.anchor = row
	g.remark()
}

// reveal scrolls row into view, up or down only, after the detail pane
// or the keyboard moved it out; a row in view stays where it is, so
// tapping never moves the table. widget.Table.ScrollTo is not used: it
// also scrolls sideways, with a header column by the wrong amount (see
// newTablesGrid), and redraws every cell even when nothing moves.
func (g *tablesGrid) reveal(row int) {
	if row < 0 || row >= len(g.t.Rows) || len(g.cols) == 0 {
		return
	}
	off, ok := tableOffset(g.w)
	if !ok { // a Fyne without the field: let the table do it
		g.w.ScrollTo(widget.TableCellID{Row: row, Col: min(max(g.cur, 0), len(g.cols)-1)})
		return
	}
	// As widget.Table places rows: each its height, padding between.
	pad := theme.Padding()
	// Rows without a height of their own are the template's: build it
	// once, not once per row above.
	var tmpl float32
	rowHeight := func(r int) float32 {
		if r < len(g.rowH) && g.rowH[r] > 0 {
			return g.rowH[r]
		}
		if tmpl == 0 {
			tmpl = g.create().MinSize().Height
		}
		return tmpl
	}
	y := float32(0)
	for r := range row {
		y += rowHeight(r) + pad
	}
	h := rowHeight(row)
	head := newTablesHeader().MinSize().Height // the header row
	// The sideways scroll bar lies over the last rows' bottom.
	view := g.w.Size().Height - head - theme.ScrollBarSize()
	switch {
	case y < off.Y:
		off.Y = y
	case y+h > off.Y+view:
		off.Y = y + h - view
	default:
		return
	}
	g.w.ScrollToOffset(off)
}

// tableOffset reads how far t is scrolled, which widget.Table keeps to
// itself (Fyne 2.7: the field offset); false if it cannot be read.
func tableOffset(t *widget.Table) (fyne.Position, bool) {
	v := reflect.ValueOf(t).Elem().FieldByName("offset")
	if !v.IsValid() || v.Type() != reflect.TypeFor[fyne.Position]() {
		return fyne.Position{}, false
	}
	return fyne.NewPos(float32(v.Field(0).Float()), float32(v.Field(1).Float())), true
}

// widgetCol is the widget column that shows table column col, or -1 (a
// head column, or none).
func (g *tablesGrid) widgetCol(col int) int {
	return slices.Index(g.cols, col)
}

func (g *tablesGrid) focusKeys() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(g.keys); c != nil && c.Focused() != g.keys {
		c.Focus(g.keys)
	}
}

// selected lists the selected rows in the order shown.
func (g *tablesGrid) selected() []int {
	var out []int
	for r := range g.t.Rows {
		if g.sel[r] {
			out = append(out, r)
		}
	}
	return out
}

func (g *tablesGrid) selectAll() {
	for r := range g.t.Rows {
		g.sel[r] = true
	}
	if g.anchor < 0 && len(g.t.Rows) > 0 {
		g.anchor = 0
	}
	g.remark()
}

// copyText is rows as the clipboard gets them (tables.TSV): the reference
// first, then the columns in the order shown (the number, which the
// reference carries, left out), under a header line in the interface's
// language.
func (g *tablesGrid) copyText(rows []int) string {
	var cols []int
	for c := range g.head {
		if g.ref == nil || g.t.Columns[c].ID != tables.ColNumber {
			cols = append(cols, c)
		}
	}
	cols = append(cols, g.cols...)
	var header []string
	if g.ref != nil {
		header = append(header, lang.L("Reference"))
	}
	for _, c := range cols {
		header = append(header, tablesColumnTitle(g.t.Columns[c]))
	}
	cell := g.copyCell
	if cell == nil {
		cell = g.text
	}
	var out [][]string
	for _, r := range rows {
		var line []string
		if g.ref != nil {
			line = append(line, g.ref(r))
		}
		for _, c := range cols {
			line = append(line, cell(r, c))
		}
		out = append(out, line)
	}
	return tables.TSV(header, out)
}

// copySelection puts the selected rows on the clipboard; with none
// selected it does nothing.
func (g *tablesGrid) copySelection() {
	rows := g.selected()
	if len(rows) == 0 {
		return
	}
	fyne.CurrentApp().Clipboard().SetContent(g.copyText(rows))
	if g.copied != nil {
		g.copied(len(rows))
	}
}

// secondary opens the context menu of row at the pointer: a row outside
// the selection becomes the selection first, as in a file manager.
func (g *tablesGrid) secondary(row int, at fyne.Position) {
	if row < 0 || row >= len(g.t.Rows) {
		return
	}
	if !g.sel[row] {
		g.selectOnly(row)
	}
	g.focusKeys()
	c := fyne.CurrentApp().Driver().CanvasForObject(g.w)
	if c == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(g.menu(row), c, at)
}

// menu is the context menu of row: Copy (the selection), Select all, and
// the pane's own actions.
func (g *tablesGrid) menu(row int) *fyne.Menu {
	n := len(g.selected())
	label := lang.L("Copy")
	if n > 1 {
		label = lang.L("Copy {{.N}} rows", map[string]any{"N": n})
	}
	cp := fyne.NewMenuItem(label, g.copySelection)
	cp.Shortcut = &fyne.ShortcutCopy{}
	all := fyne.NewMenuItem(lang.L("Select all"), g.selectAll)
	all.Shortcut = &fyne.ShortcutSelectAll{}
	items := []*fyne.MenuItem{cp, all}
	if g.actions != nil {
		if more := g.actions(row); len(more) > 0 {
			items = append(append(items, fyne.NewMenuItemSeparator()), more...)
		}
	}
	return fyne.NewMenu("", items...)
}

// move moves the selection by d rows from the anchor (extending it with
// Shift held), keeping the row in view.
func (g *tablesGrid) move(d int, extend bool) {
	if len(g.t.Rows) == 0 {
		return
	}
	from := g.anchor
	if from < 0 {
		from = 0
		d = 0
	}
	to := min(max(from+d, 0), len(g.t.Rows)-1)
	if extend {
		g.sel[from], g.sel[to] = true, true
		g.anchor = to
		g.remark()
	} else {
		g.selectOnly(to)
	}
	g.reveal(to)
}

// moveCol moves the keyboard's cell sideways.
func (g *tablesGrid) moveCol(d int) {
	if len(g.cols) == 0 {
		return
	}
	lo := 0
	if g.head > 0 {
		lo = -1 // the header column
	}
	g.cur = min(max(g.cur+d, lo), len(g.cols)-1)
	g.remark()
	if g.anchor >= 0 {
		g.reveal(g.anchor)
	}
}

// activate acts on the keyboard's cell as a tap would.
func (g *tablesGrid) activate() {
	if g.anchor < 0 || g.onCell == nil {
		return
	}
	col := 0 // the header column shows the first column
	if g.cur >= 0 {
		col = g.tableCol(g.cur)
	}
	g.onCell(g.anchor, col)
	g.reveal(g.anchor)
}

// tablesKeys takes the keyboard for a grid once a row is tapped, without
// widget.Table taking the focus (see newTablesGrid): Ctrl+C copies the
// selected rows, Ctrl+A selects all, ↑/↓ move the selection (with Shift,
// extend it), ←/→ move between cells and Enter or Space acts on the cell.
// It draws nothing; the rows show the selection and a frame the cell.
type tablesKeys struct {
	widget.BaseWidget
	g       *tablesGrid
	focused bool
	shift   bool
}

func newTablesKeys(g *tablesGrid) *tablesKeys {
	k := &tablesKeys{g: g}
	k.ExtendBaseWidget(k)
	return k
}

func (k *tablesKeys) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

// FocusGained shows the keyboard's cell.
func (k *tablesKeys) FocusGained() { k.focused = true; k.g.remark() }

// FocusLost hides the keyboard's cell.
func (k *tablesKeys) FocusLost() { k.focused, k.shift = false, false; k.g.remark() }

// TypedRune ignores text: a table has nothing to type into.
func (k *tablesKeys) TypedRune(rune) {}

// TypedKey moves through the table.
func (k *tablesKeys) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyUp:
		k.g.move(-1, k.shift)
	case fyne.KeyDown:
		k.g.move(1, k.shift)
	case fyne.KeyPageUp:
		k.g.move(-10, k.shift)
	case fyne.KeyPageDown:
		k.g.move(10, k.shift)
	case fyne.KeyLeft:
		k.g.moveCol(-1)
	case fyne.KeyRight:
		k.g.moveCol(1)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		k.g.activate()
	}
}

// KeyDown notes Shift, which TypedKey is not told about.
func (k *tablesKeys) KeyDown(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		k.shift = true
	}
}

// KeyUp notes Shift's release.
func (k *tablesKeys) KeyUp(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		k.shift = false
	}
}

// TypedShortcut copies and selects; the window's other shortcuts go on
// to the window, as they would with nothing focused.
func (k *tablesKeys) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutCopy:
		k.g.copySelection()
	case *fyne.ShortcutSelectAll:
		k.g.selectAll()
	default:
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(k).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
		}
	}
}
