package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"briefdesk/app"
)

var _ app.CorpusService = (*DB)(nil)

// errNoCorpus is what readers get before the first import.
func errNoCorpus() error {
	return app.Errorf(app.ENOTFOUND, "the database holds no corpus yet; import the document first")
}

// Source returns the document the corpus was imported from.
func (d *DB) Source(ctx context.Context) (_ app.Source, err error) {
	defer d.explain(&err)
	return readSource(ctx, d.db)
}

func readSource(ctx context.Context, q querier) (app.Source, error) {
	var s app.Source
	err := q.QueryRowContext(ctx, "SELECT name, fingerprint, title FROM corpus_source").Scan(&s.Name, &s.Fingerprint, &s.Title)
	if errors.Is(err, sql.ErrNoRows) {
		return s, errNoCorpus()
	}
	if err != nil {
		return s, fmt.Errorf("read source: %w", err)
	}
	return s, nil
}

// Overview returns the meeting overview, section by section.
func (d *DB) Overview(ctx context.Context) (_ []app.OverviewSection, err error) {
	defer d.explain(&err)
	return readOverview(ctx, d.db)
}

func readOverview(ctx context.Context, q querier) ([]app.OverviewSection, error) {
	rows, err := q.QueryContext(ctx, `SELECT s.seq, s.title, p.text, p.bullet
		FROM overview_sections s LEFT JOIN overview_paragraphs p ON p.section = s.seq
		ORDER BY s.seq, p.seq`)
	if err != nil {
		return nil, fmt.Errorf("read overview: %w", err)
	}
	defer rows.Close()
	out := []app.OverviewSection{}
	last := -1
	for rows.Next() {
		var seq int
		var title string
		var text sql.NullString
		var bullet sql.NullBool
		if err := rows.Scan(&seq, &title, &text, &bullet); err != nil {
			return nil, fmt.Errorf("read overview: %w", err)
		}
		if seq != last {
			out = append(out, app.OverviewSection{Title: title})
			last = seq
		}
		if text.Valid {
			s := &out[len(out)-1]
			s.Paragraphs = append(s.Paragraphs, app.Paragraph{Text: text.String, Bullet: bullet.Bool})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read overview: %w", err)
	}
	return out, nil
}

// Resolution returns resolution n with its clauses, footnotes and refs.
func (d *DB) Resolution(ctx context.Context, n int) (_ *app.Resolution, err error) {
	defer d.explain(&err)
	rs, err := d.resolutions(ctx, "r.number = ?", []any{n}, true)
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return nil, app.Errorf(app.ENOTFOUND, "there is no resolution %d in the corpus", n)
	}
	return &rs[0], nil
}

// Resolutions returns the resolutions f selects, by number.
func (d *DB) Resolutions(ctx context.Context, f app.ResolutionFilter) (_ []app.Resolution, err error) {
	defer d.explain(&err)
	if f.Status != "" && !f.Status.Valid() {
		return nil, app.Errorf(app.EINVALID, "unknown status %q: want new, revised or unchanged", f.Status)
	}
	var keys []string
	for _, k := range f.RefKeys {
		if k = strings.TrimSpace(k); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	f.RefKeys = keys
	rs, err := d.resolutions(ctx, "1", nil, f.Full)
	if err != nil {
		return nil, err
	}
	// Which resolutions a filter selects is app's rule (a study group is
	// cited through its Questions too), not a query of its own, so that
	// the command line, the window and the packs agree. The corpus is a
	// few dozen resolutions whose refs are loaded anyway.
	return slices.DeleteFunc(rs, func(r app.Resolution) bool { return !f.Selects(&r) }), nil
}

// resolutions loads the resolutions matching cond (over alias r) with their
// refs and, if full, clauses and footnotes: one query per table, however
// many resolutions.
func (d *DB) resolutions(ctx context.Context, cond string, args []any, full bool) ([]app.Resolution, error) {
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("read resolutions: %w", err)
	}
	defer tx.Rollback()
	return readResolutions(ctx, tx, cond, args, full)
}

// readResolutions is resolutions inside a transaction the caller holds.
func readResolutions(ctx context.Context, tx querier, cond string, args []any, full bool) ([]app.Resolution, error) {
	rows, err := tx.QueryContext(ctx, "SELECT number, status, title, title_table1, summary FROM resolutions r WHERE "+cond+" ORDER BY number", args...)
	if err != nil {
		return nil, fmt.Errorf("read resolutions: %w", err)
	}
	out := []app.Resolution{}
	idx := map[int]int{}
	for rows.Next() {
		var r app.Resolution
		if err := rows.Scan(&r.Number, &r.Status, &r.Title, &r.TitleTable1, &r.Summary); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read resolutions: %w", err)
		}
		idx[r.Number] = len(out)
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read resolutions: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	in := "resolution IN (SELECT number FROM resolutions r WHERE " + cond + ")"
	each := func(what, q string, scan func(*sql.Rows) error) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("read %s: %w", what, err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return fmt.Errorf("read %s: %w", what, err)
			}
		}
		return rows.Err()
	}
	err = each("references", "SELECT resolution, kind, key, edition, clause_id, text FROM refs WHERE "+in+" ORDER BY resolution, seq", func(rows *sql.Rows) error {
		var n int
		var f app.Ref
		err := rows.Scan(&n, &f.Kind, &f.Key, &f.Edition, &f.ClauseID, &f.Text)
		if err == nil {
			r := &out[idx[n]]
			r.Refs = append(r.Refs, f)
		}
		return err
	})
	if err != nil || !full {
		return out, err
	}
	err = each("clauses", "SELECT id, resolution, seq, section, heading, addressee, label, depth, text FROM clauses WHERE "+in+" ORDER BY resolution, seq", func(rows *sql.Rows) error {
		var c app.Clause
		err := rows.Scan(&c.ID, &c.Resolution, &c.Seq, &c.Section, &c.Heading, &c.Addressee, &c.Label, &c.Depth, &c.Text)
		if err == nil {
			r := &out[idx[c.Resolution]]
			r.Clauses = append(r.Clauses, c)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	err = each("footnotes", "SELECT resolution, n, anchor, text FROM footnotes WHERE "+in+" ORDER BY resolution, n", func(rows *sql.Rows) error {
		var n int
		var f app.Footnote
		err := rows.Scan(&n, &f.N, &f.Anchor, &f.Text)
		if err == nil {
			r := &out[idx[n]]
			r.Footnotes = append(r.Footnotes, f)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Entities lists every referenced thing of kind (all kinds for "") with
// the places that cite it: kinds in app.RefKinds order, keys in natural
// order (WTDC Res 9 before WTDC Res 59), citations by resolution and
// clause order, each place once.
func (d *DB) Entities(ctx context.Context, kind app.RefKind) (_ []app.Entity, err error) {
	defer d.explain(&err)
	if kind != "" && !kind.Valid() {
		_, err := app.ParseRefKind(string(kind))
		return nil, err
	}
	rows, err := d.db.QueryContext(ctx, `SELECT f.kind, f.key, f.resolution, f.clause_id, f.edition
		FROM refs f LEFT JOIN clauses c ON c.id = f.clause_id
		WHERE ?1 = '' OR f.kind = ?1
		ORDER BY f.resolution, coalesce(c.seq, -1), f.seq`, string(kind))
	if err != nil {
		return nil, fmt.Errorf("read references: %w", err)
	}
	defer rows.Close()
	type key struct {
		kind app.RefKind
		key  string
	}
	byKey := map[key]*app.Entity{}
	seen := map[key]map[app.Citation]bool{}
	var order []key
	for rows.Next() {
		var k key
		var c app.Citation
		if err := rows.Scan(&k.kind, &k.key, &c.Number, &c.ClauseID, &c.Edition); err != nil {
			return nil, fmt.Errorf("read references: %w", err)
		}
		e := byKey[k]
		if e == nil {
			e = &app.Entity{Kind: k.kind, Key: k.key}
			byKey[k] = e
			seen[k] = map[app.Citation]bool{}
			order = append(order, k)
		}
		if !seen[k][c] {
			seen[k][c] = true
			e.Citations = append(e.Citations, c)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read references: %w", err)
	}
	out := make([]app.Entity, 0, len(order))
	for _, k := range order {
		out = append(out, *byKey[k])
	}
	slices.SortStableFunc(out, func(a, b app.Entity) int { return app.CompareRefs(a.Kind, a.Key, b.Kind, b.Key) })
	return out, nil
}
