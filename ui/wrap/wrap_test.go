package wrap

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// em is a deterministic stand-in for a font: wide (CJK) characters are one
// em, everything else half an em, the way a monospaced CJK terminal lays
// text out. The wrapper only ever compares widths, so this is enough to
// pin its decisions down.
func em(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2E80 {
			w++
		} else {
			w += 0.5
		}
	}
	return w
}

func readClauses(t testing.TB) []string {
	b, err := os.ReadFile(filepath.Join("testdata", "clauses.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}

// TestGolden wraps real clauses of the WTSA-20 document at three widths.
// The golden file was read by a person once: no line starts with ，。）”
// and no line ends with （“; breaks fall between Chinese characters and
// at spaces and hyphens in Latin.
func TestGolden(t *testing.T) {
	var buf bytes.Buffer
	for i, c := range readClauses(t) {
		for _, width := range []float64{9, 17, 31.5} {
			fmt.Fprintf(&buf, "== clause %d, width %gem\n", i+1, width)
			for _, l := range Wrap(c, width, em) {
				fmt.Fprintf(&buf, "|%s|\n", l)
				if em(l) > width {
					t.Errorf("clause %d width %g: line %q is %gem wide", i+1, width, l, em(l))
				}
			}
			checkInvariants(t, c, width, em)
		}
	}
	golden := filepath.Join("testdata", "clauses.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", golden, buf.String())
	}
}

// wrapCases is the kinsoku table; it also seeds FuzzWrap.
var wrapCases = []struct {
	name  string
	text  string
	width float64
	want  []string
}{
	{"Fits", "中文中文", 4, []string{"中文中文"}},
	{"Empty", "", 4, []string{""}},
	{"CommaPullsCharDown", "中文中文，中文", 4, []string{"中文中", "文，中文"}},
	{"FullStopPullsCharDown", "一二三四。五六", 4, []string{"一二三", "四。五六"}},
	{"ClosingBracket", "一二三（四）五六", 4, []string{"一二三", "（四）五", "六"}},
	{"ClosingCornerAfterStop", "一二「三。」四五", 5, []string{"一二", "「三。」四", "五"}},
	{"OpeningNotAtEnd", "一二三（四五六）", 4, []string{"一二三", "（四五", "六）"}},
	{"Quotes", "一二三“四五”六七", 3.5, []string{"一二三", "“四五”", "六七"}},
	{"Ellipsis", "一二三四…五", 4, []string{"一二三", "四…五"}},
	{"MiddleDot", "一二三四·五", 4, []string{"一二三", "四·五"}},
	{"Colon", "一二三四：五", 4, []string{"一二三", "四：五"}},
	{"QuestionExclaim", "一二三四？！五", 4, []string{"一二三", "四？！五"}},
	{"LatinStop", "abcd efgh. ij", 2.5, []string{"abcd", "efgh.", "ij"}},
	{"LatinComma", "ab cd, ef", 1.5, []string{"ab", "cd,", "ef"}},
	{"SpacesDropped", "ab   cd", 1, []string{"ab", "cd"}},
	{"ForcedBreak", "一二\n三四", 10, []string{"一二", "三四"}},
	{"ForcedBreakEnd", "一二\n", 10, []string{"一二", ""}},
	{"CRLF", "ab\r\ncd", 10, []string{"ab", "cd"}},
	{"LongWordHardBreak", "ITU-Dabcdefghij", 2, []string{"ITU-", "Dabc", "defg", "hij"}},
	{"LongWordKinsoku", "abcdefgh,", 2, []string{"abcd", "efg", "h,"}},
	{"TooNarrowForOne", "中文", 0.5, []string{"中", "文"}},
	{"OnlyClosing", "。。。。", 2, []string{"。。", "。。"}},
	{"MixedLatinCJK", "与ITU-D合作", 3, []string{"与", "ITU-D", "合作"}},
	{"HyphenatedWord", "与JCA-AHF合作", 3.5, []string{"与JCA-", "AHF合作"}},
	{"BDTInParens", "电信发展局（BDT）主任", 5, []string{"电信发展局", "（BDT）主", "任"}},
	// Codes stay whole: a sector and its study group, Recommendation numbers.
	{"SectorStudyGroup", "由ITU-T SG15负责", 5.5, []string{"由", "ITU-T SG15", "负责"}},
	{"SectorRecommendation", "见ITU-R M.1036建议书", 6, []string{"见", "ITU-R M.1036", "建议书"}},
	{"RecommendationNumber", "见E.161.1建议书", 4, []string{"见", "E.161.1", "建议书"}},
	{"SectorAloneBreaks", "ITU-T and ITU-R", 4, []string{"ITU-T", "and", "ITU-R"}},
}

func TestKinsoku(t *testing.T) {
	for _, c := range wrapCases {
		t.Run(c.name, func(t *testing.T) {
			got := Wrap(c.text, c.width, em)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("Wrap(%q, %g)=%q, want %q", c.text, c.width, got, c.want)
			}
			checkInvariants(t, c.text, c.width, em)
		})
	}
}

func TestClassTables(t *testing.T) {
	for _, r := range "，。、；：？！）」』】〉》”’…·,.;:?!)" {
		if !IsClosing(r) {
			t.Errorf("IsClosing(%q)=false", r)
		}
		if IsOpening(r) {
			t.Errorf("IsOpening(%q)=true", r)
		}
	}
	for _, r := range "（「『【〈《“‘([" {
		if !IsOpening(r) {
			t.Errorf("IsOpening(%q)=false", r)
		}
		if IsClosing(r) {
			t.Errorf("IsClosing(%q)=true", r)
		}
	}
	for _, r := range "中aZ9-— 　\x00" {
		if IsOpening(r) || IsClosing(r) {
			t.Errorf("%q classed as punctuation", r)
		}
	}
}

// checkInvariants verifies what every wrap must keep, independently of how
// the lines were chosen:
//   - the lines are the input, in order: between two lines only whitespace
//     is dropped (plus the "\n" of a forced break), and nothing else;
//   - no line is wider than the width unless it is a single grapheme;
//   - a line starts with closing (or ends with opening) punctuation only if
//     the line before it had no kinsoku-legal place to break instead.
func checkInvariants(t testing.TB, text string, width float64, measure func(string) float64) {
	t.Helper()
	spans := Spans(text, width, measure)
	if len(spans) == 0 {
		t.Fatalf("no lines for %q", text)
	}
	pos := 0
	for i, s := range spans {
		if s.Start < pos || s.End < s.Start || s.End > len(text) {
			t.Fatalf("%q: span %d %v out of order (pos %d)", text, i, s, pos)
		}
		gap := text[pos:s.Start]
		newlines := strings.Count(gap, "\n")
		if i == 0 && gap != "" {
			t.Fatalf("%q: first line starts at %d", text, s.Start)
		}
		if i > 0 && newlines > 1 {
			t.Fatalf("%q: two forced breaks between lines %d and %d", text, i-1, i)
		}
		for _, r := range gap {
			if !Droppable(r) {
				t.Fatalf("%q: lost %q before line %d", text, r, i)
			}
		}
		if i > 0 && newlines == 1 && strings.IndexByte(gap, '\n') != 0 && !allDroppable(gap) {
			t.Fatalf("%q: gap %q", text, gap)
		}
		line := text[s.Start:s.End]
		if !utf8.ValidString(line) && utf8.ValidString(text) {
			t.Fatalf("%q: line %d %q splits a character", text, i, line)
		}
		if measure(line) > width && graphemes(line) > 1 {
			t.Errorf("%q: line %d %q is %g wide, over %g", text, i, line, measure(line), width)
		}
		pos = s.End
		// A mandatory break (\n, \r, \f, U+2028, ...) overrides kinsoku.
		if i > 0 && !strings.ContainsAny(gap, "\n\r\v\f\u0085\u2028\u2029") {
			prev := spans[i-1]
			r, _ := utf8.DecodeRuneInString(line)
			lastRune := lastNonSpace(text[prev.Start:prev.End])
			if (IsClosing(r) || IsOpening(lastRune)) && hasLegalBreak(text[prev.Start:s.Start]) {
				t.Errorf("%q: break before line %d %q breaks kinsoku though line %q had a legal break", text, i, line, text[prev.Start:prev.End])
			}
		}
	}
	if rest := text[pos:]; !allDroppable(rest) {
		t.Fatalf("%q: lost the tail %q", text, rest)
	}
}

func allDroppable(s string) bool {
	for _, r := range s {
		if !Droppable(r) {
			return false
		}
	}
	return true
}

func lastNonSpace(s string) rune {
	s = strings.TrimRightFunc(s, Droppable)
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// hasLegalBreak reports whether a line (with the whitespace dropped after
// it) has a grapheme boundary inside it where a break would keep kinsoku.
func hasLegalBreak(line string) bool {
	rs := []rune(line)
	var seg segmenter.Segmenter
	seg.Init(rs)
	it := seg.GraphemeIterator()
	for it.Next() {
		g := it.Grapheme()
		p := g.Offset + len(g.Text)
		if p >= len(rs) {
			break
		}
		head := strings.TrimRightFunc(string(rs[:p]), Droppable)
		if head == "" || IsClosing(rs[p]) {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(head)
		if !IsOpening(last) {
			return true
		}
	}
	return false
}

func graphemes(s string) int {
	var seg segmenter.Segmenter
	seg.Init([]rune(s))
	n := 0
	it := seg.GraphemeIterator()
	for it.Next() {
		n++
	}
	return n
}

// TestNoLoneLast: with Options.NoLoneLast a paragraph's last line never
// holds a single character when the line before can give one up.
func TestNoLoneLast(t *testing.T) {
	for _, c := range []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"OneChar", "一二三四五六七八九", 4, []string{"一二三四", "五六七", "八九"}},
		{"CharAndStop", "一二三四五制；", 5, []string{"一二三四", "五制；"}},
		{"EachParagraph", "一二三四五\n六七八九十", 4, []string{"一二三", "四五", "六七八", "九十"}},
		{"TwoAlready", "一二三四五六", 4, []string{"一二三四", "五六"}},
		{"OneLine", "一", 4, []string{"一"}},
		// The line before cannot spare a character: leave it.
		{"NothingToGive", "ABCDEFGH一", 4, []string{"ABCDEFGH", "一"}},
		// Giving one up must not start the last line with closing punctuation.
		{"KinsokuKept", "一二三，四五六七。八", 4, []string{"一二三，", "四五六", "七。八"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			spans := SpansWith(c.text, c.width, func(a, b int) float64 { return em(c.text[a:b]) }, Options{NoLoneLast: true})
			var got []string
			for _, s := range spans {
				got = append(got, c.text[s.Start:s.End])
				if em(c.text[s.Start:s.End]) > c.width && graphemes(c.text[s.Start:s.End]) > 1 {
					t.Errorf("line %q is wider than %g", c.text[s.Start:s.End], c.width)
				}
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("got %q, want %q", got, c.want)
			}
			if strings.Join(got, "") != strings.ReplaceAll(c.text, "\n", "") {
				t.Errorf("lines %q are not the text", got)
			}
		})
	}
}

// TestNoLoneLastCorpus wraps the real clauses at three widths: no last
// line is a lone character where the plain wrap left one, and the lines
// still give back the text.
func TestNoLoneLastCorpus(t *testing.T) {
	lone, fixed := 0, 0
	for _, c := range readClauses(t) {
		for _, width := range []float64{9, 17, 31.5} {
			m := func(a, b int) float64 { return em(c[a:b]) }
			plain := SpansRange(c, width, m)
			with := SpansWith(c, width, m, Options{NoLoneLast: true})
			last := func(sp []Span) string { return c[sp[len(sp)-1].Start:sp[len(sp)-1].End] }
			if len(plain) > 1 && utf8.RuneCountInString(strings.TrimRight(last(plain), "；。，：")) == 1 {
				lone++
				if utf8.RuneCountInString(strings.TrimRight(last(with), "；。，：")) > 1 {
					fixed++
				}
			}
			if len(with) != len(plain) {
				t.Errorf("width %g: %d lines, plain wrap %d: no lone last line costs a line", width, len(with), len(plain))
			}
			var b strings.Builder
			for _, s := range with {
				b.WriteString(c[s.Start:s.End])
				if em(c[s.Start:s.End]) > width {
					t.Errorf("line %q too wide", c[s.Start:s.End])
				}
			}
			if squeezeSpaces(b.String()) != squeezeSpaces(c) {
				t.Errorf("lines do not give back the clause")
			}
		}
	}
	if lone == 0 || fixed != lone {
		t.Errorf("%d lone last lines in the plain wrap, %d fixed", lone, fixed)
	}
	t.Logf("%d lone last lines fixed", fixed)
}

func squeezeSpaces(s string) string { return strings.Join(strings.Fields(s), "") }

func FuzzWrap(f *testing.F) {
	for _, c := range wrapCases {
		f.Add(c.text, c.width)
	}
	f.Add("😀👍🏽e\u0301 中文\t（。）", 1.0)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if width != width || width > 1e6 || width < -1e6 { // NaN, huge
			return
		}
		if len(text) > 400 {
			text = text[:400]
		}
		checkInvariants(t, text, width, em)
		// NoLoneLast only moves a break to an earlier legal place: the
		// lines still give back the text and fit.
		plain := Spans(text, width, em)
		with := SpansWith(text, width, func(a, b int) float64 { return em(text[a:b]) }, Options{NoLoneLast: true})
		if len(with) != len(plain) {
			t.Fatalf("%q: %d lines, plain %d", text, len(with), len(plain))
		}
		for i, sp := range with {
			if i > 0 && (sp.Start < with[i-1].End || !allDroppable(text[with[i-1].End:sp.Start])) {
				t.Fatalf("%q: line %d starts at %d after %v", text, i, sp.Start, with[i-1])
			}
			if l := text[sp.Start:sp.End]; em(l) > width && graphemes(l) > 1 && sp != plain[i] {
				t.Fatalf("%q: moved line %q is too wide", text, l)
			}
		}
	})
}

func BenchmarkWrapClauses(b *testing.B) {
	clauses := readClauses(b)
	n := 0
	for _, c := range clauses {
		n += len(c)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	calls := 0
	measure := func(s string) float64 { calls++; return em(s) }
	for b.Loop() {
		for _, c := range clauses {
			Wrap(c, 31.5, measure)
		}
	}
	// Measuring is the GUI's cost (fyne.MeasureText shapes the text).
	b.ReportMetric(float64(calls)/float64(b.N), "measures/op")
}

// TestSpansRange checks that the width of a line can depend on where its
// pieces sit: here the bytes of the bold range count double.
func TestSpansRange(t *testing.T) {
	text := "请BDT与各局合作"
	bold := [2]int{3, 6} // "BDT"
	measure := func(a, b int) float64 {
		w := em(text[a:b])
		if s, e := max(a, bold[0]), min(b, bold[1]); s < e {
			w += em(text[s:e])
		}
		return w
	}
	var got []string
	for _, s := range SpansRange(text, 4, measure) {
		got = append(got, text[s.Start:s.End])
	}
	// Plain widths fit 请BDT与 (3.5em) on the first line; with BDT at
	// double width only 请BDT (4em) does.
	if want := "请BDT|与各局合|作"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %s", got, want)
	}
}
