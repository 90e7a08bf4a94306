package data

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"briefdesk/app"
	"briefdesk/data/tokenize"
)

// Snippet geometry, in characters: how much context precedes the first
// hit, and how long a snippet may grow.
const (
	snippetBefore = 18
	snippetRunes  = 90
)

// searchSQL ranks matching passages per resolution. The best passage of a
// resolution is a title if one matched, else the one bm25 likes best;
// resolutions with a title hit come first, then the rest by the sum of
// their passages' bm25 (more matching clauses, more relevant), ties by
// number. bm25 is negative: lower is better.
const searchSQL = `
WITH h AS (
  SELECT p.resolution AS n, p.kind AS kind, p.clause_id AS cid, p.footnote AS fn, bm25(search) AS r
  FROM search JOIN passages p ON p.id = search.rowid
  WHERE search MATCH ?1
), g AS (
  SELECT n, kind, cid, fn, r,
    row_number() OVER (PARTITION BY n ORDER BY kind >= 2, r, kind, cid) AS k,
    sum(r) OVER (PARTITION BY n) AS total
  FROM h
)
SELECT g.n, g.kind, g.cid, g.total, res.title, res.title_table1,
  CASE g.kind WHEN 0 THEN res.title WHEN 1 THEN res.title_table1 WHEN 2 THEN res.summary
    WHEN 3 THEN (SELECT text FROM clauses WHERE id = g.cid)
    ELSE (SELECT text FROM footnotes f WHERE f.resolution = g.n AND f.n = g.fn) END
FROM g JOIN resolutions res ON res.number = g.n
WHERE g.k = 1
ORDER BY g.kind >= 2, g.total, g.n
LIMIT ?2`

// Search finds the resolutions containing q: one hit per resolution, title
// hits first. limit <= 0 returns every hit. What q means is described in
// package tokenize; no input is FTS5 syntax, so none can make the query
// fail. A blank or punctuation-only query is EINVALID.
func (d *DB) Search(ctx context.Context, q string, limit int) ([]app.SearchHit, error) {
	if utf8.RuneCountInString(q) > tokenize.MaxQueryRunes {
		return nil, app.Errorf(app.EINVALID, "the search text is too long: at most %d characters", tokenize.MaxQueryRunes)
	}
	pq := tokenize.ParseQuery(q)
	if pq.Empty() {
		return nil, app.Errorf(app.EINVALID, "nothing to search for: type a word, a few Chinese characters or a code such as ITU-D")
	}
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := d.db.QueryContext(ctx, searchSQL, pq.FTS(), limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	defer rows.Close()
	hits := []app.SearchHit{}
	for rows.Next() {
		var h app.SearchHit
		var kind int
		var total float64
		var title, title1, text string
		if err := rows.Scan(&h.Number, &kind, &h.ClauseID, &total, &title, &title1, &text); err != nil {
			return nil, fmt.Errorf("search %q: %w", q, err)
		}
		r := app.Resolution{Title: title, TitleTable1: title1}
		h.Title = r.DisplayTitle()
		h.Snippet = Snippet(text, pq.Highlight(text))
		h.Score = score(total, kind < kindSummary)
		if kind < kindClause {
			h.ClauseID = ""
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	return hits, nil
}

// score maps the summed bm25 (negative, lower is better) to a number that
// is higher for better hits and keeps the result order: [1, 2) for title
// hits, [0, 1) for the rest.
func score(total float64, title bool) float64 {
	rel := max(-total, 0)
	s := rel / (1 + rel)
	if title {
		s++
	}
	return s
}

// Snippet returns a short excerpt of text around the first of hits (byte
// ranges, sorted, not overlapping), each hit inside it wrapped in
// app.MarkOpen and app.MarkClose, with "…" where text was cut. Line
// breaks become spaces so that a snippet is one line.
func Snippet(text string, hits [][2]int) string {
	text = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, text)
	from := 0
	if len(hits) > 0 {
		from = hits[0][0]
		for i := 0; i < snippetBefore && from > 0; i++ {
			_, n := utf8.DecodeLastRuneInString(text[:from])
			from -= n
		}
	}
	to := from
	for i := 0; i < snippetRunes && to < len(text); i++ {
		_, n := utf8.DecodeRuneInString(text[to:])
		to += n
	}
	if len(hits) > 0 && to < hits[0][1] {
		to = hits[0][1]
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	at := from
	for _, h := range hits {
		s, e := max(h[0], from), min(h[1], to)
		if s >= e {
			continue
		}
		b.WriteString(text[at:s])
		b.WriteString(app.MarkOpen)
		b.WriteString(text[s:e])
		b.WriteString(app.MarkClose)
		at = e
	}
	b.WriteString(text[at:to])
	if to < len(text) {
		b.WriteString("…")
	}
	return strings.TrimSpace(b.String())
}
