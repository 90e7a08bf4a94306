package ui

import (
	"os"
	"os/signal"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
)

// Window size on a first start, when the screen has room for it.
const (
	defaultWidth = 1180
	defaultHigh  = 760
)

// Room left around the window for its title bar and borders, in pixels:
// the work area of a screen excludes panels, not the window's decorations.
const (
	decorationW = 16
	decorationH = 48
)

// fitWindow is the window size to ask for: want, made to fit avail (the
// screen's work area in Fyne units; zero when unknown).
func fitWindow(want, avail fyne.Size) fyne.Size {
	if avail.Width > 0 {
		want.Width = min(want.Width, avail.Width)
	}
	if avail.Height > 0 {
		want.Height = min(want.Height, avail.Height)
	}
	return want
}

// screenRoom is the room for a window on the primary screen at this
// scale, in Fyne units, or zero when the driver cannot tell.
func screenRoom(a fyne.App, scale float32) fyne.Size {
	w, h, ok := screenWorkArea(a)
	if !ok || scale <= 0 {
		return fyne.Size{}
	}
	return fyne.NewSize(float32(w-decorationW)/scale, float32(h-decorationH)/scale)
}

// startScale is the scale Fyne will most likely draw at: FYNE_SCALE when
// set to a number, else 1 (the real scale is known once the window
// exists, and Run checks the size again then).
func startScale() float32 {
	var s float32 = 1
	if v := os.Getenv("FYNE_SCALE"); v != "" {
		if f, err := parseScale(v); err == nil && f > 0 {
			s = f
		}
	}
	return s
}

// windowPrefs are the preferences that remember the window: written
// together on close, so one save holds them all.
func (s *session) windowPrefs() map[string]any {
	kv := map[string]any{}
	sz := s.win.Canvas().Size()
	if sz.Width > 100 && sz.Height > 100 {
		kv[prefWidth] = float64(sz.Width)
		kv[prefHeight] = float64(sz.Height)
	}
	if m := s.main; m != nil {
		if m.split != nil {
			kv[prefSplit] = m.split.Offset
		}
		kv[prefView] = int(m.cur.view)
		if m.cardRes > 0 {
			kv[prefRes] = m.cardRes
		}
	}
	return kv
}

// closeWindow saves the window's preferences and closes it: on the close
// button, File > Quit (Fyne's Quit item closes the window through the
// same intercept) and SIGTERM.
//
// Fyne writes preferences to disk on the first change and ignores
// changes for the next 100 ms, saving them later from a goroutine that
// needs the main loop; a window that closed at once would lose them (the
// first Quit used to save only window.width). So all values go in one
// change, and if a save happened just before, the window closes only
// once the delayed save has run.
func (s *session) closeWindow() {
	if s.closing {
		return
	}
	s.closing = true
	recent := time.Since(lastPrefSave)
	if !setPrefs(s.app.Preferences(), s.windowPrefs()) || recent >= prefSaveQuiet {
		s.win.Close()
		return
	}
	time.AfterFunc(prefSaveQuiet-recent, func() { fyne.Do(s.win.Close) })
}

// closeOnSignal closes the window properly when the session ends or the
// process is asked to stop (SIGTERM, SIGINT), so the preferences are saved.
func (s *session) closeOnSignal() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM, os.Interrupt)
	go func() {
		<-ch
		fyne.Do(s.closeWindow)
	}()
}
