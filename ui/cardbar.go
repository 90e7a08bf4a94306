package ui

import (
	"image/color"
	"time"

	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// cardSide is what the main window keeps around the resolution card: the
// notes it shows under their clauses, a banner when the list on the left
// leaves the card's resolution out, and a bar below with the search hits
// (hit 2 of 5, previous, next) and what was last copied.
type cardSide struct {
	cardNotes    map[string][]app.Note // live notes of the card, by clause
	cardNotesRes int                   // the resolution cardNotes are of
	lastNoteMenu *fyne.Menu            // the note choice shown last (tests)

	cardBox    *fyne.Container // banner, card, bar
	banner     *fyne.Container
	bannerText *widget.Label
	bannerBtn  *widget.Button
	bannerRes  int // resolution bannerBtn opens
	bar        *fyne.Container
	barBox     *fyne.Container
	barBg      *canvas.Rectangle
	hitLabel   *widget.Label
	hitPrev    *widget.Button
	hitNext    *widget.Button
	status     *widget.Label
	statusSeq  int
	outOfList  bool // the list left the card's resolution out: the card is hidden
}

// statusDelay is how long "Copied …" stays in the card's bar.
var statusDelay = 4 * time.Second

// setupCard wires the card to the window: copy, notes, hits, keys and
// the list's changes. content calls it once the card and list exist.
func (m *mainWindow) setupCard() {
	d := m.card
	d.onNewNote = m.newNote
	d.onOpenNote = func(n int, p notePreview) {
		if m.env.Notes != nil {
			note := p.note
			openNoteEditor(m.env, n, note.ClauseID, &note)
		}
	}
	d.onCopied = m.showCopied
	d.onHits = m.updateHitBar
	d.onKey = func(k *fyne.KeyEvent) { d.hitKey(k) }
	d.windowShortcut = m.runShortcut

	m.bannerText = widget.NewLabel("")
	m.bannerText.Wrapping = fyne.TextWrapWord
	m.bannerText.Importance = widget.WarningImportance
	m.bannerBtn = &widget.Button{Importance: widget.HighImportance, OnTapped: func() {
		if m.bannerRes > 0 {
			m.OpenResolution(m.bannerRes, "")
		}
	}}
	m.banner = container.NewBorder(nil, widget.NewSeparator(), nil, container.NewCenter(m.bannerBtn), m.bannerText)
	m.banner.Hide()

	m.hitLabel = widget.NewLabel("")
	m.hitPrev = &widget.Button{Icon: theme.MoveUpIcon(), Importance: widget.LowImportance, OnTapped: func() { d.moveHit(-1) }}
	m.hitNext = &widget.Button{Icon: theme.MoveDownIcon(), Importance: widget.LowImportance, OnTapped: func() { d.moveHit(1) }}
	m.status = widget.NewLabel("")
	// The bar floats over the card's bottom right corner, like a
	// browser's find bar: showing and hiding it must not resize the card
	// (a resize loses its scroll position).
	m.barBg = &canvas.Rectangle{CornerRadius: theme.Padding() * 2, StrokeWidth: 1}
	m.bar = container.NewStack(m.barBg, container.NewHBox(m.status, m.hitLabel, m.hitPrev, m.hitNext))
	m.bar.Hide()
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(scrollRoom()+theme.Padding(), 1))
	m.barBox = container.NewVBox(layout.NewSpacer(), container.NewHBox(layout.NewSpacer(), m.bar, room), canvasGap(theme.Padding()))
	m.cardBox = container.NewBorder(m.banner, nil, nil, nil, container.NewStack(d, m.barBox))

	m.resList.onItems = m.listChanged
	m.resList.search.onEnter = m.searchEnter
	m.resList.search.onKey = func(k *fyne.KeyEvent) bool { return m.cardShown() && d.hitKey(k) }
	c := m.win.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if m.cardShown() && d.hitKey(k) {
			return
		}
		if prev != nil {
			prev(k)
		}
	})
}

// cardShown reports whether the Resolutions view shows the card.
func (m *mainWindow) cardShown() bool {
	return m.cur.view == viewResolutions && len(m.right.Objects) == 1 && m.right.Objects[0] == m.cardBox && m.card.Visible()
}

// refreshCard rebuilds the card's rows in place (notes loaded or changed).
func (m *mainWindow) refreshCard() {
	r := m.corpus.byNum[m.cardRes]
	if r == nil || m.card.rows == nil {
		return
	}
	rows, _ := cardRows(m.cardInput(r), "")
	m.card.updateRows(rows)
}

// cardNoteList is the notes to show in the card of resolution n: none
// until n's notes are loaded.
func (m *mainWindow) cardNoteList(n int) map[string][]app.Note {
	if m.cardNotesRes != n {
		return nil
	}
	return m.cardNotes
}

// updateHitBar shows "hit 2 of 5" and the arrows when the card has hits.
func (m *mainWindow) updateHitBar() {
	if m.hitLabel == nil {
		return
	}
	at, n := m.card.hitPosition()
	switch {
	case n == 0:
		m.hitLabel.SetText("")
	case at == 0:
		m.hitLabel.SetText(lang.N("{{.Count}} hits", n, map[string]any{"Count": n}))
	default:
		m.hitLabel.SetText(lang.L("hit {{.At}} of {{.N}}", map[string]any{"At": at, "N": n}))
	}
	m.hitLabel.Hidden = n == 0
	m.hitPrev.Hidden, m.hitNext.Hidden = n < 2, n < 2
	m.updateBar()
}

func (m *mainWindow) updateBar() {
	show := !m.hitLabel.Hidden || m.status.Text != ""
	// Colours from the theme in use now: the theme can change at run time.
	m.barBg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	m.barBg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	m.barBg.Refresh()
	if show != m.bar.Visible() {
		m.bar.Hidden = !show
		m.barBox.Refresh()
	}
}

// showCopied says in the card's bar what was just copied, for a while.
func (m *mainWindow) showCopied(what string) {
	m.status.SetText(lang.L("Copied: {{.What}}", map[string]any{"What": what}))
	m.statusSeq++
	seq := m.statusSeq
	m.updateBar()
	time.AfterFunc(statusDelay, func() {
		fyne.Do(func() {
			if seq == m.statusSeq {
				m.status.SetText("")
				m.updateBar()
			}
		})
	})
}

// searchEnter is Enter in the search box: the card's next hit when the
// card already shows the resolution Enter would open and has hits.
func (m *mainWindow) searchEnter() bool {
	l := m.resList
	i := max(l.cursor, 0)
	if !m.cardShown() || i >= len(l.items) || l.items[i].n != m.cardRes {
		return false
	}
	return m.card.moveHit(1)
}

// listed reports whether the list on the left holds resolution n.
func (m *mainWindow) listed(n int) bool {
	for _, it := range m.resList.items {
		if it.n == n {
			return true
		}
	}
	return false
}

// listChanged follows a new answer of the list: a card the search and
// filters leave out is hidden, with a banner saying so and offering the
// first match; it comes back when the list holds it again.
func (m *mainWindow) listChanged() {
	if m.cardBox == nil || m.cardRes == 0 {
		return
	}
	m.outOfList = !m.listed(m.cardRes)
	m.updateBanner()
}

// updateBanner shows or hides the card and its banner for outOfList and
// whether the list holds the card.
func (m *mainWindow) updateBanner() {
	items := m.resList.items
	listed := m.listed(m.cardRes)
	if listed {
		m.outOfList = false
	}
	m.bannerRes = 0
	switch {
	case listed:
	case m.outOfList && len(items) == 0:
		m.bannerText.SetText(lang.L("No resolution matches the search and filters, so no card is shown."))
	case m.outOfList:
		m.bannerRes = items[0].n
		m.bannerText.SetText(lang.L("The search and filters leave {{.Res}} out of the list.", map[string]any{"Res": resName(m.cardRes)}))
	default:
		m.bannerText.SetText(lang.L("{{.Res}} is not in the list on the left: the search or filters leave it out.", map[string]any{"Res": resName(m.cardRes)}))
	}
	bannerOn, cardOn := !listed, !m.outOfList
	changed := bannerOn != m.banner.Visible() || cardOn != m.card.Visible()
	m.banner.Hidden, m.card.Hidden = !bannerOn, !cardOn
	if m.bannerRes > 0 {
		m.bannerBtn.SetText(lang.L("Show {{.Res}}", map[string]any{"Res": resName(m.bannerRes)}))
		m.bannerBtn.Show()
	} else {
		m.bannerBtn.Hide()
	}
	m.updateHitBar()
	// Only a change of what is shown lays the card out again: a new
	// layout of the card would lose its scroll position for nothing.
	if changed {
		m.cardBox.Refresh()
	}
}

// cardOpened is showCard's last step: a card opened on purpose is shown
// even when the list leaves it out, with the banner saying so.
func (m *mainWindow) cardOpened() {
	m.outOfList = false
	m.updateBanner()
}

// canvasGap is empty space h high.
func canvasGap(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(1, h))
	return r
}

// hitBarRoom is the height the floating hit bar covers at the card's
// bottom: a button's height and the gap under it.
func hitBarRoom() float32 {
	return theme.IconInlineSize() + theme.InnerPadding()*2 + theme.Padding()*2
}
