package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"briefdesk/app"
)

// fixedWidth measures every rune as 10 wide ("…" too), so the cases can
// count characters.
func fixedWidth(s string, bold bool) float32 { return float32(10 * utf8.RuneCountInString(s)) }

var snippetCases = []struct {
	name string
	in   string
	max  float32 // in characters
	want string
}{
	{"Fits", "这是«命中»文字", 20, "这是«命中»文字"},
	{"HitInMiddle", "一二三四五六七八九十«命中»甲乙丙丁戊己庚辛壬癸", 10, "…九十«命中»甲乙丙丁…"},
	{"HitAtEnd", "一二三四五六七八九十甲乙丙丁«命中»", 8, "…十甲乙丙丁«命中»"},
	{"HitAtStart", "«命中»一二三四五六七八九十", 6, "«命中»一二三…"},
	{"NoHit", "一二三四五六七八九十", 6, "一二三四五…"},
	{"AlreadyCutLeft", "…中国家）建立国家计算机事件响应团队（«CIRT»）", 16, "…计算机事件响应团队（«CIRT»）"},
	{"AlreadyCutBoth", "…一二三四五六七八九十«命中»甲乙丙丁戊己…", 10, "…九十«命中»甲乙丙丁…"},
	{"LaterHitNotCut", "一«甲»二三«乙乙乙乙»四五", 7, "一«甲»二三…"},
	{"HitTooLong", "一二«命中命中命中命中命中»三", 6, "…«命中命中»…"},
	{"Newlines", "一\n二", 20, "一 二"},
	{"Empty", "", 5, ""},
}

func TestFitSnippet(t *testing.T) {
	for _, c := range snippetCases {
		t.Run(c.name, func(t *testing.T) {
			got := fitSnippet(c.in, c.max*10, fixedWidth)
			if got != c.want {
				t.Errorf("fitSnippet(%q, %g chars) = %q, want %q", c.in, c.max, got, c.want)
			}
		})
	}
}

// FuzzFitSnippet checks what holds for any excerpt and width: the result
// fits (or is one character), keeps its first hit whole when that fits,
// and is text of the excerpt with "…" only at the ends.
func FuzzFitSnippet(f *testing.F) {
	for _, c := range snippetCases {
		f.Add(c.in, int(c.max))
	}
	f.Fuzz(func(t *testing.T, in string, chars int) {
		if !utf8.ValidString(in) || chars < 0 || chars > 500 {
			return
		}
		max := float32(chars * 10)
		got := fitSnippet(in, max, fixedWidth)
		plain := strings.NewReplacer(app.MarkOpen, "", app.MarkClose, "").Replace(got)
		n := utf8.RuneCountInString(plain)
		if float32(n*10) > max && n > 3 {
			t.Fatalf("fitSnippet(%q, %d) = %q: %d chars", in, chars, got, n)
		}
		src := strings.NewReplacer(app.MarkOpen, "", app.MarkClose, "", "\n", " ").Replace(in)
		core := strings.TrimSuffix(strings.TrimPrefix(plain, ellipsis), ellipsis)
		if !strings.Contains(src, core) {
			t.Fatalf("fitSnippet(%q, %d) = %q: %q is not in the excerpt", in, chars, got, core)
		}
	})
}
