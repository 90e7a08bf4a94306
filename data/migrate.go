package data

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"sort"
	"time"

	"briefdesk/app"

	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrationNames lists the embedded migrations in the order they apply.
func migrationNames() ([]string, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	sort.Strings(names)
	return names, err
}

// querier is what *sql.DB, *sql.Conn and *sql.Tx have in common.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// fileState is what decides whether BriefDesk may use a file.
type fileState struct {
	appID, version int
	schema         int // tables, indexes, views and triggers
}

func readState(ctx context.Context, q querier) (fileState, error) {
	var st fileState
	err := q.QueryRowContext(ctx, `SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)`).
		Scan(&st.appID, &st.version, &st.schema)
	return st, err
}

// usable refuses a file BriefDesk did not make, or made by a newer
// BriefDesk that knows more than known migrations. A file not marked as
// ours is taken only when it is empty: no application_id, no user_version,
// nothing in its schema. Anything else is another program's data, and
// writing our schema into it would spoil that program's file.
func (st fileState) usable(path string, known int) error {
	switch {
	case st.appID != 0 && st.appID != ApplicationID:
		return app.Errorf(app.EINVALID, "%s belongs to another program (its application_id is %#x, not BriefDesk's); BriefDesk will not use it, and nothing was changed", path, st.appID)
	case st.appID == 0 && (st.version != 0 || st.schema != 0):
		return app.Errorf(app.EINVALID, "%s belongs to another program (a SQLite database with contents of its own); BriefDesk will not use it, and nothing was changed", path)
	case st.version > known:
		return app.Errorf(app.EINVALID, "%s was written by a newer BriefDesk (schema %d, this one knows %d); nothing was changed", path, st.version, known)
	}
	return nil
}

// setUp refuses a file BriefDesk must not change, then switches it to
// WAL, applies the migrations it lacks, each in a transaction of its own
// that also records it in PRAGMA user_version, and rebuilds a search index
// an older BriefDesk built.
func (d *DB) setUp(ctx context.Context) error {
	names, err := migrationNames()
	if err != nil {
		return err
	}
	st, err := readState(ctx, d.db)
	if err != nil {
		return wrapOpenErr(d.path, err)
	}
	if err := st.usable(d.path, len(names)); err != nil {
		return err
	}
	if err := d.useWAL(ctx); err != nil {
		return err
	}
	for {
		done, err := d.migrateOne(ctx, names)
		if err != nil {
			return err
		}
		if done {
			break
		}
	}
	if err := d.reindex(ctx); err != nil {
		return wrapOpenErr(d.path, fmt.Errorf("rebuild the search index: %w", err))
	}
	return nil
}

// useWAL switches the file to write-ahead logging, which the file then
// keeps. Switching needs the file to itself for a moment, and SQLite
// answers SQLITE_BUSY at once, without waiting, when another program
// opening the same new file holds it; so it tries again for a while.
func (d *DB) useWAL(ctx context.Context) error {
	deadline := time.Now().Add(busyWait)
	for {
		var mode string
		err := d.db.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode)
		if err == nil && mode != "wal" {
			err = fmt.Errorf("journal mode stays %q", mode)
		}
		if err == nil {
			return nil
		}
		if sqliteCode(err) != sqlite3.SQLITE_BUSY || time.Now().After(deadline) {
			return wrapOpenErr(d.path, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(5+rand.IntN(20)) * time.Millisecond):
		}
	}
}

// busyWait is how long Open waits for another program holding the file.
const busyWait = 10 * time.Second

// migrateOne applies the next migration, if any, and reports whether the
// schema is up to date. The version is read again once the write lock is
// held (Open's pool begins every writing transaction IMMEDIATE): two
// programs opening a new file at once both see version 0 beforehand, and
// the second must then find the first's work done instead of running the
// same script again.
func (d *DB) migrateOne(ctx context.Context, names []string) (bool, error) {
	st, err := readState(ctx, d.db)
	if err != nil {
		return false, wrapOpenErr(d.path, err)
	}
	if err := st.usable(d.path, len(names)); err != nil || st.version == len(names) {
		return true, err
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return false, wrapOpenErr(d.path, err)
	}
	defer tx.Rollback()
	if st, err = readState(ctx, tx); err != nil {
		return false, wrapOpenErr(d.path, err)
	}
	if err := st.usable(d.path, len(names)); err != nil || st.version == len(names) {
		return true, err
	}
	name := names[st.version]
	script, err := migrationFS.ReadFile(name)
	if err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, string(script)); err != nil {
		return false, fmt.Errorf("migration %s: %w", name, err)
	}
	// PRAGMA does not take bound parameters; both values are ours.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", st.version+1, ApplicationID)); err != nil {
		return false, fmt.Errorf("migration %s: %w", name, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migration %s: %w", name, err)
	}
	return false, nil
}
