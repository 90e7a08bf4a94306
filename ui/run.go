package ui

import (
	"context"
	"errors"
	"image"
	"os"
	"sync"

	"briefdesk/app"
	"briefdesk/assets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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
}

// Run shows the main window and returns the exit status once it closes:
// 0, or 1 when the database could not be opened and the person quit.
func Run(a fyne.App, opts Options) int {
	choice := a.Preferences().String(prefLanguage)
	if c, ok := normLanguage(opts.Lang); ok && c != "" {
		choice = c
	}
	setupLanguage(choice)
	// Parse both faces while the window system starts up: they are needed
	// for the first frame and take ~10 ms each.
	fonts := make(chan struct{})
	go func() {
		defer close(fonts)
		fyne.MeasureText("国", theme.TextSize(), fyne.TextStyle{})
		fyne.MeasureText("国", theme.TextSize(), fyne.TextStyle{Bold: true})
	}()
	a.Settings().SetTheme(newTheme())
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("BriefDesk")
	<-fonts
	s := &session{app: a, win: w, opts: opts}
	w.Resize(fyne.NewSize(
		float32(a.Preferences().FloatWithFallback(prefWidth, defaultWidth)),
		float32(a.Preferences().FloatWithFallback(prefHeight, defaultHigh))))
	w.SetContent(s.waiting(lang.L("Opening the resolutions…")))
	w.SetCloseIntercept(func() {
		s.saveWindow()
		w.Close()
	})
	s.open(opts.Open)
	w.ShowAndRun()
	if s.close != nil {
		s.close()
	}
	return s.exit
}

// session is one run of the window: the open database and what to do
// when it cannot be opened.
type session struct {
	app   fyne.App
	win   fyne.Window
	opts  Options
	close func()
	exit  int
	main  *mainWindow
}

func (s *session) waiting(msg string) fyne.CanvasObject {
	bar := widget.NewProgressBarInfinite()
	return container.NewCenter(container.NewVBox(widget.NewLabel(msg), bar))
}

func (s *session) saveWindow() {
	sz := s.win.Canvas().Size()
	if sz.Width > 100 && sz.Height > 100 {
		s.app.Preferences().SetFloat(prefWidth, float64(sz.Width))
		s.app.Preferences().SetFloat(prefHeight, float64(sz.Height))
	}
	if s.main != nil && s.main.split != nil {
		s.app.Preferences().SetFloat(prefSplit, s.main.split.Offset)
	}
}

// open opens the database and loads the corpus off the UI thread, then
// shows the main window, or explains what went wrong.
func (s *session) open(open func(context.Context) (Services, func(), error)) {
	if open == nil {
		s.failed(errors.New("no database to open"), false)
		return
	}
	runAsync(func() {
		ctx := context.Background()
		svc, closeFn, err := open(ctx)
		var c *corpusCache
		if err == nil {
			c, err = loadCorpus(ctx, svc)
			if err != nil {
				closeFn()
			}
		}
		fyne.Do(func() {
			if err != nil {
				s.failed(err, s.opts.Rebuild != nil)
				return
			}
			s.close = closeFn
			s.show(svc, c)
		})
	})
}

// show builds the main window on an opened database.
func (s *session) show(svc Services, c *corpusCache) {
	env := &Env{Services: svc, Window: s.win}
	s.main = newMainWindow(s.app, s.win, env, c)
	content := s.main.content()
	if s.opts.ProbeFirstFrame {
		content = container.NewStack(content, firstFrameProbe())
	}
	s.win.SetContent(content)
}

// failed tells the person the database could not be opened, in plain
// words, and offers to rebuild it from the corpus built into the program
// (the bad file is moved aside, never deleted) or to quit.
func (s *session) failed(err error, canRebuild bool) {
	fyne.LogError("open database", err)
	s.win.SetContent(s.waiting(lang.L("The database could not be opened.")))
	msg := lang.L("BriefDesk could not open its database.") + "\n\n" + app.ErrorMessage(err)
	if app.ErrorCode(err) == app.EDAMAGED || app.ErrorCode(err) == app.EINVALID {
		msg += "\n\n" + lang.L("The file may be damaged, or it is not a BriefDesk database.")
	}
	if !canRebuild {
		d := dialog.NewInformation(lang.L("Cannot open the database"), msg, s.win)
		d.SetOnClosed(func() { s.quit() })
		d.Show()
		return
	}
	msg += "\n\n" + lang.L("BriefDesk can build a new database from the resolutions it carries. The old file is kept next to it under a new name; notes in it are not copied to the new one.")
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Cannot open the database"), lang.L("Rebuild"), lang.L("Quit"), label, func(rebuild bool) {
		if !rebuild {
			s.quit()
			return
		}
		s.win.SetContent(s.waiting(lang.L("Rebuilding the database…")))
		s.open(func(ctx context.Context) (Services, func(), error) {
			svc, closeFn, err := s.opts.Rebuild(ctx)
			if err != nil {
				// Rebuilding again would fail the same way: offer only Quit.
				s.opts.Rebuild = nil
			}
			return svc, closeFn, err
		})
	}, s.win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}

func (s *session) quit() {
	s.exit = 1
	s.win.Close()
}

// firstFrameProbe is a one-pixel raster for the start-up benchmark: the
// painter calls its generator while drawing a frame, so the first call
// means the first frame with the corpus is being drawn; the exit waits
// for the main loop, after that frame.
func firstFrameProbe() fyne.CanvasObject {
	var once sync.Once
	r := canvas.NewRaster(func(w, h int) image.Image {
		once.Do(func() { go fyne.Do(func() { os.Exit(0) }) })
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
	r.SetMinSize(fyne.NewSize(1, 1))
	r.Resize(fyne.NewSize(1, 1))
	return container.NewWithoutLayout(r)
}

// showError shows what a person should know about err and logs the rest.
func showError(err error, w fyne.Window) {
	fyne.LogError("", err)
	dialog.ShowError(errors.New(app.ErrorMessage(err)), w)
}
