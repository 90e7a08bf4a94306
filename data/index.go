package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"

	"briefdesk/app"
	"briefdesk/data/tokenize"
)

// searchVersion changes whenever searchDoc changes what a resolution's
// search document holds, so that Open re-indexes older databases.
// 2: clause headings and addressees.
const searchVersion = 2

// indexVersion names the way this BriefDesk indexes, as
// corpus_source.indexed_by records it.
func indexVersion() string {
	return fmt.Sprintf("tokenize v%d, search v%d", tokenize.Version, searchVersion)
}

// searchDoc returns the two columns r is indexed under: its titles (Table
// 1's only where it differs), and everything else. Each distinct heading
// and addressee is indexed once, before the first clause under it: a
// resolution repeats them for clause after clause, and a second copy
// would find nothing new.
func searchDoc(r *app.Resolution) (title, body string) {
	title1 := r.TitleTable1
	if title1 == r.Title {
		title1 = ""
	}
	texts := []string{r.Summary}
	for _, p := range clausePassages(r.Clauses) {
		texts = append(texts, p.text)
	}
	for _, f := range r.Footnotes {
		texts = append(texts, f.Text)
	}
	return tokenize.IndexAll(r.Title, title1), tokenize.IndexAll(texts...)
}

// clausePassages lists the texts of clauses as searchDoc indexes them, in
// order: each clause's text, preceded by its heading and addressee where
// they first appear. A heading or addressee belongs to the clause it
// first appears with, which is where a hit in it leads.
func clausePassages(cs []app.Clause) []passage {
	var out []passage
	seen := map[string]bool{}
	for _, c := range cs {
		for _, t := range []string{c.Heading, c.Addressee} {
			if t != "" && !seen[t] {
				seen[t] = true
				out = append(out, passage{clauseID: c.ID, text: t, field: app.FieldClause})
			}
		}
		out = append(out, passage{clauseID: c.ID, text: c.Text, field: app.FieldClause})
	}
	return out
}

// searchHash is what resolutions.search_hash holds for an indexed document.
func searchHash(title, body string) string {
	sum := sha256.Sum256([]byte(title + "\x00" + body))
	return hex.EncodeToString(sum[:12])
}

// searchDDL is the search table as migration 0002 creates it (a test
// checks they agree). Import makes the table anew each time: a contentless
// index cannot delete rows by content anyway, and so an index that was
// damaged, or dropped, is rebuilt too.
const searchDDL = `CREATE VIRTUAL TABLE search USING fts5(
  title,
  body,
  content = '',
  tokenize = "unicode61 remove_diacritics 0 tokenchars '-./'",
  prefix = '1'
)`

// createSearch replaces the search table with an empty one.
func createSearch(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, "DROP TABLE IF EXISTS search"); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, searchDDL)
	return err
}

// optimizeSearch merges the index into one segment: smaller, and faster
// to query.
func optimizeSearch(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO search(search) VALUES('optimize')")
	return err
}

// reindex rebuilds the search index from the stored rows when an older
// BriefDesk built it, so that search finds what this one promises and
// Check, which derives search documents the way this one does, does not
// take the old index for damage. The content hash is carried over to the
// new index version only when the rows still hash to what was recorded;
// otherwise it stays, and Check reports the rows as changed.
func (d *DB) reindex(ctx context.Context) error {
	stale := func(q querier) (bool, error) {
		var by string
		err := q.QueryRowContext(ctx, "SELECT indexed_by FROM corpus_source").Scan(&by)
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		return by != indexVersion(), err
	}
	if ok, err := stale(d.db); err != nil || !ok {
		return err
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Another program may have done it while this one waited for the lock.
	if ok, err := stale(tx); err != nil || !ok {
		return err
	}
	var hash, by string
	if err := tx.QueryRowContext(ctx, "SELECT content_hash, indexed_by FROM corpus_source").Scan(&hash, &by); err != nil {
		return err
	}
	c, err := storedCorpus(ctx, tx)
	if err != nil {
		return err
	}
	if old, err := contentHash(c, by); err == nil && old == hash {
		if hash, err = contentHash(c, indexVersion()); err != nil {
			return err
		}
	}
	if err := createSearch(ctx, tx); err != nil {
		return err
	}
	for i := range c.Resolutions {
		r := &c.Resolutions[i]
		title, body := searchDoc(r)
		if _, err := tx.ExecContext(ctx, "INSERT INTO search(rowid, title, body) VALUES(?, ?, ?)", r.Number, title, body); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE resolutions SET search_hash = ? WHERE number = ?", searchHash(title, body), r.Number); err != nil {
			return err
		}
	}
	if err := optimizeSearch(ctx, tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE corpus_source SET content_hash = ?, indexed_by = ?", hash, indexVersion()); err != nil {
		return err
	}
	return tx.Commit()
}

// storedCorpus rebuilds the corpus from the stored rows, as the readers
// return it.
func storedCorpus(ctx context.Context, q querier) (*app.Corpus, error) {
	src, err := readSource(ctx, q)
	if err != nil {
		return nil, err
	}
	ov, err := readOverview(ctx, q)
	if err != nil {
		return nil, err
	}
	rs, err := readResolutions(ctx, q, "1", nil, true)
	if err != nil {
		return nil, err
	}
	return &app.Corpus{Source: src, Overview: ov, Resolutions: rs}, nil
}
