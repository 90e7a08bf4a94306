package ui

import (
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// The text cursor rests: it blinks while a person works in a text field
// and stays steady once they have not typed for cursorRestAfter, as the
// caret does on Windows (5 s) and GNOME (10 s), to save power.
//
// Why it matters: Fyne redraws the whole window for every change on
// screen, and the cursor's fade changes it on about 12 frames a second.
// A hello-world window has half a dozen objects to draw per frame; the
// Resolutions view has about 170 (cards, list rows, filters, toolbar), so
// with the search box focused BriefDesk spent 2-3 times the hello-world's
// CPU on an idle window (measured under Xvfb: 7.7 % against 2.7 % of a
// core). A steady cursor draws nothing until something changes.
//
// Fyne offers no switch for one entry's blinking, only the app-wide
// Settings.ShowAnimations, read when a focused entry refreshes. So the app
// the widgets see (fyne.CurrentApp) answers ShowAnimations through
// restSettings, which says false while a cursor rests; a resting entry is
// refreshed through FocusLost/FocusGained, which stops its animation and
// shows the cursor steady. Typing wakes it.

// cursorRestAfter is how long a focused text field blinks after the last
// key.
const cursorRestAfter = 5 * time.Second

// restSettings is the app's Settings with ShowAnimations turned off while
// a text cursor rests.
type restSettings struct {
	fyne.Settings
	resting atomic.Bool
}

// ShowAnimations is false while a cursor rests.
func (s *restSettings) ShowAnimations() bool {
	return !s.resting.Load() && s.Settings.ShowAnimations()
}

// restApp is the app with restSettings in place of its own.
type restApp struct {
	fyne.App
	settings *restSettings
}

// Settings returns the settings that know about resting cursors.
func (a *restApp) Settings() fyne.Settings { return a.settings }

var (
	restMu      sync.Mutex
	curSettings *restSettings // of the running app; nil: cursors never rest
)

// withRestingCursor makes a the current app with restSettings and returns
// it, and a func that puts the original back. Only the desktop driver
// blinks cursors on a timer worth stopping; the test driver (and mobile)
// keep their app as it is unless force is set.
func withRestingCursor(a fyne.App, force bool) (fyne.App, func()) {
	if _, desk := a.Driver().(desktop.Driver); !desk && !force {
		return a, func() {}
	}
	if !canWrapSettings {
		return a, func() {}
	}
	s := &restSettings{Settings: a.Settings()}
	w := &restApp{App: a, settings: s}
	fyne.SetCurrentApp(w)
	restMu.Lock()
	curSettings = s
	restMu.Unlock()
	return w, func() {
		restMu.Lock()
		curSettings = nil
		restMu.Unlock()
		fyne.SetCurrentApp(a)
	}
}

// cursorRest makes one entry's cursor rest. The entry calls focus, typed
// and lost from its own focus and key methods.
type cursorRest struct {
	entry *widget.Entry
	stop  func() bool // stops the armed timer; nil when none is armed
	seq   int         // arms; a timer of an older arm does nothing
	has   bool
	rests bool
	// after arms a timer (time.AfterFunc when nil). Tests set it to run
	// the rest on their own goroutine instead of a timer's.
	after func(d time.Duration, f func()) (stop func() bool)
}

// focus starts the blink period when the entry gains the focus.
func (r *cursorRest) focus() {
	r.has = true
	r.wake()
}

// typed wakes the cursor (before the entry handles the key, so its refresh
// starts the blinking again) and starts a new blink period.
func (r *cursorRest) typed() {
	if r.has {
		r.wake()
	}
}

// lost stops everything when the entry loses the focus.
func (r *cursorRest) lost() {
	r.has = false
	r.seq++
	r.disarm()
	r.setResting(false)
}

func (r *cursorRest) disarm() {
	if r.stop != nil {
		r.stop()
		r.stop = nil
	}
}

func (r *cursorRest) wake() {
	r.setResting(false)
	r.seq++
	seq := r.seq
	r.disarm()
	if !canRest() {
		// No timer where nothing can rest (the test driver, macOS): a
		// timer's fyne.Do would run on the timer's goroutine there.
		return
	}
	after := r.after
	if after == nil {
		after = func(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }
	}
	r.stop = after(cursorRestAfter, func() {
		fyne.Do(func() {
			if seq == r.seq && r.has {
				r.rest()
			}
		})
	})
}

// canRest reports whether the running app lets cursors rest.
func canRest() bool {
	restMu.Lock()
	defer restMu.Unlock()
	return curSettings != nil
}

// rest shows the cursor steady: with animations off, an entry refreshed
// as unfocused and then focused stops its blinking and draws the cursor
// in full colour. The canvas's focus does not change.
func (r *cursorRest) rest() {
	restMu.Lock()
	s := curSettings
	restMu.Unlock()
	if s == nil || r.entry == nil {
		return
	}
	r.rests = true
	s.resting.Store(true)
	r.entry.FocusLost()
	r.entry.FocusGained()
}

func (r *cursorRest) setResting(on bool) {
	if r.rests == on {
		return
	}
	r.rests = on
	restMu.Lock()
	s := curSettings
	restMu.Unlock()
	if s != nil {
		s.resting.Store(on)
	}
}
