package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"

	"briefdesk/app"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// SQLite's own messages ("database disk image is malformed (11)") mean
// nothing to a delegate. Every public method passes its error through
// explain once, on its way out, so that damage and a read-only file are
// told in plain words wherever they are met; the SQLite error stays in
// the chain for logs.

// explain replaces *errp with what a person should read, when it is
// damage or a read-only file. Use it as `defer d.explain(&err)`.
func (d *DB) explain(errp *error) {
	if *errp != nil {
		*errp, _ = explainErr(d.path, *errp)
	}
}

// explainErr returns err as an *app.Error if it shows the file damaged
// (EDAMAGED) or read-only or impossible to create (EACCESS), and whether it did so. An *app.Error
// already meant for a person passes as it is.
func explainErr(path string, err error) (error, bool) {
	var ae *app.Error
	if errors.As(err, &ae) && ae.Code != app.EINTERNAL {
		return err, false
	}
	var told *systemFailure
	if errors.As(err, &told) {
		return err, false // explained already, on its way up
	}
	if why := damage(err); why != "" {
		return &app.Error{Code: app.EDAMAGED, Err: err, Message: fmt.Sprintf("the database %s is damaged (%s); "+
			"run `briefdesk check`, or open BriefDesk to rebuild it; nothing was changed", path, why)}, true
	}
	if sqliteCode(err) == sqlite3.SQLITE_READONLY {
		// A read-only folder or disk, which Open's check of the file
		// cannot see: SQLite cannot make its -wal file there.
		return readOnly(path, err), true
	}
	if sqliteCode(err) == sqlite3.SQLITE_CANTOPEN {
		// The folder exists but SQLite cannot create the file in it (a
		// read-only or virtual file system, no permission).
		return &app.Error{Code: app.EACCESS, Err: &systemFailure{err}, Message: fmt.Sprintf(
			"cannot create or open the database %s: its folder %s cannot be written; "+
				"choose a folder you can write to with --db PATH; nothing was changed", path, filepath.Dir(path))}, true
	}
	if msg := systemMessage(path, err); msg != "" {
		return &app.Error{Code: app.EINTERNAL, Message: msg, Err: &systemFailure{err}}, true
	}
	return err, false
}

// systemMessage says in plain words a failure of the system around the
// database (a full disk, a lock another program holds, a disk that stops
// answering), what to do about it, and that nothing changed; or "" for
// any other error. Every write is one transaction, so a failed one left
// the file as it was.
func systemMessage(path string, err error) string {
	full := fmt.Sprintf("the disk holding %s is full, so BriefDesk could not save; "+
		"free some space on it and try again; nothing was changed", path)
	switch sqliteCode(err) {
	case sqlite3.SQLITE_FULL:
		return full
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return fmt.Sprintf("the database %s is locked by another program (another BriefDesk, "+
			"or a backup or sync tool) and stayed locked; wait for it to finish or close it, "+
			"then try again; nothing was changed", path)
	case sqlite3.SQLITE_IOERR:
		if errors.Is(err, syscall.ENOSPC) || lowOnRoom(path) {
			return full
		}
		return fmt.Sprintf("the system could not read or write %s (is its disk, USB stick or "+
			"network folder still there?); try again, and run `briefdesk check` if it "+
			"happens again; nothing was changed", path)
	}
	return ""
}

// systemFailure marks an error systemMessage has explained, so that it
// is explained once however many public methods it passes through.
type systemFailure struct{ err error }

func (e *systemFailure) Error() string { return e.err.Error() }
func (e *systemFailure) Unwrap() error { return e.err }

// wrapOpenErr is explainErr for Open, where any other failure means the
// file cannot be used.
func wrapOpenErr(path string, err error) error {
	if e, ok := explainErr(path, err); ok {
		return e
	}
	var ae *app.Error
	if errors.As(err, &ae) {
		return err
	}
	return &app.Error{Code: app.EINTERNAL, Message: "cannot open database " + path, Err: err}
}

// readOnly is the error for a database BriefDesk may read but not write.
func readOnly(path string, err error) error {
	return &app.Error{Code: app.EACCESS, Err: err, Message: fmt.Sprintf("%s is read-only; BriefDesk needs to write to it "+
		"to keep notes, packs and settings. Make it writable, or copy it to a folder of your own and open the copy; nothing was changed", path)}
}

// damage says in a few words how err shows the file damaged, or "" when
// it does not.
func damage(err error) string {
	switch sqliteCode(err) {
	case sqlite3.SQLITE_CORRUPT:
		return "SQLite cannot make sense of part of it"
	case sqlite3.SQLITE_NOTADB:
		return "SQLite does not recognise it as a database"
	}
	if t := missingTable(err); t != "" {
		return "its table " + t + " is missing"
	}
	var td *tableDamage
	if errors.As(err, &td) {
		return "its table " + td.table + " fails SQLite's check"
	}
	msg := err.Error()
	for _, s := range []string{"malformed", "not a database", "corrupt"} {
		if strings.Contains(msg, s) {
			return "SQLite cannot make sense of part of it"
		}
	}
	return ""
}

// sqliteCode is the primary SQLite result code in err's chain
// (sqlite3.SQLITE_BUSY, ...), or 0 when err did not come from SQLite.
func sqliteCode(err error) int {
	var e *sqlite.Error
	if errors.As(err, &e) {
		return e.Code() & 0xff
	}
	return 0
}

var noSuchTable = regexp.MustCompile(`no such table: (?:main\.)?(\w+)`)

// missingTable returns the name of a table of BriefDesk's schema that err
// says does not exist, or "". All SQL here is ours, so a missing table of
// ours means the schema was damaged.
func missingTable(err error) string {
	m := noSuchTable.FindStringSubmatch(err.Error())
	if m == nil || !ourTables()[m[1]] && !strings.HasPrefix(m[1], "search_") {
		return "" // search_*: FTS5's own tables behind search
	}
	return m[1]
}

// ourTables are the tables the migrations create.
var ourTables = sync.OnceValue(func() map[string]bool {
	tables := map[string]bool{}
	names, _ := migrationNames()
	re := regexp.MustCompile(`(?i)CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(\w+)`)
	for _, n := range names {
		b, _ := migrationFS.ReadFile(n)
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			tables[m[1]] = true
		}
	}
	return tables
})

// tableDamage is what checkTables found: quick_check's diagnostics for
// one table.
type tableDamage struct {
	table string
	lines []string
}

func (e *tableDamage) Error() string {
	return fmt.Sprintf("quick_check(%s): %s", e.table, strings.Join(e.lines, "; "))
}

// checkTables runs SQLite's quick_check on the tables a write is about to
// change (and their indexes), inside the write's transaction, before
// anything is written. SQLite can insert into a table one of whose pages
// is damaged without noticing, when the new row goes to a sound page: the
// write would report success for a note that no list can ever show. A
// damaged table fails here instead, and explain turns the error into
// EDAMAGED. The check reads each page of the tables once, which for
// notes, settings and packs is a few milliseconds.
func checkTables(ctx context.Context, q querier, tables ...string) error {
	for _, t := range tables {
		// PRAGMA takes no bound parameters; the names are ours.
		lines, err := pragmaLines(ctx, q, "PRAGMA quick_check("+t+")")
		if err != nil {
			return fmt.Errorf("check table %s: %w", t, err)
		}
		if len(lines) != 1 || lines[0] != "ok" {
			return &tableDamage{table: t, lines: lines}
		}
	}
	return nil
}

// osReason is the system's own words for why a file operation failed
// ("permission denied", "no such file or directory"), without the
// operation and path the message already gives.
func osReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
