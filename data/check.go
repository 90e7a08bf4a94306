package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"time"

	"briefdesk/app"

	sqlite3 "modernc.org/sqlite/lib"
)

// OpenReadOnly opens the database at path to look at it as it is, for
// Check: read-only and query-only, no migration, no WAL switch, no import,
// so that the file is byte for byte the same afterwards. A file that is
// empty (zero bytes, or a SQLite file with nothing in it) is EDAMAGED,
// "not a BriefDesk database"; another program's file, or one written by a
// newer or older BriefDesk, is EINVALID.
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	exists, err := checkHeader(path)
	if err != nil {
		return nil, err
	}
	if !exists {
		return nil, app.Errorf(app.ENOTFOUND, "there is no database at %s", path)
	}
	if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
		return nil, app.Errorf(app.EDAMAGED, "%s is empty (0 bytes), not a BriefDesk database", path)
	}
	q := url.Values{}
	q.Set("mode", "ro")
	if _, err := os.Lstat(path + "-wal"); errors.Is(err, fs.ErrNotExist) {
		// No write-ahead log: no BriefDesk has the file open (the last to
		// close removes it) and every change is in the file itself. A
		// read-only connection to a WAL file would still create -wal and
		// -shm beside it; immutable reads the file alone and creates
		// nothing. A program that opens the file meanwhile writes to its
		// own -wal, not to the file, until a checkpoint long after.
		q.Set("immutable", "1")
	}
	for _, p := range []string{"query_only(1)", "busy_timeout(10000)"} {
		q.Add("_pragma", p)
	}
	sqldb, err := sql.Open("sqlite", fileURI(path, q))
	if err != nil {
		return nil, &app.Error{Code: app.EINTERNAL, Message: "cannot open database " + path, Err: err}
	}
	d := &DB{db: sqldb, path: path, Now: func() time.Time { return time.Now().UTC() }}
	if err := d.readOnlyState(ctx); err != nil {
		sqldb.Close()
		return nil, err
	}
	return d, nil
}

// readOnlyState refuses, for OpenReadOnly, a file Check cannot judge.
func (d *DB) readOnlyState(ctx context.Context) error {
	names, err := migrationNames()
	if err != nil {
		return err
	}
	st, err := readState(ctx, d.db)
	if err != nil {
		return wrapOpenErr(d.path, err)
	}
	if st.appID == 0 && st.version == 0 && st.schema == 0 {
		return app.Errorf(app.EDAMAGED, "%s is an empty SQLite file, not a BriefDesk database", d.path)
	}
	if err := st.usable(d.path, len(names)); err != nil {
		return err
	}
	if st.version < len(names) {
		return app.Errorf(app.EINVALID, "%s was written by an older BriefDesk (schema %d, this one knows %d); "+
			"open it once with this BriefDesk, which brings it up to date, then check it; nothing was changed", d.path, st.version, len(names))
	}
	return nil
}

// maxReported bounds the problems one check lists: a badly damaged file
// can produce thousands of lines that say the same thing.
const maxReported = 10

// Check verifies the database: SQLite's quick_check and foreign keys, the
// search index against the passages it indexes, and the corpus rows
// against the counts and the content hash recorded at import. A damaged
// file is reported as problems, not as an error; the error is for a check
// that could not run.
//
// Check only reads, so it works on a file the user may not write. The
// search index's own consistency is part of quick_check, which runs FTS5's
// integrity check on it (the same as the 'integrity-check' command, which
// is a write statement and fails on a read-only file).
func (d *DB) Check(ctx context.Context) (rep app.CheckReport, err error) {
	defer d.explain(&err)
	add := func(format string, args ...any) {
		rep.Problems = append(rep.Problems, fmt.Sprintf(format, args...))
	}
	// stop ends the check on an error: a problem when the error shows
	// the file damaged, an error otherwise.
	stop := func(err error) (app.CheckReport, error) {
		if t := missingTable(err); t != "" {
			add("part of the database is missing: the table %s", t)
			return rep, nil
		}
		if why := damage(err); why != "" {
			add("the file is damaged: %s", why)
			return rep, nil
		}
		if sqliteCode(err) == sqlite3.SQLITE_IOERR {
			add("the file is damaged: SQLite cannot read all of it")
			return rep, nil
		}
		return rep, fmt.Errorf("check: %w", err)
	}
	// One snapshot for every query: an import committing halfway through
	// would otherwise look like damage.
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return stop(err)
	}
	defer tx.Rollback()

	lines, err := pragmaLines(ctx, tx, "PRAGMA quick_check")
	if err != nil {
		return stop(err)
	}
	if len(lines) != 1 || lines[0] != "ok" {
		quickCheckProblems(lines, add)
		// Counting rows of a damaged file tells nothing more.
		return rep, nil
	}
	fks, err := pragmaLines(ctx, tx, `SELECT "table" || ' point to missing rows of ' || parent FROM pragma_foreign_key_check`)
	if err != nil {
		return stop(err)
	}
	for _, l := range countLines(fks) {
		add("%d rows of %s", l.n, l.line)
	}
	if err := verifyStored(ctx, tx, &rep, add); err != nil {
		return stop(err)
	}
	return rep, nil
}

// quickCheckProblems turns quick_check's diagnostics into sentences: one
// for the search index, whose diagnostics ("fts5: corruption found reading
// blob 137438953475 ...") say no more than that it is damaged, and one for
// the rest, with the first of them cut short.
func quickCheckProblems(lines []string, add func(string, ...any)) {
	var other []string
	fts := false
	for _, l := range lines {
		switch {
		case strings.Contains(l, "fts5") || strings.Contains(l, `table "search"`):
			fts = true
		case !strings.HasPrefix(l, "*** in database"):
			other = append(other, l)
		}
	}
	if fts {
		add("the search index is damaged; import the document again to rebuild it")
	}
	switch len(other) {
	case 0:
	case 1:
		add("SQLite found damage in the file: %s", shorten(other[0], 100))
	default:
		add("SQLite found %d places where the file is damaged; the first: %s", len(other), shorten(other[0], 100))
	}
}

// shorten cuts s to at most n characters, marking the cut with "…".
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func pragmaLines(ctx context.Context, tx querier, q string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

type lineCount struct {
	line string
	n    int
}

// countLines counts equal lines, in order of first appearance, keeping the
// report short.
func countLines(lines []string) []lineCount {
	var out []lineCount
	at := map[string]int{}
	for _, l := range lines {
		i, ok := at[l]
		if !ok {
			i = len(out)
			at[l] = i
			out = append(out, lineCount{line: l})
		}
		out[i].n++
	}
	return out
}
