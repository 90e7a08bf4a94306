package seeds

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"briefdesk/app"
)

// edit returns the document with its lines changed by f (0-based indexes;
// line n of the file is index n-1).
func edit(f func(l []string) []string) string {
	return strings.Join(f(docLines()), "\n")
}

func replaceLine(n int, s string) string {
	return edit(func(l []string) []string { l[n-1] = s; return l })
}

// deleteLines removes lines from..to (1-based, inclusive).
func deleteLines(from, to int) string {
	return edit(func(l []string) []string { return append(l[:from-1:from-1], l[to:]...) })
}

// badDocs are documents the parser must refuse, each with what the
// message must say. They also seed FuzzParse.
var badDocs = []struct {
	name, doc, want string
}{
	{"Empty", "", "the file is empty"},
	{"Blank", " \n\t\n\r\n", "the file is empty"},
	{"Binary", "PK\x03\x04\x14\x00\x06\x00", "line 1: the line contains the control character U+0003"},
	{"Latin1", "概要：\n本文件\xe9t\xe9。\n", "line 2: the line is not UTF-8 text"},
	{"OldMacLines", strings.ReplaceAll(string(Document), "\n", "\r"), "line 1: the line holds a carriage return"},
	{"UTF16", "\xff\xfe\x82i\x81\x89", "line 1: the line is not UTF-8 text"},
	{"ProseFirst", "这不是那份文件。\n" + string(Document), `line 1: expected an overview heading such as "概要：" at the start of the document, found "这不是那份文件。"`},
	{"NoTable1", deleteLines(26, 527), `line 25: reached the end of the file before the Table 1 caption "表1 – ..."`},
	{"NoTable2", deleteLines(117, 527), `reached the end of the file in Table 1, before the Table 2 caption "表2 – ..."`},
	{"Table1Row", replaceLine(56, "\t第58号决议 无修改 鼓励建立国家计算机事件响应团队："),
		`line 56: expected a Table 1 row "第N号决议[状态]标题：", found "第58号决议 无修改 鼓励建立国家计算机事件响应团队："`},
	{"UnknownStatus", replaceLine(27, "\t第2号决议[已修订]国际电联电信标准化部门研究组的责任和职权："),
		"line 27: unknown status [已修订] of Res 2: expected [新], [修订版] or [无修改]"},
	{"DuplicateTable1", replaceLine(30, "\t第2号决议[修订版]国际电联无线电通信部门："), "line 30: Res 2 appears twice in Table 1 (lines 27 and 30)"},
	{"DuplicateTable2", replaceLine(140, "\t第2号决议"), "line 140: Res 2 appears twice in Table 2 (lines 122 and 140)"},
	{"MissingFromTable2", deleteLines(519, 527), "line 114: Res 100 is in Table 1 but not in Table 2"},
	{"MissingFromTable1", deleteLines(114, 116), "line 516: Res 100 is in Table 2 but not in Table 1"},
	{"NoSummary", deleteLines(115, 115), "line 114: Res 100 has no summary in Table 1"},
	{"Table2Row", replaceLine(122, "\t决议二"), `line 122: expected a Table 2 row "第N号决议", found "决议二"`},
	{"NoHeading", replaceLine(521, "忆及"), "line 521: expected the text of Res 100 to start with a heading such as 忆及 or 责成 in a new table cell (after a tab)"},
	{"ItemFirst", edit(func(l []string) []string { l[520], l[521] = "", "\t"+l[521]; return l }), `line 522: expected a heading such as 忆及, 做出决议 or 责成 to start the text of Res 100, found "c)`},
	{"EmptyHeading", deleteLines(522, 527), `line 521: the heading "忆及" of Res 100 has no text under it`},
	{"NoText", deleteLines(521, 527), "line 520: Res 100 has a title but no text in Table 2"},
	{"UnclosedFootnote", replaceLine(175, "缩小发展中国家[footnoteRef:1]与发达国家之间的标准化工作差距 [1:  其中包括最不发达国家"), "line 175: the footnote text \"[1:  其中包括最不发达国家\" has no closing ]"},
	{"FootnoteWithoutMark", replaceLine(175, "缩小发展中国家与发达国家之间的标准化工作差距 [1:  其中包括最不发达国家。]"), "line 175: footnote text [1: ...] has no footnote mark [footnoteRef:1] on the same line"},
	{"UnclosedBookmark", replaceLine(6, "[bookmark: lt_pId035GSS-20"), `line 6: a [bookmark: ...] mark is not closed`},
	{"MarkWithoutFootnote", replaceLine(175, "缩小发展中国家[footnoteRef:1]与发达国家之间的标准化工作差距"), "line 175: footnote mark [footnoteRef:1] has no footnote text [1: ...] on the same line"},
	{"FootnoteInOverview", replaceLine(2, "本文件[footnoteRef:2]提供了概要介绍。[2: 注。]"), "line 2: a footnote in the overview is not supported"},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range badDocs {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("bad.txt", []byte(tt.doc))
			if err == nil {
				t.Fatalf("parsed %d resolutions, want an error", len(c.Resolutions))
			}
			if !isInvalid(err) {
				t.Fatalf("error %v (code %q), want an *app.Error with code %q", err, app.ErrorCode(err), app.EINVALID)
			}
			msg := app.ErrorMessage(err)
			if !strings.HasPrefix(msg, "cannot read bad.txt as the WTSA-20 resolutions document: ") {
				t.Errorf("message %q does not say which file could not be read", msg)
			}
			if !strings.Contains(msg, tt.want) {
				t.Errorf("message\n  %s\ndoes not say\n  %s", msg, tt.want)
			}
		})
	}
}

// TestParseAccepts checks variations that are still the same document.
func TestParseAccepts(t *testing.T) {
	docs := map[string]string{
		"CRLF": strings.ReplaceAll(string(Document), "\n", "\r\n"),
		"BOM":  "\ufeff" + string(Document),
	}
	want := printCorpus(mustParse(t))
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			c, err := parse(DocumentName, []byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			got := printCorpus(c)
			if len(got) != len(want) {
				t.Fatalf("%d lines, want %d", len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("line %d: %q, want %q", i, got[i].s, want[i].s)
				}
			}
		})
	}
}

// FuzzParse feeds the parser the document, its truncations, the bad
// documents above and whatever the fuzzer makes of them: it must never
// panic, must refuse with an EINVALID *app.Error, or give a corpus that
// keeps the invariants (unique IDs, no artefacts in any field).
func FuzzParse(f *testing.F) {
	f.Add(Document)
	for _, n := range []int{1, 100, 3000, 9000, 20000, 33000, 42000, 50000, 61000} {
		if n < len(Document) {
			f.Add(Document[:n])
		}
	}
	lines := docLines()
	for _, n := range []int{121, 177, 300, 450, 522} {
		f.Add([]byte(strings.Join(lines[:n], "\n")))
	}
	for _, tt := range badDocs {
		f.Add([]byte(tt.doc))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		c, err := Parse("fuzz.txt", doc)
		if err != nil {
			if !isInvalid(err) {
				t.Fatalf("error %v is not an EINVALID *app.Error", err)
			}
			return
		}
		checkInvariants(t, c)
	})
}

// TestFootnoteAnchors checks footnotes outside titles: on an item, on an
// annex title and on a heading line (which anchors to the heading's first
// clause).
func TestFootnoteAnchors(t *testing.T) {
	doc := edit(func(l []string) []string {
		l[155] = "附件A：合作的程序方法[footnoteRef:2] [2: 附件A的注。]"
		l[225] = "二\t项目2：在标准应用方面[footnoteRef:3]向发展中国家提供帮助 [3:  项目2的注。]"
		l[234] = "责成第17研究组[footnoteRef:4][4: 第17研究组的注。]"
		return l
	})
	c, err := parse("notes.txt", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, c)
	var got []string
	for _, r := range c.Resolutions {
		for _, f := range r.Footnotes {
			got = append(got, fmt.Sprintf("%d %s %s", f.N, f.Anchor, f.Text))
		}
	}
	want := []string{
		"2 18/annex/A 附件A的注。",
		"1 title 其中包括最不发达国家、小岛屿发展中国家、内陆发展中国家和经济转型国家。",
		"3 44/annex/二 项目2的注。",
		"4 50/instructs/2 第17研究组的注。",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("footnotes\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	byID := clauseIndex(c)
	if got, want := byID["44/annex/二"].Text, "项目2：在标准应用方面向发展中国家提供帮助"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	if got, want := byID["50/instructs/2"].Heading, "责成第17研究组"; got != want {
		t.Errorf("heading %q, want %q", got, want)
	}
}
