package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"briefdesk/app"
	"briefdesk/data/briefnotes"
)

// insertConflictSQL records an incoming version, with noteArgs.
const insertConflictSQL = `INSERT INTO note_conflicts(note, resolution, clause_id, clause_hash,
	author_name, author_delegation, body, stance, priority, tags, created, updated, deleted,
	origin_file, imported_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// conflictSelect reads incoming versions the way noteSelect reads notes,
// after the conflict's own id.
const conflictSelect = `SELECT k.id, k.note, k.resolution, k.clause_id, k.clause_hash, k.author_name,
	k.author_delegation, k.body, k.stance, k.priority, k.tags, k.created, k.updated,
	k.deleted, k.origin_file, k.imported_at, r.number IS NOT NULL, c.resolution, c.text
	FROM note_conflicts k
	LEFT JOIN resolutions r ON r.number = k.resolution
	LEFT JOIN clauses c ON c.id = k.clause_id AND k.clause_id <> ''`

// conflictRecorded reports whether this very version of a note is already
// waiting as a conflict, so that importing a file twice records it once.
func conflictRecorded(ctx context.Context, q noteQuerier, in *app.Note) (bool, error) {
	rows, err := q.QueryContext(ctx, conflictSelect+" WHERE k.note = ?", in.ID)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	var s noteScanner
	for rows.Next() {
		var id int64
		n, err := s.scan(rows, &id)
		if err != nil {
			return false, err
		}
		if briefnotes.Same(&n, in) {
			return true, nil
		}
	}
	return false, rows.Err()
}

// Conflicts lists the imported versions waiting for the user, oldest
// first, each with the local note as it is now.
func (d *DB) Conflicts(ctx context.Context) (_ []app.Conflict, err error) {
	defer d.explain(&err)
	rows, err := d.db.QueryContext(ctx, conflictSelect+" ORDER BY k.id")
	if err != nil {
		return nil, fmt.Errorf("list conflicts: %w", err)
	}
	var out []app.Conflict
	var s noteScanner
	for rows.Next() {
		var c app.Conflict
		if c.Incoming, err = s.scan(rows, &c.ID); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list conflicts: %w", err)
		}
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list conflicts: %w", err)
	}
	for i := range out {
		local, err := loadNote(ctx, d.db, out[i].Incoming.ID)
		if err != nil {
			return nil, fmt.Errorf("list conflicts: %w", err)
		}
		out[i].Local = *local
	}
	return out, nil
}

// ResolveConflict keeps the local or the incoming version of a note and
// forgets the conflict. The kept version gets a new update time, so that
// the choice wins over both old versions wherever it travels next, and an
// old file imported again is older rather than a new conflict.
func (d *DB) ResolveConflict(ctx context.Context, id int64, keepIncoming bool) (err error) {
	defer d.explain(&err)
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("resolve conflict: %w", err)
	}
	defer tx.Rollback()
	if err := checkTables(ctx, tx, "notes", "note_conflicts"); err != nil {
		return fmt.Errorf("resolve conflict: %w", err)
	}
	var s noteScanner
	var cid int64
	in, err := s.scan(tx.QueryRowContext(ctx, conflictSelect+" WHERE k.id = ?", id), &cid)
	if errors.Is(err, sql.ErrNoRows) {
		return app.Errorf(app.ENOTFOUND, "no conflict %d (it may have been resolved already)", id)
	}
	if err != nil {
		return fmt.Errorf("resolve conflict: %w", err)
	}
	local, err := loadNote(ctx, tx, in.ID)
	if err != nil {
		return err
	}
	keep := *local
	if keepIncoming {
		keep = in
	}
	keep.Updated = nextUpdate(d.Now(), laterOf(local.Updated, in.Updated))
	if _, err := tx.ExecContext(ctx, updateNoteSQL, updateArgs(&keep)...); err != nil {
		return fmt.Errorf("resolve conflict: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM note_conflicts WHERE id = ?", id); err != nil {
		return fmt.Errorf("resolve conflict: %w", err)
	}
	return tx.Commit()
}
