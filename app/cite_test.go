package app

import (
	"strings"
	"testing"
)

// citeRes is a small resolution shaped like the document's: a labelled
// section with nested items, an addressed section, a heading outside the
// usual list, an unlabelled clause and a footnote.
func citeRes() *Resolution {
	cl := func(id, sec, heading, addr, label string, depth int, text string) Clause {
		return Clause{ID: id, Resolution: 44, Section: sec, Heading: heading, Addressee: addr, Label: label, Depth: depth, Text: text}
	}
	return &Resolution{
		Number: 44, Title: "缩小标准化工作差距", TitleTable1: "缩小差距", Summary: "做出决议，继续行动计划。",
		Clauses: []Clause{
			cl("44/resolves/1", "resolves", "做出决议", "", "1", 0, "行动计划应予以继续；"),
			cl("44/resolves/2", "resolves", "做出决议", "", "2", 0, "ITU-T须起草一份计划，以便："),
			cl("44/resolves/2/i", "resolves", "做出决议", "", "i)", 1, "协助发展中国家制定战略；"),
			cl("44/resolves/2/ii", "resolves", "做出决议", "", "ii)", 1, "协助发展中国家制定手段；"),
			cl("44/resolves/3", "resolves", "做出决议", "", "3", 0, "免费在线提供手册；"),
			cl("44/instructs/1", "instructs", "责成", "电信标准化局主任", "1", 0, "继续实现目标；"),
			cl("44/instructs/2", "instructs", "责成", "电信发展局主任", "1", 0, "提供支持；"),
			cl("44/other/1", "other", "第1研究组的职责", "", "", 0, "研究接入技术。"),
		},
		Footnotes: []Footnote{{N: 1, Text: "包括最不发达国家。", Anchor: "44/resolves/1"}},
	}
}

func TestCiteClause(t *testing.T) {
	r := citeRes()
	for _, c := range []struct {
		name, id string
		l        CiteLang
		want     string
	}{
		{"ChineseTopLevel", "44/resolves/2", CiteChinese, "WTSA-20 第44号决议 做出决议 2：ITU-T须起草一份计划，以便："},
		{"EnglishTopLevel", "44/resolves/2", CiteEnglish, "WTSA-20 Resolution 44 resolves 2: ITU-T须起草一份计划，以便："},
		{"ChineseNested", "44/resolves/2/ii", CiteChinese, "WTSA-20 第44号决议 做出决议 2 ii)：协助发展中国家制定手段；"},
		{"EnglishNested", "44/resolves/2/i", CiteEnglish, "WTSA-20 Resolution 44 resolves 2 i): 协助发展中国家制定战略；"},
		{"NestedParentIsNotPreviousSibling", "44/resolves/3", CiteChinese, "WTSA-20 第44号决议 做出决议 3：免费在线提供手册；"},
		{"Instructs", "44/instructs/2", CiteEnglish, "WTSA-20 Resolution 44 instructs 1: 提供支持；"},
		{"OtherHeadingUnlabelled", "44/other/1", CiteEnglish, "WTSA-20 Resolution 44 第1研究组的职责: 研究接入技术。"},
		{"UnknownClause", "44/resolves/99", CiteChinese, "WTSA-20 第44号决议"},
		{"NoClause", "", CiteEnglish, "WTSA-20 Resolution 44"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := CiteClause(r, c.id, c.l); got != c.want {
				t.Errorf("CiteClause(%q)=%q, want %q", c.id, got, c.want)
			}
		})
	}
}

func TestCiteHeading(t *testing.T) {
	r := citeRes()
	for _, c := range []struct {
		name, id string
		l        CiteLang
		want     string
	}{
		{"ResolvesFromNestedItem", "44/resolves/2/i", CiteChinese, "WTSA-20 第44号决议 做出决议：\n" +
			"1 行动计划应予以继续；\n2 ITU-T须起草一份计划，以便：\n  i) 协助发展中国家制定战略；\n  ii) 协助发展中国家制定手段；\n3 免费在线提供手册；"},
		{"OneAddresseeOnly", "44/instructs/2", CiteEnglish, "WTSA-20 Resolution 44 责成 (instructs) 电信发展局主任:\n1 提供支持；"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := CiteHeading(r, c.id, c.l); got != c.want {
				t.Errorf("CiteHeading(%q)=\n%s\nwant\n%s", c.id, got, c.want)
			}
		})
	}
}

func TestCiteSection(t *testing.T) {
	r := citeRes()
	got := CiteSection(r, "44/instructs/2", CiteChinese)
	want := "WTSA-20 第44号决议 责成：\n电信标准化局主任\n1 继续实现目标；\n电信发展局主任\n1 提供支持；"
	if got != want {
		t.Errorf("CiteSection=\n%s\nwant\n%s", got, want)
	}
	if got := CiteSection(nil, "x", CiteChinese); got != "" {
		t.Errorf("CiteSection(nil)=%q", got)
	}
}

func TestCiteResolution(t *testing.T) {
	r := citeRes()
	zh := CiteResolution(r, CiteChinese)
	want := []string{
		"WTSA-20 第44号决议\n缩小标准化工作差距\n表1标题：缩小差距\n",
		"\n摘要\n做出决议，继续行动计划。\n",
		"\n做出决议\n1 行动计划应予以继续；\n2 ITU-T须起草一份计划，以便：\n  i) 协助发展中国家制定战略；\n",
		"\n责成\n电信标准化局主任\n1 继续实现目标；\n电信发展局主任\n1 提供支持；\n",
		"\n第1研究组的职责\n研究接入技术。\n",
		"\n脚注\n1 包括最不发达国家。",
	}
	at := 0
	for _, w := range want {
		i := strings.Index(zh[at:], w)
		if i < 0 {
			t.Fatalf("CiteResolution (zh) lacks, after byte %d, %q:\n%s", at, w, zh)
		}
		at += i + len(w)
	}
	if at != len(zh) {
		t.Errorf("CiteResolution (zh) ends with more than the footnotes: %q", zh[at:])
	}
	en := CiteResolution(r, CiteEnglish)
	for _, w := range []string{"WTSA-20 Resolution 44\n", "Table 1 title: 缩小差距", "\nSummary\n", "\n做出决议 (resolves)\n", "\nFootnotes\n"} {
		if !strings.Contains(en, w) {
			t.Errorf("CiteResolution (en) lacks %q:\n%s", w, en)
		}
	}
}

func TestCiteNilResolution(t *testing.T) {
	for name, got := range map[string]string{
		"ClauseRef":      ClauseRef(nil, "x", CiteChinese),
		"CiteClause":     CiteClause(nil, "x", CiteChinese),
		"CiteHeading":    CiteHeading(nil, "x", CiteChinese),
		"CiteResolution": CiteResolution(nil, CiteEnglish),
	} {
		if got != "" {
			t.Errorf("%s(nil)=%q, want \"\"", name, got)
		}
	}
}
