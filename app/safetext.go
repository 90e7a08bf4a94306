package app

import (
	"strings"
	"unicode/utf8"
)

// SafeText returns s made safe to show: text from a colleague's notes file
// is untrusted, and two kinds of characters in it can mislead a reader.
//
// Bidirectional formatting characters (the embeddings and overrides
// U+202A–U+202E, the isolates U+2066–U+2069, and the marks U+200E, U+200F,
// U+061C) are removed: they are invisible and their only effect is to
// reorder what is shown, so that "approve" can be displayed for text that
// says something else ("Trojan Source"). Without them the text shows in
// the order it was written, which is what was really said.
//
// Control characters other than "\n" and "\t" (C0, DEL and C1, such as
// the ESC that starts a terminal escape sequence) become U+FFFD, so that
// something shows where they were instead of them acting on the terminal
// or the layout. "\r\n", a lone "\r" and U+2028/U+2029 become "\n", so a
// note written on any system breaks lines the same way. Invalid UTF-8
// bytes become U+FFFD too.
//
// SafeText is for display only: notes are stored and exported exactly as
// written.
func SafeText(s string) string {
	i := firstUnsafe(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r':
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				size = 2
			}
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case isBidiControl(r):
			// dropped
		case r == utf8.RuneError && size <= 1, isControl(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstUnsafe returns the byte offset of the first rune SafeText changes,
// or -1; most text has none, and then SafeText allocates nothing.
func firstUnsafe(s string) int {
	for i, r := range s {
		if r == '\r' || r == '\u2028' || r == '\u2029' || isBidiControl(r) || isControl(r) {
			return i
		}
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return i
			}
		}
	}
	return -1
}

// isControl reports the C0 and C1 control characters and DEL, except the
// two that plain text needs.
func isControl(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return r < 0x20 || (r >= 0x7F && r <= 0x9F)
}

// isBidiControl reports the characters that change the display order of
// text around them.
func isBidiControl(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	}
	return false
}
