package ui

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/seeds"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestMain(m *testing.M) {
	// No test starts a real viewer or file manager (exportconfirm_test.go
	// puts the real ones back where it means to).
	shellOpen = func(string) error { return nil }
	shellShow = func(string) error { return nil }
	os.Exit(m.Run())
}

var (
	guiCorpusOnce sync.Once
	guiCorpus     *app.Corpus
	guiCorpusErr  error
)

// openGUIDB opens a real database under the test's temp dir with the
// embedded corpus imported.
func openGUIDB(tb testing.TB) *data.DB {
	tb.Helper()
	guiCorpusOnce.Do(func() { guiCorpus, guiCorpusErr = seeds.Default() })
	if guiCorpusErr != nil {
		tb.Fatalf("parse corpus: %v", guiCorpusErr)
	}
	ctx := context.Background()
	db, err := data.Open(ctx, filepath.Join(tb.TempDir(), "gui.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := db.Import(ctx, guiCorpus); err != nil {
		tb.Fatal(err)
	}
	return db
}

// testCorpus loads the corpus from svc as the window does at start-up.
func testCorpus(tb testing.TB, svc Services) *corpusCache {
	tb.Helper()
	c, err := loadCorpus(context.Background(), svc)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// runNow is screenEnv.runAsync in tests: searches, note counts and saves
// run synchronously, so a test sees their results as soon as the call that
// started them returns.
func runNow(f func()) { f() }

func guiServices(db *data.DB) Services {
	return Services{Corpus: db, Notes: db, Packs: db, Settings: db}
}

// guiFixture is the main window on a real database in the test driver.
type guiFixture struct {
	db  *data.DB
	app fyne.App
	win fyne.Window
	m   *mainWindow
}

func newGUIFixture(tb testing.TB) *guiFixture {
	tb.Helper()
	a := test.NewTempApp(tb)
	a.Settings().SetTheme(newTheme())
	db := openGUIDB(tb)
	svc := guiServices(db)
	c, err := loadCorpus(context.Background(), svc)
	if err != nil {
		tb.Fatal(err)
	}
	w := a.NewWindow("BriefDesk")
	env := &screenEnv{Services: svc, runAsync: runNow}
	m := newMainWindow(a, w, env, c)
	w.SetContent(m.content())
	m.resList.searchDelay = 0 // search on every keystroke
	w.Resize(fyne.NewSize(1200, 800))
	tb.Cleanup(func() {
		// Unless the test closed it (the test driver fails on a second Close).
		for _, open := range a.Driver().AllWindows() {
			if open == w {
				w.Close()
			}
		}
	})
	return &guiFixture{db: db, app: a, win: w, m: m}
}
