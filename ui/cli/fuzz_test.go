package cli

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzArgs feeds arbitrary command lines (arguments separated by NUL) to
// the parsers of outside input: the global options, a subcommand's
// interspersed options, resolution numbers and --res lists. None may
// panic, and every failure must be a usage error (exit 2).
func FuzzArgs(f *testing.F) {
	for _, s := range []string{
		"--db\x00x.db\x00list\x00--json",
		"show\x0044\x00--json",
		"--text\x00--\x00a",
		"44\x00--tag\x00a\x00--tag=b\x00--\x00--json",
		"--res\x00-44,+50,Res 2",
		"--lang\x00zh_CN.UTF-8\x00-h",
		"第44号决议",
		"--json=maybe",
		"-\x00--",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		args := strings.Split(s, "\x00")
		if _, _, err := ParseGlobal(args); err != nil {
			var ue *usageError
			if !errors.As(err, &ue) {
				t.Fatalf("ParseGlobal(%q): %v is not a usage error", args, err)
			}
		}
		fs := newFlagSet("fuzz")
		fs.Bool("json", false, "")
		fs.String("text", "", "")
		var tags stringList
		fs.Var(&tags, "tag", "")
		pos, err := parseArgs(fs, args)
		var ue *usageError
		if err != nil && !errors.Is(err, errHelp) && !errors.As(err, &ue) {
			t.Fatalf("parseArgs(%q): %v", args, err)
		}
		if err == nil && len(pos) > len(args) {
			t.Fatalf("parseArgs(%q) invented arguments: %q", args, pos)
		}
		for _, a := range args {
			if n, ok := parseNumber(a); ok && n <= 0 {
				t.Fatalf("parseNumber(%q) = %d", a, n)
			}
			add, remove, err := parseResList(a)
			if err == nil {
				for _, n := range append(add, remove...) {
					if n <= 0 {
						t.Fatalf("parseResList(%q) gave %d", a, n)
					}
				}
			}
		}
	})
}

// FuzzText checks the terminal text helpers on any string: truncate fits,
// clean leaves no control or bidi character, Wrap loses no text.
func FuzzText(f *testing.F) {
	for _, s := range []string{"", "电信发展局", "a\x1b[2Jb\u202e", "ITU-D（BDT）。，", "e\u0301\u200b", "\xff\xfe", "一二三四五六七八九十 word"} {
		f.Add(s, 7)
	}
	f.Fuzz(func(t *testing.T, s string, w int) {
		w = w%100 + 1
		if w < 1 {
			w += 100
		}
		if got := truncate(s, w); stringWidth(got) > w {
			t.Fatalf("truncate(%q, %d) = %q, %d wide", s, w, got, stringWidth(got))
		}
		c := clean(s, true)
		for _, r := range c {
			if (r < 0x20 && r != '\n') || (r >= 0x7f && r < 0xa0) || isBidi(r) {
				t.Fatalf("clean(%q) left %U", s, r)
			}
		}
		if !utf8.ValidString(s) {
			return // wrapCols works on the cleaned, valid text
		}
		lines := wrapCols(c, w)
		joined := strings.Join(lines, "")
		strip := func(x string) string { return strings.NewReplacer(" ", "", "\n", "").Replace(x) }
		if strip(joined) != strip(c) {
			t.Fatalf("wrapCols(%q, %d) lost text: %q", c, w, lines)
		}
	})
}

func isBidi(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}
