package ui

import (
	"slices"

	"briefdesk/app"
	"briefdesk/ui/tables"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// prefOverviewColumns remembers the overview's chosen columns.
const prefOverviewColumns = "tables.overview.columns"

// tablesOverview is Table 1 with derived columns: sortable by tapping a
// header (again to reverse), with a column chooser and the list's filters.
type tablesOverview struct {
	v      *tablesView
	rs     []app.Resolution
	cols   []string
	sortBy string
	desc   bool
	tab    *tables.Table

	status, sg, wtdc, bureau *widget.Select
	columns                  *widget.Button
	ctl                      []fyne.CanvasObject
	grid                     *tablesGrid
}

func newTablesOverview(v *tablesView) *tablesOverview {
	o := &tablesOverview{v: v, cols: loadOverviewColumns(), grid: newTablesGrid()}
	all := lang.L("All")
	opts := []string{all}
	for _, st := range overviewStatuses {
		opts = append(opts, tablesStatus(string(st)))
	}
	o.status = widget.NewSelect(opts, func(string) { o.rebuild() })
	o.status.PlaceHolder = lang.L("Status")
	o.sg = &widget.Select{PlaceHolder: lang.L("ITU-D SG / Question"), OnChanged: func(string) { o.rebuild() }}
	o.wtdc = &widget.Select{PlaceHolder: lang.L("WTDC resolution"), OnChanged: func(string) { o.rebuild() }}
	o.bureau = &widget.Select{PlaceHolder: lang.L("Bureau"), OnChanged: func(string) { o.rebuild() }}
	o.columns = &widget.Button{Text: lang.L("Columns"), Icon: theme.ListIcon(), OnTapped: o.onColumns}
	// Fixed widths: a select is as wide as its placeholder, and a choice
	// such as "ITU-D Q1/2" would not fit "Bureau".
	o.ctl = []fyne.CanvasObject{tablesWide(o.status, 130), tablesWide(o.sg, 190), tablesWide(o.wtdc, 170), tablesWide(o.bureau, 120), o.columns}
	o.grid.cell = o.cellText
	o.grid.header = o.headerText
	o.grid.onHeader = o.onHeader
	o.grid.onCell = o.onCell
	o.grid.ref = func(row int) string { return tablesCiteResolution(o.tab.Res[row]) }
	o.grid.copied = v.copied
	o.grid.actions = func(row int) []*fyne.MenuItem {
		return []*fyne.MenuItem{v.openItem(lang.L("Open resolution"), o.tab.Res[row], "")}
	}
	o.tab = &tables.Table{}
	return o
}

// overviewStatuses are the status filter's choices after "All".
var overviewStatuses = []app.Status{app.StatusNew, app.StatusRevised, app.StatusUnchanged}

// loadOverviewColumns reads the remembered columns, dropping ids a newer
// or older BriefDesk may have left there.
func loadOverviewColumns() []string {
	a := fyne.CurrentApp()
	if a == nil {
		return slices.Clone(tables.DefaultOverviewColumns)
	}
	var ids []string
	for _, id := range a.Preferences().StringList(prefOverviewColumns) {
		if _, ok := tables.OverviewColumn(id); ok && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return slices.Clone(tables.DefaultOverviewColumns)
	}
	return ids
}

func (o *tablesOverview) controls() []fyne.CanvasObject { return o.ctl }
func (o *tablesOverview) body() fyne.CanvasObject       { return o.grid.root }

// count is "28 resolutions", or "9 of 28 resolutions" when filtered.
func (o *tablesOverview) count() string {
	if n := len(o.tab.Rows); n != len(o.rs) {
		return lang.L("{{.N}} of {{.T}} resolutions", map[string]any{"N": n, "T": len(o.rs)})
	}
	return lang.L("{{.N}} resolutions", map[string]any{"N": len(o.rs)})
}

func (o *tablesOverview) setData(rs []app.Resolution) {
	o.rs = rs
	all := lang.L("All")
	var sgs, wtdc, bureaus []string
	for i := range rs {
		sgs = appendNew(sgs, tables.RefKeys(&rs[i], app.RefITUDSG, app.RefITUDQuestion)...)
		wtdc = appendNew(wtdc, tables.RefKeys(&rs[i], app.RefWTDCResolution)...)
		bureaus = appendNew(bureaus, tables.RefKeys(&rs[i], app.RefBureau)...)
	}
	tables.SortKeys(sgs)
	tables.SortKeys(wtdc)
	tables.SortKeys(bureaus)
	o.sg.SetOptions(append([]string{all}, sgs...))
	o.wtdc.SetOptions(append([]string{all}, wtdc...))
	o.bureau.SetOptions(append([]string{all}, bureaus...))
	o.rebuild()
}

func appendNew(to []string, keys ...string) []string {
	for _, k := range keys {
		if !slices.Contains(to, k) {
			to = append(to, k)
		}
	}
	return to
}

// filter is the list's filter as the selects set it.
func (o *tablesOverview) filter() app.ResolutionFilter {
	var f app.ResolutionFilter
	if i := o.status.SelectedIndex(); i > 0 && i <= len(overviewStatuses) {
		f.Status = overviewStatuses[i-1]
	}
	for _, s := range []*widget.Select{o.sg, o.wtdc, o.bureau} {
		if s.SelectedIndex() > 0 {
			f.RefKeys = append(f.RefKeys, s.Selected)
		}
	}
	return f
}

func (o *tablesOverview) options() tables.OverviewOptions {
	return tables.OverviewOptions{Columns: o.cols, Filter: o.filter(), SortBy: o.sortBy, Desc: o.desc}
}

// rebuild remakes the table from the corpus and the current choices.
func (o *tablesOverview) rebuild() {
	if o.rs == nil {
		return
	}
	t, err := tables.Overview(o.rs, o.options())
	if err != nil {
		// Only a stale sort column can get here: forget it and show the rest.
		fyne.LogError("tables: overview", err)
		o.sortBy, o.desc = "", false
		if t, err = tables.Overview(o.rs, o.options()); err != nil {
			o.v.status.SetText(app.ErrorMessage(err))
			return
		}
	}
	o.tab = t
	o.grid.set(t)
	o.v.detail.clear()
	o.v.updateCount()
}

func (o *tablesOverview) table() (*tables.Table, error) {
	if o.rs == nil {
		return nil, app.Errorf(app.EINVALID, "the resolutions are still loading; nothing was exported")
	}
	return o.tab, nil
}

// cellText names statuses in the interface's language.
func (o *tablesOverview) cellText(row, col int) string {
	s := o.tab.Rows[row][col]
	if o.tab.Columns[col].ID == tables.ColStatus {
		return tablesStatus(s)
	}
	return s
}

func (o *tablesOverview) headerText(col int) (string, fyne.Resource) {
	c := o.tab.Columns[col]
	return tablesColumnTitle(c), tablesSortIcon(c.ID, o.sortBy, o.desc)
}

// onHeader sorts by the tapped column; tapping it again reverses.
func (o *tablesOverview) onHeader(col int) {
	id := o.tab.Columns[col].ID
	if id == o.sortBy {
		o.desc = !o.desc
	} else {
		o.sortBy, o.desc = id, false
	}
	o.rebuild()
}

// onCell shows the row's title and summary in full, with a way to open it.
func (o *tablesOverview) onCell(row, col int) {
	n := o.tab.Res[row]
	r := o.resolution(n)
	if r == nil {
		return
	}
	text := r.Summary
	switch c := o.tab.Columns[col]; c.ID {
	case tables.ColNumber, tables.ColStatus, tables.ColTitle, tables.ColSummary:
	default:
		text = tablesColumnTitle(c) + citeLang().Colon() + o.tab.Rows[row][col] + "\n\n" + text
	}
	o.v.detail.show(tablesResName(n)+"  "+r.DisplayTitle(), text,
		o.v.openButton(lang.L("Open resolution"), n, ""))
}

func (o *tablesOverview) resolution(n int) *app.Resolution {
	for i := range o.rs {
		if o.rs[i].Number == n {
			return &o.rs[i]
		}
	}
	return nil
}

// onColumns lets a person choose the columns; changes apply at once and
// are remembered.
func (o *tablesOverview) onColumns() {
	var titles []string
	for _, c := range tables.OverviewColumns {
		titles = append(titles, lang.L(c.Title))
	}
	chosen := func() []string {
		var sel []string
		for _, id := range o.cols {
			c, _ := tables.OverviewColumn(id)
			sel = append(sel, lang.L(c.Title))
		}
		return sel
	}
	group := widget.NewCheckGroup(titles, nil)
	group.Selected = chosen()
	group.OnChanged = func(sel []string) {
		if len(sel) == 0 {
			group.SetSelected(chosen()) // a table needs a column
			return
		}
		o.setColumns(sel, titles)
	}
	dialog.ShowCustom(lang.L("Columns"), lang.L("Close"), group, o.v.env.Window)
}

// setColumns applies the checked titles, keeping the columns' own order.
func (o *tablesOverview) setColumns(checked, titles []string) {
	var ids []string
	for i, c := range tables.OverviewColumns {
		if slices.Contains(checked, titles[i]) {
			ids = append(ids, c.ID)
		}
	}
	o.cols = ids
	if !slices.Contains(ids, o.sortBy) {
		o.sortBy, o.desc = "", false
	}
	if a := fyne.CurrentApp(); a != nil {
		a.Preferences().SetStringList(prefOverviewColumns, ids)
	}
	o.rebuild()
}
