package ui

import (
	"context"
	"sort"
	"strings"

	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// notesView is the Notes screen: every note in a virtualised list with
// filters, banners for conflicts and notes that need re-anchoring, and
// the import and export of .briefnotes files.
//
// It loads all live notes at once (a delegation's notes are thousands at
// most) and filters in memory, so filters answer as fast as one types.
type notesView struct {
	env       *screenEnv
	res       map[int]*app.Resolution // the window's corpus, by number
	all       []noteItem              // live notes, in the service's order
	deleted   []noteItem              // deleted notes, which can be restored
	shown     []*noteItem
	tombs     int // deleted notes (kept so that deletions travel)
	conflicts []app.Conflict
	q         noteQuery
	seq       int  // the latest reload; older answers are dropped
	building  bool // filter options are being rebuilt: ignore OnChanged

	list                     *widget.List
	empty, count             *widget.Label
	who, stance, tag, resSel *widget.Select
	text                     *widget.Entry
	clear                    *widget.Button
	whoOpts                  []app.Author // authors after the three fixed choices
	tagOpts                  []string
	resOpts                  []int

	root, conflictBar, anchorBar *fyne.Container
	conflictMsg, anchorMsg       *widget.Label
	anchorBtn                    *widget.Button
	exportBtn, importBtn         *widget.Button
	trashBtn                     *widget.Button // shows the deleted notes, or the live ones again
	preview                      *importPreview // the last import's dry-run dialog
	conflictDlg                  *conflictDialog
}

// noteItem is a note with the words its row shows, made once per load.
type noteItem struct {
	note                    app.Note
	where, who, date, first string
	hay                     string // lower-case text the text filter searches
}

// The fixed choices of the author filter.
const (
	whoAll = iota
	whoMine
	whoOthers
	whoFixed // authors by name start here
)

// noteQuery is what the filters select.
type noteQuery struct {
	who      int        // whoAll, whoMine, whoOthers or whoFixed (author)
	author   app.Author // with whoFixed
	stance   app.Stance // "" for any
	tag      string     // "" for any
	res      int        // 0 for any
	text     string     // lower-case words that must all appear
	reanchor bool       // only notes that need re-anchoring
	deleted  bool       // the deleted notes instead of the live ones
}

func (q *noteQuery) match(it *noteItem) bool {
	n := &it.note
	switch q.who {
	case whoMine:
		if n.Origin.Imported {
			return false
		}
	case whoOthers:
		if !n.Origin.Imported {
			return false
		}
	case whoFixed:
		if n.Author != q.author {
			return false
		}
	}
	if (q.stance != "" && n.Stance != q.stance) || (q.res != 0 && n.Resolution != q.res) || (q.reanchor && !n.NeedsReanchor) {
		return false
	}
	if q.tag != "" && !containsString(n.Tags, q.tag) {
		return false
	}
	if q.text != "" {
		for _, w := range strings.Fields(q.text) {
			if !strings.Contains(it.hay, w) {
				return false
			}
		}
	}
	return true
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func newNotesView(env *screenEnv, c *corpusCache) *notesView {
	v := &notesView{env: env, res: map[int]*app.Resolution{}}
	if c != nil {
		v.res = c.byNum
	}
	// Notes change in the editor opened from a card too: follow them.
	env.notesChanged.subscribe(v.reload)
	return v
}

// content builds the screen and starts loading the notes.
func (v *notesView) content() fyne.CanvasObject {
	v.exportBtn = &widget.Button{Text: lang.L("Export notes…"), OnTapped: v.onExport}
	v.importBtn = &widget.Button{Text: lang.L("Import notes…"), OnTapped: v.onImport}
	v.count = widget.NewLabel("")
	v.trashBtn = &widget.Button{Importance: widget.LowImportance, OnTapped: v.toggleDeleted}
	v.trashBtn.Hide()
	toolbar := container.NewBorder(nil, nil, container.NewHBox(v.exportBtn, v.importBtn), container.NewHBox(v.trashBtn, v.count))

	v.who = widget.NewSelect(nil, func(string) { v.filtersChanged() })
	v.stance = widget.NewSelect(nil, func(string) { v.filtersChanged() })
	v.tag = widget.NewSelect(nil, func(string) { v.filtersChanged() })
	v.resSel = widget.NewSelect(nil, func(string) { v.filtersChanged() })
	v.text = widget.NewEntry()
	v.text.SetPlaceHolder(lang.L("Filter by text…"))
	v.text.OnChanged = func(string) { v.filtersChanged() }
	v.clear = &widget.Button{Text: lang.L("Clear filters"), Importance: widget.LowImportance, OnTapped: v.clearFilters}
	v.rebuildOptions()
	filters := container.NewBorder(nil, nil, nil, v.clear,
		container.NewGridWithColumns(5, v.who, v.stance, v.tag, v.resSel, v.text))

	v.conflictMsg = widget.NewLabel("")
	v.conflictMsg.Wrapping, v.conflictMsg.Importance = fyne.TextWrapWord, widget.DangerImportance
	v.conflictBar = container.NewBorder(nil, nil, nil,
		&widget.Button{Text: lang.L("Resolve conflicts…"), Importance: widget.HighImportance, OnTapped: v.onConflicts}, v.conflictMsg)
	v.anchorMsg = widget.NewLabel("")
	v.anchorMsg.Wrapping, v.anchorMsg.Importance = fyne.TextWrapWord, widget.WarningImportance
	v.anchorBtn = &widget.Button{OnTapped: v.toggleReanchor}
	v.anchorBar = container.NewBorder(nil, nil, nil, v.anchorBtn, v.anchorMsg)
	v.conflictBar.Hide()
	v.anchorBar.Hide()

	v.list = widget.NewList(func() int { return len(v.shown) }, v.newRow, v.updateRow)
	v.list.OnSelected = func(id widget.ListItemID) {
		v.list.UnselectAll()
		if id >= 0 && id < len(v.shown) {
			n := v.shown[id].note
			if n.Deleted {
				v.confirmRestore(n)
				return
			}
			startNoteEditor(v.env, n, false)
		}
	}
	v.empty = widget.NewLabel("")
	v.empty.Alignment, v.empty.Wrapping = fyne.TextAlignCenter, fyne.TextWrapWord

	top := container.NewVBox(toolbar, filters, v.conflictBar, v.anchorBar, widget.NewSeparator())
	v.root = container.NewBorder(top, nil, nil, nil, container.NewStack(v.list, container.NewVBox(v.empty)))
	v.reload()
	return v.root
}

// reload reads the notes and conflicts off the UI thread.
func (v *notesView) reload() {
	if v.env.Notes == nil || v.list == nil {
		return
	}
	v.seq++
	seq, res, notes := v.seq, v.res, v.env.Notes
	v.env.async(func() {
		ctx := context.Background()
		var conf []app.Conflict
		list, err := notes.Notes(ctx, app.NoteFilter{IncludeDeleted: true})
		if err == nil {
			conf, err = notes.Conflicts(ctx)
		}
		items, deleted := makeNoteItems(list, res)
		fyne.Do(func() {
			if seq != v.seq {
				return
			}
			if err != nil {
				showError(err, v.env.Window)
				return
			}
			v.all, v.deleted, v.tombs, v.conflicts = items, deleted, len(deleted), conf
			v.rebuildOptions()
			v.refilter()
			v.updateBanners()
		})
	})
}

// rowExcerpt is the most of a note's text a row holds: more than its
// rowLines lines hold in a wide window, and little enough that breaking
// it into lines stays cheap.
const rowExcerpt = 300

// rowLines is how many lines of its text a note's row shows.
const rowLines = 2

// makeNoteItems words the rows of the live notes and, apart, of the
// deleted ones.
func makeNoteItems(list []app.Note, res map[int]*app.Resolution) (items, deleted []noteItem) {
	for i := range list {
		n := &list[i]
		it := noteItem{
			note: *n, where: noteWhere(res[n.Resolution], n), who: originLine(n),
			date: n.Updated.Local().Format(dateTimeLayout), first: noteRowText(n.Body),
			hay: strings.ToLower(n.Body + "\n" + strings.Join(n.Tags, "\n") + "\n" + n.Author.Name + "\n" + n.Author.Delegation),
		}
		if n.Deleted {
			deleted = append(deleted, it)
		} else {
			items = append(items, it)
		}
	}
	return items, deleted
}

// rebuildOptions fills the filters' choices from the notes there are,
// keeping each filter's choice where it still exists.
func (v *notesView) rebuildOptions() {
	v.building = true
	defer func() { v.building = false }()
	authors := map[app.Author]bool{}
	tags := map[string]bool{}
	ress := map[int]bool{}
	for i := range len(v.all) + len(v.deleted) {
		n := &v.item(i).note
		authors[n.Author] = true
		ress[n.Resolution] = true
		for _, t := range n.Tags {
			tags[t] = true
		}
	}
	v.whoOpts = v.whoOpts[:0]
	for a := range authors {
		v.whoOpts = append(v.whoOpts, a)
	}
	sort.Slice(v.whoOpts, func(i, j int) bool { return authorName(v.whoOpts[i]) < authorName(v.whoOpts[j]) })
	whoLabels := []string{lang.L("All authors"), lang.L("My notes"), lang.L("Others' notes")}
	for _, a := range v.whoOpts {
		whoLabels = append(whoLabels, authorName(a))
	}
	v.tagOpts = v.tagOpts[:0]
	for t := range tags {
		v.tagOpts = append(v.tagOpts, t)
	}
	sort.Strings(v.tagOpts)
	tagLabels := []string{lang.L("Any tag")}
	for _, t := range v.tagOpts {
		tagLabels = append(tagLabels, truncateRunes(app.SafeText(oneLine(t)), 40))
	}
	v.resOpts = v.resOpts[:0]
	for n := range ress {
		v.resOpts = append(v.resOpts, n)
	}
	sort.Ints(v.resOpts)
	resLabels := []string{lang.L("All resolutions")}
	for _, n := range v.resOpts {
		resLabels = append(resLabels, resName(n))
	}
	stanceLabels := []string{lang.L("Any stance")}
	for _, s := range app.Stances {
		stanceLabels = append(stanceLabels, stanceLabel(s))
	}

	q := v.q
	setOptions(v.who, whoLabels, 0)
	switch {
	case q.who < whoFixed:
		v.who.SetSelectedIndex(q.who)
	case indexOf(v.whoOpts, q.author) >= 0:
		v.who.SetSelectedIndex(whoFixed + indexOf(v.whoOpts, q.author))
	}
	setOptions(v.stance, stanceLabels, 0)
	for i, s := range app.Stances {
		if s == q.stance {
			v.stance.SetSelectedIndex(i + 1)
		}
	}
	setOptions(v.tag, tagLabels, 0)
	for i, t := range v.tagOpts {
		if t == q.tag {
			v.tag.SetSelectedIndex(i + 1)
		}
	}
	setOptions(v.resSel, resLabels, 0)
	for i, n := range v.resOpts {
		if n == q.res {
			v.resSel.SetSelectedIndex(i + 1)
		}
	}
	v.q = v.readFilters()
}

// item is the i-th note of the live ones followed by the deleted ones.
func (v *notesView) item(i int) *noteItem {
	if i < len(v.all) {
		return &v.all[i]
	}
	return &v.deleted[i-len(v.all)]
}

func setOptions(s *widget.Select, opts []string, sel int) {
	s.SetOptions(opts)
	s.SetSelectedIndex(sel)
}

func indexOf(list []app.Author, a app.Author) int {
	for i, x := range list {
		if x == a {
			return i
		}
	}
	return -1
}

// readFilters turns the filter widgets into a query.
func (v *notesView) readFilters() noteQuery {
	q := noteQuery{reanchor: v.q.reanchor, deleted: v.q.deleted, text: strings.ToLower(strings.TrimSpace(v.text.Text))}
	switch i := v.who.SelectedIndex(); {
	case i >= whoFixed && i-whoFixed < len(v.whoOpts):
		q.who, q.author = whoFixed, v.whoOpts[i-whoFixed]
	case i > 0 && i < whoFixed:
		q.who = i
	}
	if i := v.stance.SelectedIndex(); i > 0 && i <= len(app.Stances) {
		q.stance = app.Stances[i-1]
	}
	if i := v.tag.SelectedIndex(); i > 0 && i <= len(v.tagOpts) {
		q.tag = v.tagOpts[i-1]
	}
	if i := v.resSel.SelectedIndex(); i > 0 && i <= len(v.resOpts) {
		q.res = v.resOpts[i-1]
	}
	return q
}

func (v *notesView) filtersChanged() {
	if v.building || v.list == nil {
		return
	}
	v.q = v.readFilters()
	v.refilter()
}

func (v *notesView) clearFilters() {
	v.building = true
	v.who.SetSelectedIndex(whoAll)
	v.stance.SetSelectedIndex(0)
	v.tag.SetSelectedIndex(0)
	v.resSel.SetSelectedIndex(0)
	v.text.SetText("")
	v.building = false
	v.q = noteQuery{deleted: v.q.deleted}
	v.refilter()
	v.updateBanners()
}

func (v *notesView) toggleReanchor() {
	v.q.reanchor = !v.q.reanchor
	v.refilter()
	v.updateBanners()
}

// refilter applies the query and redraws the list.
func (v *notesView) refilter() {
	from := v.all
	if v.q.deleted {
		from = v.deleted
	}
	v.shown = v.shown[:0]
	for i := range from {
		if v.q.match(&from[i]) {
			v.shown = append(v.shown, &from[i])
		}
	}
	v.updateTrash()
	if v.q.deleted {
		v.count.SetText(lang.L("Deleted notes: {{.Shown}} of {{.Total}}", map[string]any{"Shown": len(v.shown), "Total": len(from)}))
	} else {
		v.count.SetText(lang.L("Notes: {{.Shown}} of {{.Total}}", map[string]any{"Shown": len(v.shown), "Total": len(from)}))
	}
	switch {
	case v.q.deleted && len(from) == 0:
		v.empty.SetText(lang.L("No deleted notes."))
		v.empty.Show()
	case v.q.deleted && len(v.shown) == 0:
		v.empty.SetText(lang.L("No deleted notes match these filters."))
		v.empty.Show()
	case len(v.all) == 0 && !v.q.deleted:
		v.empty.SetText(lang.L("No notes yet. Open a resolution and use the note button beside a clause to write one, or import a colleague's notes."))
		v.empty.Show()
	case len(v.shown) == 0:
		v.empty.SetText(lang.L("No notes match these filters."))
		v.empty.Show()
	default:
		v.empty.Hide()
	}
	v.list.Refresh()
}

func (v *notesView) updateBanners() {
	if n := len(v.conflicts); n > 0 {
		v.conflictMsg.SetText(lang.L("Conflicts from imports: {{.N}}. These notes were changed both here and in a file; choose what to keep.", map[string]any{"N": n}))
		v.conflictBar.Show()
	} else {
		v.conflictBar.Hide()
	}
	anchors := 0
	for i := range v.all {
		if v.all[i].note.NeedsReanchor {
			anchors++
		}
	}
	if anchors > 0 || v.q.reanchor {
		v.anchorMsg.SetText(lang.L("Notes that need re-anchoring: {{.N}}. Their clause is gone or its text has changed.", map[string]any{"N": anchors}))
		if v.q.reanchor {
			v.anchorBtn.SetText(lang.L("Show all notes"))
		} else {
			v.anchorBtn.SetText(lang.L("Show them"))
		}
		v.anchorBar.Show()
	} else {
		v.anchorBar.Hide()
	}
	// Banners change the height of the top part: lay the screen out again.
	v.root.Refresh()
}

// showNote opens the resolution at the note's clause.
func (v *notesView) showNote(n *app.Note) {
	if v.env.Nav == nil {
		return
	}
	clause := n.ClauseID
	if v.res[n.Resolution].Clause(clause) == nil {
		clause = ""
	}
	v.env.Nav.OpenResolution(n.Resolution, clause)
}

func (v *notesView) onConflicts() {
	v.conflictDlg = showConflictDialog(v.env, v.conflicts, v.res)
}
