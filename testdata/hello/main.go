// Command hello is a hello-world Fyne window (default theme, one label): the
// baseline gui_bench_test.go measures BriefDesk's start-up time and memory
// against. With -probe it exits as soon as the first frame has been drawn,
// detected the same way BriefDesk detects it. With -entry it also shows a
// text field with the keyboard focus (its cursor blinking): the baseline of
// the idle benchmark (BenchmarkGUIIdleFocused).
package main

import (
	"flag"
	"image"
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	probe := flag.Bool("probe", false, "exit after the first frame is drawn")
	withEntry := flag.Bool("entry", false, "show a text field with the keyboard focus")
	flag.Parse()
	a := app.NewWithID("invalid.briefdesk.hello") // a reserved domain, as main.go's appID
	w := a.NewWindow("Hello")
	var content fyne.CanvasObject = widget.NewLabel("Hello, world")
	var entry *widget.Entry
	if *withEntry {
		entry = widget.NewEntry()
		entry.SetPlaceHolder("Search")
		content = container.NewVBox(content, entry)
	}
	if *probe {
		content = container.NewStack(content, firstFrameProbe())
	}
	w.SetContent(content)
	w.Resize(fyne.NewSize(1100, 720))
	if entry != nil {
		w.Canvas().Focus(entry)
	}
	w.ShowAndRun()
}

// firstFrameProbe is a one-pixel raster: the painter calls its generator
// while it draws a frame, so the first call means the first frame is being
// drawn; the exit runs on the main loop once that frame is finished.
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
