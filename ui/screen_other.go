//go:build ci || ios || android || mobile || wasm || test_web_driver

package ui

import "fyne.io/fyne/v2"

// screenWorkArea is unknown off the desktop driver: windows there fill
// the screen anyway.
func screenWorkArea(fyne.App) (w, h int, ok bool) { return 0, 0, false }
