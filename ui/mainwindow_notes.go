package ui

import (
	"context"

	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// openNote is the note button of a clause ("" for the resolution): a
// new note when it has none, its note when it has one, and when it has
// several a menu of them (and of a new one).
func (m *mainWindow) openNote(res int, clauseID string) {
	if m.env.Notes == nil {
		return
	}
	var list []app.Note
	if res == m.cardRes {
		list = m.cardNotes[clauseID]
	}
	switch len(list) {
	case 0:
		openNoteEditor(m.env, res, clauseID, nil)
	case 1:
		openNoteEditor(m.env, res, clauseID, &list[0])
	default:
		m.noteChoice(res, clauseID, list)
	}
}

// newNote opens the editor on a new note, whatever notes the clause has.
func (m *mainWindow) newNote(res int, clauseID string) {
	if m.env.Notes != nil {
		openNoteEditor(m.env, res, clauseID, nil)
	}
}

// noteChoice offers the notes of a clause, and a new one, in a menu by
// the note button.
func (m *mainWindow) noteChoice(res int, clauseID string, list []app.Note) {
	var items []*fyne.MenuItem
	for _, n := range list {
		items = append(items, fyne.NewMenuItem(truncateRunes(previewText(n), 60), func() { openNoteEditor(m.env, res, clauseID, &n) }))
	}
	items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem(lang.L("New note…"), func() { m.newNote(res, clauseID) }))
	m.lastNoteMenu = fyne.NewMenu("", items...)
	c := m.win.Canvas()
	pos := fyne.NewPos(c.Size().Width/2, c.Size().Height/3)
	if a := m.card.noteAnchor; a != nil {
		pos = fyne.CurrentApp().Driver().AbsolutePositionForObject(a).AddXY(0, a.Size().Height)
	}
	widget.ShowPopUpMenuAtPosition(m.lastNoteMenu, c, pos)
}

// loadClauseNotes counts the notes on each clause of resolution n off the
// UI thread and marks them on the card if it still shows n.
func (m *mainWindow) loadClauseNotes(n int) {
	if m.env.Notes == nil {
		return
	}
	notes := m.env.Notes
	m.env.async(func() {
		list, err := notes.Notes(context.Background(), app.NoteFilter{Resolution: n})
		fyne.Do(func() {
			if err != nil {
				fyne.LogError("count notes", err)
				return
			}
			byClause := notesByClause(list)
			counts := map[string]int{}
			for id, l := range byClause {
				counts[id] = len(l)
			}
			m.corpus.clauseCounts[n] = counts
			if m.cardRes == n {
				m.cardNotes, m.cardNotesRes = byClause, n
				m.refreshCard()
			}
		})
	})
}

// refreshNotes reloads the note counts after notes changed.
func (m *mainWindow) refreshNotes() {
	if m.env.Notes == nil {
		return
	}
	notes := m.env.Notes
	m.env.async(func() {
		counts, err := notes.NoteCounts(context.Background())
		fyne.Do(func() {
			if err != nil {
				fyne.LogError("count notes", err)
				return
			}
			m.corpus.noteCounts = counts
			m.resList.list.Refresh()
			if m.cardRes > 0 {
				m.loadClauseNotes(m.cardRes)
			}
		})
	})
}

// setNotes updates the note markers of a card's rows.
func (d *docView) setNotes(counts map[string]int) {
	for i := range d.rows {
		r := &d.rows[i]
		if !r.noteBtn {
			continue
		}
		if c := counts[r.clauseID]; c != r.notes {
			r.notes = c
			if i < len(d.laid) && d.list != nil {
				d.list.RefreshItem(i)
			}
		}
	}
}
