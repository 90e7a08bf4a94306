package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"briefdesk/app"
)

var _ app.PackService = (*DB)(nil)

// packTime is how pack update times are stored: RFC 3339 with the
// fraction, so two saves within a second still order.
const packTime = time.RFC3339Nano

// SavePack creates or replaces the pack named p.Name, in one transaction.
// It trims the name, fills the default options (all clauses, no notes) and
// sets p.Updated. A pack that fails Pack.Validate (the one rule for every
// field, also the window's and the importer's) is an EINVALID error and
// nothing is stored.
func (d *DB) SavePack(ctx context.Context, p *app.Pack) (err error) {
	defer d.explain(&err)
	q, err := normalizePack(p)
	if err != nil {
		return err
	}
	q.Updated = d.Now().UTC()

	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save pack %s: %w", q.Name, err)
	}
	defer tx.Rollback()
	if err := checkTables(ctx, tx, "packs", "pack_resolutions"); err != nil {
		return fmt.Errorf("save pack %s: %w", q.Name, err)
	}
	if err := writePack(ctx, tx, &q); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save pack %s: %w", q.Name, err)
	}
	*p = q
	return nil
}

// normalizePack trims the name, fills the default options (all clauses, no
// notes) and validates; a bad pack is an EINVALID error.
func normalizePack(p *app.Pack) (app.Pack, error) {
	q := *p
	q.Name = strings.TrimSpace(q.Name)
	if q.Options.Clauses == "" {
		q.Options.Clauses = app.ClausesAll
	}
	if q.Options.Notes == "" {
		q.Options.Notes = app.NotesNone
	}
	if l, err := app.ParsePackLang(q.Lang); err == nil {
		q.Lang = l
	}
	if err := q.Validate(); err != nil {
		return q, &app.Error{Code: app.ErrorCode(err), Message: "cannot save the pack: " + app.ErrorMessage(err) + "; nothing was saved", Err: err}
	}
	return q, nil
}

// writePack creates or replaces q inside tx, keeping q.Updated as given.
func writePack(ctx context.Context, tx *sql.Tx, q *app.Pack) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO packs(name, title, target, target_label, delegation, author, meeting, date,
		clauses, notes, overview, refs_appendix, updated, lang, checklist, clause_ids) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(name) DO UPDATE SET title=excluded.title, target=excluded.target, target_label=excluded.target_label,
		delegation=excluded.delegation, author=excluded.author, meeting=excluded.meeting, date=excluded.date,
		clauses=excluded.clauses, notes=excluded.notes, overview=excluded.overview,
		refs_appendix=excluded.refs_appendix, updated=excluded.updated, lang=excluded.lang,
		checklist=excluded.checklist, clause_ids=excluded.clause_ids`,
		q.Name, q.Title, q.Target, q.TargetLabel, q.Delegation, q.Author, q.Meeting, q.Date,
		q.Options.Clauses, q.Options.Notes, q.Options.Overview, q.Options.RefsAppendix, q.Updated.UTC().Format(packTime),
		q.Lang, q.Options.Checklist, q.Options.ClauseIDs)
	if err != nil {
		return fmt.Errorf("save pack %s: %w", q.Name, err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM pack_resolutions WHERE pack = ?", q.Name); err != nil {
		return fmt.Errorf("save pack %s: %w", q.Name, err)
	}
	for i, n := range q.Resolutions {
		if _, err := tx.ExecContext(ctx, "INSERT INTO pack_resolutions(pack, seq, number) VALUES(?,?,?)", q.Name, i, n); err != nil {
			return fmt.Errorf("save pack %s: %w", q.Name, err)
		}
	}
	return nil
}

// Pack returns the pack called name, or an ENOTFOUND error.
func (d *DB) Pack(ctx context.Context, name string) (_ *app.Pack, err error) {
	defer d.explain(&err)
	ps, err := d.packs(ctx, "WHERE name = ?", strings.TrimSpace(name))
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, app.Errorf(app.ENOTFOUND, "no saved pack is called %q", name)
	}
	return &ps[0], nil
}

// Packs returns every saved pack, by name.
func (d *DB) Packs(ctx context.Context) (_ []app.Pack, err error) {
	defer d.explain(&err)
	return d.packs(ctx, "")
}

// DeletePack removes the pack called name; ENOTFOUND if there is none.
func (d *DB) DeletePack(ctx context.Context, name string) (err error) {
	defer d.explain(&err)
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("delete pack %s: %w", name, err)
	}
	defer tx.Rollback()
	if err := checkTables(ctx, tx, "packs", "pack_resolutions"); err != nil {
		return fmt.Errorf("delete pack %s: %w", name, err)
	}
	res, err := tx.ExecContext(ctx, "DELETE FROM packs WHERE name = ?", strings.TrimSpace(name))
	if err != nil {
		return fmt.Errorf("delete pack %s: %w", name, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return app.Errorf(app.ENOTFOUND, "no saved pack is called %q; nothing was deleted", name)
	}
	return tx.Commit()
}

func (d *DB) packs(ctx context.Context, where string, args ...any) ([]app.Pack, error) {
	// One read transaction, so the packs and their resolution lists agree.
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("read packs: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT name, title, target, target_label, delegation, author, meeting, date,
		clauses, notes, overview, refs_appendix, updated, lang, checklist, clause_ids FROM packs `+where+" ORDER BY name", args...)
	if err != nil {
		return nil, fmt.Errorf("read packs: %w", err)
	}
	var out []app.Pack
	for rows.Next() {
		var p app.Pack
		var updated string
		if err := rows.Scan(&p.Name, &p.Title, &p.Target, &p.TargetLabel, &p.Delegation, &p.Author, &p.Meeting, &p.Date,
			&p.Options.Clauses, &p.Options.Notes, &p.Options.Overview, &p.Options.RefsAppendix, &updated,
			&p.Lang, &p.Options.Checklist, &p.Options.ClauseIDs); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read packs: %w", err)
		}
		if p.Updated, err = time.Parse(packTime, updated); err != nil {
			rows.Close()
			return nil, &app.Error{Code: app.EDAMAGED, Message: fmt.Sprintf("pack %q has a damaged update time %q", p.Name, updated), Err: err}
		}
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read packs: %w", err)
	}
	for i := range out {
		if out[i].Resolutions, err = packResolutions(ctx, tx, out[i].Name); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func packResolutions(ctx context.Context, tx *sql.Tx, name string) ([]int, error) {
	rows, err := tx.QueryContext(ctx, "SELECT number FROM pack_resolutions WHERE pack = ? ORDER BY seq", name)
	if err != nil {
		return nil, fmt.Errorf("read pack %s: %w", name, err)
	}
	defer rows.Close()
	ns := []int{}
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("read pack %s: %w", name, err)
		}
		ns = append(ns, n)
	}
	if err := rows.Err(); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("read pack %s: %w", name, err)
	}
	return ns, nil
}
