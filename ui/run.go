package ui

import (
	"context"
	"errors"
	"sync"
	"time"

	"briefdesk/app"
	"briefdesk/assets"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Options is what main gives the GUI.
type Options struct {
	// Open opens the database (creating it and importing the embedded
	// corpus on first run); the func closes it.
	Open func(ctx context.Context) (Services, func(), error)
	// Rebuild moves a bad database file aside (never deletes it) and
	// creates a fresh one from the embedded corpus.
	Rebuild func(ctx context.Context) (Services, func(), error)
	// ProbeFirstFrame exits (status 0) once the first frame showing the
	// corpus is drawn: start-up benchmarks time the whole process.
	ProbeFirstFrame bool
	// Lang is "", "en" or "zh" (the --lang flag); "" uses the saved
	// choice, then the system locale.
	Lang string
	// FyneApp is FyneApp.toml, for the version About shows when the
	// binary was built without the fyne tool.
	FyneApp []byte
}

// Run shows the main window and returns the exit status once it closes:
// 0, or 1 when the database could not be opened and the person quit.
func Run(a fyne.App, opts Options) int {
	phase("run")
	a, unwrap := withRestingCursor(a, false)
	defer unwrap()
	startCPUProfile()
	limitMemory()
	choice := a.Preferences().String(prefLanguage)
	if c, ok := normLanguage(opts.Lang); ok && c != "" {
		choice = c
	}
	setupLanguage(choice)
	runLanguage = &choice
	fillMetadata(a, opts.FyneApp)
	s := &session{app: a, opts: opts}
	// The database opens and the two faces are parsed (~20 ms each) while
	// the window system starts up.
	opened := s.open(opts.Open)
	a.Settings().SetTheme(newThemeFor(savedLook(a.Preferences())))
	// One goroutine parses both faces in turn: with migrated_fynedo Fyne's
	// font cache is a plain map, and two measuring at once crashed with
	// "concurrent map writes" (seen under Wine).
	var fonts sync.WaitGroup
	fonts.Go(func() {
		for _, st := range []fyne.TextStyle{{}, {Bold: true}} {
			fyne.MeasureText("国", theme.TextSize(), st)
		}
	})
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("BriefDesk")
	s.win = w
	phase("window")
	fonts.Wait()
	phase("fonts")
	// The saved size, or the default, made to fit the screen: a window
	// larger than the screen cannot be used (an 800x600 screen).
	size := fyne.NewSize(
		float32(a.Preferences().FloatWithFallback(prefWidth, defaultWidth)),
		float32(a.Preferences().FloatWithFallback(prefHeight, defaultHigh)))
	w.Resize(fitWindow(size, screenRoom(a, startScale())))
	w.SetCloseIntercept(s.closeWindow)
	s.closeOnSignal()
	// Usually the corpus is in memory by now and the first frame can show
	// it; on a first run (import) or a slow disk, show a waiting screen.
	select {
	case r := <-opened:
		s.apply(r)
	case <-time.After(150 * time.Millisecond):
		w.SetContent(s.waiting(lang.L("Opening the resolutions…")))
		go func() {
			r := <-opened
			fyne.Do(func() { s.apply(r) })
		}()
	}
	w.Show()
	// Now the window exists Fyne knows its real scale: a screen with a
	// scale above 1 has room for fewer units.
	if sc := w.Canvas().Scale(); sc != startScale() {
		if fit := fitWindow(w.Canvas().Size(), screenRoom(a, sc)); fit != w.Canvas().Size() {
			w.Resize(fit)
		}
	}
	a.Run()
	stopCPUProfile()
	if s.close != nil {
		s.close()
	}
	return s.exit
}

// session is one run of the window: the open database and what to do
// when it cannot be opened.
type session struct {
	app     fyne.App
	win     fyne.Window
	opts    Options
	close   func()
	exit    int
	main    *mainWindow
	wait    *widget.ProgressBarInfinite // on the waiting screen
	closing bool                        // closeWindow ran
	// runAsync runs opening the database off the UI thread and is handed
	// to every screen (see screenEnv.runAsync); nil: a goroutine.
	runAsync func(func())
}

// opened is the outcome of opening the database and loading the corpus.
type opened struct {
	svc    Services
	close  func()
	corpus *corpusCache
	err    error
}

func (s *session) waiting(msg string) fyne.CanvasObject {
	s.stopWaiting()
	s.wait = widget.NewProgressBarInfinite()
	return container.NewCenter(container.NewVBox(widget.NewLabel(msg), s.wait))
}

// stopWaiting stops the waiting screen's animation: replaced content
// keeps running it, redrawing the window for nothing.
func (s *session) stopWaiting() {
	if s.wait != nil {
		s.wait.Stop()
		s.wait = nil
	}
}

// open opens the database and loads the corpus off the UI thread; the
// outcome arrives on the channel.
func (s *session) open(open func(context.Context) (Services, func(), error)) <-chan opened {
	ch := make(chan opened, 1)
	if open == nil {
		ch <- opened{err: errors.New("no database to open")}
		return ch
	}
	s.async(func() {
		ctx := context.Background()
		svc, closeFn, err := open(ctx)
		phase("opened")
		var c *corpusCache
		if err == nil {
			c, err = loadCorpus(ctx, svc)
			phase("loaded")
			if err != nil {
				closeFn()
			}
		}
		ch <- opened{svc: svc, close: closeFn, corpus: c, err: err}
	})
	return ch
}

// apply shows the outcome of open: the main window, or what went wrong.
func (s *session) apply(r opened) {
	s.stopWaiting()
	if r.err != nil {
		s.failed(r.err, s.opts.Rebuild != nil)
		return
	}
	s.close = r.close
	s.show(r.svc, r.corpus)
}

// show builds the main window on an opened database.
func (s *session) show(svc Services, c *corpusCache) {
	env := &screenEnv{Services: svc, Window: s.win, runAsync: s.runAsync}
	s.main = newMainWindow(s.app, s.win, env, c)
	content := s.main.content()
	if s.opts.ProbeFirstFrame {
		content = container.NewStack(content, firstFrameProbe())
	}
	s.win.SetContent(content)
	phase("shown")
}

// failed tells the person the database could not be opened, in plain
// words, and offers to rebuild it from the corpus built into the program
// (the bad file is moved aside, never deleted) or to quit.
func (s *session) failed(err error, canRebuild bool) {
	fyne.LogError("open database", err)
	s.win.SetContent(container.NewCenter(widget.NewLabel(lang.L("The database could not be opened."))))
	msg := lang.L("BriefDesk could not open its database.") + "\n\n" + app.ErrorMessage(err)
	switch app.ErrorCode(err) {
	case app.EDAMAGED, app.EINVALID:
		msg += "\n\n" + lang.L("The file may be damaged, or it is not a BriefDesk database.")
	case app.EACCESS:
		// The place cannot be written: a fresh file there would fail the
		// same way, so Rebuild is not offered.
		msg += "\n\n" + lang.L("BriefDesk cannot create or write its database there; the file itself is not damaged. Start BriefDesk with --db and a file in a folder you can write to.")
		canRebuild = false
	}
	if !canRebuild {
		d := uiw.NewMessage(lang.L("Cannot open the database"), msg, theme.ErrorIcon(), s.win)
		d.SetOnClosed(func() { s.quit() })
		d.Show()
		return
	}
	msg += "\n\n" + lang.L("BriefDesk can build a new database from the resolutions it carries. The old file is kept next to it under a new name; your notes, packs and settings are copied from it to the new one as far as it can still be read.")
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Cannot open the database"), lang.L("Rebuild"), lang.L("Quit"), label, func(rebuild bool) {
		if !rebuild {
			s.quit()
			return
		}
		s.win.SetContent(s.waiting(lang.L("Rebuilding the database…")))
		done := s.open(s.opts.Rebuild)
		// Rebuilding again would fail the same way: then offer only Quit.
		s.opts.Rebuild = nil
		s.async(func() {
			r := <-done
			fyne.Do(func() { s.apply(r) })
		})
	}, s.win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}

// async runs f off the UI thread.
func (s *session) async(f func()) {
	if s.runAsync != nil {
		s.runAsync(f)
		return
	}
	go f()
}

func (s *session) quit() {
	s.exit = 1
	s.win.Close()
}

// showError shows what a person should know about err and logs the rest.
func showError(err error, w fyne.Window) {
	fyne.LogError("", err)
	uiw.ShowErrorText(app.ErrorMessage(err), w)
}
