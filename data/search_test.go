package data_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/data/tokenize"
)

// searchDB returns a new database holding the real corpus, and the corpus.
func searchDB(tb testing.TB) (*data.DB, *app.Corpus) {
	tb.Helper()
	c := realCorpus(tb)
	return mustImport(tb, c), c
}

// containsWord reports whether q (lower case) occurs in text as whole words:
// not glued to letters or digits on the left, nor on the right unless
// prefix. It is written apart from package tokenize on purpose, as an
// independent statement of what a Latin query should find.
func containsWord(text, q string, prefix bool) bool {
	text = strings.ToLower(text)
	for i := 0; ; {
		j := strings.Index(text[i:], q)
		if j < 0 {
			return false
		}
		at := i + j
		end := at + len(q)
		left, _ := utf8.DecodeLastRuneInString(text[:at])
		left2, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(text[:at], string(left)))
		right, n := utf8.DecodeRuneInString(text[end:])
		right2, _ := utf8.DecodeRuneInString(text[min(end+n, len(text)):])
		gluedLeft := latin(left) || strings.ContainsRune("-./", left) && latin(left2)
		gluedRight := latin(right) || strings.ContainsRune("-", right) && latin(right2) ||
			strings.ContainsRune("./", right) && unicode.IsDigit(right2)
		if !gluedLeft && (prefix || !gluedRight) {
			return true
		}
		i = at + 1
	}
}

func latin(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// bruteForce returns the resolutions where every one of matches holds for
// at least one of its texts (title, summary, clause, footnote): the words
// of a query may be in different clauses, but a phrase is never split
// across two texts.
func bruteForce(c *app.Corpus, matches ...func(string) bool) resolutionSet {
	out := resolutionSet{}
	for i := range c.Resolutions {
		r := &c.Resolutions[i]
		all := true
		for _, match := range matches {
			all = all && slices.ContainsFunc(passageTexts(r), func(t string) bool { return t != "" && match(t) })
		}
		if all {
			out[r.Number] = true
		}
	}
	return out
}

func hitSet(hits []app.SearchHit) resolutionSet {
	s := resolutionSet{}
	for _, h := range hits {
		s[h.Number] = true
	}
	return s
}

func TestSearch(t *testing.T) {
	db, c := searchDB(t)
	ctx := context.Background()
	contains := func(q string) func(string) bool {
		return func(t string) bool { return strings.Contains(t, q) }
	}
	word := func(q string, prefix bool) func(string) bool {
		return func(t string) bool { return containsWord(t, strings.ToLower(q), prefix) }
	}
	for _, tc := range []struct {
		name, q string
		match   func(string) bool
		has     []int // resolutions the document certainly lists for q
		and     func(string) bool
	}{
		{"TwoChars", "电磁", contains("电磁"), []int{72}, nil},
		{"TwoCharsSpam", "垃圾", contains("垃圾"), []int{52}, nil},
		{"OneChar", "磁", contains("磁"), []int{72}, nil},
		{"FourChars", "垃圾信息", contains("垃圾信息"), []int{52}, nil},
		{"Latin", "IPv6", word("ipv6", false), []int{64}, nil},
		{"LatinLowerCase", "ipv6", word("ipv6", false), []int{64}, nil},
		{"Hyphenated", "ITU-D", word("itu-d", true), []int{2, 52}, nil},
		{"Recommendation", "E.161.1", word("e.161.1", false), nil, nil},
		{"Question", "3/2", word("3/2", false), nil, nil},
		{"LatinPrefix", "ITU", word("itu", true), []int{2}, nil},
		{"Mixed", "IPv6过渡", func(t string) bool { return strings.Contains(strings.ToLower(t), "ipv6过渡") }, []int{64}, nil},
		{"MixedTwoParts", "ITU-D 第2研究组", word("itu-d", true), []int{52}, contains("第2研究组")},
		{"TwoWords", "垃圾 网络安全", contains("垃圾"), []int{50}, contains("网络安全")},
		{"NoHit", "量子力学", contains("量子力学"), nil, nil},
		{"NoHitLatin", "blockchain", word("blockchain", true), nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := db.Search(ctx, tc.q, 0)
			if err != nil {
				t.Fatal(err)
			}
			matches := []func(string) bool{tc.match}
			if tc.and != nil {
				matches = append(matches, tc.and)
			}
			got, want := hitSet(hits), bruteForce(c, matches...)
			if got.String() != want.String() {
				t.Fatalf("Search(%q) found %v, want %v", tc.q, got, want)
			}
			if len(got) != len(hits) {
				t.Fatalf("Search(%q) returned a resolution twice: %+v", tc.q, hits)
			}
			for _, n := range tc.has {
				if !got[n] {
					t.Fatalf("Search(%q) misses resolution %d", tc.q, n)
				}
			}
			checkHits(t, c, tc.q, hits)
		})
	}
}

// checkHits checks what every result list must satisfy: title hits first,
// scores falling, snippets made of the original text with marked hits.
func checkHits(t *testing.T, c *app.Corpus, q string, hits []app.SearchHit) {
	t.Helper()
	byNum := map[int]*app.Resolution{}
	for i := range c.Resolutions {
		byNum[c.Resolutions[i].Number] = &c.Resolutions[i]
	}
	pq := tokenize.ParseQuery(q)
	for i, h := range hits {
		r := byNum[h.Number]
		if r == nil || h.Title != r.DisplayTitle() {
			t.Fatalf("hit %+v: not a resolution of the corpus or wrong title", h)
		}
		if i > 0 && h.Score > hits[i-1].Score {
			t.Fatalf("Search(%q): score rises from %v to %v at hit %d", q, hits[i-1].Score, h.Score, i)
		}
		if h.ClauseID != "" && !clauseOf(r, h.ClauseID) {
			t.Fatalf("hit %+v: clause %q is not in resolution %d", h, h.ClauseID, h.Number)
		}
		checkField(t, r, pq, h)
		if !strings.Contains(h.Snippet, app.MarkOpen) || strings.Count(h.Snippet, app.MarkOpen) != strings.Count(h.Snippet, app.MarkClose) {
			t.Fatalf("Search(%q): snippet %q has no or unbalanced marks", q, h.Snippet)
		}
		plain := strings.NewReplacer(app.MarkOpen, "", app.MarkClose, "").Replace(h.Snippet)
		plain = strings.Trim(plain, "…")
		found := false
		for _, p := range passageTexts(r) {
			found = found || strings.Contains(strings.ReplaceAll(p, "\n", " "), plain)
		}
		if i == 0 || h.Score < 1 {
			// The snippet of a clause hit comes from that clause (or the
			// summary or a footnote when ClauseID is "").
			if h.ClauseID != "" && !slices.ContainsFunc(clauseTexts(r, h.ClauseID), func(t string) bool { return strings.Contains(t, plain) }) {
				t.Fatalf("Search(%q): snippet %q is not from clause %s", q, h.Snippet, h.ClauseID)
			}
		}
		if !found {
			t.Fatalf("Search(%q): snippet %q is not an excerpt of resolution %d", q, h.Snippet, h.Number)
		}
		for _, part := range strings.Split(h.Snippet, app.MarkOpen)[1:] {
			marked, _, _ := strings.Cut(part, app.MarkClose)
			if len(pq.Highlight(marked)) == 0 {
				t.Fatalf("Search(%q): marked %q does not match the query", q, marked)
			}
		}
	}
}

// clauseTexts lists the texts a hit in clause id may come from: the
// clause's heading, addressee and text, and the footnotes anchored to it.
func clauseTexts(r *app.Resolution, id string) []string {
	var ts []string
	for _, c := range r.Clauses {
		if c.ID == id {
			ts = append(ts, c.Heading, c.Addressee, c.Text)
		}
	}
	for _, f := range r.Footnotes {
		if f.Anchor == id {
			ts = append(ts, f.Text)
		}
	}
	return ts
}

func clauseOf(r *app.Resolution, id string) bool {
	for _, c := range r.Clauses {
		if c.ID == id {
			return true
		}
	}
	return false
}

func TestSearchRanking(t *testing.T) {
	db, c := searchDB(t)
	ctx := context.Background()
	for _, r := range c.Resolutions {
		title := r.DisplayTitle()
		hits, err := db.Search(ctx, title, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].Number != r.Number && !sameTitle(c, hits[0].Number, title) {
			t.Fatalf("searching the title of resolution %d (%q): first hit %+v", r.Number, title, hits)
		}
		if hits[0].ClauseID != "" || hits[0].Score < 1 {
			t.Fatalf("title hit %+v: want no clause and score >= 1", hits[0])
		}
	}
	// 垃圾 is in resolution 52's title and in clauses of others: the title
	// hit comes first even if another resolution says it more often.
	hits, err := db.Search(ctx, "垃圾", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) < 2 || hits[0].Number != 52 {
		t.Fatalf("垃圾: %+v, want resolution 52 first", hits)
	}
	seenClause := false
	for _, h := range hits {
		title := h.Score >= 1
		if title && seenClause {
			t.Fatalf("title hit %d after a clause hit: %+v", h.Number, hits)
		}
		seenClause = seenClause || !title
	}
	if limited, _ := db.Search(ctx, "垃圾", 1); len(limited) != 1 || limited[0] != hits[0] {
		t.Fatalf("limit 1: %+v, want %+v", limited, hits[:1])
	}
}

func sameTitle(c *app.Corpus, n int, title string) bool {
	for _, r := range c.Resolutions {
		if r.Number == n {
			return strings.Contains(r.Title+r.TitleTable1, title)
		}
	}
	return false
}

// TestSearchMatchesBruteForce compares Search with strings.Contains for
// every 1- to 4-character CJK substring of a spread of clauses, and of the
// headings and addressees of their resolutions.
func TestSearchMatchesBruteForce(t *testing.T) {
	db, c := searchDB(t)
	ctx := context.Background()
	queries := map[string]bool{}
	for i, r := range c.Resolutions {
		if i%4 != 0 || len(r.Clauses) == 0 {
			continue
		}
		var texts []string
		for _, cl := range []app.Clause{r.Clauses[0], r.Clauses[len(r.Clauses)-1]} {
			texts = append(texts, cl.Text)
		}
		// Headings and addressees are searched too: take every one.
		for _, cl := range r.Clauses {
			texts = append(texts, cl.Heading, cl.Addressee)
		}
		for _, text := range texts {
			rs := []rune(text)
			for j := range rs {
				for n := 1; n <= 4 && j+n <= len(rs); n++ {
					if !allCJK(rs[j : j+n]) {
						break
					}
					if n == 2 || j%5 == 0 {
						queries[string(rs[j:j+n])] = true
					}
				}
			}
		}
	}
	if len(queries) < 200 {
		t.Fatalf("only %d queries", len(queries))
	}
	for q := range queries {
		hits, err := db.Search(ctx, q, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := bruteForce(c, func(t string) bool { return strings.Contains(t, q) })
		if got := hitSet(hits); got.String() != want.String() {
			t.Fatalf("Search(%q) found %v, strings.Contains finds %v", q, got, want)
		}
	}
}

func allCJK(rs []rune) bool {
	for _, r := range rs {
		if !tokenize.IsCJK(r) {
			return false
		}
	}
	return true
}

func TestSearchRefusesEmpty(t *testing.T) {
	db, _ := searchDB(t)
	for _, q := range []string{"", "   ", "\t\n", `"`, `*`, `()`, `-`, `""`, `«»`, `，。、`, strings.Repeat("电", tokenize.MaxQueryRunes+1)} {
		_, err := db.Search(context.Background(), q, 10)
		if app.ErrorCode(err) != app.EINVALID {
			t.Errorf("Search(%q): %v, want EINVALID", q, err)
		}
	}
}

// searchSyntax is what FTS5 would read as syntax; none of it may fail.
var searchSyntax = []string{
	`"IPv6`, `IPv6"`, `"电磁"`, `电磁*`, `*电磁`, `ITU-D AND`, `AND`, `OR 电磁`, `NOT`, `NEAR(电磁 垃圾)`,
	`NEAR/3`, `-ITU`, `ITU-`, `(ITU`, `ITU)`, `{body}: 电磁`, `body:电磁`, `^电磁`, `电磁 + 垃圾`,
	`'`, `'); DROP TABLE clauses; --`, `%`, `_`, `\`, "\x00电磁", "电\u200b磁", `E.161.`, `.161`, `3/`, `/2`,
}

func TestSearchSyntaxIsLiteral(t *testing.T) {
	db, _ := searchDB(t)
	for _, q := range searchSyntax {
		if _, err := db.Search(context.Background(), q, 10); err != nil && app.ErrorCode(err) != app.EINVALID {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
	if hits, err := db.Search(context.Background(), `"IPv6"`, 0); err != nil || !hitSet(hits)[64] {
		t.Fatalf(`Search("\"IPv6\""): %v, %v; quotes should be ignored`, hits, err)
	}
}

// FuzzSearch: no input makes Search fail other than as EINVALID.
func FuzzSearch(f *testing.F) {
	for _, q := range searchSyntax {
		f.Add(q)
	}
	f.Add("IPv6过渡")
	f.Add("ITU-D 第2研究组")
	db, _ := searchDB(f)
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := db.Search(context.Background(), q, 5)
		if err != nil && app.ErrorCode(err) != app.EINVALID {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for _, h := range hits {
			if !utf8.ValidString(h.Snippet) {
				t.Fatalf("Search(%q): invalid UTF-8 snippet %q", q, h.Snippet)
			}
		}
	})
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("甲", 50) + "电磁场" + strings.Repeat("乙", 100)
	at := strings.Index(long, "电磁")
	for _, tc := range []struct {
		name, text string
		hits       [][2]int
		want       string
	}{
		{"Short", "电磁场", [][2]int{{0, 6}}, "«电磁»场"},
		{"NoHit", "电磁场", nil, "电磁场"},
		{"Newlines", "第一段。\n电磁", [][2]int{{13, 19}}, "第一段。 «电磁»"},
		{"Cut", long, [][2]int{{at, at + 6}}, "…" + strings.Repeat("甲", 18) + "«电磁»场" + strings.Repeat("乙", 69) + "…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := data.Snippet(tc.text, tc.hits); got != tc.want {
				t.Fatalf("Snippet=%q, want %q", got, tc.want)
			}
		})
	}
}

// TestTokenizerDeclared checks that the search table declares the
// tokenizer package tokenize produces terms for.
func TestTokenizerDeclared(t *testing.T) {
	var ddl string
	if err := MustOpen(t).SQL().QueryRow("SELECT sql FROM sqlite_schema WHERE name = 'search'").Scan(&ddl); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ddl, `tokenize = "`+tokenize.FTS5Tokenizer+`"`) {
		t.Fatalf("search table %s does not declare tokenize = %q", ddl, tokenize.FTS5Tokenizer)
	}
}
