package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"briefdesk/app"
	"briefdesk/data/briefnotes"
)

// SaveNote creates a note (empty ID) or updates one, in its own committed
// transaction, so a note is on disk the moment SaveNote returns. It fills
// n's ID, times, ClauseHash, author (from the settings when empty) and
// origin. Saving anchors the note to its clause's text as it is now, so
// saving a note that needed re-anchoring re-anchors it.
func (d *DB) SaveNote(ctx context.Context, n *app.Note) (err error) {
	defer d.explain(&err)
	if n == nil {
		return app.Errorf(app.EINVALID, "no note to save")
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save note: %w", err)
	}
	defer tx.Rollback()
	if err := checkTables(ctx, tx, "notes"); err != nil {
		return fmt.Errorf("save note: %w", err)
	}

	now := briefnotes.Time(d.Now())
	s := *n
	s.Tags = briefnotes.NormalizeTags(n.Tags)
	s.NeedsReanchor = false
	if s.Stance == "" {
		s.Stance = app.StanceNone
	}
	if n.ID == "" {
		if s.ID, err = newNoteID(); err != nil {
			return fmt.Errorf("save note: %w", err)
		}
		s.Created, s.Updated, s.Deleted, s.Origin = now, now, false, app.Origin{}
		if s.Author == (app.Author{}) {
			if s.Author, err = settingsAuthor(ctx, tx); err != nil {
				return fmt.Errorf("save note: %w", err)
			}
		}
	} else {
		old, err := loadNote(ctx, tx, n.ID)
		if err != nil {
			return err
		}
		s.ID, s.Created, s.Deleted, s.Origin = old.ID, old.Created, old.Deleted, old.Origin
		s.Updated = nextUpdate(now, old.Updated)
		if s.Author == (app.Author{}) {
			s.Author = old.Author
		}
	}
	if err := checkNoteInput(ctx, tx, &s); err != nil {
		return err
	}
	if n.ID == "" {
		_, err = tx.ExecContext(ctx, insertNoteSQL, noteArgs(&s)...)
	} else {
		_, err = tx.ExecContext(ctx, updateNoteSQL, updateArgs(&s)...)
	}
	if err != nil {
		return fmt.Errorf("save note: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save note: %w", err)
	}
	*n = s
	return nil
}

// checkNoteInput validates a note a person wrote, against the corpus, and
// fills ClauseHash. Messages say what to change.
func checkNoteInput(ctx context.Context, q noteQuerier, n *app.Note) error {
	if n.Resolution <= 0 {
		return app.Errorf(app.EINVALID, "a note needs a resolution; nothing was saved")
	}
	// The same rule as the window's and the importer's, in one place.
	if err := n.Validate(); err != nil {
		return &app.Error{Code: app.ErrorCode(err), Message: "cannot save the note: " + app.ErrorMessage(err) + "; nothing was saved", Err: err}
	}
	var found int
	err := q.QueryRowContext(ctx, "SELECT count(*) FROM resolutions WHERE number = ?", n.Resolution).Scan(&found)
	if err != nil {
		return fmt.Errorf("save note: %w", err)
	}
	if found == 0 {
		return app.Errorf(app.EINVALID, "there is no resolution %d; nothing was saved", n.Resolution)
	}
	n.ClauseHash = ""
	if n.ClauseID != "" {
		var res int
		var text string
		err := q.QueryRowContext(ctx, "SELECT resolution, text FROM clauses WHERE id = ?", n.ClauseID).Scan(&res, &text)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return app.Errorf(app.EINVALID, "resolution %d has no clause %q; nothing was saved", n.Resolution, n.ClauseID)
		case err != nil:
			return fmt.Errorf("save note: %w", err)
		case res != n.Resolution:
			return app.Errorf(app.EINVALID, "clause %q belongs to resolution %d, not %d; nothing was saved", n.ClauseID, res, n.Resolution)
		}
		n.ClauseHash = app.ClauseHash(text)
	}
	if err := briefnotes.CheckNote(n); err != nil {
		return app.Errorf(app.EINVALID, "cannot save the note: %v; nothing was saved", err)
	}
	return nil
}

// settingsAuthor is the author a new note gets when none is given.
func settingsAuthor(ctx context.Context, q noteQuerier) (app.Author, error) {
	var a app.Author
	rows, err := q.QueryContext(ctx, "SELECT key, value FROM settings WHERE key IN (?, ?)", app.SettingAuthorName, app.SettingAuthorDelegation)
	if err != nil {
		return a, err
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return a, err
		}
		if k == app.SettingAuthorName {
			a.Name = v
		} else {
			a.Delegation = v
		}
	}
	return a, rows.Err()
}

// DeleteNote marks a note deleted. The tombstone gets a new update time so
// the deletion wins over older copies when it travels in an export.
func (d *DB) DeleteNote(ctx context.Context, id string) (err error) {
	defer d.explain(&err)
	return d.setDeleted(ctx, id, true)
}

// RestoreNote undoes DeleteNote, again as a change that travels.
func (d *DB) RestoreNote(ctx context.Context, id string) (err error) {
	defer d.explain(&err)
	return d.setDeleted(ctx, id, false)
}

func (d *DB) setDeleted(ctx context.Context, id string, deleted bool) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("delete note: %w", err)
	}
	defer tx.Rollback()
	if err := checkTables(ctx, tx, "notes"); err != nil {
		return fmt.Errorf("delete note: %w", err)
	}
	n, err := loadNote(ctx, tx, id)
	if err != nil {
		return err
	}
	if n.Deleted == deleted {
		return nil
	}
	_, err = tx.ExecContext(ctx, "UPDATE notes SET deleted = ?, updated = ? WHERE id = ?",
		deleted, millis(nextUpdate(d.Now(), n.Updated)), n.ID)
	if err != nil {
		return fmt.Errorf("delete note %s: %w", n.ID, err)
	}
	return tx.Commit()
}
