package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"briefdesk/app"
	"briefdesk/data/tokenize"
)

// ImportStats says what an Import did.
type ImportStats struct {
	Resolutions int
	Clauses     int
	Footnotes   int
	Refs        int
	Passages    int // rows of the search index
	// Unchanged is true when the database already held this very corpus;
	// then nothing was written.
	Unchanged bool
	// Replaced is true when a different corpus was there before.
	Replaced bool
}

// corpusTables lists the tables Import replaces, children first. Nothing
// else is ever deleted by an import.
var corpusTables = []string{"refs", "footnotes", "passages", "clauses", "resolutions", "overview_paragraphs", "overview_sections", "corpus_source"}

// Passage kinds, as stored in passages.kind; lower kinds are titles.
const (
	kindTitle = iota
	kindTitleTable1
	kindSummary
	kindClause
	kindFootnote
)

// Import validates c and then writes it in one transaction, replacing any
// corpus already there. Importing the corpus the database already holds
// writes nothing. Notes, packs and settings are never touched: they refer
// to resolutions and clauses by number and ID, not by foreign key.
func (d *DB) Import(ctx context.Context, c *app.Corpus) (ImportStats, error) {
	if err := validateCorpus(c); err != nil {
		return ImportStats{}, err
	}
	hash, err := contentHash(c)
	if err != nil {
		return ImportStats{}, fmt.Errorf("import corpus: %w", err)
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return ImportStats{}, fmt.Errorf("import corpus: %w", err)
	}
	defer tx.Rollback()

	var old string
	err = tx.QueryRowContext(ctx, "SELECT content_hash FROM corpus_source").Scan(&old)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return ImportStats{}, fmt.Errorf("import corpus: %w", err)
	case old == hash:
		// Same corpus: leave the file byte for byte as it is.
		return countStats(c, true), nil
	}
	st, err := d.writeCorpus(ctx, tx, c, hash)
	if err != nil {
		return ImportStats{}, fmt.Errorf("import corpus: %w", err)
	}
	st.Replaced = old != ""
	if err := tx.Commit(); err != nil {
		return ImportStats{}, fmt.Errorf("import corpus: %w", err)
	}
	return st, nil
}

// contentHash identifies a parsed corpus together with the way it is
// indexed. JSON of the app types is deterministic (struct field order).
func contentHash(c *app.Corpus) (string, error) {
	b, err := json.Marshal(c)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "briefdesk corpus, tokenize v%d\n", tokenize.Version)
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil)), nil
}

func countStats(c *app.Corpus, unchanged bool) ImportStats {
	st := ImportStats{Resolutions: len(c.Resolutions), Unchanged: unchanged}
	for _, r := range c.Resolutions {
		st.Clauses += len(r.Clauses)
		st.Footnotes += len(r.Footnotes)
		st.Refs += len(r.Refs)
		st.Passages += len(passagesOf(&r))
	}
	return st
}

// passage is one searchable piece of a resolution.
type passage struct {
	kind     int
	clauseID string
	footnote any // the footnote's number, or nil
	text     string
}

// passagesOf lists what Search looks in: both titles (Table 1's only where
// it differs), the summary, every clause and every footnote.
func passagesOf(r *app.Resolution) []passage {
	var ps []passage
	if r.Title != "" {
		ps = append(ps, passage{kindTitle, "", nil, r.Title})
	}
	if r.TitleTable1 != "" && r.TitleTable1 != r.Title {
		ps = append(ps, passage{kindTitleTable1, "", nil, r.TitleTable1})
	}
	if r.Summary != "" {
		ps = append(ps, passage{kindSummary, "", nil, r.Summary})
	}
	for _, cl := range r.Clauses {
		ps = append(ps, passage{kindClause, cl.ID, nil, cl.Text})
	}
	for _, f := range r.Footnotes {
		anchor := f.Anchor
		if anchor == "title" {
			anchor = ""
		}
		ps = append(ps, passage{kindFootnote, anchor, f.N, f.Text})
	}
	return ps
}

// writeCorpus empties the corpus tables and fills them from c.
func (d *DB) writeCorpus(ctx context.Context, tx *sql.Tx, c *app.Corpus, hash string) (ImportStats, error) {
	for _, t := range corpusTables {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+t); err != nil {
			return ImportStats{}, err
		}
	}
	ins, err := newInserter(ctx, tx)
	if err != nil {
		return ImportStats{}, err
	}
	defer ins.close()

	for i, s := range c.Overview {
		if _, err := tx.ExecContext(ctx, "INSERT INTO overview_sections(seq, title) VALUES(?, ?)", i, s.Title); err != nil {
			return ImportStats{}, err
		}
		for j, p := range s.Paragraphs {
			if _, err := tx.ExecContext(ctx, "INSERT INTO overview_paragraphs(section, seq, text, bullet) VALUES(?, ?, ?, ?)", i, j, p.Text, p.Bullet); err != nil {
				return ImportStats{}, err
			}
		}
	}
	st := ImportStats{Resolutions: len(c.Resolutions)}
	for i := range c.Resolutions {
		if err := ins.resolution(ctx, &c.Resolutions[i], &st); err != nil {
			return ImportStats{}, fmt.Errorf("resolution %d: %w", c.Resolutions[i].Number, err)
		}
	}
	// Build the whole index from passages in one pass: faster than
	// row-by-row inserts, and it leaves one tidy segment.
	if _, err := tx.ExecContext(ctx, "INSERT INTO search(search) VALUES('rebuild')"); err != nil {
		return ImportStats{}, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO corpus_source(id, name, fingerprint, title, content_hash,
		resolutions, clauses, footnotes, refs, passages, imported_at) VALUES(1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.Source.Name, c.Source.Fingerprint, c.Source.Title, hash,
		st.Resolutions, st.Clauses, st.Footnotes, st.Refs, st.Passages, d.Now().UTC().Format(app.TimeLayout))
	return st, err
}

// inserter holds the prepared statements of an import: a 10,000-resolution
// corpus has some 300,000 rows.
type inserter struct {
	res, clause, foot, ref, pass *sql.Stmt
}

func newInserter(ctx context.Context, tx *sql.Tx) (*inserter, error) {
	ins := &inserter{}
	for _, s := range []struct {
		dst **sql.Stmt
		q   string
	}{
		{&ins.res, "INSERT INTO resolutions(number, status, title, title_table1, summary) VALUES(?, ?, ?, ?, ?)"},
		{&ins.clause, "INSERT INTO clauses(id, resolution, seq, section, heading, addressee, label, depth, text) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"},
		{&ins.foot, "INSERT INTO footnotes(resolution, n, anchor, text) VALUES(?, ?, ?, ?)"},
		{&ins.ref, "INSERT INTO refs(resolution, seq, kind, key, edition, clause_id, text) VALUES(?, ?, ?, ?, ?, ?, ?)"},
		{&ins.pass, "INSERT INTO passages(resolution, kind, clause_id, footnote, body) VALUES(?, ?, ?, ?, ?)"},
	} {
		st, err := tx.PrepareContext(ctx, s.q)
		if err != nil {
			ins.close()
			return nil, err
		}
		*s.dst = st
	}
	return ins, nil
}

func (ins *inserter) close() {
	for _, s := range []*sql.Stmt{ins.res, ins.clause, ins.foot, ins.ref, ins.pass} {
		if s != nil {
			s.Close()
		}
	}
}

func (ins *inserter) resolution(ctx context.Context, r *app.Resolution, st *ImportStats) error {
	if _, err := ins.res.ExecContext(ctx, r.Number, string(r.Status), r.Title, r.TitleTable1, r.Summary); err != nil {
		return err
	}
	for _, cl := range r.Clauses {
		if _, err := ins.clause.ExecContext(ctx, cl.ID, r.Number, cl.Seq, cl.Section, cl.Heading, cl.Addressee, cl.Label, cl.Depth, cl.Text); err != nil {
			return fmt.Errorf("clause %s: %w", cl.ID, err)
		}
	}
	for _, f := range r.Footnotes {
		if _, err := ins.foot.ExecContext(ctx, r.Number, f.N, f.Anchor, f.Text); err != nil {
			return fmt.Errorf("footnote %d: %w", f.N, err)
		}
	}
	for i, ref := range r.Refs {
		if _, err := ins.ref.ExecContext(ctx, r.Number, i, string(ref.Kind), ref.Key, ref.Edition, ref.ClauseID, ref.Text); err != nil {
			return fmt.Errorf("reference %s: %w", ref.Key, err)
		}
	}
	for _, p := range passagesOf(r) {
		if _, err := ins.pass.ExecContext(ctx, r.Number, p.kind, p.clauseID, p.footnote, tokenize.Index(p.text)); err != nil {
			return err
		}
	}
	st.Clauses += len(r.Clauses)
	st.Footnotes += len(r.Footnotes)
	st.Refs += len(r.Refs)
	st.Passages += len(passagesOf(r))
	return nil
}
