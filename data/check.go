package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// CheckReport is what Check found. Problems are sentences for a person;
// none means the database is sound.
type CheckReport struct {
	Resolutions int // rows found, whatever the import recorded
	Clauses     int
	Footnotes   int
	Refs        int
	Passages    int // documents in the search index: one per resolution
	Problems    []string
}

// OK reports whether Check found nothing wrong.
func (r CheckReport) OK() bool { return len(r.Problems) == 0 }

// maxReported bounds the problems one check lists: a badly damaged file
// can produce thousands of lines that say the same thing.
const maxReported = 10

// Check verifies the database: SQLite's quick_check and foreign keys, the
// search index against the passages it indexes, and the corpus row counts
// against those recorded at import. A damaged file is reported as
// problems, not as an error; the error is for a check that could not run.
//
// Check only reads, so it works on a file the user may not write. The
// search index's own consistency is part of quick_check, which runs FTS5's
// integrity check on it (the same as the 'integrity-check' command, which
// is a write statement and fails on a read-only file).
func (d *DB) Check(ctx context.Context) (CheckReport, error) {
	var rep CheckReport
	add := func(format string, args ...any) {
		rep.Problems = append(rep.Problems, fmt.Sprintf(format, args...))
	}
	// One snapshot for every query: an import committing halfway through
	// would otherwise look like damage.
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return rep, fmt.Errorf("check: %w", err)
	}
	defer tx.Rollback()

	lines, err := pragmaLines(ctx, tx, "PRAGMA quick_check")
	if err != nil {
		if damaged(err) {
			add("the file is damaged and SQLite cannot read it (%v)", err)
			return rep, nil
		}
		return rep, fmt.Errorf("check: %w", err)
	}
	if len(lines) != 1 || lines[0] != "ok" {
		for i, l := range lines {
			if i == maxReported {
				add("... and %d more problems found by SQLite's quick_check", len(lines)-i)
				break
			}
			add("SQLite's quick_check: %s", l)
		}
		// Counting rows of a damaged file tells nothing more.
		return rep, nil
	}

	fks, err := pragmaLines(ctx, tx, `SELECT "table" || ' point to missing rows of ' || parent FROM pragma_foreign_key_check`)
	if err != nil {
		return rep, fmt.Errorf("check: %w", err)
	}
	for _, l := range countLines(fks) {
		add("%d rows of %s", l.n, l.line)
	}
	if err := verifyStored(ctx, tx, &rep, add); err != nil {
		return rep, missingTable(err, add)
	}
	return rep, nil
}

// missingTable turns a table dropped behind BriefDesk's back into a
// problem; any other error stops the check.
func missingTable(err error, add func(string, ...any)) error {
	if strings.Contains(err.Error(), "no such table") {
		add("part of the database is missing (%v)", err)
		return nil
	}
	return fmt.Errorf("check: %w", err)
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

// damaged reports whether err is SQLite saying the file is not a sound
// database.
func damaged(err error) bool {
	msg := err.Error()
	for _, s := range []string{"malformed", "not a database", "corrupt", "disk I/O error"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
