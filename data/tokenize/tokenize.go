// Package tokenize prepares Chinese and Latin text for SQLite's FTS5
// unicode61 tokenizer, and turns what a person types into FTS5 queries
// that find exactly what the text contains.
//
// unicode61 does not segment Chinese: a run of ideographs is one token, so
// 垃圾 inside 抵制和打击垃圾信息 would never match. FTS5's trigram
// tokenizer misses two-character words. So we segment ourselves, and hand
// unicode61 text that is already space-separated:
//
//   - In a run of CJK characters, every character starts one term: the
//     bigram of it and the next character, or the character alone when it
//     ends the run. 电磁场 becomes "电磁 磁场 场". Each character position
//     holds one term, so FTS5 phrase positions line up with characters.
//   - Everything else made of letters and digits is a word, case-folded and
//     kept whole with its inner connectors: ITU-D, E.161.1, 3/2, 14-3/2 stay
//     one term each ("itu-d", "e.161.1", "3/2"). The FTS5 table declares
//     tokenchars '-./' so that unicode61 keeps them whole too.
//
// A query is cut the same way. A CJK run of n >= 2 characters is the
// phrase of its n-1 bigrams (plus the lone last character when something
// follows it, since the text must then end its run there too); a single
// character is a prefix query on the terms starting with it. So a query of
// any length matches exactly the texts that contain it, which the tests
// check against strings.Contains.
//
// Nothing a person types reaches FTS5 as syntax: the query is rebuilt from
// terms, which contain only letters, digits and the three connectors, each
// phrase in double quotes. Quotes, *, parentheses, NEAR, AND, - ... are
// separators or plain words.
//
// This package has no SQL in it; data/ owns the tables.
package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Version changes whenever the terms produced for a text change, so that
// a database indexed by an older version gets re-indexed on import.
const Version = 2

// Boundary is the term IndexAll puts between texts indexed as one
// document, so that no phrase matches across the end of one clause and the
// start of the next. It is a private-use character, which unicode61 keeps
// as a term and Scan treats as a separator: no query can contain it.
const Boundary = "\uE000"

// FTS5Tokenizer is the tokenize= argument the FTS5 table must declare for
// these terms to survive as they are. remove_diacritics 0 keeps FTS5's
// folding the same as ours, so highlights agree with matches.
const FTS5Tokenizer = `unicode61 remove_diacritics 0 tokenchars '-./'`

// Token is one term of a text and the bytes of the text it stands for.
type Token struct {
	Term       string // what is indexed: a case-folded word, a CJK bigram or character
	Start, End int    // byte offsets of the term's characters in the text
	CJK        bool
}

// IsCJK reports whether r is written without spaces between words and is
// therefore indexed character by character: Han, kana and Hangul letters.
// Symbols of those scripts (Kangxi radicals, 〃) are separators, as they are
// to unicode61: a term unicode61 drops would leave an empty phrase.
func IsCJK(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF:
		return true // the common ideographs, all letters: skip the tables
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) &&
		(unicode.IsLetter(r) || unicode.IsNumber(r))
}

// isWordRune reports whether r belongs in a word. unicode61 treats the
// categories L*, N* and Co as token characters; marks are separators there,
// so they are here too.
func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return !IsCJK(r) && r != boundaryRune && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r))
}

const boundaryRune = '\uE000'

// fold maps a word rune to its indexed form: full-width ASCII to ASCII
// (Chinese text often types ＩＰｖ６ or ２), then lower case.
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0
	}
	return unicode.ToLower(r)
}

// connector returns the connector a rune stands for inside a word, or 0.
func connector(r rune) rune {
	switch r {
	case '-', '‐', '‑', '－':
		return '-'
	case '.', '．':
		return '.'
	case '/', '／':
		return '/'
	}
	return 0
}

// joins reports whether connector c between prev and next keeps them in
// one word. A hyphen joins any two word characters (ITU-D, WTSA-20, 14-3),
// a dot joins before a digit (E.161.1, but not a sentence's full stop), a
// slash joins digits only (3/2, but ITU/WMO/UNESCO are three words).
func joins(c, prev, next rune) bool {
	switch c {
	case '-':
		return true
	case '.':
		return unicode.IsDigit(fold(next))
	case '/':
		return unicode.IsDigit(fold(prev)) && unicode.IsDigit(fold(next))
	}
	return false
}

// Scan calls yield for every token of text in order; it stops early if
// yield returns false. Invalid UTF-8 bytes are separators.
func Scan(text string, yield func(Token) bool) {
	var word strings.Builder
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			i += n
		case IsCJK(r):
			j := i + n
			next, m := utf8.DecodeRuneInString(text[j:])
			t := Token{Start: i, End: j, CJK: true, Term: text[i:j]}
			if j < len(text) && IsCJK(next) {
				t.End, t.Term = j+m, text[i:j+m]
			}
			if !yield(t) {
				return
			}
			i = j
		case isWordRune(r):
			word.Reset()
			start, prev := i, r
			word.WriteRune(fold(r))
			i += n
			for i < len(text) {
				r, n = utf8.DecodeRuneInString(text[i:])
				if isWordRune(r) {
					word.WriteRune(fold(r))
					prev, i = r, i+n
					continue
				}
				c := connector(r)
				if c == 0 {
					break
				}
				next, m := utf8.DecodeRuneInString(text[i+n:])
				if i+n >= len(text) || !isWordRune(next) || !joins(c, prev, next) {
					break
				}
				word.WriteRune(c)
				word.WriteRune(fold(next))
				prev, i = next, i+n+m
			}
			if !yield(Token{Term: word.String(), Start: start, End: i}) {
				return
			}
		default:
			i += n
		}
	}
}

// Tokens returns every token of text.
func Tokens(text string) []Token {
	var out []Token
	Scan(text, func(t Token) bool {
		out = append(out, t)
		return true
	})
	return out
}

// IndexAll returns the text to store in an FTS5 column for texts: their
// terms separated by spaces, with a Boundary between texts, as one
// document. Texts without terms add nothing.
func IndexAll(texts ...string) string {
	var b strings.Builder
	for _, text := range texts {
		first := true
		Scan(text, func(t Token) bool {
			switch {
			case first && b.Len() > 0:
				b.WriteString(" " + Boundary + " ")
			case !first:
				b.WriteByte(' ')
			}
			first = false
			b.WriteString(t.Term)
			return true
		})
	}
	return b.String()
}
