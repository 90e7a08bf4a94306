// Package console gives the command line its output streams, so that
// "BriefDesk.exe list" prints where it was typed on Windows too.
//
// The Windows BriefDesk.exe is a GUI-subsystem program (no console window
// flashes up when the window opens), so Windows starts it without a
// console: a command typed in cmd.exe or PowerShell would print nowhere.
// Streams attaches to the console of the program that started it, and
// uses that console for any standard stream that was not redirected. A
// stream redirected to a file or pipe is kept as it is, and gets UTF-8
// bytes unchanged, as on Linux. Writes to a console go through Go's
// *os.File, which writes to a Windows console with WriteConsoleW (UTF-16),
// so Chinese reads the same whatever the console's code page (936, 65001).
//
// Elsewhere, and for a console-subsystem build (briefdesk-cli.exe),
// Streams returns os.Stdout and os.Stderr.
package console

import (
	"io"
	"os"
)

// kind is what a standard handle refers to.
type kind int

const (
	kindNone       kind = iota // no usable handle: a GUI program started from a console, not redirected
	kindConsole                // a console
	kindRedirected             // a file, a pipe, or a device such as NUL
)

// std numbers the two output streams.
const (
	stdout = 0
	stderr = 1
)

// system is the operating system as Streams sees it; tests pass a fake.
type system interface {
	// kind says what the process's standard stream std is.
	kind(std int) kind
	// file is the process's standard stream std as it is.
	file(std int) *os.File
	// attachParent attaches the process to its parent's console and
	// reports whether it now has one.
	attachParent() bool
	// openConsole opens the console for the stream std and makes it the
	// process's standard stream, or reports false.
	openConsole(std int) (*os.File, bool)
}

// streams picks the output streams: each stream that has a handle keeps
// it (a console, or a redirection the person asked for); for each that
// has none, the parent's console if there is one, else nothing (a
// shortcut or the Explorer started the program: there is nowhere to
// print, and the exit status is all that remains).
func streams(s system) (out, errw io.Writer) {
	kinds := [2]kind{s.kind(stdout), s.kind(stderr)}
	attached := false
	if kinds[stdout] == kindNone || kinds[stderr] == kindNone {
		attached = s.attachParent()
	}
	var ws [2]io.Writer
	for std, k := range kinds {
		ws[std] = io.Discard
		switch {
		case k != kindNone:
			ws[std] = s.file(std)
		case attached:
			if f, ok := s.openConsole(std); ok {
				ws[std] = f
			}
		}
	}
	return ws[stdout], ws[stderr]
}
