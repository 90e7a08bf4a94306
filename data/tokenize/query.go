package tokenize

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQueryRunes bounds what a query may hold; longer queries are refused
// by the caller rather than cut, so a search never silently means less.
const MaxQueryRunes = 500

// Term is one whitespace-separated part of a query: a phrase of index
// terms, the last of which may match as a prefix.
type Term struct {
	Terms  []string
	Prefix bool
	// prefixCJK marks a lone CJK character searched as a prefix: its
	// highlight covers that character only, not the bigram it starts.
	prefixCJK bool
}

// Query is a parsed search. Every part must be found in the same passage.
type Query struct {
	Parts []Term
}

// Empty reports whether the query has nothing to search for (it was
// blank or only punctuation).
func (q Query) Empty() bool { return len(q.Parts) == 0 }

// ParseQuery cuts s into parts at white space and each part into terms
// the way Scan cuts indexed text.
func ParseQuery(s string) Query {
	var q Query
	for _, field := range strings.FieldsFunc(s, unicode.IsSpace) {
		if t, ok := parseTerm(field); ok {
			q.Parts = append(q.Parts, t)
		}
	}
	return q
}

func parseTerm(s string) (Term, bool) {
	toks := Tokens(s)
	var t Term
	for i, tok := range toks {
		last := i == len(toks)-1
		if !tok.CJK {
			t.Terms = append(t.Terms, tok.Term)
			// A trailing word that ends in a letter may be the start of a
			// longer one (ITU finds ITU-T and ITU-D); one ending in a digit
			// is a number, and 9 must not find 90.
			r, _ := utf8.DecodeLastRuneInString(tok.Term)
			t.Prefix = last && unicode.IsLetter(r)
			continue
		}
		// A bigram already says its second character follows; only the
		// run's last character needs a term of its own, and then only
		// when something follows it: in the text that character must end
		// its run too, which is when it is indexed alone.
		bigram := utf8.RuneCountInString(tok.Term) == 2
		inRun := i > 0 && toks[i-1].CJK && toks[i-1].End == tok.End
		switch {
		case bigram || !last:
			t.Terms = append(t.Terms, tok.Term)
		case !inRun:
			// A lone character: any term starting with it.
			t.Terms = append(t.Terms, tok.Term)
			t.Prefix, t.prefixCJK = true, true
		}
	}
	return t, len(t.Terms) > 0
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// FTS returns the FTS5 MATCH expression for q: each part a quoted phrase,
// parts joined by AND. Terms never contain a double quote, so no input
// can escape the phrase.
func (q Query) FTS() string {
	var b strings.Builder
	for i, p := range q.Parts {
		if i > 0 {
			b.WriteString(" AND ")
		}
		b.WriteByte('"')
		b.WriteString(strings.Join(p.Terms, " "))
		b.WriteByte('"')
		if p.Prefix {
			b.WriteString(" *")
		}
	}
	return b.String()
}

// Highlight returns the byte ranges of text that match q's parts, sorted
// and merged, by the same rules FTS5 applies to the indexed terms.
func (q Query) Highlight(text string) [][2]int {
	if q.Empty() || !q.mayMatch(text) {
		return nil
	}
	toks := Tokens(text)
	var out [][2]int
	for _, p := range q.Parts {
		n := len(p.Terms)
		for i := 0; i+n <= len(toks); i++ {
			if !p.matchAt(toks[i : i+n]) {
				continue
			}
			end := toks[i+n-1].End
			if p.prefixCJK {
				end = toks[i+n-1].Start + utf8.RuneLen(firstRune(text[toks[i+n-1].Start:]))
			}
			out = append(out, [2]int{toks[i].Start, end})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	merged := out[:0]
	for _, r := range out {
		if k := len(merged) - 1; k >= 0 && r[0] <= merged[k][1] {
			merged[k][1] = max(merged[k][1], r[1])
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

// mayMatch is a quick test that saves tokenizing most texts that cannot
// match: a text lacking one of a part's terms, as bytes (CJK terms are the
// text's own bytes) or folded (words), cannot match that part.
func (q Query) mayMatch(text string) bool {
	for _, p := range q.Parts {
		if p.mayMatch(text) {
			return true
		}
	}
	return false
}

func (p Term) mayMatch(text string) bool {
	for _, term := range p.Terms {
		if r, _ := utf8.DecodeRuneInString(term); IsCJK(r) {
			if !strings.Contains(text, term) {
				return false
			}
		} else if !containsFolded(text, term) {
			return false
		}
	}
	return true
}

// containsFolded reports whether text holds word, comparing runes as Scan
// folds them, without allocating.
func containsFolded(text, word string) bool {
	for i := 0; i < len(text); {
		if foldedAt(text[i:], word) {
			return true
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	return false
}

func foldedAt(text, word string) bool {
	k := 0
	for _, w := range word {
		if k >= len(text) {
			return false
		}
		r, n := utf8.DecodeRuneInString(text[k:])
		if c := connector(r); c != 0 {
			r = c
		} else {
			r = fold(r)
		}
		if r != w {
			return false
		}
		k += n
	}
	return true
}

func (p Term) matchAt(toks []Token) bool {
	for j, term := range p.Terms {
		if p.Prefix && j == len(p.Terms)-1 {
			if !strings.HasPrefix(toks[j].Term, term) {
				return false
			}
		} else if toks[j].Term != term {
			return false
		}
	}
	return true
}
