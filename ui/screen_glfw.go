//go:build !ci && !ios && !android && !mobile && !wasm && !test_web_driver

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// screenWorkArea is the primary screen's work area (the screen less its
// panels) in pixels. Fyne has no call for it; its desktop driver runs on
// GLFW, which it has started by the time the first window exists. Only
// the desktop driver (not the test driver) runs GLFW, and calls must come
// from the main goroutine, where Run works.
func screenWorkArea(a fyne.App) (w, h int, ok bool) {
	if _, desk := a.Driver().(desktop.Driver); !desk {
		return 0, 0, false
	}
	defer func() {
		if recover() != nil { // GLFW not started: no size, no harm
			w, h, ok = 0, 0, false
		}
	}()
	mon := glfw.GetPrimaryMonitor()
	if mon == nil {
		return 0, 0, false
	}
	if _, _, w, h = mon.GetWorkarea(); w > 0 && h > 0 {
		return w, h, true
	}
	if m := mon.GetVideoMode(); m != nil && m.Width > 0 && m.Height > 0 {
		return m.Width, m.Height, true
	}
	return 0, 0, false
}
