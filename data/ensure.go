package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"briefdesk/app"
)

// EnsureCorpus imports the corpus load returns when the database has none
// yet, so that a first run works with no set-up. load is not called when
// a corpus is already there: starting the program stays cheap, and a
// corpus the user imported is never silently swapped for the embedded one.
func (d *DB) EnsureCorpus(ctx context.Context, load func() (*app.Corpus, error)) (err error) {
	defer d.explain(&err)
	ok, err := d.HasCorpus(ctx)
	if err != nil || ok {
		return err
	}
	c, err := load()
	if err != nil {
		return fmt.Errorf("load corpus: %w", err)
	}
	_, err = d.Import(ctx, c)
	return err
}

// HasCorpus reports whether a corpus has been imported.
func (d *DB) HasCorpus(ctx context.Context) (_ bool, err error) {
	defer d.explain(&err)
	var n int
	if err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM corpus_source").Scan(&n); err != nil {
		return false, wrapOpenErr(d.path, err)
	}
	return n > 0, nil
}

// MoveAside renames a database file that cannot be used, with its -wal and
// -shm files, to <path>.broken-<UTC time> and returns the new path: the
// GUI's "rebuild" action keeps the old file for rescue, and never deletes
// anything. Close the database first.
//
// The -wal and -shm files move first: were the main file to move alone, a
// new database created at path would pick up the old write-ahead log.
func MoveAside(path string) (string, error) {
	if _, err := os.Stat(path); err != nil {
		return "", &app.Error{Code: app.ENOTFOUND, Message: fmt.Sprintf("cannot move %s aside: it does not exist", path), Err: err}
	}
	stamp := time.Now().UTC().Format("20060102-150405")
	dst := path + ".broken-" + stamp
	for i := 2; exists(dst) || exists(dst+"-wal") || exists(dst+"-shm"); i++ {
		dst = fmt.Sprintf("%s.broken-%s-%d", path, stamp, i)
	}
	var moved [][2]string
	undo := func() {
		for i := len(moved) - 1; i >= 0; i-- {
			os.Rename(moved[i][1], moved[i][0])
		}
	}
	for _, suffix := range []string{"-wal", "-shm", ""} {
		from, to := path+suffix, dst+suffix
		if suffix != "" && !exists(from) {
			continue
		}
		if err := os.Rename(from, to); err != nil {
			undo()
			return "", &app.Error{Code: app.EINTERNAL, Message: fmt.Sprintf("cannot move %s aside; nothing was moved", path), Err: err}
		}
		moved = append(moved, [2]string{from, to})
	}
	return dst, nil
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return !errors.Is(err, fs.ErrNotExist)
}
