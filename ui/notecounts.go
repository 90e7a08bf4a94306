package ui

import (
	"context"

	"briefdesk/app"

	"fyne.io/fyne/v2"
)

// openNote opens the note editor on a clause ("" for the resolution).
func (m *mainWindow) openNote(res int, clauseID string) {
	if m.env.Notes == nil {
		return
	}
	openNoteEditor(m.env, res, clauseID, nil)
}

// loadClauseNotes counts the notes on each clause of resolution n off the
// UI thread and marks them on the card if it still shows n.
func (m *mainWindow) loadClauseNotes(n int) {
	if m.env.Notes == nil {
		return
	}
	notes := m.env.Notes
	runAsync(func() {
		list, err := notes.Notes(context.Background(), app.NoteFilter{Resolution: n})
		fyne.Do(func() {
			if err != nil {
				fyne.LogError("count notes", err)
				return
			}
			counts := map[string]int{}
			for _, nt := range list {
				if !nt.Deleted {
					counts[nt.ClauseID]++
				}
			}
			m.corpus.clauseCounts[n] = counts
			if m.cardRes == n {
				m.card.setNotes(counts)
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
	runAsync(func() {
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
