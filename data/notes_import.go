package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"briefdesk/app"
	"briefdesk/data/briefnotes"
)

// futureSlack is how far in the future a note's time may be. A colleague's
// clock may be off by hours; a note dated next year is a broken clock, and
// where times still decide (notes without histories, see app.Merge) it
// would win every merge until then, so a file with one is refused.
const futureSlack = 48 * time.Hour

// testHookImport, when set by a test, runs inside the import transaction
// after each note is written; the crash test blocks in it to be killed
// halfway through.
var testHookImport func(written int)

// ImportNotes reads a whole .briefnotes file and checks all of it (the
// format, then every note against this corpus) before anything is
// written; then it backs the database up and merges the notes in one
// transaction, by UUID, three ways (app.Merge): each version carries the
// revisions of the exchanged versions it descends from, so
//
//   - unknown here: added;
//   - same content as ours: nothing (the histories join, app.JoinSame);
//   - changed only in the file since the version both had: replaces ours
//     (a tombstone deletes it);
//   - changed only here, or the file's version is one we had before: ours
//     kept;
//   - changed on both sides: ours kept, the file's recorded as a conflict
//     for the user to resolve; nothing is lost.
//
// Update times decide nothing, except for a file or a note without a
// history (app.Merge). Every version merged in, kept or replaced joins
// the note's history ("exchanged"); a waiting conflict whose version
// is now in that history is settled and dropped.
//
// A note whose clause is gone or changed in this corpus is imported and
// counted as needing re-anchoring, never dropped; but a note for a clause
// this corpus lacks when the file claims this very corpus is an error, as
// is a note for a resolution this corpus lacks. Imported notes keep their
// author; their origin is the file's base name and the time of import.
//
// A dry run checks and counts the same way and writes nothing, not even
// the backup. A rejected file is an EINVALID error naming the file and
// changes nothing.
func (d *DB) ImportNotes(ctx context.Context, r io.Reader, fileName string, dryRun bool) (_ app.ImportResult, err error) {
	defer d.explain(&err)
	base := ""
	if fileName != "" {
		base = filepath.Base(fileName)
	}
	fail := func(err error) (app.ImportResult, error) {
		var e *app.Error
		if errors.As(err, &e) && e.Code == app.EINVALID && base != "" {
			return app.ImportResult{DryRun: dryRun}, &app.Error{Code: e.Code, Message: base + ": " + e.Message, Err: e.Err}
		}
		return app.ImportResult{DryRun: dryRun}, err
	}
	f, err := briefnotes.Decode(r)
	if err != nil {
		return fail(err)
	}
	now := briefnotes.Time(d.Now())
	origin := app.Origin{Imported: true, File: base, ImportedAt: now}

	// The plan is made under the write lock, so nothing can change between
	// checking and merging. A rejected file or a dry run just rolls back.
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fail(fmt.Errorf("import notes: %w", err))
	}
	defer tx.Rollback()
	p, err := planImport(ctx, tx, f, origin)
	if err != nil {
		return fail(err)
	}
	if dryRun {
		p.res.DryRun = true
		return p.res, nil
	}
	// The backup reads through another connection. In WAL mode it sees the
	// last commit, which is what this transaction sees: it holds the write
	// lock, so no one else can have committed since.
	if !p.changes() {
		// Nothing to write: no backup either, so repeated imports of the
		// same file do not rotate the useful backups away.
		return p.res, nil
	}
	if _, err := d.Backup(ctx); err != nil {
		return fail(err) // Backup says why in plain words, and that nothing changed
	}
	if err := p.apply(ctx, tx); err != nil {
		return fail(fmt.Errorf("import notes: %w", err))
	}
	if err := tx.Commit(); err != nil {
		return fail(fmt.Errorf("import notes: %w", err))
	}
	return p.res, nil
}

// changes reports whether applying the plan writes anything.
func (p *importPlan) changes() bool {
	return len(p.add)+len(p.update)+len(p.learn)+len(p.conflicts)+len(p.settled)+len(p.packs) > 0
}

// importPlan is what a merge will do.
type importPlan struct {
	res       app.ImportResult
	add       []*app.Note // with their histories
	update    []*app.Note // the file's versions, with the joined histories
	learn     []*app.Note // ours, kept, whose history grew
	conflicts []*app.Note // incoming versions, Origin and History set
	settled   []int64     // waiting conflicts that the merge settles
	packs     []app.Pack  // pack definitions to add or update
}

// corpusIndex is what the checks need of the corpus.
type corpusIndex struct {
	fingerprint string
	resolutions map[int]bool
	clauses     map[string]clauseRef
}

type clauseRef struct {
	resolution int
	hash       string
}

func loadCorpusIndex(ctx context.Context, q noteQuerier) (*corpusIndex, error) {
	ci := &corpusIndex{resolutions: map[int]bool{}, clauses: map[string]clauseRef{}}
	err := q.QueryRowContext(ctx, "SELECT fingerprint FROM corpus_source").Scan(&ci.fingerprint)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, app.Errorf(app.EINVALID, "this database holds no resolutions yet, so there is nothing to attach notes to; load the document first; nothing was imported")
	}
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, "SELECT number FROM resolutions")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		ci.resolutions[n] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = q.QueryContext(ctx, "SELECT id, resolution, text FROM clauses")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, text string
		var res int
		if err := rows.Scan(&id, &res, &text); err != nil {
			return nil, err
		}
		ci.clauses[id] = clauseRef{res, app.ClauseHash(text)}
	}
	return ci, rows.Err()
}

// planImport checks f against the corpus and the notes already here and
// works out what the merge does. It only reads.
func planImport(ctx context.Context, q noteQuerier, f *briefnotes.File, origin app.Origin) (*importPlan, error) {
	ci, err := loadCorpusIndex(ctx, q)
	if err != nil {
		return nil, err
	}
	sameCorpus := f.Corpus.Fingerprint == ci.fingerprint
	limit := origin.ImportedAt.Add(futureSlack)
	anchorless := make([]bool, len(f.Notes))
	for i := range f.Notes {
		n := &f.Notes[i]
		where := fmt.Sprintf("note %d (id %s)", i+1, n.ID)
		if !ci.resolutions[n.Resolution] {
			return nil, app.Errorf(app.EINVALID, "%s is on resolution %d, which this corpus does not have; nothing was imported", where, n.Resolution)
		}
		if n.Updated.After(limit) || n.Created.After(limit) {
			return nil, app.Errorf(app.EINVALID, "%s was written or changed in the future (%s); the exporter's clock may be wrong; nothing was imported", where, n.Updated.Format(time.RFC3339))
		}
		if n.ClauseID == "" {
			continue
		}
		c, ok := ci.clauses[n.ClauseID]
		switch {
		case (!ok || c.resolution != n.Resolution) && sameCorpus && !n.NeedsReanchor:
			// The exporter has this very corpus and did not say the note
			// had lost its clause: the file contradicts itself.
			return nil, app.Errorf(app.EINVALID, "%s is on clause %q of resolution %d, which does not exist, although the file was written against this same corpus; the file is inconsistent; nothing was imported", where, n.ClauseID, n.Resolution)
		case !ok || c.resolution != n.Resolution || c.hash != n.ClauseHash:
			anchorless[i] = true
		}
	}

	local, err := loadNotesByID(ctx, q, f.Notes)
	if err != nil {
		return nil, err
	}
	waiting, err := loadWaiting(ctx, q)
	if err != nil {
		return nil, err
	}
	traced := f.Version >= 2
	p := &importPlan{}
	for i := range f.Notes {
		in := f.Notes[i]
		in.Origin = origin
		in.NeedsReanchor = anchorless[i]
		// What the file's version descends from, itself included.
		in.Revision = in.Revisions()
		lineage := in.Lineage()
		old, ok := local[in.ID]
		if !ok {
			in.History = lineage
			p.add = append(p.add, &in)
			p.res.Added++
			if in.NeedsReanchor {
				p.res.NeedsAnchor++
			}
			continue
		}
		switch outcome := app.Merge(old, &in, traced); outcome {
		case app.MergeSame, app.MergeKeepLocal, app.MergeKeepLocalByTime:
			// A clause_hash alone differing (the colleague's edition of the
			// clause) is no change of the note: the same revision.
			if outcome == app.MergeSame {
				p.res.Unchanged++
			} else {
				p.res.Kept++
			}
			if outcome == app.MergeKeepLocalByTime {
				// Theirs is not known to be older: it stays out of our history.
				continue
			}
			revs, h := old.Revisions(), app.JoinHistory(old.History, lineage...)
			if outcome == app.MergeSame {
				revs, h = app.JoinSame(old, &in)
			}
			if !slices.Equal(h, old.History) || !slices.Equal(revs, old.Revisions()) {
				kept := *old
				kept.Revision, kept.History = revs, h
				p.learn = append(p.learn, &kept)
				p.settle(waiting[in.ID], kept.Lineage())
			}
		case app.MergeTakeIncoming, app.MergeTakeIncomingByTime:
			if !old.Origin.Imported {
				// A colleague's edit of a note written here: it is still
				// ours (and stays in "mine" exports and packs).
				in.Origin = old.Origin
			}
			in.History = app.JoinHistory(old.History, lineage...)
			if outcome == app.MergeTakeIncomingByTime {
				// Only the clock says theirs is later: it does not claim
				// to descend from ours.
				in.History = lineage
			}
			p.update = append(p.update, &in)
			p.res.Updated++
			if in.NeedsReanchor {
				p.res.NeedsAnchor++
			}
			p.settle(waiting[in.ID], in.Lineage())
		case app.MergeConflict:
			if slices.ContainsFunc(waiting[in.ID], func(w waitingVersion) bool {
				return slices.ContainsFunc(in.Revision, func(r string) bool { return slices.Contains(w.lineage, r) })
			}) {
				// This version, or a later one, is already waiting.
				p.res.Unchanged++
				continue
			}
			in.History = lineage
			p.conflicts = append(p.conflicts, &in)
			p.res.Conflicts++
			p.settle(waiting[in.ID], lineage)
		}
	}
	if err := p.planPacks(ctx, q, f.Packs, ci.resolutions, limit); err != nil {
		return nil, err
	}
	return p, nil
}

// planPacks merges the file's pack definitions by name, like notes by
// UUID: unknown names are added, a newer version replaces ours, an older
// or equally old one is left alone (a pack has no tombstone: deleting a
// pack here is not undone by a colleague's file, only by a newer edit).
func (p *importPlan) planPacks(ctx context.Context, q noteQuerier, in []app.Pack, resolutions map[int]bool, limit time.Time) error {
	if len(in) == 0 {
		return nil
	}
	local := map[string]time.Time{}
	rows, err := q.QueryContext(ctx, "SELECT name, updated FROM packs")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var name, updated string
		if err := rows.Scan(&name, &updated); err != nil {
			return err
		}
		t, err := time.Parse(packTime, updated)
		if err != nil {
			return fmt.Errorf("pack %s: stored time %q: %w", name, updated, err)
		}
		local[name] = t
	}
	if err := rows.Err(); err != nil {
		return err
	}
	names := make(map[string]bool, len(in))
	for i := range in {
		pk, err := normalizePack(&in[i])
		if err != nil {
			return app.Errorf(app.EINVALID, "pack %d (%q): %s", i+1, in[i].Name, app.ErrorMessage(err))
		}
		where := fmt.Sprintf("pack %d (%q)", i+1, pk.Name)
		if names[pk.Name] {
			return app.Errorf(app.EINVALID, "%s has the same name as an earlier pack in the file; nothing was imported", where)
		}
		names[pk.Name] = true
		for _, n := range pk.Resolutions {
			if !resolutions[n] {
				return app.Errorf(app.EINVALID, "%s lists resolution %d, which this corpus does not have; nothing was imported", where, n)
			}
		}
		if pk.Updated.After(limit) {
			return app.Errorf(app.EINVALID, "%s was changed in the future (%s); the exporter's clock may be wrong; nothing was imported", where, pk.Updated.Format(time.RFC3339))
		}
		old, ok := local[pk.Name]
		switch {
		case !ok:
			p.res.PacksAdded++
		case pk.Updated.After(old):
			p.res.PacksUpdated++
		default:
			continue
		}
		p.packs = append(p.packs, pk)
	}
	return nil
}

// waitingVersion is a conflict waiting for the user: the incoming
// version's revisions and what it descends from, itself included.
type waitingVersion struct {
	id        int64
	revisions []string
	lineage   []string
}

// loadWaiting reads the waiting conflicts, by note.
func loadWaiting(ctx context.Context, q noteQuerier) (map[string][]waitingVersion, error) {
	rows, err := q.QueryContext(ctx, conflictSelect+" ORDER BY k.id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]waitingVersion{}
	var s noteScanner
	for rows.Next() {
		var id int64
		n, err := s.scan(rows, &id)
		if err != nil {
			return nil, err
		}
		out[n.ID] = append(out[n.ID], waitingVersion{id, n.Revisions(), n.Lineage()})
	}
	return out, rows.Err()
}

// settle drops the waiting conflicts whose version is in lineage: the
// version the note now has descends from it, so there is nothing left to
// choose (keeping it later would bring older words back).
func (p *importPlan) settle(waiting []waitingVersion, lineage []string) {
	for _, w := range waiting {
		if slices.ContainsFunc(w.revisions, func(r string) bool { return slices.Contains(lineage, r) }) && !slices.Contains(p.settled, w.id) {
			p.settled = append(p.settled, w.id)
		}
	}
}

// loadNotesByID reads the local versions of the notes in a file.
func loadNotesByID(ctx context.Context, q noteQuerier, notes []app.Note) (map[string]*app.Note, error) {
	out := make(map[string]*app.Note, len(notes))
	var s noteScanner
	const chunk = 500 // well under SQLite's limit on bound parameters
	for start := 0; start < len(notes); start += chunk {
		end := min(start+chunk, len(notes))
		args := make([]any, 0, end-start)
		for _, n := range notes[start:end] {
			args = append(args, n.ID)
		}
		rows, err := q.QueryContext(ctx, noteSelect+" WHERE n.id IN (?"+strings.Repeat(", ?", len(args)-1)+")", args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			n, err := s.scan(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			out[n.ID] = &n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// apply writes the plan with prepared statements, inside tx.
func (p *importPlan) apply(ctx context.Context, tx *sql.Tx) error {
	written := 0
	run := func(query, what string, notes []*app.Note, args func(*app.Note) []any) error {
		if len(notes) == 0 {
			return nil
		}
		stmt, err := tx.PrepareContext(ctx, query)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, n := range notes {
			if _, err := stmt.ExecContext(ctx, args(n)...); err != nil {
				return fmt.Errorf("%s note %s: %w", what, n.ID, err)
			}
			written++
			if testHookImport != nil {
				testHookImport(written)
			}
		}
		return nil
	}
	if err := run(insertNoteSQL, "add", p.add, noteArgs); err != nil {
		return err
	}
	if err := run(updateNoteSQL, "update", p.update, updateArgs); err != nil {
		return err
	}
	// Added and updated notes were written with their histories; ours,
	// kept, only learn theirs.
	setHistory := func(n *app.Note) []any {
		return []any{app.HistoryString(n.History), app.HistoryString(n.Revisions()), n.ID}
	}
	if err := run("UPDATE notes SET history = ?, revision = ? WHERE id = ?", "record the history of", p.learn, setHistory); err != nil {
		return err
	}
	for _, id := range p.settled {
		if _, err := tx.ExecContext(ctx, "DELETE FROM note_conflicts WHERE id = ?", id); err != nil {
			return fmt.Errorf("drop settled conflict %d: %w", id, err)
		}
	}
	if err := run(insertConflictSQL, "record a conflict on", p.conflicts, noteArgs); err != nil {
		return err
	}
	for i := range p.packs {
		if err := writePack(ctx, tx, &p.packs[i]); err != nil {
			return err
		}
	}
	return nil
}
