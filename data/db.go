// Package data implements BriefDesk's services on a local SQLite file
// (modernc.org/sqlite: pure Go, FTS5 built in).
//
// Open does all the set-up: WAL, foreign keys, a busy timeout, the
// embedded migrations, each in its own transaction that also records
// PRAGMA user_version, and the rebuild of a search index an older
// BriefDesk built. PRAGMA application_id marks the file as ours, so a
// SQLite file from another program is refused, before anything is
// written, rather than altered. Every public method that writes runs in
// one transaction, and every public method's error passes through explain
// (errors.go), so that damage reaches a person in plain words.
package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"briefdesk/app"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ApplicationID is written to PRAGMA application_id ("BDK1").
const ApplicationID = 0x42444B31

// DB is an open BriefDesk database.
type DB struct {
	db   *sql.DB
	path string
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// Open opens (creating if needed) the database at path and brings its
// schema up to date. A file that is not a BriefDesk database, was written
// by a newer BriefDesk, or cannot be written, is refused with an
// *app.Error and left byte for byte as it was.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, app.Errorf(app.EINVALID, "no database path given")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			// EACCESS, not EINVALID: the place is wrong, not the file,
			// and no rebuild of the file can help.
			return nil, &app.Error{Code: app.EACCESS, Err: err, Message: fmt.Sprintf(
				"cannot create the folder %s for the database %s (%s); choose a folder you can write to with --db PATH; nothing was changed",
				dir, path, osReason(err))}
		}
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	// No journal_mode here: WAL is a property of the file, set once by
	// setUp after the checks, so that a refused file is never written.
	q := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "busy_timeout(10000)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	sqldb, err := sql.Open("sqlite", fileURI(path, q))
	if err != nil {
		return nil, &app.Error{Code: app.EINTERNAL, Message: "cannot open database " + path, Err: err}
	}
	d := &DB{db: sqldb, path: path, Now: func() time.Time { return time.Now().UTC() }}
	if err := d.setUp(ctx); err != nil {
		sqldb.Close()
		return nil, err
	}
	return d, nil
}

// checkFile refuses a non-empty file that is not SQLite before the
// driver gets a chance to treat it as one, and a file BriefDesk could read
// but not write: SQLite would open it read-only without a word, and every
// save would fail later.
func checkFile(path string) error {
	exists, err := checkHeader(path)
	if err != nil || !exists {
		return err
	}
	w, err := os.OpenFile(path, os.O_WRONLY, 0)
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return readOnly(path, err)
	}
	if err != nil {
		return &app.Error{Code: app.EACCESS, Message: fmt.Sprintf("cannot open database %s for writing (%s); nothing was changed", path, osReason(err)), Err: err}
	}
	return w.Close()
}

// checkHeader refuses what is not a regular file (a FIFO would block
// the open for ever, a device is no place for a database) and a non-empty
// file that does not start like SQLite. It reports whether the file
// exists.
func checkHeader(path string) (bool, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, &app.Error{Code: app.EACCESS, Message: fmt.Sprintf("cannot read database %s (%s)", path, osReason(err)), Err: err}
	}
	if !fi.Mode().IsRegular() {
		return true, notRegular(path, fi.Mode())
	}
	f, err := os.Open(path)
	if err != nil {
		return true, &app.Error{Code: app.EACCESS, Message: fmt.Sprintf("cannot read database %s (%s)", path, osReason(err)), Err: err}
	}
	defer f.Close()
	buf := make([]byte, 16)
	n, _ := io.ReadFull(f, buf)
	if n > 0 && (n < 16 || string(buf) != "SQLite format 3\x00") {
		return true, app.Errorf(app.EDAMAGED, "%s is not a SQLite database (damaged, or another kind of file)", path)
	}
	return true, nil
}

// notRegular is the error for a database path that names something other
// than a file.
func notRegular(path string, m fs.FileMode) error {
	return app.Errorf(app.EINVALID, "%s is %s, not a database file; name a file with --db; nothing was changed", path, app.FileKind(m))
}

// Path is the file the database lives in.
func (d *DB) Path() string { return d.path }

// SQL exposes the handle for tests and benchmarks in this module.
func (d *DB) SQL() *sql.DB { return d.db }

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }
