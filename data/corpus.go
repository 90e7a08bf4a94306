package data

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"briefdesk/app"
)

// corpusTables lists the tables Import replaces, children first. Nothing
// else is ever deleted by an import.
var corpusTables = []string{"refs", "footnotes", "clauses", "resolutions", "overview_paragraphs", "overview_sections", "corpus_source"}

// Import validates c and then writes it in one transaction, replacing any
// corpus already there. Importing the corpus the database already holds
// writes nothing, unless its rows or search index were changed or damaged
// since: then it is written afresh. Notes, packs and settings are never touched: they refer
// to resolutions and clauses by number and ID, not by foreign key.
func (d *DB) Import(ctx context.Context, c *app.Corpus) (_ app.ImportStats, err error) {
	defer d.explain(&err)
	if err := c.Validate(); err != nil {
		return app.ImportStats{}, err
	}
	hash, err := contentHash(c, indexVersion())
	if err != nil {
		return app.ImportStats{}, fmt.Errorf("import corpus: %w", err)
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return app.ImportStats{}, fmt.Errorf("import corpus: %w", err)
	}
	defer tx.Rollback()

	var old string
	err = tx.QueryRowContext(ctx, "SELECT content_hash FROM corpus_source").Scan(&old)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return app.ImportStats{}, fmt.Errorf("import corpus: %w", err)
	case old == hash && intact(ctx, tx):
		// Same corpus, stored whole: leave the file byte for byte as it
		// is. A corpus changed or damaged behind BriefDesk's back is
		// written afresh, which is how Check's advice to import the
		// document again repairs it.
		return countStats(c, true), nil
	}
	st, err := d.writeCorpus(ctx, tx, c, hash)
	if err != nil {
		return app.ImportStats{}, fmt.Errorf("import corpus: %w", err)
	}
	st.Replaced = old != ""
	if err := tx.Commit(); err != nil {
		return app.ImportStats{}, fmt.Errorf("import corpus: %w", err)
	}
	return st, nil
}

// contentHash identifies a parsed corpus together with the way it is
// indexed (indexedBy, as indexVersion gives it). JSON of the app types is
// deterministic (struct field order). It hashes a canonical copy because
// Check and Import also hash the corpus rebuilt from the stored rows,
// which come back in order and cannot tell an empty list from none.
func contentHash(c *app.Corpus, indexedBy string) (string, error) {
	b, err := json.Marshal(canonical(c))
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "briefdesk corpus, %s\n", indexedBy)
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// canonical returns c with resolutions in number order, clauses in Seq
// order, footnotes in N order and every empty list nil. It shares the
// strings of c and changes nothing in it.
func canonical(c *app.Corpus) *app.Corpus {
	out := &app.Corpus{Source: c.Source}
	for _, s := range c.Overview {
		out.Overview = append(out.Overview, app.OverviewSection{Title: s.Title, Paragraphs: orNil(s.Paragraphs)})
	}
	for _, r := range c.Resolutions {
		r.Clauses = orNil(slices.Clone(r.Clauses))
		slices.SortStableFunc(r.Clauses, func(a, b app.Clause) int { return cmp.Compare(a.Seq, b.Seq) })
		r.Footnotes = orNil(slices.Clone(r.Footnotes))
		slices.SortStableFunc(r.Footnotes, func(a, b app.Footnote) int { return cmp.Compare(a.N, b.N) })
		r.Refs = orNil(r.Refs)
		out.Resolutions = append(out.Resolutions, r)
	}
	slices.SortStableFunc(out.Resolutions, func(a, b app.Resolution) int { return cmp.Compare(a.Number, b.Number) })
	return out
}

func orNil[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

func countStats(c *app.Corpus, unchanged bool) app.ImportStats {
	st := app.ImportStats{Resolutions: len(c.Resolutions), Unchanged: unchanged}
	for _, r := range c.Resolutions {
		st.Clauses += len(r.Clauses)
		st.Footnotes += len(r.Footnotes)
		st.Refs += len(r.Refs)
	}
	return st
}

// writeCorpus empties the corpus tables and fills them from c.
func (d *DB) writeCorpus(ctx context.Context, tx *sql.Tx, c *app.Corpus, hash string) (app.ImportStats, error) {
	if err := createSearch(ctx, tx); err != nil {
		return app.ImportStats{}, err
	}
	for _, t := range corpusTables {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+t); err != nil {
			return app.ImportStats{}, err
		}
	}
	ins, err := newInserter(ctx, tx)
	if err != nil {
		return app.ImportStats{}, err
	}
	defer ins.close()

	for i, s := range c.Overview {
		if _, err := tx.ExecContext(ctx, "INSERT INTO overview_sections(seq, title) VALUES(?, ?)", i, s.Title); err != nil {
			return app.ImportStats{}, err
		}
		for j, p := range s.Paragraphs {
			if _, err := tx.ExecContext(ctx, "INSERT INTO overview_paragraphs(section, seq, text, bullet) VALUES(?, ?, ?, ?)", i, j, p.Text, p.Bullet); err != nil {
				return app.ImportStats{}, err
			}
		}
	}
	st := app.ImportStats{Resolutions: len(c.Resolutions)}
	for i := range c.Resolutions {
		if err := ins.resolution(ctx, &c.Resolutions[i], &st); err != nil {
			return app.ImportStats{}, fmt.Errorf("resolution %d: %w", c.Resolutions[i].Number, err)
		}
	}
	if err := optimizeSearch(ctx, tx); err != nil {
		return app.ImportStats{}, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO corpus_source(id, name, fingerprint, title, content_hash,
		resolutions, clauses, footnotes, refs, imported_at, indexed_by) VALUES(1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.Source.Name, c.Source.Fingerprint, c.Source.Title, hash,
		st.Resolutions, st.Clauses, st.Footnotes, st.Refs, d.Now().UTC().Format(app.TimeLayout), indexVersion())
	return st, err
}

// inserter holds the prepared statements of an import: a 10,000-resolution
// corpus has some 300,000 rows.
type inserter struct {
	res, clause, foot, ref, search *sql.Stmt
}

func newInserter(ctx context.Context, tx *sql.Tx) (*inserter, error) {
	ins := &inserter{}
	for _, s := range []struct {
		dst **sql.Stmt
		q   string
	}{
		{&ins.res, "INSERT INTO resolutions(number, status, title, title_table1, summary, search_hash) VALUES(?, ?, ?, ?, ?, ?)"},
		{&ins.clause, "INSERT INTO clauses(id, resolution, seq, section, heading, addressee, label, depth, text) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"},
		{&ins.foot, "INSERT INTO footnotes(resolution, n, anchor, text) VALUES(?, ?, ?, ?)"},
		{&ins.ref, "INSERT INTO refs(resolution, seq, kind, key, edition, clause_id, text) VALUES(?, ?, ?, ?, ?, ?, ?)"},
		{&ins.search, "INSERT INTO search(rowid, title, body) VALUES(?, ?, ?)"},
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
	for _, s := range []*sql.Stmt{ins.res, ins.clause, ins.foot, ins.ref, ins.search} {
		if s != nil {
			s.Close()
		}
	}
}

func (ins *inserter) resolution(ctx context.Context, r *app.Resolution, st *app.ImportStats) error {
	title, body := searchDoc(r)
	if _, err := ins.res.ExecContext(ctx, r.Number, string(r.Status), r.Title, r.TitleTable1, r.Summary, searchHash(title, body)); err != nil {
		return err
	}
	if _, err := ins.search.ExecContext(ctx, r.Number, title, body); err != nil {
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
	st.Clauses += len(r.Clauses)
	st.Footnotes += len(r.Footnotes)
	st.Refs += len(r.Refs)
	return nil
}
