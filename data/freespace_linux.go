package data

import (
	"path/filepath"
	"syscall"
)

// lowOnRoom reports whether the disk holding the file at path has less
// than a megabyte free. SQLite reports some failures of a full disk as a
// plain I/O error (sizing the -shm file at open, above all) without the
// system's reason; with this little room left, that is the reason.
func lowOnRoom(path string) bool {
	var st syscall.Statfs_t
	if err := syscall.Statfs(filepath.Dir(path), &st); err != nil {
		return false
	}
	return uint64(st.Bavail)*uint64(st.Bsize) < 1<<20
}
