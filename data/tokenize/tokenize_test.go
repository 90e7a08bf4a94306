package tokenize_test

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"briefdesk/data/tokenize"
	"briefdesk/seeds"
)

func TestIndex(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"Empty", "", ""},
		{"CJKRun", "电磁场", "电磁 磁场 场"},
		{"OneChar", "电", "电"},
		{"Punctuation", "垃圾，信息。", "垃圾 圾 信息 息"},
		{"LatinCaseFolded", "IPv6过渡", "ipv6 过渡 渡"},
		{"Hyphen", "ITU-D第2研究组", "itu-d 第 2 研究 究组 组"},
		{"Recommendation", "ITU-T E.161.1建议书", "itu-t e.161.1 建议 议书 书"},
		{"Question", "第3/2号课题", "第 3/2 号课 课题 题"},
		{"CompoundQuestion", "第14-3/2号", "第 14-3/2 号"},
		{"SlashBetweenWords", "ITU/WMO/UNESCO", "itu wmo unesco"},
		{"FullStop", "IPv6. Then", "ipv6 then"},
		{"TrailingHyphen", "ITU- D", "itu d"},
		{"FullWidth", "ＩＰｖ６和２", "ipv6 和 2"},
		{"Bookmark", "[bookmark: lt_pId035]GSS-20", "bookmark lt pid035 gss-20"},
		{"InvalidUTF8", "a\xffb", "a b"},
		{"Marks", "«电»", "电"},
		{"BoundaryIsSeparator", "a" + tokenize.Boundary + "b", "a b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tokenize.IndexAll(tc.in); got != tc.want {
				t.Fatalf("IndexAll(%q)=%q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestIndexAll(t *testing.T) {
	got := tokenize.IndexAll("电磁", "", "场IPv6", "。")
	want := "电磁 磁 \uE000 场 ipv6"
	if got != want {
		t.Fatalf("IndexAll=%q, want %q", got, want)
	}
}

func TestParseQuery(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"Blank", "  \t", ""},
		{"Punctuation", `"*()-:`, ""},
		{"OneChar", "电", `"电" *`},
		{"TwoChars", "电磁", `"电磁"`},
		{"FourChars", "垃圾信息", `"垃圾 圾信 信息"`},
		{"Latin", "IPv6", `"ipv6"`},
		{"LatinPrefix", "ITU", `"itu" *`},
		{"Hyphen", "ITU-D", `"itu-d" *`},
		{"Recommendation", "E.161.1", `"e.161.1"`},
		{"Question", "3/2", `"3/2"`},
		{"Mixed", "IPv6过渡", `"ipv6 过渡"`},
		{"CharBeforeNumber", "第2研究组", `"第 2 研究 究组"`},
		{"TwoParts", "ITU-D 第2研究组", `"itu-d" * AND "第 2 研究 究组"`},
		{"SyntaxIsLiteral", `NEAR("a" AND b*) OR -c`, `"near a" * AND "and" * AND "b" * AND "or" * AND "c" *`},
		{"PunctuationInsideRun", "垃圾，信息", `"垃圾 圾 信息"`},
		{"Quote", `电"磁`, `"电 磁" *`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := tokenize.ParseQuery(tc.in)
			if got := q.FTS(); got != tc.want {
				t.Fatalf("ParseQuery(%q).FTS()=%q, want %q", tc.in, got, tc.want)
			}
			if q.Empty() != (tc.want == "") {
				t.Fatalf("Empty()=%v for %q", q.Empty(), tc.in)
			}
		})
	}
}

func TestHighlight(t *testing.T) {
	mark := func(text string, r [][2]int) string {
		var b strings.Builder
		last := 0
		for _, x := range r {
			b.WriteString(text[last:x[0]] + "[" + text[x[0]:x[1]] + "]")
			last = x[1]
		}
		return b.String() + text[last:]
	}
	for _, tc := range []struct{ name, q, text, want string }{
		{"OneChar", "磁", "电磁场的磁", "电[磁]场的[磁]"},
		{"TwoChars", "垃圾", "抵制和打击垃圾信息，垃圾", "抵制和打击[垃圾]信息，[垃圾]"},
		{"ThreeChars", "电磁场", "电磁场暴露", "[电磁场]暴露"},
		{"Latin", "ipv6", "推进向IPv6的过渡", "推进向[IPv6]的过渡"},
		{"LatinPrefix", "ITU", "ITU-T与ITU-D", "[ITU-T]与[ITU-D]"},
		{"NumberIsWhole", "9", "第9号和第59号", "第[9]号和第59号"},
		{"Mixed", "IPv6过渡", "实现IPv6过渡及其部署", "实现[IPv6过渡]及其部署"},
		{"TwoParts", "ITU-D 第2研究组", "ITU-D第2研究组", "[ITU-D第2研究组]"},
		{"NoMatchAcrossPunctuation", "垃圾信息", "垃圾，信息", "垃圾，信息"},
		{"Overlap", "磁场 电磁", "电磁场", "[电磁场]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := tokenize.ParseQuery(tc.q)
			if got := mark(tc.text, q.Highlight(tc.text)); got != tc.want {
				t.Fatalf("Highlight(%q, %q)=%q, want %q", tc.q, tc.text, got, tc.want)
			}
		})
	}
}

// TestCJKMatchesContains checks the whole scheme on the real document:
// for every run of 1-4 CJK characters in some lines, the query built from
// it matches (by the term rules FTS5 applies) exactly the lines that
// contain it as a substring.
func TestCJKMatchesContains(t *testing.T) {
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(seeds.Document))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) < 100 {
		t.Fatalf("only %d lines in the document", len(lines))
	}
	queries := map[string]bool{}
	// Queries from a spread of lines, tried against every line.
	for i := 0; i < len(lines) && len(queries) < 600; i += len(lines) / 12 {
		l := lines[i]
		rs := []rune(l)
		for i := range rs {
			for n := 1; n <= 4 && i+n <= len(rs); n++ {
				sub := rs[i : i+n]
				if !allCJK(sub) {
					break
				}
				queries[string(sub)] = true
			}
		}
	}
	for q := range queries {
		pq := tokenize.ParseQuery(q)
		for _, l := range lines {
			got := len(pq.Highlight(l)) > 0
			if want := strings.Contains(l, q); got != want {
				t.Fatalf("query %q on %q: match=%v, contains=%v", q, l, got, want)
			}
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

// FuzzParseQuery checks that no input escapes the quoted phrases and that
// every term is something unicode61 keeps whole.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"", "电", "IPv6过渡", `ITU-D "x" * NEAR(a b)`, "E.161.1", "3/2", "\xff\xfe", "a-", "-a", "１／２"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := tokenize.ParseQuery(s)
		for _, p := range q.Parts {
			if len(p.Terms) == 0 {
				t.Fatal("part with no terms")
			}
			for _, term := range p.Terms {
				if term == "" || !utf8.ValidString(term) {
					t.Fatalf("bad term %q", term)
				}
				for _, r := range term {
					if !(unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) || strings.ContainsRune("-./", r)) {
						t.Fatalf("term %q holds %q", term, r)
					}
				}
			}
		}
		if strings.Count(q.FTS(), `"`)%2 != 0 {
			t.Fatalf("unbalanced quotes in %q", q.FTS())
		}
		for _, r := range q.Highlight(s) {
			if r[0] < 0 || r[1] > len(s) || r[0] >= r[1] {
				t.Fatalf("bad range %v in %q", r, s)
			}
		}
	})
}
