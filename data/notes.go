package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"briefdesk/app"
	"briefdesk/data/briefnotes"
)

var _ app.NoteService = (*DB)(nil)

// noteQuerier is what note reads need: a *sql.DB or a *sql.Tx.
type noteQuerier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// noteSelect reads notes with what NeedsReanchor needs: whether the
// resolution still exists and the clause's current text. The joins are
// LEFT JOINs because the corpus may have changed under the notes.
const noteSelect = `SELECT n.id, n.resolution, n.clause_id, n.clause_hash, n.author_name,
	n.author_delegation, n.body, n.stance, n.priority, n.tags, n.created, n.updated,
	n.deleted, n.origin_file, n.imported_at, r.number IS NOT NULL, c.resolution, c.text, n.history, n.revision
	FROM notes n
	LEFT JOIN resolutions r ON r.number = n.resolution
	LEFT JOIN clauses c ON c.id = n.clause_id AND n.clause_id <> ''`

// noteScanner scans noteSelect rows, hashing each clause text once.
type noteScanner struct{ hashes map[string]string }

// scan reads one row; extra are destinations for columns before the
// note's own (a conflict's id).
func (s *noteScanner) scan(rows interface{ Scan(...any) error }, extra ...any) (app.Note, error) {
	var (
		n                app.Note
		stance, tags     string
		created, updated int64
		importedAt       sql.NullInt64
		resExists        bool
		clauseRes        sql.NullInt64
		clauseText       sql.NullString
		history, rev     string
	)
	err := rows.Scan(append(extra, &n.ID, &n.Resolution, &n.ClauseID, &n.ClauseHash, &n.Author.Name,
		&n.Author.Delegation, &n.Body, &stance, &n.Priority, &tags, &created, &updated,
		&n.Deleted, &n.Origin.File, &importedAt, &resExists, &clauseRes, &clauseText, &history, &rev)...)
	if err != nil {
		return n, err
	}
	n.Stance = app.Stance(stance)
	n.History = app.ParseHistory(history)
	n.Revision = app.ParseHistory(rev) // none: stored before revisions (app.Note.Revisions)
	if err := json.Unmarshal([]byte(tags), &n.Tags); err != nil {
		return n, fmt.Errorf("note %s has unreadable tags: %w", n.ID, err)
	}
	n.Created, n.Updated = fromMillis(created), fromMillis(updated)
	if importedAt.Valid {
		n.Origin.Imported, n.Origin.ImportedAt = true, fromMillis(importedAt.Int64)
	}
	switch {
	case !resExists:
		n.NeedsReanchor = true
	case n.ClauseID != "":
		n.NeedsReanchor = !clauseText.Valid || clauseRes.Int64 != int64(n.Resolution) ||
			s.hash(n.ClauseID, clauseText.String) != n.ClauseHash
	}
	return n, nil
}

func (s *noteScanner) hash(id, text string) string {
	if s.hashes == nil {
		s.hashes = map[string]string{}
	}
	h, ok := s.hashes[id]
	if !ok {
		h = app.ClauseHash(text)
		s.hashes[id] = h
	}
	return h
}

func millis(t time.Time) int64      { return t.UnixMilli() }
func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// tagsJSON stores tags as a JSON list, which keeps their order and lets a
// filter use json_each.
func tagsJSON(tags []string) string {
	if len(tags) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(tags) // a []string always marshals
	return string(b)
}

// newNoteID returns a random (version 4) UUID.
func newNoteID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 9562 variant
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:], nil
}

// Note returns one note, deleted or not, or an ENOTFOUND error.
func (d *DB) Note(ctx context.Context, id string) (_ *app.Note, err error) {
	defer d.explain(&err)
	n, err := loadNote(ctx, d.db, id)
	if err != nil {
		return nil, err
	}
	return n, nil
}

func loadNote(ctx context.Context, q noteQuerier, id string) (*app.Note, error) {
	norm, ok := briefnotes.NormalizeID(id)
	if !ok {
		return nil, app.Errorf(app.ENOTFOUND, "no note with id %q", id)
	}
	var s noteScanner
	n, err := s.scan(q.QueryRowContext(ctx, noteSelect+" WHERE n.id = ?", norm))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, app.Errorf(app.ENOTFOUND, "no note with id %s", norm)
	}
	if err != nil {
		return nil, fmt.Errorf("read note %s: %w", norm, err)
	}
	return &n, nil
}

// Notes returns the notes f selects, by resolution, then clause order,
// then creation time.
func (d *DB) Notes(ctx context.Context, f app.NoteFilter) (_ []app.Note, err error) {
	defer d.explain(&err)
	where, args, err := noteWhere(f)
	if err != nil {
		return nil, err
	}
	rows, err := d.db.QueryContext(ctx, noteSelect+where+
		" ORDER BY n.resolution, n.clause_id <> '', coalesce(c.seq, 1e9), n.clause_id, n.created, n.id", args...)
	if err != nil {
		return nil, fmt.Errorf("list notes: %w", err)
	}
	defer rows.Close()
	var (
		out []app.Note
		s   noteScanner
	)
	for rows.Next() {
		n, err := s.scan(rows)
		if err != nil {
			return nil, fmt.Errorf("list notes: %w", err)
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list notes: %w", err)
	}
	return out, nil
}

// noteWhere turns a filter into SQL. Mine and Others together select
// both, as neither does.
func noteWhere(f app.NoteFilter) (string, []any, error) {
	var conds []string
	var args []any
	add := func(cond string, arg ...any) {
		conds = append(conds, cond)
		args = append(args, arg...)
	}
	if f.Resolution < 0 {
		return "", nil, app.Errorf(app.EINVALID, "resolution %d is not a resolution number", f.Resolution)
	}
	if f.Stance != "" && !f.Stance.Valid() {
		return "", nil, app.Errorf(app.EINVALID, "unknown stance %q: want support, concern, watch or none", f.Stance)
	}
	if !f.IncludeDeleted {
		add("n.deleted = 0")
	}
	if f.Resolution > 0 {
		add("n.resolution = ?", f.Resolution)
	}
	if f.ClauseID != "" {
		add("n.clause_id = ?", f.ClauseID)
	}
	if f.Author != "" {
		add("n.author_name = ?", f.Author)
	}
	switch {
	case f.Mine && !f.Others:
		add("n.imported_at IS NULL")
	case f.Others && !f.Mine:
		add("n.imported_at IS NOT NULL")
	}
	if f.Stance != "" {
		add("n.stance = ?", string(f.Stance))
	}
	if f.Tag != "" {
		add("EXISTS (SELECT 1 FROM json_each(n.tags) WHERE value = ?)", f.Tag)
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

// NoteCounts maps each resolution with live notes to their number.
func (d *DB) NoteCounts(ctx context.Context) (_ map[int]int, err error) {
	defer d.explain(&err)
	rows, err := d.db.QueryContext(ctx, "SELECT resolution, count(*) FROM notes WHERE deleted = 0 GROUP BY resolution")
	if err != nil {
		return nil, fmt.Errorf("count notes: %w", err)
	}
	defer rows.Close()
	out := map[int]int{}
	for rows.Next() {
		var r, n int
		if err := rows.Scan(&r, &n); err != nil {
			return nil, fmt.Errorf("count notes: %w", err)
		}
		out[r] = n
	}
	return out, rows.Err()
}

// insertNoteSQL writes a new row and updateNoteSQL overwrites one, with
// noteArgs and updateArgs: every field of the note, origin, revision and
// history included, so that one statement writes a version whole (callers
// pass the history loaded with the note, or the new one).
const (
	insertNoteSQL = `INSERT INTO notes(id, resolution, clause_id, clause_hash,
		author_name, author_delegation, body, stance, priority, tags, created, updated, deleted,
		origin_file, imported_at, revision, history) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	updateNoteSQL = `UPDATE notes SET resolution = ?, clause_id = ?, clause_hash = ?,
		author_name = ?, author_delegation = ?, body = ?, stance = ?, priority = ?, tags = ?,
		created = ?, updated = ?, deleted = ?, origin_file = ?, imported_at = ?, revision = ?, history = ? WHERE id = ?`
)

func updateArgs(n *app.Note) []any { return append(noteArgs(n)[1:], n.ID) }

func noteArgs(n *app.Note) []any {
	var importedAt any
	file := ""
	if n.Origin.Imported {
		importedAt, file = millis(n.Origin.ImportedAt), n.Origin.File
	}
	return []any{n.ID, n.Resolution, n.ClauseID, n.ClauseHash, n.Author.Name,
		n.Author.Delegation, n.Body, string(n.Stance), n.Priority, tagsJSON(n.Tags),
		millis(n.Created), millis(n.Updated), n.Deleted, file, importedAt,
		app.HistoryString(n.Revisions()), app.HistoryString(n.History)}
}

// nextUpdate is the update time for a change to a note last updated at
// prev: now, but always later than prev, so that the change wins a merge
// even if the clock went back or two edits fall in one millisecond.
func nextUpdate(now, prev time.Time) time.Time {
	now = briefnotes.Time(now)
	if !now.After(prev) {
		return prev.Add(time.Millisecond)
	}
	return now
}

func laterOf(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
