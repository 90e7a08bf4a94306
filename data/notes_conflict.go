package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"briefdesk/app"
	"briefdesk/data/briefnotes"
)

// insertConflictSQL records an incoming version, with noteArgs (the
// columns of a note, in the same order).
const insertConflictSQL = `INSERT INTO note_conflicts(note, resolution, clause_id, clause_hash,
	author_name, author_delegation, body, stance, priority, tags, created, updated, deleted,
	origin_file, imported_at, revision, history) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// conflictSelect reads incoming versions the way noteSelect reads notes,
// after the conflict's own id.
const conflictSelect = `SELECT k.id, k.note, k.resolution, k.clause_id, k.clause_hash, k.author_name,
	k.author_delegation, k.body, k.stance, k.priority, k.tags, k.created, k.updated,
	k.deleted, k.origin_file, k.imported_at, r.number IS NOT NULL, c.resolution, c.text, k.history, k.revision
	FROM note_conflicts k
	LEFT JOIN resolutions r ON r.number = k.resolution
	LEFT JOIN clauses c ON c.id = k.clause_id AND k.clause_id <> ''`

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

// ResolveConflict settles a conflict as the person chose, in one
// transaction:
//
//   - app.KeepMine: our version stays;
//   - app.KeepTheirs: the file's version replaces ours (a note written
//     here stays "written here");
//   - app.KeepBoth: ours stays and the file's version becomes a new note,
//     with a new ID, marked as imported from that file; not for a version
//     that deletes the note, which would make a deleted copy.
//
// Either way the note kept is a new version made from both (app.Resolve:
// a new revision whose parents are both sides', like a merge commit, and
// both lineages in its history), so when it travels on it replaces both
// old versions wherever they are, an old file imported again is older
// rather than a new conflict, and even words that came back (X, Y, X)
// settle once chosen. Another waiting version that the kept one descends
// from is settled too. The kept note gets a new update time, for people
// to see; it decides no merge.
func (d *DB) ResolveConflict(ctx context.Context, id int64, keep app.Keep) (err error) {
	defer d.explain(&err)
	switch keep {
	case app.KeepMine, app.KeepTheirs, app.KeepBoth:
	default:
		return app.Errorf(app.EINVALID, "resolve conflict %d: keep %q is not mine, theirs or both; nothing was changed", id, keep)
	}
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
	if keep == app.KeepBoth && in.Deleted {
		return app.Errorf(app.EINVALID, "conflict %d: their version deletes the note, so there is no second note to keep; keep mine or keep theirs; nothing was changed", id)
	}
	local, err := loadNote(ctx, tx, in.ID)
	if err != nil {
		return err
	}
	now := briefnotes.Time(d.Now())
	kept := *local
	if keep == app.KeepTheirs {
		kept = in
		if !local.Origin.Imported {
			kept.Origin = local.Origin
		}
	}
	kept.Updated = nextUpdate(now, laterOf(local.Updated, in.Updated))
	kept.Revision, kept.History = app.Resolve(local, &in, keep)
	if _, err := tx.ExecContext(ctx, updateNoteSQL, updateArgs(&kept)...); err != nil {
		return fmt.Errorf("resolve conflict: %w", err)
	}
	if keep == app.KeepBoth {
		second := in
		if second.ID, err = newNoteID(); err != nil {
			return fmt.Errorf("resolve conflict: %w", err)
		}
		second.Updated = nextUpdate(now, in.Updated)
		second.History = nil // a new note, never exchanged yet
		second.Revision = []string{app.NewRevision(nil, &second)}
		if _, err := tx.ExecContext(ctx, insertNoteSQL, noteArgs(&second)...); err != nil {
			return fmt.Errorf("resolve conflict: keep both: %w", err)
		}
	}
	// This conflict, and any other waiting version the kept one descends from.
	waiting, err := loadWaiting(ctx, tx)
	if err != nil {
		return fmt.Errorf("resolve conflict: %w", err)
	}
	var p importPlan
	p.settle(waiting[in.ID], kept.Lineage())
	for _, w := range append(p.settled, id) {
		if _, err := tx.ExecContext(ctx, "DELETE FROM note_conflicts WHERE id = ?", w); err != nil {
			return fmt.Errorf("resolve conflict: %w", err)
		}
	}
	return tx.Commit()
}
