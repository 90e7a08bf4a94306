package ui

import (
	"math"
	"strconv"

	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
)

// The theme (system, light or dark) and the zoom, kept in the machine's
// preferences like the window size: they belong to the screen and the
// eyes in front of it, not to the database.
const (
	prefTheme = "ui.theme"
	prefZoom  = "ui.zoom"
)

// zoomSteps are the zoom levels Ctrl+= and Ctrl+- move through and
// Settings offers.
var zoomSteps = []float32{0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2}

// savedLook is the look the preferences hold, made valid: an unknown theme
// follows the system, a zoom off the steps snaps to the nearest one.
func savedLook(p fyne.Preferences) look {
	l := look{variant: p.StringWithFallback(prefTheme, themeSystem), zoom: 1}
	switch l.variant {
	case themeSystem, themeLight, themeDark:
	default:
		l.variant = themeSystem
	}
	l.zoom = nearestZoom(float32(p.FloatWithFallback(prefZoom, 1)))
	return l
}

// nearestZoom is the zoom step closest to z (100 % for nonsense).
func nearestZoom(z float32) float32 {
	if z <= 0 || math.IsNaN(float64(z)) || math.IsInf(float64(z), 0) {
		return 1
	}
	best := zoomSteps[0]
	for _, s := range zoomSteps {
		if abs32(s-z) < abs32(best-z) {
			best = s
		}
	}
	return best
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// zoomStep is the zoom one step from z in direction dir (+1, -1), staying
// within the steps.
func zoomStep(z float32, dir int) float32 {
	i := 0
	for j, s := range zoomSteps {
		if s == nearestZoom(z) {
			i = j
		}
	}
	i = max(0, min(len(zoomSteps)-1, i+dir))
	return zoomSteps[i]
}

// zoomLabel is "125%".
func zoomLabel(z float32) string {
	return strconv.Itoa(int(math.Round(float64(z)*100))) + "%"
}

// currentLook is the look of the running theme.
func currentLook(a fyne.App) look {
	if t, ok := a.Settings().Theme().(*briefTheme); ok {
		return t.look
	}
	return look{zoom: 1}
}

// setLook applies a look at once and remembers it: the theme changes for
// every window (Fyne refreshes what is on screen), the views that cache
// what text measures lay themselves out again, and views not on screen
// are refreshed so they show the new look when they come back.
func (m *mainWindow) setLook(l look) {
	l.zoom = nearestZoom(l.zoom)
	if l == currentLook(m.app) {
		return
	}
	m.app.Settings().SetTheme(newThemeFor(l))
	setPrefs(m.app.Preferences(), map[string]any{prefTheme: l.variant, prefZoom: float64(l.zoom)})
	m.remeasure()
}

// remeasure makes the cards lay out their rows again: they cache each
// row's height for the width they were laid out at, which a new text size
// makes wrong.
func (m *mainWindow) remeasure() {
	for _, d := range []*docView{m.card, m.entity} {
		if d != nil {
			d.remeasure()
		}
	}
	for _, v := range m.views {
		if v != nil {
			v.Refresh()
		}
	}
}

// zoomBy moves the zoom one step (Ctrl+= and Ctrl+-); 0 resets it to
// 100 % (Ctrl+0).
func (m *mainWindow) zoomBy(dir int) {
	l := currentLook(m.app)
	if dir == 0 {
		l.zoom = 1
	} else {
		l.zoom = zoomStep(l.zoom, dir)
	}
	m.setLook(l)
}

// remeasure drops the row layout so the next layout wraps every row again
// at the theme's new sizes, keeping the row at the top in view.
func (d *docView) remeasure() {
	if d.rows == nil {
		return
	}
	d.width = 0
	d.scroll = -1
	d.ms = uiw.Measurers{}
	d.Refresh()
}
