package ui

import (
	"context"
	"strings"
	"sync"
	"time"

	"briefdesk/app"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// defaultSearchDelay is how long typing must pause before a search runs.
const defaultSearchDelay = 150 * time.Millisecond

// resItem is one row of the resolution list.
type resItem struct {
	n        int
	title    string
	status   app.Status
	snippet  string // search excerpt with « » around hits, or the summary
	clauseID string // clause of the best hit
}

func summaryItem(r *app.Resolution) resItem {
	return resItem{n: r.Number, title: r.DisplayTitle(), status: r.Status, snippet: firstLine(r.Summary)}
}

// resList is the left pane of the Resolutions view: the search box,
// the filters and the list of resolutions (or search hits) they select.
type resList struct {
	env    *screenEnv
	corpus *corpusCache
	// searchDelay is how long typing must pause before a search runs;
	// tests set 0 to search on every keystroke, synchronously.
	searchDelay time.Duration
	// onOpen shows resolution n; hint is the clause of its best search hit.
	onOpen func(n int, hint string)
	// onQuery is called when the query the list answers changes
	// (query): the open card highlights it.
	onQuery func()
	// onItems is called whenever the list shows a new answer (items).
	onItems func()

	search                      *searchEntry
	status, itud, wtdc, bureau  *widget.Select
	itudKeys, wtdcKeys, burKeys []string
	count                       *widget.Label
	clearAll                    *widget.Button // beside the count while any filter is set
	statusNames                 []string       // the status options without their counts
	list                        *enterList
	empty                       *fyne.Container // "nothing matches", over the list
	noMatch                     *widget.Label   // what empty says
	items                       []resItem

	mu      sync.Mutex
	seq     int         // search generation; stale results are dropped
	timer   *time.Timer // debounce
	query   string      // the query the items answer
	quiet   bool        // selecting to show, not to open
	current int         // resolution shown in the card
	cursor  int         // row of the keyboard cursor; -1 before the first Down
	sized   bool        // the list has been laid out, so it can scroll
	selRow  int         // the row the list shows selected, -1 for none (from its callbacks)
}

func newResList(env *screenEnv, c *corpusCache) *resList {
	return &resList{env: env, corpus: c, selRow: -1, searchDelay: defaultSearchDelay}
}

func (l *resList) content() fyne.CanvasObject {
	l.search = newSearchEntry(l)
	l.search.SetPlaceHolder(searchPlaceholder())
	l.search.OnChanged = func(string) { l.scheduleSearch() }
	l.search.OnSubmitted = func(string) { l.openCursor() }

	all := lang.L("All")
	l.statusNames = []string{all, lang.L("New"), lang.L("Revised"), lang.L("Unchanged")}
	l.status = widget.NewSelect(append([]string(nil), l.statusNames...), func(string) { l.refilter() })
	l.status.SetSelectedIndex(0)
	mk := func(kinds ...app.RefKind) (*widget.Select, []string) {
		opts, keys := []string{all}, []string{""}
		for _, e := range l.corpus.entitiesOf(kinds...) {
			opts = append(opts, e.Key)
			keys = append(keys, e.Key)
		}
		s := widget.NewSelect(opts, func(string) { l.refilter() })
		s.SetSelectedIndex(0)
		return s, keys
	}
	l.itud, l.itudKeys = mk(app.RefITUDSG, app.RefITUDQuestion)
	l.wtdc, l.wtdcKeys = mk(app.RefWTDCResolution)
	l.bureau, l.burKeys = mk(app.RefBureau)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Status"), l.status),
		widget.NewFormItem("ITU-D", l.itud),
		widget.NewFormItem(lang.L("WTDC res."), l.wtdc),
		widget.NewFormItem(lang.L("Bureau"), l.bureau),
	)
	l.count = widget.NewLabel("")
	l.count.SizeName = theme.SizeNameCaptionText
	// Clear filters is at hand whenever a filter or a search is set, not
	// only when nothing matches.
	l.clearAll = &widget.Button{Text: lang.L("Clear filters"), Icon: theme.ContentClearIcon(), Importance: widget.LowImportance, OnTapped: l.clearFilters}
	l.clearAll.Hide()

	l.list = newEnterList(func() int { return len(l.items) }, newResRow, func(id widget.ListItemID, o fyne.CanvasObject) {
		if id < len(l.items) {
			o.(*resRow).show(l.items[id], l.noteCount(l.items[id].n))
		}
	})
	l.list.OnSelected = func(id widget.ListItemID) {
		l.selRow = id
		if l.quiet || id >= len(l.items) {
			return
		}
		it := l.items[id]
		l.onOpen(it.n, it.clauseID)
	}
	l.list.OnUnselected = func(id widget.ListItemID) {
		if l.selRow == id {
			l.selRow = -1
		}
	}
	noMatch := widget.NewLabel(lang.L("No resolution matches the search and filters."))
	l.noMatch = noMatch
	noMatch.Wrapping = fyne.TextWrapWord
	noMatch.Alignment = fyne.TextAlignCenter
	// The hint has no Clear filters of its own: the one beside the count
	// is there whenever something is set (two showed at once).
	l.empty = container.NewVBox(noMatch)
	l.empty.Hide()
	l.refilter()
	top := container.NewVBox(l.search, form, container.NewBorder(nil, nil, nil, l.clearAll, l.count))
	// widget.List scrolls a selection into view only once it has a size.
	box := container.New(&uiw.SizedStack{OnSized: func() {
		l.sized = true
		l.showSelected(l.current)
	}}, l.list, container.NewVBox(l.empty))
	return container.NewBorder(top, nil, nil, nil, box)
}

// clearFilters empties the search box and sets every filter to All.
func (l *resList) clearFilters() {
	l.quietFilters(func() {
		for _, s := range []*widget.Select{l.status, l.itud, l.wtdc, l.bureau} {
			s.SetSelectedIndex(0)
		}
		l.search.SetText("")
	})
	l.mu.Lock()
	if l.timer != nil {
		l.timer.Stop() // the search SetText scheduled: refilter now instead
	}
	l.mu.Unlock()
	l.refilter()
}

// quietFilters runs f, which changes several filters, with one refilter
// at the end instead of one per change.
func (l *resList) quietFilters(f func()) {
	list := l.list
	l.list = nil // refilter does nothing while the list is away
	defer func() { l.list = list }()
	f()
}

func (l *resList) noteCount(n int) int {
	if l.corpus.noteCounts == nil {
		return 0
	}
	return l.corpus.noteCounts[n]
}

// filterKeys returns the chosen status and reference keys.
func (l *resList) filterKeys() (app.Status, []string) {
	var st app.Status
	switch l.status.SelectedIndex() {
	case 1:
		st = app.StatusNew
	case 2:
		st = app.StatusRevised
	case 3:
		st = app.StatusUnchanged
	}
	var keys []string
	for _, p := range []struct {
		s    *widget.Select
		keys []string
	}{{l.itud, l.itudKeys}, {l.wtdc, l.wtdcKeys}, {l.bureau, l.burKeys}} {
		if i := p.s.SelectedIndex(); i > 0 && i < len(p.keys) {
			keys = append(keys, p.keys[i])
		}
	}
	return st, keys
}

// passes reports whether resolution r passes the filters.
func passes(r *app.Resolution, st app.Status, keys []string) bool {
	return app.ResolutionFilter{Status: st, RefKeys: keys}.Selects(r)
}

// refilter recomputes the list: every resolution passing the filters, or
// with a query, the search hits that pass them.
func (l *resList) refilter() {
	if l.list == nil || l.status == nil || l.bureau == nil {
		return
	}
	if strings.TrimSpace(l.search.Text) != "" {
		l.runSearch()
		return
	}
	st, keys := l.filterKeys()
	var items []resItem
	var base []*app.Resolution
	for i := range l.corpus.list {
		r := &l.corpus.list[i]
		base = append(base, r)
		if passes(r, st, keys) {
			items = append(items, summaryItem(r))
		}
	}
	l.updateCounts(base)
	l.setItems(items, "")
}

// scheduleSearch runs the search once typing pauses.
func (l *resList) scheduleSearch() {
	if l.searchDelay <= 0 {
		l.refilter()
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.timer != nil {
		l.timer.Stop()
	}
	l.timer = time.AfterFunc(l.searchDelay, func() { fyne.Do(l.refilter) })
}

// runSearch queries the database off the UI thread and shows the hits
// that pass the filters; results of an older query are dropped.
func (l *resList) runSearch() {
	q := strings.TrimSpace(l.search.Text)
	st, keys := l.filterKeys()
	l.mu.Lock()
	l.seq++
	seq := l.seq
	l.mu.Unlock()
	l.env.async(func() {
		hits, err := l.env.Corpus.Search(context.Background(), q, 100)
		fyne.Do(func() {
			l.mu.Lock()
			stale := seq != l.seq
			l.mu.Unlock()
			if stale {
				return
			}
			if err != nil && app.ErrorCode(err) != app.EINVALID {
				fyne.LogError("search", err)
			}
			var items []resItem
			// base: every resolution the query finds, before the
			// filters, which the filters' counts are counted in.
			var base []*app.Resolution
			inBase := map[int]bool{}
			// A query naming a resolution ("72", "第72号", "Res 72")
			// shows that resolution first, then what the text search finds.
			named := 0
			if n, ok := resNumberQuery(q); ok && l.corpus.byNum[n] != nil {
				base, inBase[n] = append(base, l.corpus.byNum[n]), true
				if passes(l.corpus.byNum[n], st, keys) {
					named = n
					items = append(items, summaryItem(l.corpus.byNum[n]))
				}
			}
			for _, h := range hits {
				r := l.corpus.byNum[h.Number]
				if r != nil && !inBase[h.Number] {
					base, inBase[h.Number] = append(base, r), true
				}
				if r == nil || h.Number == named || !passes(r, st, keys) {
					continue
				}
				items = append(items, resItem{n: h.Number, title: r.DisplayTitle(), status: r.Status, snippet: h.Snippet, clauseID: h.ClauseID})
			}
			l.updateCounts(base)
			l.setItems(items, q)
		})
	})
}

// setItems shows a new answer to the filters and query: from its first
// row, with the resolution on show selected if it is among them.
func (l *resList) setItems(items []resItem, q string) {
	changed := q != l.query
	l.items, l.query = items, q
	// The list learns its new length before anything scrolls it: scrolling
	// by the old length leaves the rows it then draws out of step with the
	// scroll position, and a row comes out blank.
	l.list.Refresh()
	l.mark(l.current)
	if l.sized {
		l.list.ScrollToTop()
	}
	if q != "" {
		// A new search: Down goes to its first hit.
		l.cursor = -1
	}
	switch {
	case q != "":
		l.count.SetText(lang.N("{{.Count}} resolutions match", len(items), map[string]any{"Count": len(items)}))
	default:
		l.count.SetText(lang.L("{{.N}} of {{.T}} resolutions", map[string]any{"N": len(items), "T": len(l.corpus.list)}))
	}
	l.empty.Hidden = len(items) > 0
	if l.noMatch != nil {
		l.noMatch.SetText(noMatchText(q))
	}
	l.empty.Refresh()
	if changed && l.onQuery != nil {
		l.onQuery()
	}
	if l.onItems != nil {
		l.onItems()
	}
}

// showSelected marks resolution n as the one on show, without opening
// it, and scrolls its row into view.
func (l *resList) showSelected(n int) {
	l.current = n
	l.mark(n)
}

// mark selects the row of resolution n, or none; widget.List scrolls the
// selected row into view. The cursor goes to that row.
func (l *resList) mark(n int) {
	l.cursor = -1
	if l.list == nil {
		return
	}
	l.quiet = true
	defer func() { l.quiet = false }()
	l.list.UnselectAll() // Select skips the scroll for a row already selected
	for i, it := range l.items {
		if it.n == n {
			l.cursor = i
			l.list.Select(i)
			return
		}
	}
}

// moveCursor moves the selection by delta rows (Up/Down in the search box)
// and shows that resolution.
func (l *resList) moveCursor(delta int) {
	if len(l.items) == 0 {
		return
	}
	i := l.cursor + delta
	if l.cursor < 0 {
		i = 0
		if delta < 0 {
			i = len(l.items) - 1
		}
	}
	i = max(0, min(i, len(l.items)-1))
	it := l.items[i]
	l.onOpen(it.n, it.clauseID)
}

// openCursor opens the row under the cursor, or the first (Enter in the
// search box).
func (l *resList) openCursor() {
	i := max(l.cursor, 0)
	if i < len(l.items) {
		it := l.items[i]
		l.onOpen(it.n, it.clauseID)
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
