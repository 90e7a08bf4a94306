package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestCursorRests: once typing in the search box pauses, animations are
// off (the cursor stays steady, nothing redraws) while the box keeps the
// focus; a key wakes the blinking; leaving the box ends the rest.
func TestCursorRests(t *testing.T) {
	f := newGUIFixture(t)
	// Time passes when the test says so: the armed rest runs on the test's
	// goroutine, as fyne.Do runs it on the main one in the app.
	var pending func()
	f.m.resList.search.rest.after = func(d time.Duration, fn func()) func() bool {
		if d != cursorRestAfter {
			t.Errorf("armed for %v, want %v", d, cursorRestAfter)
		}
		pending = fn
		return func() bool { pending = nil; return true }
	}
	a, unwrap := withRestingCursor(f.app, true)
	t.Cleanup(unwrap)
	if !canWrapSettings {
		t.Skip("the settings are not wrapped on this OS")
	}
	anim := func() bool { return fyne.CurrentApp().Settings().ShowAnimations() }
	waitFor := func(want bool, what string) {
		t.Helper()
		if pending == nil {
			t.Fatalf("%s: no rest is armed", what)
		}
		fire := pending
		pending = nil
		fire()
		if anim() != want {
			t.Fatalf("%s: ShowAnimations stays %v", what, !want)
		}
	}
	if a.Settings() != fyne.CurrentApp().Settings() || !anim() {
		t.Fatal("the wrapped app is not current, or animations are off from the start")
	}
	f.m.focusSearch()
	waitFor(false, "after a pause in the focused search box")
	if f.win.Canvas().Focused() != f.m.resList.search {
		t.Fatal("resting took the focus away from the search box")
	}
	test.Type(f.m.resList.search, "a")
	if !anim() {
		t.Error("typing does not wake the cursor")
	}
	if f.m.resList.search.Text != "a" {
		t.Errorf("the search box holds %q", f.m.resList.search.Text)
	}
	waitFor(false, "after typing pauses")
	f.win.Canvas().Unfocus()
	if !anim() {
		t.Error("animations stay off after the search box lost the focus")
	}
}
