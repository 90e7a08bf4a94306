package outfile

import (
	"errors"
	"io/fs"
	"syscall"
)

// renameError explains a failed replace of target, which existed before
// the write when existed is set.
func renameError(target string, existed bool, err error) error {
	if heldByOther(err, existed) {
		return inUse(target, err)
	}
	return cannotReplace(target, err)
}

// openError explains why an existing target could not be opened for
// writing (permission was handled before).
func openError(target string, err error) error {
	if heldByOther(err, true) {
		return inUse(target, err)
	}
	return cannotReplace(target, err)
}

func isNoSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, winDiskFull) || errors.Is(err, winHandleDiskFull)
}

// keepOwner: on Windows a replaced file's owner is not kept by a chown.
func keepOwner(string, fs.FileInfo) {}
