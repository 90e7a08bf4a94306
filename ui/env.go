package ui

import (
	"briefdesk/app"

	"fyne.io/fyne/v2"
)

// Services are the back-end services every screen may use. The GUI talks
// only to these interfaces, never to SQL.
type Services struct {
	Corpus   app.CorpusService
	Notes    app.NoteService
	Packs    app.PackService
	Settings app.SettingsService
}

// Navigator lets a screen open things in the main window, recording them in
// the back/forward history.
type Navigator interface {
	// OpenResolution shows resolution n's card, scrolled to clauseID if set,
	// with query (if any) highlighted.
	OpenResolution(n int, clauseID, query string)
	// OpenEntity shows every clause that cites the entity.
	OpenEntity(kind app.RefKind, key string)
}

// Env is what a screen gets from the main window.
type Env struct {
	Services
	Nav    Navigator
	Window fyne.Window
	// NotesChanged is called after notes were added, edited, deleted or
	// imported, so lists can refresh counts. May be nil.
	NotesChanged func()
}
