package app

import "io/fs"

// FileKind names what a non-regular file is, in words a person knows:
// "a folder", "a named pipe (FIFO)", "a socket", "a device", or "not a
// regular file". The database, the files BriefDesk writes and the files
// it reads all refuse such a path with these words.
func FileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}
