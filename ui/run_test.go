package ui

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/seeds"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestRunShowsCorpus runs the whole start-up in the test driver: Run
// opens the database through Options.Open and the window shows the list
// and the last resolution.
func TestRunShowsCorpus(t *testing.T) {
	a := test.NewTempApp(t)
	db := openGUIDB(t)
	a.Preferences().SetInt(prefRes, 44)
	closed := false
	code := Run(a, Options{Open: func(context.Context) (Services, func(), error) {
		return guiServices(db), func() { closed = true }, nil
	}})
	if code != 0 {
		t.Fatalf("Run returned %d", code)
	}
	ws := a.Driver().AllWindows()
	if len(ws) == 0 || ws[len(ws)-1].Title() != "BriefDesk" {
		t.Fatalf("Run made no BriefDesk window")
	}
	w := ws[len(ws)-1]
	var list *enterList
	var card *docView
	for _, o := range test.LaidOutObjects(w.Content()) {
		switch x := o.(type) {
		case *enterList:
			if list == nil {
				list = x
			}
		case *docView:
			card = x
		}
	}
	if list == nil || list.Length() != 28 {
		t.Fatalf("the window shows no list of the 28 resolutions")
	}
	if card == nil || len(card.rows) == 0 || card.rows[0].text != resName(44) {
		t.Fatalf("the window does not show the card of the last resolution, 44")
	}
	if !closed {
		t.Error("the database was not closed when the window closed")
	}
}

// dialogButton finds a button of the dialog on top of w.
func dialogButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("the dialog has no %q button", text)
	return nil
}

// dialogText is all the text of the dialog on top of w.
func dialogText(w fyne.Window) string {
	var b strings.Builder
	if top := w.Canvas().Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if l, ok := o.(*widget.Label); ok {
				b.WriteString(unbreak(l.Text) + "\n")
			}
		}
	}
	return b.String()
}

func TestDamagedDatabase(t *testing.T) {
	damaged := func(context.Context) (Services, func(), error) {
		return Services{}, nil, app.Errorf(app.EDAMAGED, "/tmp/x.db is not a SQLite database (damaged, or another kind of file)")
	}
	newSession := func(t *testing.T, rebuild func(context.Context) (Services, func(), error)) *session {
		a := test.NewTempApp(t)
		w := a.NewWindow("BriefDesk")
		w.Resize(fyne.NewSize(1000, 700))
		s := &session{app: a, win: w, runAsync: runNow, opts: Options{Open: damaged, Rebuild: rebuild}}
		s.apply(<-s.open(s.opts.Open))
		return s
	}
	t.Run("Rebuild", func(t *testing.T) {
		db := openGUIDB(t)
		rebuilt := 0
		s := newSession(t, func(context.Context) (Services, func(), error) {
			rebuilt++
			return guiServices(db), func() {}, nil
		})
		msg := dialogText(s.win)
		for _, want := range []string{"could not open", "not a SQLite database", "damaged", "kept next to it"} {
			if !strings.Contains(msg, want) {
				t.Errorf("the dialog does not say %q:\n%s", want, msg)
			}
		}
		test.Tap(dialogButton(t, s.win, "Rebuild"))
		if rebuilt != 1 || s.main == nil || len(s.main.corpus.list) != 28 {
			t.Fatalf("after Rebuild: rebuilt %d times, main window %v", rebuilt, s.main != nil)
		}
	})
	t.Run("Quit", func(t *testing.T) {
		s := newSession(t, func(context.Context) (Services, func(), error) {
			t.Fatal("Quit rebuilt the database")
			return Services{}, nil, nil
		})
		test.Tap(dialogButton(t, s.win, "Quit"))
		if s.exit != 1 || s.main != nil {
			t.Fatalf("after Quit: exit %d, main window %v", s.exit, s.main != nil)
		}
	})
	t.Run("RebuildFails", func(t *testing.T) {
		s := newSession(t, func(context.Context) (Services, func(), error) {
			return Services{}, nil, app.Errorf(app.EINTERNAL, "cannot move /tmp/x.db aside; nothing was moved")
		})
		test.Tap(dialogButton(t, s.win, "Rebuild"))
		if msg := dialogText(s.win); !strings.Contains(msg, "nothing was moved") {
			t.Fatalf("the second dialog does not say why rebuilding failed:\n%s", msg)
		}
		// Rebuilding again would fail the same way: only Quit is offered.
		test.Tap(dialogButton(t, s.win, "OK"))
		if s.exit != 1 {
			t.Fatalf("closing the last dialog: exit %d, want 1", s.exit)
		}
	})
}

func TestSettingsSaved(t *testing.T) {
	f := newGUIFixture(t)
	f.m.showSettings()
	var entries []*uiw.EscEntry
	var sel *uiw.EscSelect
	for _, o := range test.LaidOutObjects(f.win.Canvas().Overlays().Top()) {
		switch x := o.(type) {
		case *uiw.EscEntry:
			entries = append(entries, x)
		case *uiw.EscSelect:
			sel = x
		}
	}
	if len(entries) != 2 || sel == nil {
		t.Fatalf("settings dialog has %d entries and select %v", len(entries), sel != nil)
	}
	test.Type(entries[0], "Li Wei")
	test.Type(entries[1], "China")
	sel.SetSelectedIndex(2) // 中文
	test.Tap(dialogButton(t, f.win, "Save"))
	ctx := context.Background()
	for key, want := range map[string]string{app.SettingAuthorName: "Li Wei", app.SettingAuthorDelegation: "China", app.SettingLanguage: langChinese} {
		if got, err := f.db.Setting(ctx, key); err != nil || got != want {
			t.Errorf("setting %s = %q (%v), want %q", key, got, err, want)
		}
	}
	if got := f.app.Preferences().String(prefLanguage); got != langChinese {
		t.Errorf("language preference = %q, want zh", got)
	}
	// The dialog shows what was saved next time.
	f.m.showSettings()
	for _, o := range test.LaidOutObjects(f.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*uiw.EscEntry); ok && e.Text != "Li Wei" && e.Text != "China" {
			t.Errorf("reopened settings show %q", e.Text)
		}
	}
}

func TestNoteCountsShown(t *testing.T) {
	f := newGUIFixture(t)
	f.m.OpenResolution(44, "")
	ctx := context.Background()
	for _, clause := range []string{"44/resolves/1", "44/resolves/1", ""} {
		n := &app.Note{Resolution: 44, ClauseID: clause, Body: "check", Author: app.Author{Name: "Li Wei"}, Stance: app.StanceWatch}
		if err := f.db.SaveNote(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	f.m.env.notesChanged.notify()
	if got := f.m.corpus.noteCounts[44]; got != 3 {
		t.Fatalf("note count of 44 = %d, want 3", got)
	}
	row := rowOfClause(t, f.m.card, "44/resolves/1")
	if got := f.m.card.rows[row].notes; got != 2 {
		t.Errorf("clause 44/resolves/1 is marked with %d notes, want 2", got)
	}
	if got := f.m.card.rows[0].notes; got != 1 {
		t.Errorf("the resolution is marked with %d notes of its own, want 1", got)
	}
	if c := chipsIn(showRow(t, f.m.card, row))["2"]; c == nil || c.Tone != toneNoted {
		t.Errorf("clause row does not draw a note marker with 2")
	}
}

// TestUnwritableFolder opens databases in places that cannot hold one
// (under a regular file, where no folder can be made; in /proc, where no
// file can be made, even for root): the window says the folder cannot
// be written, names the path, does not call the file damaged and offers
// no Rebuild, which would fail the same way.
func TestUnwritableFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "plain.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, path string }{
		{"UnderAFile", filepath.Join(file, "sub", "b.db")},
		{"ProcFolder", "/proc/briefdesk-no-such/b.db"},
		{"ProcFile", "/proc/briefdesk-test.db"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if strings.HasPrefix(c.path, "/proc/") && runtime.GOOS != "linux" {
				t.Skip("/proc is Linux's")
			}
			open := func(ctx context.Context) (Services, func(), error) {
				db, err := data.OpenChecked(ctx, c.path, seeds.Default)
				if err != nil {
					return Services{}, nil, err
				}
				return guiServices(db), func() { db.Close() }, nil
			}
			rebuilt := false
			a := test.NewTempApp(t)
			w := a.NewWindow("BriefDesk")
			w.Resize(fyne.NewSize(1000, 700))
			s := &session{app: a, win: w, runAsync: runNow, opts: Options{Open: open, Rebuild: func(context.Context) (Services, func(), error) {
				rebuilt = true
				return Services{}, nil, app.Errorf(app.EINTERNAL, "rebuilt")
			}}}
			s.apply(<-s.open(s.opts.Open))
			if s.main != nil {
				t.Fatalf("a database opened at %s", c.path)
			}
			msg := dialogText(s.win)
			for _, want := range []string{filepath.Dir(c.path), "cannot create or write its database there", "--db"} {
				if !strings.Contains(msg, want) {
					t.Errorf("the dialog does not say %q:\n%s", want, msg)
				}
			}
			if strings.Contains(msg, "may be damaged") || strings.Contains(msg, "build a new database") {
				t.Errorf("the dialog calls the file damaged or offers to rebuild it:\n%s", msg)
			}
			top := s.win.Canvas().Overlays().Top()
			for _, o := range test.LaidOutObjects(top) {
				if b, ok := o.(*widget.Button); ok && b.Text == "Rebuild" {
					t.Fatal("the dialog offers Rebuild")
				}
			}
			test.Tap(dialogButton(t, s.win, "OK"))
			if rebuilt || s.exit != 1 {
				t.Fatalf("after OK: rebuilt %v, exit %d; want no rebuild, exit 1", rebuilt, s.exit)
			}
		})
	}
}
