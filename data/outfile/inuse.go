package outfile

import (
	"errors"
	"fmt"
	"syscall"

	"briefdesk/app"
)

// Windows error numbers met when replacing a file. They are plain numbers
// here, not the constants of golang.org/x/sys/windows, so that the mapping
// below is tested on every system; only Windows calls it.
const (
	winAccessDenied     = syscall.Errno(5)  // ERROR_ACCESS_DENIED
	winSharingViolation = syscall.Errno(32) // ERROR_SHARING_VIOLATION
	winLockViolation    = syscall.Errno(33) // ERROR_LOCK_VIOLATION
	winHandleDiskFull   = syscall.Errno(39) // ERROR_HANDLE_DISK_FULL
	winDiskFull         = syscall.Errno(112)
)

// heldByOther reports whether err, met on Windows while opening or
// replacing target, means that another program has the file open: a PDF
// viewer showing last week's pack, Excel showing the CSV. Windows says
// so with a sharing or lock violation, or with "access denied" when the
// file exists (existed); for a new name, access denied is about the
// folder, and is not this.
func heldByOther(err error, existed bool) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	switch errno {
	case winSharingViolation, winLockViolation:
		return true
	case winAccessDenied:
		return existed
	}
	return false
}

// inUse is the error for a file another program holds.
func inUse(target string, err error) error {
	return &app.Error{Code: app.EINVALID, Err: err, Message: fmt.Sprintf(
		"%s is open in another program (a PDF viewer?); close it and try again; nothing was written", target)}
}

// cannotReplace is the error for a rename that failed for another reason.
func cannotReplace(target string, err error) error {
	return &app.Error{Code: app.EINTERNAL, Err: err, Message: fmt.Sprintf("cannot write %s; it was left as it was", target)}
}
