package data

import (
	"context"
	"database/sql"
	"errors"
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
	Passages    int
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
func (d *DB) Check(ctx context.Context) (CheckReport, error) {
	var rep CheckReport
	add := func(format string, args ...any) {
		rep.Problems = append(rep.Problems, fmt.Sprintf(format, args...))
	}
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return rep, fmt.Errorf("check: %w", err)
	}
	defer conn.Close()

	lines, err := pragmaLines(ctx, conn, "PRAGMA quick_check")
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

	fks, err := pragmaLines(ctx, conn, `SELECT "table" || ' point to missing rows of ' || parent FROM pragma_foreign_key_check`)
	if err != nil {
		return rep, fmt.Errorf("check: %w", err)
	}
	for _, l := range countLines(fks) {
		add("%d rows of %s", l.n, l.line)
	}

	// rank 1: compare the index with the passages table too, which is
	// what catches rows deleted or changed behind the index's back.
	if _, err := conn.ExecContext(ctx, "INSERT INTO search(search, rank) VALUES('integrity-check', 1)"); err != nil {
		add("the search index does not match the corpus text; import the corpus again to rebuild it (%v)", err)
	}

	if err := checkCounts(ctx, conn, &rep, add); err != nil {
		return rep, fmt.Errorf("check: %w", err)
	}
	return rep, nil
}

// checkCounts compares the corpus tables with what the import recorded
// and with each other.
func checkCounts(ctx context.Context, conn *sql.Conn, rep *CheckReport, add func(string, ...any)) error {
	var want CheckReport
	err := conn.QueryRowContext(ctx, "SELECT resolutions, clauses, footnotes, refs, passages FROM corpus_source").
		Scan(&want.Resolutions, &want.Clauses, &want.Footnotes, &want.Refs, &want.Passages)
	noCorpus := errors.Is(err, sql.ErrNoRows)
	if err != nil && !noCorpus {
		return err
	}
	if noCorpus {
		add("no corpus has been imported")
	}
	for _, c := range []struct {
		table     string
		got, want *int
		what      string
	}{
		{"resolutions", &rep.Resolutions, &want.Resolutions, "resolutions"},
		{"clauses", &rep.Clauses, &want.Clauses, "clauses"},
		{"footnotes", &rep.Footnotes, &want.Footnotes, "footnotes"},
		{"refs", &rep.Refs, &want.Refs, "references"},
		{"passages", &rep.Passages, &want.Passages, "searchable passages"},
	} {
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM "+c.table).Scan(c.got); err != nil {
			return err
		}
		if !noCorpus && *c.got != *c.want {
			add("the corpus should have %d %s but has %d", *c.want, c.what, *c.got)
		}
	}
	for _, o := range []struct{ what, q string }{
		{"clauses belong to no resolution", "SELECT count(*) FROM clauses c LEFT JOIN resolutions r ON r.number = c.resolution WHERE r.number IS NULL"},
		{"references come from a clause that does not exist", "SELECT count(*) FROM refs f LEFT JOIN clauses c ON c.id = f.clause_id WHERE f.clause_id <> '' AND c.id IS NULL"},
		{"footnotes are anchored to a clause that does not exist", "SELECT count(*) FROM footnotes f LEFT JOIN clauses c ON c.id = f.anchor WHERE f.anchor NOT IN ('', 'title') AND c.id IS NULL"},
		{"searchable passages belong to a clause that does not exist", "SELECT count(*) FROM passages p LEFT JOIN clauses c ON c.id = p.clause_id WHERE p.clause_id <> '' AND c.id IS NULL"},
		{"resolutions have no searchable title", "SELECT count(*) FROM resolutions r WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.resolution = r.number AND p.kind <= 1)"},
	} {
		var n int
		if err := conn.QueryRowContext(ctx, o.q).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			add("%d %s", n, o.what)
		}
	}
	return nil
}

func pragmaLines(ctx context.Context, conn *sql.Conn, q string) ([]string, error) {
	rows, err := conn.QueryContext(ctx, q)
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
