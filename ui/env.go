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

// navigator lets a screen open things in the main window, recording them in
// the back/forward history.
type navigator interface {
	// OpenResolution shows resolution n's card, scrolled to clauseID if
	// set. The card highlights the search box's query, if any.
	OpenResolution(n int, clauseID string)
	// OpenEntity shows every clause that cites the entity.
	OpenEntity(kind app.RefKind, key string)
}

// screenEnv is what a screen gets from the main window.
type screenEnv struct {
	Services
	Nav    navigator
	Window fyne.Window
	// runAsync runs slow work (queries, exports) off the UI thread; the
	// work hands its results back through fyne.Do. Nil runs it on a new
	// goroutine; tests set a direct call so that they need not wait.
	runAsync func(func())
	// notesChanged is told when notes were added, edited, deleted,
	// restored or imported; the card, the list counts and the Notes view
	// listen.
	notesChanged broadcast
}

// async runs f off the UI thread (see runAsync).
func (e *screenEnv) async(f func()) {
	if e.runAsync != nil {
		e.runAsync(f)
		return
	}
	go f()
}

// broadcast calls every subscribed listener, in the order they
// subscribed, once per notify. It replaces views chaining onto each
// other's callbacks: each view subscribes once, when it is built. UI
// goroutine only.
type broadcast struct {
	listeners []func()
}

// subscribe adds f to the listeners.
func (b *broadcast) subscribe(f func()) { b.listeners = append(b.listeners, f) }

// notify calls every listener.
func (b *broadcast) notify() {
	for _, f := range b.listeners {
		f()
	}
}
