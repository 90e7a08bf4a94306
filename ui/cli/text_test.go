package cli

import (
	"strings"
	"testing"
)

func TestStringWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"ITU-D", 5},
		{"电磁场", 6},
		{"决议44", 6},
		{"，。", 4},       // fullwidth punctuation
		{"ＡＢ", 4},       // fullwidth Latin
		{"“引号”", 6},     // ambiguous quotes count 1
		{"e\u0301", 1},  // combining accent
		{"a\u200bb", 2}, // zero-width space (Cf)
		{"\x1b[31m", 4}, // ESC itself takes no column
		{"ｶﾀｶﾅ", 4},     // halfwidth katakana
		{"가나", 4},       // Hangul is wide too
		{"第17研究组", 10},
	}
	for _, tt := range tests {
		if got := stringWidth(tt.s); got != tt.want {
			t.Errorf("stringWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		s    string
		w    int
		want string
	}{
		{"short", 10, "short"},
		{"电信发展局", 10, "电信发展局"},
		{"电信发展局", 9, "电信发展…"},
		{"电信发展局", 8, "电信发…"}, // a wide char never straddles the limit
		{"abcdef", 4, "abc…"},
		{"abc", 0, ""},
		{"电", 1, "…"},
	}
	for _, tt := range tests {
		got := truncate(tt.s, tt.w)
		if got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.s, tt.w, got, tt.want)
		}
		if stringWidth(got) > max(tt.w, 0) {
			t.Errorf("truncate(%q, %d) = %q is %d columns wide", tt.s, tt.w, got, stringWidth(got))
		}
	}
}

func TestTableAlignsChinese(t *testing.T) {
	tab := textTable{
		Header: []string{"No.", "Status", "Title"},
		Rows: [][]string{
			{"2", "修订版", "ITU-T研究组的职责和职权范围"},
			{"44", "new", "缩小差距"},
			{"100", "无修改", "x\ty"},
		},
	}
	var b strings.Builder
	if err := tab.Write(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d lines:\n%s", len(lines), b.String())
	}
	// The third column starts at the same display column on every line.
	titles := []string{"Title", "ITU-T研究组的职责和职权范围", "缩小差距", "x y"}
	col := -1
	for i, line := range lines {
		at := strings.Index(line, titles[i])
		if at < 0 {
			t.Fatalf("line %q lacks %q", line, titles[i])
		}
		start := stringWidth(line[:at])
		if col == -1 {
			col = start
		}
		if start != col {
			t.Errorf("title starts at column %d, want %d:\n%s", start, col, b.String())
		}
		if strings.HasSuffix(line, " ") {
			t.Errorf("trailing space in %q", line)
		}
	}
	if col != 5+8 { // "No." padded to 3+2, "无修改" is 6 wide + 2
		t.Errorf("title column = %d, want 13:\n%s", col, b.String())
	}
	if !strings.Contains(b.String(), "x y") {
		t.Errorf("a tab in a cell was not replaced by a space:\n%s", b.String())
	}
	if tab.Rows[2][2] != "x\ty" {
		t.Errorf("Write changed the caller's rows: %q", tab.Rows[2][2])
	}
}

func TestTableMax(t *testing.T) {
	tab := textTable{Rows: [][]string{{"1", "世界电信发展大会第59号决议"}}, Max: []int{0, 10}}
	var b strings.Builder
	tab.Write(&b)
	if got, want := b.String(), "1  世界电信…\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		in   string
		keep bool
		want string
	}{
		{"plain 文本", false, "plain 文本"},
		{"a\x1b[2Jb", false, "a\uFFFD[2Jb"},
		{"left\u202Eright", false, "leftright"},
		{"one\ntwo", false, "one two"},
		{"one\ntwo", true, "one\ntwo"},
		{"one\r\ntwo\tthree", true, "one\ntwo three"},
	}
	for _, tt := range tests {
		if got := clean(tt.in, tt.keep); got != tt.want {
			t.Errorf("clean(%q, %v) = %q, want %q", tt.in, tt.keep, got, tt.want)
		}
	}
}

func TestWritePara(t *testing.T) {
	text := "责成电信发展局主任与电信标准化局主任密切协作，支持发展中国家参与国际电联的标准化工作。"
	var b strings.Builder
	writePara(&b, 2, "1) ", text, 30)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) < 3 {
		t.Fatalf("expected wrapping, got:\n%s", b.String())
	}
	if !strings.HasPrefix(lines[0], "  1) 责成") {
		t.Errorf("first line %q does not start with the indent and label", lines[0])
	}
	var joined strings.Builder
	for i, l := range lines {
		if w := stringWidth(l); w > 30 {
			t.Errorf("line %d is %d columns wide: %q", i, w, l)
		}
		if i > 0 {
			if !strings.HasPrefix(l, "     ") || strings.HasPrefix(l, "      ") {
				t.Errorf("line %d %q is not hung under the text after the label", i, l)
			}
			for _, p := range "，。、" {
				if strings.HasPrefix(strings.TrimLeft(l, " "), string(p)) {
					t.Errorf("line %d starts with %q", i, p)
				}
			}
		}
		joined.WriteString(strings.TrimLeft(strings.TrimPrefix(l, "  1) "), " "))
	}
	if joined.String() != text {
		t.Errorf("wrapping lost or changed text:\n got %q\nwant %q", joined.String(), text)
	}

	b.Reset()
	writePara(&b, 0, "", "no wrap\nwhen width is 0", 0)
	if got, want := b.String(), "no wrap\nwhen width is 0\n"; got != want {
		t.Errorf("unwrapped = %q, want %q", got, want)
	}
}
