//go:build !windows

package outfile

import (
	"errors"
	"io/fs"
	"os"
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

// keepOwner gives the new file at tmp the owner and group of orig, the
// file it replaces, when they differ: root replacing a delegate's file
// must leave it theirs. Only root may give a file away; for anyone else
// this changes the group at most, and failing is no failure of the write.
func keepOwner(tmp string, orig fs.FileInfo) {
	st, ok := orig.Sys().(*syscall.Stat_t)
	if !ok || int(st.Uid) == os.Geteuid() && int(st.Gid) == os.Getegid() {
		return
	}
	os.Chown(tmp, int(st.Uid), int(st.Gid))
}
