// Package data implements BriefDesk's services on a local SQLite file
// (modernc.org/sqlite: pure Go, FTS5 built in).
//
// Open does all the set-up: WAL, foreign keys, a busy timeout, and the
// embedded migrations, each in its own transaction that also records
// PRAGMA user_version. PRAGMA application_id marks the file as ours, so a
// stray SQLite file from another program is refused rather than altered.
// Every public method that writes runs in one transaction.
package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"briefdesk/app"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ApplicationID is written to PRAGMA application_id ("BDK1").
const ApplicationID = 0x42444B31

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is an open BriefDesk database.
type DB struct {
	db   *sql.DB
	path string
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// Open opens (creating if needed) the database at path and brings its
// schema up to date. A file that is not a BriefDesk database, or was
// written by a newer BriefDesk, is refused with an *app.Error and left
// untouched.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, app.Errorf(app.EINVALID, "no database path given")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, &app.Error{Code: app.EINVALID, Message: fmt.Sprintf("cannot create the folder for database %s", path), Err: err}
		}
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	q := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	sqldb, err := sql.Open("sqlite", fileURI(path, q))
	if err != nil {
		return nil, &app.Error{Code: app.EINTERNAL, Message: "cannot open database " + path, Err: err}
	}
	d := &DB{db: sqldb, path: path, Now: func() time.Time { return time.Now().UTC() }}
	if err := d.migrate(ctx); err != nil {
		sqldb.Close()
		return nil, err
	}
	return d, nil
}

// fileURI is the SQLite URI of the file at path with the query q. The
// path is made absolute and percent-encoded where a URI would read it
// otherwise: "?" starts the query, "#" a fragment, and SQLite decodes
// "%XX", so a file named a?b.db or 100%.db would open another file.
func fileURI(path string, q url.Values) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x on Windows: file:///C:/x
	}
	var b strings.Builder
	b.WriteString("file://")
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '%', '?', '#':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	if len(q) > 0 {
		b.WriteString("?" + q.Encode())
	}
	return b.String()
}

// checkHeader refuses a non-empty file that is not SQLite before the
// driver gets a chance to treat it as one.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &app.Error{Code: app.EINVALID, Message: "cannot read database " + path, Err: err}
	}
	defer f.Close()
	buf := make([]byte, 16)
	n, _ := f.Read(buf)
	if n == 0 {
		return nil
	}
	if n < 16 || string(buf) != "SQLite format 3\x00" {
		return app.Errorf(app.EDAMAGED, "%s is not a SQLite database (damaged, or another kind of file)", path)
	}
	return nil
}

// Path is the file the database lives in.
func (d *DB) Path() string { return d.path }

// SQL exposes the handle for tests and benchmarks in this module.
func (d *DB) SQL() *sql.DB { return d.db }

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

func (d *DB) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)

	var appID, version int
	if err := d.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return wrapOpenErr(d.path, err)
	}
	if err := d.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return wrapOpenErr(d.path, err)
	}
	if appID != 0 && appID != ApplicationID {
		return app.Errorf(app.EINVALID, "%s belongs to another program (application_id %#x); BriefDesk will not change it", d.path, appID)
	}
	if appID == 0 && version != 0 {
		return app.Errorf(app.EINVALID, "%s is a SQLite database of another program; BriefDesk will not change it", d.path)
	}
	if version > len(names) {
		return app.Errorf(app.EINVALID, "%s was written by a newer BriefDesk (schema %d, this one knows %d); nothing was changed", d.path, version, len(names))
	}
	for i := version; i < len(names); i++ {
		script, err := migrationFS.ReadFile(names[i])
		if err != nil {
			return err
		}
		if err := d.apply(ctx, i+1, string(script)); err != nil {
			return fmt.Errorf("migration %s: %w", names[i], err)
		}
	}
	return nil
}

func (d *DB) apply(ctx context.Context, version int, script string) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return wrapOpenErr(d.path, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, script); err != nil {
		return err
	}
	// PRAGMA does not take bound parameters; both values are ours.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", version, ApplicationID)); err != nil {
		return err
	}
	return tx.Commit()
}

func wrapOpenErr(path string, err error) error {
	msg := err.Error()
	if strings.Contains(msg, "not a database") || strings.Contains(msg, "malformed") || strings.Contains(msg, "corrupt") {
		return &app.Error{Code: app.EDAMAGED, Message: fmt.Sprintf("%s is damaged or not a database", path), Err: err}
	}
	return &app.Error{Code: app.EINTERNAL, Message: "cannot read database " + path, Err: err}
}

// DefaultPath is where BriefDesk keeps its database when none is named:
// the user's data directory ($XDG_DATA_HOME, ~/.local/share, %AppData%,
// ~/Library/Application Support).
func DefaultPath() (string, error) {
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "briefdesk", "briefdesk.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	switch {
	case os.Getenv("APPDATA") != "":
		return filepath.Join(os.Getenv("APPDATA"), "BriefDesk", "briefdesk.db"), nil
	case fileExists(filepath.Join(home, "Library")):
		return filepath.Join(home, "Library", "Application Support", "BriefDesk", "briefdesk.db"), nil
	}
	return filepath.Join(home, ".local", "share", "briefdesk", "briefdesk.db"), nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
