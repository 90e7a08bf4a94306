package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"briefdesk/app"
)

// openInput opens a file the user names for reading (a notes file, a
// source document), refusing anything but a regular file before opening
// it: opening a FIFO with no writer waits for ever, and a device or a
// folder is no document.
func openInput(path string) (*os.File, error) {
	fi, err := os.Stat(path)
	if err == nil && !fi.Mode().IsRegular() {
		return nil, app.Errorf(app.EINVALID, "cannot read %s: it is %s, not a file; nothing was changed", path, app.FileKind(fi.Mode()))
	}
	var f *os.File
	if err == nil {
		f, err = os.Open(path)
	}
	if err != nil {
		code := app.EINVALID
		if errors.Is(err, fs.ErrNotExist) {
			code = app.ENOTFOUND
		}
		return nil, &app.Error{Code: code, Message: fmt.Sprintf("cannot read %s (%s); nothing was changed", path, osReason(err)), Err: err}
	}
	return f, nil
}
