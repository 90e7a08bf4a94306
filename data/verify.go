package data

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"briefdesk/app"
)

// verifyStored checks the corpus tables against what the import recorded
// and against each other: row counts, the content hash recomputed from
// the rows, and each resolution's search document. Check reports what it
// finds; Import re-imports when it finds anything.
func verifyStored(ctx context.Context, q querier, rep *app.CheckReport, add func(string, ...any)) error {
	hash, indexedBy, err := checkCounts(ctx, q, rep, add)
	if err != nil {
		return err
	}
	rs, err := readResolutions(ctx, q, "1", nil, true)
	if err != nil {
		return err
	}
	if hash != "" {
		// Rebuild the corpus as the readers see it and hash it as Import
		// did: this catches any change to any column, including those no
		// count or index covers (a status, a heading, a reference key).
		src, err := readSource(ctx, q)
		if err != nil {
			return err
		}
		ov, err := readOverview(ctx, q)
		if err != nil {
			return err
		}
		got, err := contentHash(&app.Corpus{Source: src, Overview: ov, Resolutions: rs}, indexedBy)
		if err != nil {
			return err
		}
		if got != hash {
			add("the stored resolutions differ from what was imported; import the document again to restore them")
		}
	}
	return checkIndexedText(ctx, q, rs, add)
}

// intact reports whether the stored corpus is whole and as imported, so
// that importing the same corpus again may write nothing. Besides
// verifyStored it runs FTS5's integrity check, a write statement, which
// Import (holding the write lock) may.
func intact(ctx context.Context, tx *sql.Tx) bool {
	bad := false
	var rep app.CheckReport
	if err := verifyStored(ctx, tx, &rep, func(string, ...any) { bad = true }); err != nil || bad {
		return false
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO search(search) VALUES('integrity-check')")
	return err == nil
}

// checkIndexedText re-derives every resolution's search document from its
// text and compares it with what was indexed: the index keeps no text of
// its own, so this is what finds text changed behind its back.
func checkIndexedText(ctx context.Context, q querier, rs []app.Resolution, add func(string, ...any)) error {
	stored := map[int]string{}
	rows, err := q.QueryContext(ctx, "SELECT number, search_hash FROM resolutions")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var n int
		var h string
		if err := rows.Scan(&n, &h); err != nil {
			return err
		}
		stored[n] = h
	}
	if err := rows.Err(); err != nil {
		return err
	}
	var bad []string
	for i := range rs {
		if searchHash(searchDoc(&rs[i])) != stored[rs[i].Number] {
			bad = append(bad, strconv.Itoa(rs[i].Number))
		}
	}
	if len(bad) > 0 {
		if len(bad) > maxReported {
			bad = append(bad[:maxReported], "...")
		}
		add("the text of %d resolutions (%s) is not what the search index holds; import the document again to rebuild it", len(bad), strings.Join(bad, ", "))
	}
	return nil
}

// checkCounts compares the corpus tables with what the import recorded
// and with each other, and returns the recorded content hash ("" when no
// corpus was imported) and index version.
func checkCounts(ctx context.Context, q querier, rep *app.CheckReport, add func(string, ...any)) (hash, indexedBy string, err error) {
	var want app.CheckReport
	err = q.QueryRowContext(ctx, "SELECT resolutions, clauses, footnotes, refs, resolutions, content_hash, indexed_by FROM corpus_source").
		Scan(&want.Resolutions, &want.Clauses, &want.Footnotes, &want.Refs, &want.Passages, &hash, &indexedBy)
	noCorpus := errors.Is(err, sql.ErrNoRows)
	if err != nil && !noCorpus {
		return "", "", err
	}
	if noCorpus {
		add("no corpus has been imported")
	}
	for _, c := range []struct {
		table     string
		got, want *int
		what      string
	}{
		{"resolutions", &rep.Resolutions, &want.Resolutions, "resolutions"},
		{"clauses", &rep.Clauses, &want.Clauses, "clauses"},
		{"footnotes", &rep.Footnotes, &want.Footnotes, "footnotes"},
		{"refs", &rep.Refs, &want.Refs, "references"},
		{"search_docsize", &rep.Passages, &want.Passages, "documents in the search index"},
	} {
		if err := q.QueryRowContext(ctx, "SELECT count(*) FROM "+c.table).Scan(c.got); err != nil {
			return "", "", err
		}
		if !noCorpus && *c.got != *c.want {
			add("the corpus should have %d %s but has %d", *c.want, c.what, *c.got)
		}
	}
	for _, o := range []struct{ what, q string }{
		{"clauses belong to no resolution", "SELECT count(*) FROM clauses c LEFT JOIN resolutions r ON r.number = c.resolution WHERE r.number IS NULL"},
		{"references come from a clause that does not exist", "SELECT count(*) FROM refs f LEFT JOIN clauses c ON c.id = f.clause_id WHERE f.clause_id <> '' AND c.id IS NULL"},
		{"footnotes are anchored to a clause that does not exist", "SELECT count(*) FROM footnotes f LEFT JOIN clauses c ON c.id = f.anchor WHERE f.anchor NOT IN ('', 'title') AND c.id IS NULL"},
		{"documents of the search index belong to no resolution", "SELECT count(*) FROM search_docsize s LEFT JOIN resolutions r ON r.number = s.id WHERE r.number IS NULL"},
		{"resolutions are missing from the search index", "SELECT count(*) FROM resolutions r LEFT JOIN search_docsize s ON s.id = r.number WHERE s.id IS NULL"},
	} {
		var n int
		if err := q.QueryRowContext(ctx, o.q).Scan(&n); err != nil {
			return "", "", err
		}
		if n > 0 {
			add("%d %s", n, o.what)
		}
	}
	return hash, indexedBy, nil
}
