// Package posixlocale stops Fyne complaining about the "C" locale.
//
// Fyne's lang package looks up the system locale in its init function and
// logs "Error parsing user locale C" to stderr when LANG is C or POSIX (as on
// CI machines and minimal containers): noise in every command-line run. Go
// initialises packages in import-path order once their dependencies are
// ready, and "briefdesk/..." sorts before "fyne.io/...", so importing this
// package from main clears those values first; Fyne then falls back to
// English, which is what C means anyway.
package posixlocale

import (
	"os"
	"strings"
)

func init() { Clear() }

// Clear unsets locale variables whose value is the C or POSIX locale.
func Clear() {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		v := os.Getenv(k)
		base, _, _ := strings.Cut(v, ".")
		if base == "C" || base == "POSIX" {
			os.Unsetenv(k)
		}
	}
}
