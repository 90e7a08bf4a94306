package ui

import (
	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// mainWindow is the window a delegate lives in: a toolbar with back,
// forward and the five views, and the current view below it. It is the
// navigator every screen uses to open cards and entities.
type mainWindow struct {
	app    fyne.App
	win    fyne.Window
	env    *screenEnv
	corpus *corpusCache
	hist   *history
	cur    place

	back, forward *widget.Button
	viewBtns      [viewCount]*widget.Button
	body          *fyne.Container // holds the current view

	resList *resList
	split   *container.Split
	right   *fyne.Container // card or entity view
	card    *docView
	cardRes int // resolution the card shows
	entity  *docView
	views   [viewCount]fyne.CanvasObject // built on first use

	shortcuts map[string]func() // by ShortcutName
	settings  *settingsDialog   // the last Settings dialog opened
	started   bool              // the first place is on screen; view switches move the focus

	cardSide // around the card: notes, banner, hits bar (cardbar.go)
}

func newMainWindow(a fyne.App, w fyne.Window, env *screenEnv, c *corpusCache) *mainWindow {
	m := &mainWindow{app: a, win: w, env: env, corpus: c, hist: newHistory()}
	env.Nav = m
	env.Window = w
	env.notesChanged.subscribe(m.refreshNotes)
	return m
}

// content builds the window's content and shows the view and resolution
// the person last had open.
func (m *mainWindow) content() fyne.CanvasObject {
	m.back = &widget.Button{Icon: theme.NavigateBackIcon(), Importance: widget.LowImportance, OnTapped: m.goBack}
	m.forward = &widget.Button{Icon: theme.NavigateNextIcon(), Importance: widget.LowImportance, OnTapped: m.goForward}
	names := [viewCount]string{lang.L("Resolutions"), lang.L("Tables"), lang.L("Overview"), lang.L("Notes"), lang.L("Packs")}
	bar := container.NewHBox(m.back, m.forward, widget.NewSeparator())
	for i := range m.viewBtns {
		v := viewID(i)
		m.viewBtns[i] = &widget.Button{Text: names[i], Importance: widget.LowImportance, OnTapped: func() { m.showView(v) }}
		bar.Add(m.viewBtns[i])
	}
	settings := &widget.Button{Icon: theme.SettingsIcon(), Importance: widget.LowImportance, OnTapped: m.showSettings}
	top := container.NewBorder(nil, nil, bar, settings)

	m.resList = newResList(m.env, m.corpus)
	// Every card opened from the list, by mouse, Enter or the arrow keys,
	// is a place in the history.
	m.resList.onOpen = func(n int, hint string) {
		m.visit(place{view: viewResolutions, res: n, hint: hint})
	}
	m.resList.onQuery = m.queryChanged
	m.card = newDocView(nil)
	m.card.onNote = m.openNote
	m.entity = newDocView(nil)
	m.right = container.NewStack(m.placeholder())
	m.split = container.NewHSplit(m.resList.content(), m.right)
	m.split.Offset = m.app.Preferences().FloatWithFallback(prefSplit, 0.3)
	m.views[viewResolutions] = m.split
	m.body = container.NewStack()
	m.setupCard()

	m.addShortcuts()
	start := place{view: viewID(m.app.Preferences().IntWithFallback(prefView, int(viewResolutions)))}
	if start.view < 0 || start.view >= viewCount {
		start.view = viewResolutions
	}
	// The last resolution shown, or on a first start the first one, so the
	// window never opens on an empty card.
	n := m.app.Preferences().IntWithFallback(prefRes, 0)
	if m.corpus.byNum[n] == nil && len(m.corpus.list) > 0 {
		n = m.corpus.list[0].Number
	}
	if m.corpus.byNum[n] != nil {
		m.showPlace(place{view: viewResolutions, res: n})
		m.hist.visit(m.cur)
	}
	if start.view != viewResolutions || m.cur.res == 0 {
		m.showPlace(start)
		m.hist.visit(m.cur)
	}
	m.updateNav()
	m.started = true
	return container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, nil, m.body)
}

func (m *mainWindow) placeholder() fyne.CanvasObject {
	l := widget.NewLabel(lang.L("Choose a resolution on the left, or search with Ctrl+F."))
	l.Alignment = fyne.TextAlignCenter
	l.Importance = widget.LowImportance
	return container.NewCenter(l)
}

// OpenResolution shows resolution n's card (navigator), with the search
// box's query highlighted: highlights always follow the current search.
func (m *mainWindow) OpenResolution(n int, clauseID string) {
	m.visit(place{view: viewResolutions, res: n, clauseID: clauseID})
}

// OpenEntity shows every clause that cites an entity (navigator).
func (m *mainWindow) OpenEntity(kind app.RefKind, key string) {
	m.visit(place{view: viewResolutions, kind: kind, key: key})
}

func (m *mainWindow) showView(v viewID) {
	if v == viewResolutions && m.cur.view != viewResolutions {
		// Back to where the Resolutions view was.
		p := place{view: viewResolutions, res: m.cardRes}
		if m.right.Objects[0] == m.entity && m.entity.rows != nil {
			p = m.lastEntity()
		}
		m.visit(p)
		return
	}
	m.visit(place{view: v})
}

// lastEntity is the entity place most recently visited.
func (m *mainWindow) lastEntity() place {
	for i := m.hist.at; i >= 0; i-- {
		if p := m.hist.places[i]; p.key != "" {
			return p
		}
	}
	return place{view: viewResolutions}
}

func (m *mainWindow) visit(p place) {
	m.showPlace(p)
	m.hist.visit(m.cur)
	m.updateNav()
}

func (m *mainWindow) goBack() {
	if p, ok := m.hist.back(); ok {
		m.showPlace(p)
	}
	m.updateNav()
}

func (m *mainWindow) goForward() {
	if p, ok := m.hist.forward(); ok {
		m.showPlace(p)
	}
	m.updateNav()
}

func (m *mainWindow) updateNav() {
	setEnabled(m.back, m.hist.canBack())
	setEnabled(m.forward, m.hist.canForward())
	for i, b := range m.viewBtns {
		imp := widget.LowImportance
		if viewID(i) == m.cur.view {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// showPlace puts p on screen without touching the history.
func (m *mainWindow) showPlace(p place) {
	m.cur = p
	switch {
	case p.view == viewResolutions && p.res > 0:
		m.showCard(p.res, p.clauseID, p.hint)
	case p.view == viewResolutions && p.key != "":
		m.showEntity(p.kind, p.key)
	}
	v := m.viewContent(p.view)
	if len(m.body.Objects) != 1 || m.body.Objects[0] != v {
		m.body.Objects = []fyne.CanvasObject{v}
		m.body.Refresh()
		if m.started {
			m.focusView(p.view)
		}
	}
	setPref(m.app.Preferences(), prefView, int(p.view))
}

// viewContent builds a view the first time it is shown.
func (m *mainWindow) viewContent(v viewID) fyne.CanvasObject {
	if m.views[v] != nil {
		return m.views[v]
	}
	switch v {
	case viewTables:
		m.views[v] = newTablesView(m.env, m.corpus).content()
	case viewOverview:
		m.views[v] = newOverviewView(m.env, m.corpus).content()
	case viewNotes:
		m.views[v] = newNotesView(m.env, m.corpus).content()
	case viewPacks:
		m.views[v] = newPacksView(m.env, m.corpus).content()
	}
	return m.views[v]
}

func (m *mainWindow) setRight(o fyne.CanvasObject) {
	if m.right.Objects[0] != o {
		m.right.Objects = []fyne.CanvasObject{o}
		m.right.Refresh()
	}
}

// showCard shows resolution n with the current search highlighted: at
// clauseID when one is asked for, else with the first hit in view (hint,
// the clause of the best search hit, when the card finds no hit), else
// from the top.
func (m *mainWindow) showCard(n int, clauseID, hint string) {
	r := m.corpus.byNum[n]
	if r == nil {
		m.setRight(m.placeholder())
		return
	}
	m.cardRes = n
	setPref(m.app.Preferences(), prefRes, n)
	m.resList.showSelected(n)
	rows, first := cardRows(m.cardInput(r), clauseID)
	if first < 0 && hint != "" && m.resList.query != "" {
		first = clauseRow(rows, hint)
	}
	m.card.setRows(rows, first, clauseID == "")
	m.setRight(m.cardBox)
	m.cardOpened()
	m.loadClauseNotes(n)
}

func (m *mainWindow) cardInput(r *app.Resolution) cardInput {
	return cardInput{res: r, query: m.resList.query, notes: m.corpus.clauseNotes(r.Number), nav: m, scroll: m.card.scrollTo,
		noteList: m.cardNoteList(r.Number)}
}

// clauseRow is the row of clause id, or -1.
func clauseRow(rows []docRow, id string) int {
	for i, r := range rows {
		if r.kind == rowClause && r.clauseID == id {
			return i
		}
	}
	return -1
}

// queryChanged follows a new search (or a cleared one) in the open card:
// the highlights change, the card stays where it is.
func (m *mainWindow) queryChanged() {
	r := m.corpus.byNum[m.cardRes]
	if r == nil || m.card.rows == nil {
		return
	}
	rows, _ := cardRows(m.cardInput(r), "")
	m.card.updateRows(rows)
}

// showEntity lists the clauses citing an entity. No resolution is on
// show, so none is selected in the list.
func (m *mainWindow) showEntity(kind app.RefKind, key string) {
	m.resList.showSelected(0)
	m.entity.setRows(entityRows(m.corpus, kind, key, m), -1, false)
	m.setRight(m.entity)
}

// focusView moves the keyboard focus into view v after a switch: a text
// field left focused in a hidden view would take what the person types
// (and blink its cursor, redrawing the window, for nothing). Views with a
// list or table get it, so the arrow keys work at once; the Resolutions
// view gets nothing (Ctrl+F focuses its search box).
func (m *mainWindow) focusView(v viewID) {
	c := m.win.Canvas()
	c.Unfocus()
	if v == viewResolutions {
		return
	}
	if t := focusTarget(m.views[v]); t != nil {
		c.Focus(t)
	}
}

// focusSearch is Ctrl+F: the Resolutions view with the search box focused.
func (m *mainWindow) focusSearch() {
	if m.cur.view != viewResolutions {
		m.showView(viewResolutions)
	}
	m.win.Canvas().Focus(m.resList.search)
}

// addShortcuts binds the keyboard: a main menu carries them, so they work
// even while a text field has the focus (a focused Entry takes every other
// shortcut); the canvas has them too, for the test driver.
func (m *mainWindow) addShortcuts() {
	ctrl := fyne.KeyModifierShortcutDefault
	m.shortcuts = map[string]func(){}
	m.resList.search.windowShortcut = m.runShortcut
	type binding struct {
		label string
		sc    fyne.Shortcut
		do    func()
	}
	var views []binding
	names := [viewCount]string{"Resolutions", "Tables", "Overview", "Notes", "Packs"}
	for i := range viewCount {
		v := i
		views = append(views, binding{names[i], &desktop.CustomShortcut{KeyName: fyne.KeyName(rune('1' + i)), Modifier: ctrl}, func() { m.showView(v) }})
	}
	find := binding{"Find", &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: ctrl}, m.focusSearch}
	back := binding{"Back", &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}, m.goBack}
	fwd := binding{"Forward", &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt}, m.goForward}
	item := func(b binding) *fyne.MenuItem {
		it := fyne.NewMenuItem(lang.L(b.label), b.do)
		it.Shortcut = b.sc
		m.win.Canvas().AddShortcut(b.sc, func(fyne.Shortcut) { b.do() })
		m.shortcuts[b.sc.ShortcutName()] = b.do
		return it
	}
	settings := fyne.NewMenuItem(lang.L("Settings…"), m.showSettings)
	file := fyne.NewMenu(lang.L("File"), settings)
	view := fyne.NewMenu(lang.L("View"))
	for _, b := range views {
		view.Items = append(view.Items, item(b))
	}
	view.Items = append(view.Items, fyne.NewMenuItemSeparator(), item(find))
	// Zoom: Ctrl+= (and Ctrl++ with Shift, the keypad +), Ctrl+-, Ctrl+0.
	zoomIn := binding{"Zoom in", &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: ctrl}, func() { m.zoomBy(1) }}
	zoomOut := binding{"Zoom out", &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: ctrl}, func() { m.zoomBy(-1) }}
	zoomReset := binding{"Actual size", &desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: ctrl}, func() { m.zoomBy(0) }}
	view.Items = append(view.Items, fyne.NewMenuItemSeparator(), item(zoomIn), item(zoomOut), item(zoomReset))
	for _, sc := range []*desktop.CustomShortcut{
		{KeyName: fyne.KeyEqual, Modifier: ctrl | fyne.KeyModifierShift},
		{KeyName: fyne.KeyPlus, Modifier: ctrl},
	} {
		m.win.Canvas().AddShortcut(sc, func(fyne.Shortcut) { m.zoomBy(1) })
		m.shortcuts[sc.ShortcutName()] = func() { m.zoomBy(1) }
	}
	gomenu := fyne.NewMenu(lang.L("Go"), item(back), item(fwd))
	// Ctrl+/ as in many editors and web apps: F1 would never reach the
	// window while a text field has the focus (Fyne gives plain keys to
	// the focused widget, and only keys with a modifier to the menu).
	keys := binding{"Keyboard shortcuts", &desktop.CustomShortcut{KeyName: fyne.KeySlash, Modifier: ctrl}, m.showShortcuts}
	help := fyne.NewMenu(lang.L("Help"), item(keys), fyne.NewMenuItem(lang.L("About BriefDesk"), m.showAbout))
	m.win.SetMainMenu(fyne.NewMainMenu(file, view, gomenu, help))
}

// runShortcut runs s if it is one of the window's, for widgets that take
// shortcuts themselves.
func (m *mainWindow) runShortcut(s fyne.Shortcut) bool {
	if do := m.shortcuts[s.ShortcutName()]; do != nil {
		do()
		return true
	}
	return false
}
