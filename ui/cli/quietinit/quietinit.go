// Package quietinit silences the standard logger while packages
// initialise, so that `briefdesk list` prints only what was asked for.
//
// Fyne's packages look up the system locale when they initialise and log
// "Fyne error: Error parsing user locale C" (three lines on stderr) under
// LANG=C.UTF-8, the default of containers, CI and cron. The command line
// never opens a window, so for it that is pure noise on every run.
//
// main imports this package for its side effect. It has no dependencies
// but the standard library, and Go initialises packages in import-path
// order among those ready (Go 1.21 and later), so "briefdesk/..." runs
// before "fyne.io/...". cli.ParseGlobal, the first thing main calls,
// points the logger back at stderr, so nothing after start-up is lost.
package quietinit

import (
	"io"
	"log"
)

func init() { log.SetOutput(io.Discard) }
