package data

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"

	"briefdesk/app"
	"briefdesk/data/briefnotes"
)

// ExportNotes writes a .briefnotes file of the notes f selects, always
// with their tombstones (deletions must travel too, so f.IncludeDeleted is
// ignored), stamped with this corpus's fingerprint, and the pack
// definitions named in packs. The exporter defaults to the author in the
// settings. Nothing is written to w unless the whole file is ready.
//
// A note exported is exchanged: its revision joins its history here
// (and in the file), so that when a colleague's edit of this very version
// comes back, the merge sees that only they changed it. That is all an
// export changes, and it is never wrong: a version descends from itself.
func (d *DB) ExportNotes(ctx context.Context, w io.Writer, f app.NoteFilter, exporter app.Author, packs []string) (err error) {
	defer d.explain(&err)
	src, err := d.corpusSource(ctx)
	if err != nil {
		return err
	}
	f.IncludeDeleted = true
	notes, err := d.Notes(ctx, f)
	if err != nil {
		return err
	}
	if exporter == (app.Author{}) {
		if exporter, err = settingsAuthor(ctx, d.db); err != nil {
			return fmt.Errorf("export notes: %w", err)
		}
	}
	file := briefnotes.File{
		ExportedAt: briefnotes.Time(d.Now()),
		Exporter:   exporter,
		Corpus:     app.Source{Name: src.Name, Fingerprint: src.Fingerprint},
		Notes:      notes,
	}
	if file.Packs, err = d.packsForExport(ctx, packs); err != nil {
		return err
	}
	// The file is made whole before the histories are recorded: an export
	// refused (an unknown pack, too many notes) changes nothing here.
	var fresh []app.Note // those whose revision is not in their history yet
	for i := range notes {
		if h := app.JoinHistory(notes[i].History, notes[i].Revision()); !slices.Equal(h, notes[i].History) {
			notes[i].History = h
			fresh = append(fresh, notes[i])
		}
	}
	var buf bytes.Buffer
	if err := briefnotes.Encode(&buf, file); err != nil {
		return err
	}
	if err := d.recordExchanged(ctx, fresh); err != nil {
		return fmt.Errorf("export notes: %w", err)
	}
	if _, err := buf.WriteTo(w); err != nil {
		return fmt.Errorf("write notes file: %w", err)
	}
	return nil
}

// corpusSource reads the corpus's name and fingerprint.
func (d *DB) corpusSource(ctx context.Context) (app.Source, error) {
	var s app.Source
	rows, err := d.db.QueryContext(ctx, "SELECT name, fingerprint FROM corpus_source")
	if err != nil {
		return s, fmt.Errorf("export notes: %w", err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return s, fmt.Errorf("export notes: %w", err)
		}
		return s, app.Errorf(app.EINVALID, "this database holds no resolutions yet, so it has no notes to export; nothing was written")
	}
	if err := rows.Scan(&s.Name, &s.Fingerprint); err != nil {
		return s, fmt.Errorf("export notes: %w", err)
	}
	return s, rows.Err()
}

// packsForExport loads the named pack definitions. The pack service lives
// in another file of this package (data/packs.go); the interface check
// keeps notes export working in a build without it, where packs are left out.
func (d *DB) packsForExport(ctx context.Context, names []string) ([]app.Pack, error) {
	ps, ok := any(d).(app.PackService)
	if !ok || len(names) == 0 {
		return nil, nil
	}
	out := make([]app.Pack, 0, len(names))
	seen := map[string]bool{}
	for _, name := range names {
		if seen[name] {
			continue
		}
		seen[name] = true
		p, err := ps.Pack(ctx, name)
		if err != nil {
			return nil, err
		}
		out = append(out, *p)
	}
	return out, nil
}

// recordExchanged adds each note's revision to its stored history, in one
// transaction. It re-reads each history in the transaction, so an import
// that committed meanwhile is not undone.
func (d *DB) recordExchanged(ctx context.Context, notes []app.Note) error {
	if len(notes) == 0 {
		return nil
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, "UPDATE notes SET history = ? WHERE id = ?")
	if err != nil {
		return err
	}
	defer stmt.Close()
	changed := false
	for i := range notes {
		n := &notes[i]
		var stored string
		if err := tx.QueryRowContext(ctx, "SELECT history FROM notes WHERE id = ?", n.ID).Scan(&stored); err != nil {
			return fmt.Errorf("note %s: %w", n.ID, err)
		}
		old := app.ParseHistory(stored)
		h := app.JoinHistory(old, n.Revision())
		if slices.Equal(h, old) {
			continue
		}
		if _, err := stmt.ExecContext(ctx, app.HistoryString(h), n.ID); err != nil {
			return fmt.Errorf("note %s: %w", n.ID, err)
		}
		changed = true
	}
	if !changed {
		return nil
	}
	return tx.Commit()
}
