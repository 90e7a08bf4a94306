package ui

import (
	"math"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
)

// Preference keys (fyne Preferences: per machine, not per database).
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
	prefView   = "last.view"
	prefRes    = "last.resolution"
	prefSplit  = "resolutions.split"
)

// prefSaveQuiet is how long after a save Fyne leaves changes to a later,
// asynchronous save (100 ms in Fyne 2.7), with a margin.
const prefSaveQuiet = 150 * time.Millisecond

// lastPrefSave is when setPrefs last changed a preference (UI goroutine).
var lastPrefSave time.Time

// valuesWriter is Fyne's preferences store: several values changed under
// one change notification, which Fyne saves in one write.
type valuesWriter interface {
	WriteValues(func(map[string]any))
}

// setPrefs sets preferences (float64, int, string or bool values) as one
// change and reports whether any value changed.
func setPrefs(p fyne.Preferences, kv map[string]any) bool {
	changed := map[string]any{}
	for k, v := range kv {
		if !prefHolds(p, k, v) {
			changed[k] = v
		}
	}
	if len(changed) == 0 {
		return false
	}
	if w, ok := p.(valuesWriter); ok {
		w.WriteValues(func(m map[string]any) {
			for k, v := range changed {
				m[k] = v
			}
		})
	} else {
		for k, v := range changed {
			switch v := v.(type) {
			case float64:
				p.SetFloat(k, v)
			case int:
				p.SetInt(k, v)
			case string:
				p.SetString(k, v)
			case bool:
				p.SetBool(k, v)
			}
		}
	}
	lastPrefSave = time.Now()
	return true
}

// setPref sets one preference through setPrefs.
func setPref(p fyne.Preferences, key string, v any) {
	setPrefs(p, map[string]any{key: v})
}

// prefHolds reports whether preference k already has value v.
func prefHolds(p fyne.Preferences, k string, v any) bool {
	switch v := v.(type) {
	case float64:
		return p.FloatWithFallback(k, math.NaN()) == v
	case int:
		return p.IntWithFallback(k, math.MinInt) == v
	case string:
		return p.StringWithFallback(k, "\x00") == v
	case bool:
		return p.BoolWithFallback(k, !v) == v
	}
	return false
}

func parseScale(s string) (float32, error) {
	f, err := strconv.ParseFloat(s, 32)
	return float32(f), err
}
