//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package outfile

import (
	"io/fs"
	"os"
	"time"
)

// Without flock, a temporary file is taken for a dead write's once it is
// older than StaleAfter: older than any write still in progress could be.

const locksTell = false

func lockTemp(*os.File) bool { return true }

func removeIfAbandoned(path string, fi fs.FileInfo) {
	if time.Since(fi.ModTime()) >= StaleAfter {
		os.Remove(path)
	}
}
