// Package shell opens a file, or shows it in its folder, with the
// system's own means: the Windows shell (ShellExecuteW, Explorer), macOS
// open, and xdg-open elsewhere. Fyne's OpenURL goes through a URL, which
// Windows hands to a browser-like handler and which fails with a bare
// exit status where no opener is installed; here each failure is an
// *app.Error saying what is missing, so the window can tell the person
// where the file is instead.
package shell

import (
	"errors"
	"path/filepath"
)

// ErrNoProgram is wrapped by the error of Open and ShowInFolder when this
// computer has no program to do it (no xdg-open, no application for the
// file's kind).
var ErrNoProgram = errors.New("no program to open it")

// Open opens the file (or folder) at path in the program the system uses
// for its kind. It may take a few seconds: call it off the UI thread.
func Open(path string) error {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return open(path)
}

// ShowInFolder shows the folder that holds path, with the file selected
// where the system can do that (Windows, macOS). It may take a few
// seconds: call it off the UI thread.
func ShowInFolder(path string) error {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return showInFolder(path)
}
