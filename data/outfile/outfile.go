// Package outfile writes the files BriefDesk produces for people (PDF
// packs, CSV tables, .briefnotes exports) the one safe way: whole or not
// at all, and only over a regular file.
//
// A person names the output; what is at that name may be anything. A
// device (/dev/full), a FIFO or a socket is refused rather than turned
// into a PDF or waited on; a folder is refused; a symbolic link is
// written through to its target, which stays a link; a read-only file is
// refused, because replacing it would make it writable; a file that is
// replaced keeps its permissions. The content goes to a temporary file in
// the target's folder, is synced, and is renamed over the target, so a
// failure or a crash never leaves half a file under the name. A crash
// (kill -9) can leave the temporary file; the next write to the same name
// removes it (at once where the system has flock, which tells a dead
// write's file from a live one's; elsewhere once older than StaleAfter).
package outfile

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"briefdesk/app"
)

// StaleAfter is how old a temporary file of ours must be before a later
// write removes it: older than any write still in progress could be.
const StaleAfter = time.Minute

// maxLinks bounds how many symbolic links Write follows, as the kernel
// does, so that a loop of links is an error rather than a hang.
const maxLinks = 40

// tmpSuffix ends every temporary file's name; with the leading dot and the
// target's base name it makes the pattern that stale clean-up matches.
const tmpSuffix = ".tmp"

// Write writes the file at path with what write produces. On success the
// file holds exactly that; on any failure (write's own error included) the
// file at path is as it was and no temporary file is left. Errors are
// *app.Error with a message that names the file and says that nothing was
// written; an error that write returns as an *app.Error passes unchanged.
func Write(path string, write func(io.Writer) error) (err error) {
	if path == "" {
		return app.Errorf(app.EINVALID, "no output file given; nothing was written")
	}
	target, err := Target(path)
	if err != nil {
		return err
	}
	perm, orig, err := checkTarget(target)
	if err != nil {
		return err
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	removeStale(dir, base)
	tmp, err := createTemp(dir, base)
	if err != nil {
		return &app.Error{Code: app.EINVALID, Err: err, Message: fmt.Sprintf(
			"cannot write in the folder %s (does it exist, and may BriefDesk write there?); nothing was written", filepath.Clean(dir))}
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err = write(bw); err != nil {
		return failed(target, perm != 0, err)
	}
	if err = bw.Flush(); err != nil {
		return failed(target, perm != 0, err)
	}
	if err = tmp.Sync(); err != nil {
		return failed(target, perm != 0, err)
	}
	if err = tmp.Close(); err != nil {
		return failed(target, perm != 0, err)
	}
	if perm != 0 {
		// The file being replaced keeps its permissions (chmod ignores the
		// umask, which the original already went through).
		if err = os.Chmod(tmp.Name(), perm); err != nil {
			return failed(target, perm != 0, err)
		}
		keepOwner(tmp.Name(), orig)
	}
	if err = os.Rename(tmp.Name(), target); err != nil {
		return renameError(target, perm != 0, err)
	}
	syncDir(dir)
	return nil
}

// Target is the file Write would write for path: path itself, or, when
// path is a symbolic link, the file it finally points to (which need not
// exist yet: a dangling link is written through to the name it holds).
func Target(path string) (string, error) {
	p := path
	for range maxLinks {
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
		if err != nil {
			return "", &app.Error{Code: app.EINVALID, Err: err, Message: fmt.Sprintf("cannot look at %s; nothing was written", path)}
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return p, nil
		}
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return r, nil
		}
		// A dangling link, or one whose target's folder is missing:
		// follow it by hand, one link at a time.
		l, err := os.Readlink(p)
		if err != nil {
			return "", &app.Error{Code: app.EINVALID, Err: err, Message: fmt.Sprintf("cannot read the link %s; nothing was written", path)}
		}
		if !filepath.IsAbs(l) {
			l = filepath.Join(filepath.Dir(p), l)
		}
		p = l
	}
	return "", app.Errorf(app.EINVALID, "%s is a symbolic link in a loop of links; nothing was written", path)
}

// checkTarget refuses what must not be replaced and returns the
// permissions to give the new file: those of the file replaced, or 0 for
// a new file (which gets 0644 less the umask from createTemp); and the
// file replaced, whose owner the new one keeps.
func checkTarget(target string) (fs.FileMode, fs.FileInfo, error) {
	fi, err := os.Stat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil, nil
	}
	if err != nil {
		return 0, nil, &app.Error{Code: app.EINVALID, Err: err, Message: fmt.Sprintf("cannot look at %s; nothing was written", target)}
	}
	if err := checkMode(target, fi.Mode()); err != nil {
		return 0, nil, err
	}
	if fi.Mode().Perm()&0o200 == 0 {
		return 0, nil, readOnly(target, nil)
	}
	// The owner may write it, but this user may be someone else. Opening
	// for writing (never truncating) asks the system; a regular file
	// cannot block the open.
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if errors.Is(err, fs.ErrPermission) {
		return 0, nil, readOnly(target, err)
	}
	if err != nil {
		return 0, nil, openError(target, err)
	}
	f.Close()
	return fi.Mode().Perm(), fi, nil
}

// checkMode refuses anything but a regular file, saying what it is.
func checkMode(target string, m fs.FileMode) error {
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return app.Errorf(app.EINVALID, "%s is a folder; choose a file name in it; nothing was written", target)
	}
	return app.Errorf(app.EINVALID, "%s is %s, not a file BriefDesk can write; choose another file name; nothing was written", target, app.FileKind(m))
}

func readOnly(target string, err error) error {
	return &app.Error{Code: app.EINVALID, Err: err, Message: fmt.Sprintf("%s is read-only; nothing was written", target)}
}

// failed is the error for a write that did not complete: write's own
// *app.Error as it is, anything else named after the file. A full disk is
// the one failure a person can mend, so its message says how, and whether
// the file that was there (existed) is intact or nothing was made.
func failed(target string, existed bool, err error) error {
	var ae *app.Error
	if errors.As(err, &ae) && ae.Code != app.EINTERNAL {
		return err
	}
	if isNoSpace(err) {
		what := "nothing was written"
		if existed {
			what = "it was left as it was"
		}
		return &app.Error{Code: app.EINTERNAL, Err: err, Message: fmt.Sprintf(
			"cannot write %s: the disk is full; free some space on it and try again; %s", target, what)}
	}
	return &app.Error{Code: app.EINTERNAL, Err: err, Message: fmt.Sprintf("cannot write %s (%s); it was left as it was", target, short(err))}
}

// short says in a few words why a write failed, for the common causes.
func short(err error) string {
	switch {
	case isNoSpace(err):
		return "the disk is full"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var ae *app.Error
	if errors.As(err, &ae) {
		return ae.Message
	}
	return "the system refused the write"
}

// createTemp makes a new, empty temporary file beside the target, named
// .<base>.<random>.tmp. O_EXCL makes the name ours alone; 0644 less the
// umask is the mode a new output gets.
func createTemp(dir, base string) (*os.File, error) {
	var err error
	for range 10 {
		var b [6]byte
		rand.Read(b[:])
		name := filepath.Join(dir, "."+base+"."+hex.EncodeToString(b[:])+tmpSuffix)
		var f *os.File
		f, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		// Between the create and the lock, another write's clean-up may
		// have taken the file for a dead write's and removed it.
		if lockTemp(f) && sameFile(f, name) {
			return f, nil
		}
		f.Close()
		err = fs.ErrExist
	}
	return nil, err
}

// sameFile reports whether name still is the file f has open.
func sameFile(f *os.File, name string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Lstat(name)
	return err == nil && os.SameFile(a, b)
}

// removeStale removes temporary files of writes to base that died (kill
// -9, a power cut) before renaming them: names of our pattern, regular
// files, that no write in progress holds (removeIfAbandoned). Failing to
// remove one is not an error.
func removeStale(dir, base string) {
	es, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + "."
	for _, e := range es {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, tmpSuffix) || !e.Type().IsRegular() {
			continue
		}
		mid := strings.TrimSuffix(strings.TrimPrefix(name, prefix), tmpSuffix)
		if !isTempID(mid) {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		removeIfAbandoned(filepath.Join(dir, name), fi)
	}
}

// isTempID reports whether s is the random part of one of our temporary
// names: hex now, decimal digits from os.CreateTemp in earlier versions.
func isTempID(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// syncDir makes the rename durable where the system allows it; a folder
// that cannot be synced (Windows) is no failure of the write.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
