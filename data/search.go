package data

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
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

// rankSQL ranks the resolutions matching an FTS5 expression by bm25
// (negative, lower is better), ties by number.
const rankSQL = `SELECT rowid, bm25(search) FROM search WHERE search MATCH ? ORDER BY 2, 1 LIMIT ?`

// Search finds the resolutions containing q: one hit per resolution,
// resolutions whose title contains q first, then the rest by bm25. A query
// of several words (separated by spaces) finds the resolutions containing
// all of them. limit <= 0 returns every hit. What q matches is described in
// package tokenize; no input is FTS5 syntax, so none can make the query
// fail. A blank or punctuation-only query is EINVALID.
func (d *DB) Search(ctx context.Context, q string, limit int) (_ []app.SearchHit, err error) {
	defer d.explain(&err)
	if utf8.RuneCountInString(q) > tokenize.MaxQueryRunes {
		return nil, app.Errorf(app.EINVALID, "the search text is too long: at most %d characters", tokenize.MaxQueryRunes)
	}
	pq := tokenize.ParseQuery(q)
	if pq.Empty() {
		return nil, app.Errorf(app.EINVALID, "nothing to search for: type a word, a few Chinese characters or a code such as ITU-D")
	}
	// One snapshot for the ranking and the texts, should an import commit
	// in between.
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	defer tx.Rollback()
	hits, err := rank(ctx, tx, pq.FTS(), limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	if err := describeHits(ctx, tx, pq, hits); err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	return hits, nil
}

// rank returns the numbers and scores of the best limit hits. Title hits
// come from a query of their own on the title column, which is cheap; the
// whole-document ranking, which costs bm25 on every matching resolution,
// is needed only when the titles do not fill the page.
func rank(ctx context.Context, tx *sql.Tx, fts string, limit int) ([]app.SearchHit, error) {
	sqlLimit := func(n int) int {
		if limit <= 0 {
			return -1 // SQLite: no limit
		}
		return n
	}
	hits := []app.SearchHit{}
	inTitle := map[int]bool{}
	each := func(expr string, n int, title bool) error {
		rows, err := tx.QueryContext(ctx, rankSQL, expr, sqlLimit(n))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var h app.SearchHit
			var bm25 float64
			if err := rows.Scan(&h.Number, &bm25); err != nil {
				return err
			}
			if limit > 0 && len(hits) == limit {
				break
			}
			if inTitle[h.Number] {
				continue
			}
			inTitle[h.Number] = inTitle[h.Number] || title
			h.Score = score(bm25, title)
			hits = append(hits, h)
		}
		return rows.Err()
	}
	if err := each("{title} : ("+fts+")", limit, true); err != nil {
		return nil, err
	}
	if limit > 0 && len(hits) == limit {
		return hits, nil
	}
	if limit > 0 {
		if top, many, err := probe(ctx, tx, fts, limit-len(hits), inTitle); err != nil {
			return nil, err
		} else if many {
			// Too many resolutions match for bm25 on all of them to pay:
			// the page is the first ones by number, unscored (see rankCap).
			for _, n := range top {
				hits = append(hits, app.SearchHit{Number: n})
			}
			return hits, nil
		}
	}
	return hits, each(fts, limit+len(hits), false)
}

// rankCap is how many matching resolutions bm25 ranks at most. bm25 costs
// a few microseconds per match, so a common word in a very large corpus
// (thousands of matches of 10,000 resolutions) would take tens of
// milliseconds for a page of twenty; past the cap the page is the first
// matches by number, after the title hits, with a score of 0.
// The real corpus (28 resolutions) never comes near it.
const rankCap = 2000

// probe reads the matches in number order, cheaply (FTS5 stops at the
// LIMIT): whether there are more than rankCap, and if so the first n that
// are not title hits.
func probe(ctx context.Context, tx *sql.Tx, fts string, n int, skip map[int]bool) ([]int, bool, error) {
	rows, err := tx.QueryContext(ctx, "SELECT rowid FROM search WHERE search MATCH ? LIMIT ?", fts, rankCap+1)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	var first []int
	count := 0
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, false, err
		}
		count++
		if len(first) < n && !skip[id] {
			first = append(first, id)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	return first, count > rankCap, nil
}

// describeHits fills in each hit's title, best clause and snippet from the
// original text.
func describeHits(ctx context.Context, tx *sql.Tx, pq tokenize.Query, hits []app.SearchHit) error {
	if len(hits) == 0 {
		return nil
	}
	nums := make([]string, len(hits))
	for i, h := range hits {
		nums[i] = strconv.Itoa(h.Number)
	}
	set := "[" + strings.Join(nums, ",") + "]"
	docs := map[int]*hitDoc{}
	rows, err := tx.QueryContext(ctx, "SELECT number, title, title_table1, summary FROM resolutions WHERE number IN (SELECT value FROM json_each(?))", set)
	if err != nil {
		return err
	}
	for rows.Next() {
		var n int
		doc := &hitDoc{}
		if err := rows.Scan(&n, &doc.res.Title, &doc.res.TitleTable1, &doc.res.Summary); err != nil {
			rows.Close()
			return err
		}
		docs[n] = doc
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	clauses := map[int][]app.Clause{}
	rows, err = tx.QueryContext(ctx, "SELECT resolution, id, heading, addressee, text FROM clauses WHERE resolution IN (SELECT value FROM json_each(?)) ORDER BY resolution, seq", set)
	if err != nil {
		return err
	}
	for rows.Next() {
		var c app.Clause
		if err := rows.Scan(&c.Resolution, &c.ID, &c.Heading, &c.Addressee, &c.Text); err != nil {
			rows.Close()
			return err
		}
		clauses[c.Resolution] = append(clauses[c.Resolution], c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for n, doc := range docs {
		doc.body = clausePassages(clauses[n])
	}
	rows, err = tx.QueryContext(ctx, "SELECT resolution, anchor, text FROM footnotes WHERE resolution IN (SELECT value FROM json_each(?)) ORDER BY resolution, n", set)
	if err != nil {
		return err
	}
	for rows.Next() {
		var n int
		p := passage{field: app.FieldFootnote}
		if err := rows.Scan(&n, &p.clauseID, &p.text); err != nil {
			rows.Close()
			return err
		}
		if p.clauseID == "title" {
			p.clauseID = ""
		}
		if doc := docs[n]; doc != nil {
			doc.body = append(doc.body, p)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range hits {
		h := &hits[i]
		doc := docs[h.Number]
		if doc == nil {
			continue // deleted behind the index's back; Check reports it
		}
		h.Title = doc.res.DisplayTitle()
		var best passage
		var marks [][2]int
		if h.Score >= 1 {
			best, marks = bestPassage(pq, []passage{{text: doc.res.Title, field: app.FieldTitle}, {text: doc.res.TitleTable1, field: app.FieldTitle}})
		} else {
			best, marks = bestPassage(pq, append([]passage{{text: doc.res.Summary, field: app.FieldSummary}}, doc.body...))
		}
		h.ClauseID = best.clauseID
		h.Field = best.field
		h.Snippet = Snippet(best.text, marks)
	}
	return nil
}

// hitDoc is the text of one hit resolution.
type hitDoc struct {
	res  app.Resolution
	body []passage // clauses (with their headings and addressees), then footnotes
}

// passage is one text of a resolution, the clause it belongs to ("" for
// titles, the summary and footnotes of the title) and which kind of text
// it is (app.FieldTitle, ...).
type passage struct {
	clauseID string
	text     string
	field    string
}

// bestPassage picks the passage with the most hits, the first of equals,
// and returns it with its hits. A clause passage with any hit wins over
// the summary and footnotes, even with fewer hits: Table 1's summary
// repeats what the operative clauses say, and a clause is where a user
// interface can take the reader. It returns the first passage if none has
// a hit (text and index disagreeing, which Check reports).
func bestPassage(pq tokenize.Query, ps []passage) (passage, [][2]int) {
	best, clause := 0, -1
	var marks, clauseMarks [][2]int
	for i, p := range ps {
		m := pq.Highlight(p.text)
		if len(m) > len(marks) {
			best, marks = i, m
		}
		if p.field == app.FieldClause && len(m) > len(clauseMarks) {
			clause, clauseMarks = i, m
		}
	}
	if clause >= 0 {
		return ps[clause], clauseMarks
	}
	return ps[best], marks
}

// score maps bm25 (negative, lower is better) to a number that is higher
// for better hits and keeps the result order: [1, 2) for title hits, [0, 1)
// for the rest.
func score(bm25 float64, title bool) float64 {
	rel := max(-bm25, 0)
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
