//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package outfile

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
	"time"
)

// A write holds an exclusive flock on its temporary file until it ends.
// The system drops the lock when the process dies, however it dies, so a
// temporary file nobody holds is a dead write's at once: the next write
// removes it without waiting StaleAfter.

// locksTell: here a lock tells a live write's temporary file from a dead
// one's.
const locksTell = true

// lockTemp marks f as a write in progress. It reports false when another
// process holds f's lock (the clean-up of another write, about to remove
// it): the caller takes another name. A file system without locks gives
// true, and the age rule protects its files instead.
func lockTemp(f *os.File) bool {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	return err == nil || !errors.Is(err, syscall.EWOULDBLOCK)
}

// removeIfAbandoned removes the temporary file at path when no write
// holds its lock, or, on a file system without locks, when it is older
// than StaleAfter. The lock is held while removing, so a write that made
// the file but has not locked it yet finds its name gone (createTemp
// checks) rather than writing into a removed file.
func removeIfAbandoned(path string, fi fs.FileInfo) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
	if errors.Is(err, fs.ErrPermission) {
		// Killed after taking the mode of a write-only file it replaced.
		f, err = os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
	}
	if err != nil {
		return
	}
	defer f.Close()
	switch err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); {
	case err == nil:
	case errors.Is(err, syscall.EWOULDBLOCK):
		return // a write in progress
	case time.Since(fi.ModTime()) < StaleAfter:
		return
	}
	os.Remove(path)
}
