package ui

import (
	"sync"
	"testing"
	"time"

	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

func (f *guiFixture) shortcut(k fyne.KeyName) {
	f.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
}

// TestViewSwitchMovesFocus: the search box does not keep the focus (and
// what is typed) once its view is hidden; views with a list focus it.
func TestViewSwitchMovesFocus(t *testing.T) {
	f := newGUIFixture(t)
	c := f.win.Canvas()
	s := f.m.resList.search
	f.shortcut(fyne.KeyF)
	if c.Focused() != s {
		t.Fatalf("Ctrl+F focuses %T", c.Focused())
	}
	for _, k := range []fyne.KeyName{fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5} {
		f.shortcut(fyne.KeyF)
		f.shortcut(k)
		if c.Focused() == s {
			t.Fatalf("Ctrl+%s: the hidden search box keeps the focus", k)
		}
		// What the driver does with typed text: to the focused object.
		if o := c.Focused(); o != nil {
			for _, r := range "xyz" {
				o.TypedRune(r)
			}
		}
		if s.Text != "" {
			t.Fatalf("Ctrl+%s, typing: the hidden search box took %q", k, s.Text)
		}
	}
	f.shortcut(fyne.Key3)
	if d, ok := f.m.views[viewOverview].(*docView); !ok || c.Focused() != d.list {
		t.Errorf("Ctrl+3 focuses %T, want the overview's list", c.Focused())
	}
	f.shortcut(fyne.Key1)
	if c.Focused() != nil {
		t.Errorf("Ctrl+1 focuses %T", c.Focused())
	}
}

func TestFitWindow(t *testing.T) {
	for _, c := range []struct{ want, avail, got fyne.Size }{
		{fyne.NewSize(1180, 760), fyne.NewSize(784, 552), fyne.NewSize(784, 552)},
		{fyne.NewSize(1180, 760), fyne.NewSize(1904, 1032), fyne.NewSize(1180, 760)},
		{fyne.NewSize(1180, 760), fyne.NewSize(1000, 1032), fyne.NewSize(1000, 760)},
		{fyne.NewSize(1180, 760), fyne.Size{}, fyne.NewSize(1180, 760)},
	} {
		if got := fitWindow(c.want, c.avail); got != c.got {
			t.Errorf("fitWindow(%v, %v) = %v, want %v", c.want, c.avail, got, c.got)
		}
	}
}

// TestCloseSavesWindowPrefs: closing writes every window preference in
// one change, so Fyne saves them in one write (File > Quit used to save
// only window.width); right after another save it waits for Fyne's.
func TestCloseSavesWindowPrefs(t *testing.T) {
	for _, recent := range []bool{false, true} {
		name := "Now"
		if recent {
			name = "JustAfterASave"
		}
		t.Run(name, func(t *testing.T) { testCloseSaves(t, recent) })
	}
}

func testCloseSaves(t *testing.T, recent bool) {
	f := newGUIFixture(t)
	f.m.OpenResolution(72, "")
	f.m.split.Offset = 0.42
	f.win.Resize(fyne.NewSize(900, 640))
	s := &session{app: f.app, win: f.win, main: f.m, runAsync: runNow}
	changes := 0
	f.app.Preferences().AddChangeListener(func() { changes++ })
	closed := make(chan struct{})
	var once sync.Once
	f.win.SetOnClosed(func() { once.Do(func() { close(closed) }) })
	lastPrefSave = time.Time{}
	if recent {
		lastPrefSave = time.Now()
	}
	s.closeWindow()
	select {
	case <-closed:
	case <-time.After(2 * time.Second):
		t.Fatal("the window did not close")
	}
	p := f.app.Preferences()
	if changes != 1 {
		t.Errorf("closing made %d preference changes, want 1", changes)
	}
	sz := f.win.Canvas().Size()
	if p.Float(prefWidth) != float64(sz.Width) || p.Float(prefHeight) != float64(sz.Height) ||
		p.Float(prefSplit) != 0.42 || p.Int(prefRes) != 72 || p.Int(prefView) != int(viewResolutions) {
		t.Errorf("saved %v x %v, split %v, res %v, view %v",
			p.Float(prefWidth), p.Float(prefHeight), p.Float(prefSplit), p.Int(prefRes), p.Int(prefView))
	}
}

// TestHistoryEveryCard: every card opened, by any means, is one place in
// the history, and Back and Forward move the list's selection with them.
func TestHistoryEveryCard(t *testing.T) {
	f := newGUIFixture(t)
	l := f.m.resList
	start := f.m.cur.res
	// The list itself: Down moves its focus, Enter opens.
	f.win.Canvas().Focus(l.list)
	l.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	l.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	second := f.listed()[1]
	// The search box: Down opens the next hit, Enter opens it for good.
	l.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	third := f.listed()[2]
	l.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	// A chip.
	f.m.OpenResolution(54, "")
	want := []int{start, second, third, 54}
	if got := histCards(f.m.hist); !equalInts(got, want) {
		t.Fatalf("history %v, want %v", got, want)
	}
	for _, step := range []struct {
		move func()
		res  int
	}{{f.m.goBack, third}, {f.m.goBack, second}, {f.m.goForward, third}, {f.m.goBack, second}, {f.m.goBack, start}} {
		step.move()
		if f.m.cur.res != step.res {
			t.Fatalf("history shows %d, want %d", f.m.cur.res, step.res)
		}
		if row := l.selRow; row < 0 || f.listed()[row] != step.res {
			t.Errorf("at %d the list selects row %d", step.res, row)
		}
	}
	// An entity has no row in the list: nothing stays selected.
	f.m.OpenEntity(app.RefBureau, "BDT")
	if l.selRow != -1 {
		t.Errorf("the BDT view leaves row %d selected", l.selRow)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
