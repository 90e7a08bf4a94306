//go:build !windows

package outfile

import (
	"errors"
	"syscall"
)

// renameError explains a failed replace of target. Elsewhere than on
// Windows an open file does not stop a rename, so there is no "in use".
func renameError(target string, _ bool, err error) error {
	return cannotReplace(target, err)
}

// openError explains why an existing target could not be opened for
// writing (permission was handled before).
func openError(target string, err error) error {
	return cannotReplace(target, err)
}

func isNoSpace(err error) bool { return errors.Is(err, syscall.ENOSPC) }
