package app

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var safeTextCases = []struct {
	name, in, want string
}{
	{"Empty", "", ""},
	{"PlainChinese", "支持第44号决议", "支持第44号决议"},
	{"NewlineAndTab", "a\n\tb", "a\n\tb"},
	{"CRLF", "a\r\nb\rc", "a\nb\nc"},
	{"LineSeparators", "a\u2028b\u2029c", "a\nb\nc"},
	{"TerminalEscape", "\x1b[31mred\x1b[0m", "\uFFFD[31mred\uFFFD[0m"},
	{"NUL", "a\x00b", "a\uFFFDb"},
	{"DELAndC1", "a\x7fb\u0085c\u009fd", "a\uFFFDb\uFFFDc\uFFFDd"},
	{"RightToLeftOverride", "approve\u202E evorppa", "approve evorppa"},
	{"AllBidi", "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061Cx", "x"},
	{"InvalidUTF8", "a\xffb\xe4\xb8", "a\uFFFDb\uFFFD\uFFFD"},
	{"RealReplacementChar", "a\uFFFDb", "a\uFFFDb"},
	{"ZeroWidthJoinerKept", "👩\u200D💻", "👩\u200D💻"},
}

func TestSafeText(t *testing.T) {
	for _, c := range safeTextCases {
		t.Run(c.name, func(t *testing.T) {
			if got := SafeText(c.in); got != c.want {
				t.Fatalf("SafeText(%q)=%q, want %q", c.in, got, c.want)
			}
		})
	}
}

func FuzzSafeText(f *testing.F) {
	for _, c := range safeTextCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := SafeText(s)
		if !utf8.ValidString(got) {
			t.Fatalf("SafeText(%q)=%q is not valid UTF-8", s, got)
		}
		for _, r := range got {
			if r == '\r' || isControl(r) || isBidiControl(r) {
				t.Fatalf("SafeText(%q)=%q keeps %U", s, got, r)
			}
		}
		if again := SafeText(got); again != got {
			t.Fatalf("SafeText is not idempotent: %q -> %q -> %q", s, got, again)
		}
		if strings.Count(got, "\n") < strings.Count(s, "\n") {
			t.Fatalf("SafeText(%q)=%q lost line breaks", s, got)
		}
	})
}

func BenchmarkSafeTextClean(b *testing.B) {
	s := strings.Repeat("做出决议，请电信发展局主任 support ", 100)
	for b.Loop() {
		SafeText(s)
	}
}
