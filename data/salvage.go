package data

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
)

// SalvageReport says what Salvage carried over from a damaged file.
type SalvageReport struct {
	Notes     int // notes (tombstones included)
	Conflicts int // unresolved import conflicts
	Packs     int // briefing-pack definitions
	Settings  int
	// Problems are sentences for a person about what could not be read.
	Problems []string
}

// salvageTables are the tables that hold the delegate's own work, parents
// before children. The corpus is not among them: a rebuild takes it from
// the embedded document.
var salvageTables = []string{"settings", "notes", "note_conflicts", "packs", "pack_resolutions"}

// Salvage copies the delegate's own work — settings, notes, conflicts and
// packs — from the database file at from (typically one MoveAside just put
// aside) into d, which should be freshly rebuilt. The old file is opened
// read-only and never changed. Whatever can be read is copied, row by row,
// in one transaction; a table or row that cannot be read or does not fit
// is reported in Problems and skipped, so a rebuild keeps all it can of a
// damaged file instead of starting the delegate from nothing.
func (d *DB) Salvage(ctx context.Context, from string) (_ SalvageReport, err error) {
	defer d.explain(&err)
	var rep SalvageReport
	problem := func(format string, args ...any) {
		if len(rep.Problems) < maxReported {
			rep.Problems = append(rep.Problems, fmt.Sprintf(format, args...))
		}
	}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(2000)")
	old, err := sql.Open("sqlite", fileURI(from, q))
	if err != nil {
		problem("the old file %s cannot be opened (%v)", from, err)
		return rep, nil
	}
	defer old.Close()

	type table struct {
		name string
		cols []string
		rows [][]any
	}
	var tables []table
	for _, name := range salvageTables {
		want, err := tableColumns(ctx, d.db, name)
		if err != nil {
			return rep, fmt.Errorf("salvage: %w", err)
		}
		have, err := tableColumns(ctx, old, name)
		if err != nil {
			problem("the %s of the old file cannot be read (%v)", name, err)
			continue
		}
		cols := commonColumns(want, have)
		if len(cols) == 0 {
			continue // an older file without this table
		}
		rows, err := readRows(ctx, old, name, cols)
		if err != nil {
			problem("the %s of the old file cannot be read in full (%v); %d rows were", name, err, len(rows))
		}
		tables = append(tables, table{name, cols, rows})
	}

	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return rep, fmt.Errorf("salvage: %w", err)
	}
	defer tx.Rollback()
	for _, t := range tables {
		stmt, err := tx.PrepareContext(ctx, fmt.Sprintf("INSERT OR IGNORE INTO %s(%s) VALUES(?%s)",
			t.name, strings.Join(t.cols, ", "), strings.Repeat(", ?", len(t.cols)-1)))
		if err != nil {
			return rep, fmt.Errorf("salvage %s: %w", t.name, err)
		}
		copied, skipped := 0, 0
		for _, row := range t.rows {
			res, err := stmt.ExecContext(ctx, row...)
			if err != nil {
				skipped++
				continue
			}
			if n, _ := res.RowsAffected(); n > 0 {
				copied++
			} else {
				skipped++
			}
		}
		stmt.Close()
		if skipped > 0 {
			problem("%d rows of %s in the old file were damaged or inconsistent and were left there", skipped, t.name)
		}
		switch t.name {
		case "notes":
			rep.Notes = copied
		case "note_conflicts":
			rep.Conflicts = copied
		case "packs":
			rep.Packs = copied
		case "settings":
			rep.Settings = copied
		}
	}
	if err := tx.Commit(); err != nil {
		return rep, fmt.Errorf("salvage: %w", err)
	}
	return rep, nil
}

// tableColumns lists a table's columns; none when it does not exist.
func tableColumns(ctx context.Context, db *sql.DB, table string) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM pragma_table_info(?)", table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		cols = append(cols, c)
	}
	return cols, rows.Err()
}

func commonColumns(want, have []string) []string {
	in := make(map[string]bool, len(have))
	for _, c := range have {
		in[c] = true
	}
	var out []string
	for _, c := range want {
		if in[c] {
			out = append(out, c)
		}
	}
	return out
}

// readRows reads every row it can; on an error it returns those read so far.
func readRows(ctx context.Context, db *sql.DB, table string, cols []string) ([][]any, error) {
	rows, err := db.QueryContext(ctx, fmt.Sprintf("SELECT %s FROM %s", strings.Join(cols, ", "), table))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return out, err
		}
		out = append(out, vals)
	}
	return out, rows.Err()
}
