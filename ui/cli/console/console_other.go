//go:build !windows

package console

import (
	"io"
	"os"
)

// Streams returns the streams for the command line's output: os.Stdout
// and os.Stderr, which a Unix-like system always gives a program.
func Streams() (stdout, stderr io.Writer) { return os.Stdout, os.Stderr }
