package ui

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"

	"briefdesk/app"
	"briefdesk/ui/tables"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tablesPane is one of the four comparison tables of the Tables screen.
type tablesPane interface {
	// controls are the pane's own choosers, shown in the toolbar.
	controls() []fyne.CanvasObject
	body() fyne.CanvasObject
	// setData gives the pane the corpus (with clauses) once loaded.
	setData(rs []app.Resolution)
	// table is what "Export CSV…" writes: the table as the person shaped it.
	table() (*tables.Table, error)
	// count says what the pane shows now, in words: "12 resolutions",
	// "40 clauses in 15 resolutions".
	count() string
}

// tablesView is the Tables screen: a chooser for the four tables of
// package ui/tables, the chosen table with its controls, a detail pane for
// the full text of cells that the table truncates, and CSV export.
type tablesView struct {
	env    *screenEnv
	corpus *corpusCache

	overview *tablesOverview
	matrix   *tablesMatrix
	side     *tablesSide
	itud     *tablesITUD
	panes    map[string]tablesPane
	current  string

	choice  *widget.Select
	toolbar *fyne.Container // the chooser, the pane's controls, export
	body    *fyne.Container
	status  *widget.Label
	detail  *tablesDetail
	export  *widget.Button
	root    fyne.CanvasObject

	ready bool // the corpus is in the panes
	// exported is the last export's confirmation, kept for tests.
	exported dialog.Dialog
}

// tableLabels names the tables in the chooser, in tables.Names order.
var tableLabels = map[string]string{
	// Not "Overview": that is the name of the top-level meeting view.
	tables.NameOverview:   "Table 1 overview",
	tables.NameMatrix:     "Matrix",
	tables.NameSideBySide: "Side by side",
	tables.NameITUD:       "What ITU-D is asked to do",
}

func newTablesView(env *screenEnv, c *corpusCache) *tablesView {
	v := &tablesView{env: env, corpus: c, detail: newTablesDetail()}
	v.overview = newTablesOverview(v)
	v.matrix = newTablesMatrix(v)
	v.side = newTablesSide(v)
	v.itud = newTablesITUD(v)
	v.panes = map[string]tablesPane{
		tables.NameOverview:   v.overview,
		tables.NameMatrix:     v.matrix,
		tables.NameSideBySide: v.side,
		tables.NameITUD:       v.itud,
	}
	return v
}

// content builds the screen once, with the window's corpus in the tables.
func (v *tablesView) content() fyne.CanvasObject {
	if v.root != nil {
		return v.root
	}
	var opts []string
	for _, n := range tables.Names {
		opts = append(opts, lang.L(tableLabels[n]))
	}
	v.choice = widget.NewSelect(opts, v.onChoose)
	v.body = container.NewStack()
	v.status = widget.NewLabel("")
	v.export = &widget.Button{Text: lang.L("Export CSV…"), OnTapped: v.onExport}
	v.export.Disable() // until there is a table to write
	// The toolbar wraps, so the screen fits a window 800 px wide.
	v.toolbar = container.New(&uiw.WrapRows{})
	bottom := container.NewVBox(v.status, v.detail.box)
	root := container.New(&uiw.Column{Fill: 1}, v.toolbar, v.body, bottom)
	v.detail.relayout = func() { root.Layout.Layout(root.Objects, root.Size()) }
	v.root = root
	v.choice.SetSelectedIndex(0)
	if v.corpus != nil {
		for _, n := range tables.Names {
			v.panes[n].setData(v.corpus.list)
		}
		v.ready = true
	}
	v.updateCount()
	return v.root
}

// onChoose shows the table picked in the chooser.
func (v *tablesView) onChoose(string) {
	i := v.choice.SelectedIndex()
	if i < 0 || i >= len(tables.Names) {
		return
	}
	v.current = tables.Names[i]
	p := v.panes[v.current]
	v.toolbar.Objects = append(append([]fyne.CanvasObject{tablesWide(v.choice, 240)}, p.controls()...), v.export)
	v.toolbar.Refresh()
	v.body.Objects = []fyne.CanvasObject{p.body()}
	v.body.Refresh()
	v.detail.clear()
	v.updateCount()
}

// updateCount says in the footer what the current table shows. Panes
// call it whenever their table changes.
func (v *tablesView) updateCount() {
	if v.status == nil || v.current == "" {
		return
	}
	if !v.ready {
		v.export.Disable()
		return // "Loading…" stays until the corpus is there
	}
	p := v.panes[v.current]
	v.status.SetText(p.count())
	// Export only what can be written: a comparison needs its picks.
	if _, err := p.table(); err != nil {
		v.export.Disable()
	} else {
		v.export.Enable()
	}
}

// copied says in the footer that rows went to the clipboard; the next
// change of table puts the count back.
func (v *tablesView) copied(rows int) {
	v.status.SetText(lang.L("Rows copied with their references: {{.N}}", map[string]any{"N": rows}))
}

// openItem is a context-menu item that opens resolution n at clauseID.
func (v *tablesView) openItem(text string, n int, clauseID string) *fyne.MenuItem {
	return fyne.NewMenuItem(text, func() {
		if v.env != nil && v.env.Nav != nil {
			v.env.Nav.OpenResolution(n, clauseID)
		}
	})
}

// tablesSortIcon marks the column a table is sorted by with the direction.
func tablesSortIcon(id, sortBy string, desc bool) fyne.Resource {
	switch {
	case id != sortBy:
		return nil
	case desc:
		return theme.MenuDropDownIcon()
	}
	return theme.MenuDropUpIcon()
}

// onExport asks where to save the current table and writes it as CSV.
func (v *tablesView) onExport() {
	t, err := v.panes[v.current].table()
	if err != nil {
		uiw.ShowError(err, v.env.Window)
		return
	}
	safeFileWrites()
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			fyne.LogError("tables: save dialog", err)
			uiw.ShowError(err, v.env.Window)
			return
		}
		if w == nil {
			return // cancelled
		}
		v.saveCSV(w, t)
	}, v.env.Window)
	d.SetFileName("briefdesk-" + t.Name + ".csv")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	d.Show()
}

// saveCSV writes t to w, then says where it went and how many rows it
// holds, or why it failed.
func (v *tablesView) saveCSV(w fyne.URIWriteCloser, t *tables.Table) {
	if err := writeTableCSV(outputWriter(w), t); err != nil {
		fyne.LogError("tables: export "+t.Name, err)
		uiw.ShowError(fmt.Errorf("%s: %w", lang.L("The CSV file could not be written"), err), v.env.Window)
		return
	}
	u := w.URI()
	v.exported = showExported(v.env, lang.L("CSV exported"),
		lang.L("{{.N}} rows written to {{.File}}", map[string]any{"N": len(t.Rows), "File": u.Name()}),
		filepath.FromSlash(u.Path()))
}

// writeTableCSV writes t to w and closes w. The CSV is built in memory
// first so a failing table never leaves half a file behind it.
func writeTableCSV(w io.WriteCloser, t *tables.Table) error {
	var b bytes.Buffer
	if err := tables.WriteCSV(&b, t); err != nil {
		w.Close()
		return err
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// tablesDetail shows the full text of a truncated cell and what can be
// done with it, below the table: one paragraph at a time, so wrapping it
// stays cheap.
type tablesDetail struct {
	title *widget.Label
	// text is broken into lines by ui/wrap, as the cells are, so codes
	// such as ITU-T SG15 break (or stay whole) the same way everywhere.
	text    *tablesPara
	actions *fyne.Container
	list    *fyne.Container // one button per citing clause, under the text
	scroll  *container.Scroll
	box     fyne.CanvasObject
	// relayout lays the screen out again when the pane appears or goes,
	// so the table gives up or takes back the room.
	relayout func()
}

func newTablesDetail() *tablesDetail {
	d := &tablesDetail{
		title:   tablesLabel("", true, fyne.TextTruncateEllipsis, fyne.TextWrapOff),
		text:    newTablesPara("", "", 0, false, nil),
		actions: container.NewHBox(),
		list:    container.NewVBox(),
	}
	// The actions sit beside the title so they stay in view however long
	// the text is; the text scrolls.
	d.scroll = container.NewVScroll(container.NewVBox(d.text, d.list))
	d.scroll.SetMinSize(fyne.NewSize(0, 120))
	d.box = container.NewBorder(container.NewBorder(nil, nil, nil, d.actions, d.title), nil, nil, nil, d.scroll)
	d.box.Hide()
	return d
}

// show fills the pane; actions are buttons such as "Open resolution".
func (d *tablesDetail) show(title, text string, actions ...fyne.CanvasObject) {
	d.showList(title, text, nil, actions...)
}

// showList is show with a list of buttons (the citing clauses of a
// matrix cell) that scrolls with the text.
func (d *tablesDetail) showList(title, text string, list []fyne.CanvasObject, actions ...fyne.CanvasObject) {
	d.title.SetText(title)
	d.text.SetText(text)
	d.text.Hidden = text == ""
	d.actions.Objects = actions
	d.actions.Refresh()
	d.list.Objects = list
	d.list.Refresh()
	d.scroll.Content.Refresh() // the text's and list's heights changed
	d.scroll.Refresh()
	d.scroll.ScrollToTop()
	if !d.box.Visible() {
		d.box.Show()
		d.relayoutNow()
		// Now the text has its width: measure its height again.
		d.scroll.Content.Refresh()
		d.scroll.Refresh()
	}
}

func (d *tablesDetail) clear() {
	d.actions.Objects, d.list.Objects = nil, nil
	if d.box.Visible() {
		d.box.Hide()
		d.relayoutNow()
	}
}

func (d *tablesDetail) relayoutNow() {
	if d.relayout != nil {
		d.relayout()
	}
}

// openButton is a button that opens resolution n at clauseID.
func (v *tablesView) openButton(text string, n int, clauseID string) *widget.Button {
	return &widget.Button{Text: text, OnTapped: func() {
		if v.env != nil && v.env.Nav != nil {
			v.env.Nav.OpenResolution(n, clauseID)
		}
	}}
}

// tablesResName is "Resolution 44" in the interface's language (the same
// message the cards use).
func tablesResName(n int) string {
	return lang.L("Resolution {{.N}}", map[string]any{"N": n})
}

// tablesStatus is a status as the interface names it.
func tablesStatus(s string) string {
	switch app.Status(s) {
	case app.StatusNew:
		return lang.L("New")
	case app.StatusRevised:
		return lang.L("Revised")
	case app.StatusUnchanged:
		return lang.L("Unchanged")
	}
	return s
}

// tablesWide gives a select room for its longest choice instead of the
// width of its placeholder.
func tablesWide(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}
