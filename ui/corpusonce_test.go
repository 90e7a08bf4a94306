package ui

import (
	"context"
	"sync/atomic"
	"testing"

	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// countingCorpus counts the requests for the whole corpus.
type countingCorpus struct {
	app.CorpusService
	full atomic.Int32
}

func (c *countingCorpus) Resolutions(ctx context.Context, f app.ResolutionFilter) ([]app.Resolution, error) {
	if f.Full {
		c.full.Add(1)
	}
	return c.CorpusService.Resolutions(ctx, f)
}

// startCounted starts the window as Run does, on a corpus service that
// counts full loads, and opens every view.
func startCounted(t *testing.T) (*session, *countingCorpus) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	db := openGUIDB(t)
	if err := db.SetSetting(context.Background(), app.SettingAuthorName, "Li"); err != nil {
		t.Fatal(err)
	}
	cc := &countingCorpus{CorpusService: db}
	svc := guiServices(db)
	svc.Corpus = cc
	w := a.NewWindow("BriefDesk")
	w.Resize(fyne.NewSize(1200, 800))
	t.Cleanup(w.Close)
	s := &session{app: a, win: w, runAsync: runNow, opts: Options{Open: func(context.Context) (Services, func(), error) {
		return svc, func() {}, nil
	}}}
	s.apply(<-s.open(s.opts.Open))
	if s.main == nil {
		t.Fatal("the main window did not open")
	}
	for v := range viewCount {
		s.main.showView(v)
	}
	s.main.showView(viewResolutions)
	return s, cc
}

// TestCorpusLoadedOnce: the resolution list, Tables, Overview, Notes and
// Packs all show the corpus read once when the window starts.
func TestCorpusLoadedOnce(t *testing.T) {
	_, cc := startCounted(t)
	if got := cc.full.Load(); got != 1 {
		t.Fatalf("the whole corpus was read %d times for one window, want once", got)
	}
}

// TestNoteSavedNotifiesEachViewOnce: saving a note from a card tells every
// subscribed view (the card and list counts, the Notes view) once.
func TestNoteSavedNotifiesEachViewOnce(t *testing.T) {
	s, _ := startCounted(t)
	b := &s.main.env.notesChanged
	if len(b.listeners) < 2 {
		t.Fatalf("%d views listen for note changes, want the main window and the Notes view", len(b.listeners))
	}
	calls := make([]int, len(b.listeners))
	for i, f := range b.listeners {
		b.listeners[i] = func() { calls[i]++; f() }
	}
	s.main.openNote(44, "")
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no note editor")
	}
	var body *bodyEntry
	var save *widget.Button
	for _, o := range test.LaidOutObjects(top) {
		switch x := o.(type) {
		case *bodyEntry:
			body = x
		case *widget.Button:
			if x.Text == "Save" {
				save = x
			}
		}
	}
	if body == nil || save == nil {
		t.Fatal("the editor has no text entry or Save button")
	}
	test.Type(body, "once")
	test.Tap(save)
	if got := s.main.corpus.noteCounts[44]; got != 1 {
		t.Fatalf("resolution 44 counts %d notes after saving, want 1", got)
	}
	for i, n := range calls {
		if n != 1 {
			t.Errorf("listener %d was told %d times, want once", i, n)
		}
	}
}
