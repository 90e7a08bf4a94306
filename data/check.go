package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"briefdesk/app"
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

	if err := checkCounts(ctx, conn, &rep, add); err != nil {
		return rep, missingTable(err, add)
	}
	if err := d.checkIndexedText(ctx, add); err != nil {
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

// checkIndexedText re-derives every resolution's search document from its
// text and compares it with what was indexed: the index keeps no text of
// its own, so this is what finds text changed behind its back.
func (d *DB) checkIndexedText(ctx context.Context, add func(string, ...any)) error {
	rs, err := d.Resolutions(ctx, app.ResolutionFilter{Full: true})
	if err != nil {
		return err
	}
	stored := map[int]string{}
	rows, err := d.db.QueryContext(ctx, "SELECT number, search_hash FROM resolutions")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var n int
		var h string
		if err := rows.Scan(&n, &h); err != nil {
			return err
		}
		stored[n] = h
	}
	if err := rows.Err(); err != nil {
		return err
	}
	var bad []string
	for i := range rs {
		if searchHash(searchDoc(&rs[i])) != stored[rs[i].Number] {
			bad = append(bad, strconv.Itoa(rs[i].Number))
		}
	}
	if len(bad) > 0 {
		if len(bad) > maxReported {
			bad = append(bad[:maxReported], "...")
		}
		add("the text of %d resolutions (%s) is not what the search index holds; import the corpus again to rebuild it", len(bad), strings.Join(bad, ", "))
	}
	return nil
}

// checkCounts compares the corpus tables with what the import recorded
// and with each other.
func checkCounts(ctx context.Context, conn *sql.Conn, rep *CheckReport, add func(string, ...any)) error {
	var want CheckReport
	err := conn.QueryRowContext(ctx, "SELECT resolutions, clauses, footnotes, refs, resolutions FROM corpus_source").
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
		{"search_docsize", &rep.Passages, &want.Passages, "documents in the search index"},
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
		{"documents of the search index belong to no resolution", "SELECT count(*) FROM search_docsize s LEFT JOIN resolutions r ON r.number = s.id WHERE r.number IS NULL"},
		{"resolutions are missing from the search index", "SELECT count(*) FROM resolutions r LEFT JOIN search_docsize s ON s.id = r.number WHERE s.id IS NULL"},
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
