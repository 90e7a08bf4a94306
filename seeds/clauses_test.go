package seeds

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"briefdesk/app"
)

// clauseIndex maps clause IDs to clauses.
func clauseIndex(c *app.Corpus) map[string]app.Clause {
	m := map[string]app.Clause{}
	for _, r := range c.Resolutions {
		for _, cl := range r.Clauses {
			m[cl.ID] = cl
		}
	}
	return m
}

// TestTrickyClauses pins the cases where heading, addressee and content
// are easy to confuse (see the rules in body.go). Each was checked by eye
// against the document.
func TestTrickyClauses(t *testing.T) {
	byID := clauseIndex(mustParse(t))
	tests := []struct {
		id, section, heading, addressee, label string
		depth                                  int
		text                                   string // prefix of the text
	}{
		// Items under a heading whose addressee is on the next line.
		{"44/instructs/9", "instructs", "责成", "电信标准化局主任与电信发展局主任和无线电通信局主任在现有资源范围内进行合作", "9", 0, "应要求向发展中国家提供支持和帮助"},
		{"64/instructs/1", "instructs", "责成", "电信标准化局主任与电信发展局主任密切协作", "1", 0, "继续国际电联电信标准化局（TSB）"},
		// A heading that names its addressee on the same line.
		{"50/instructs/2", "instructs", "责成第17研究组", "第17研究组", "2", 0, "支持电信标准化局主任维护"},
		{"44/further-instructs/1", "further-instructs", "进一步责成各研究组", "各研究组", "1", 0, "在制定有关规划"},
		// The second 责成 of a resolution.
		{"50/instructs.2/10", "instructs", "责成", "电信标准化局主任", "10", 0, "与BDT主任协作"},
		{"54/instructs.2/1", "instructs", "责成", "电信标准化局主任与电信发展局主任在所分配的或捐助的现有资源范围内展开协作", "1", 0, "为创建ITU-T研究组区域组"},
		{"96/instructs.2/2", "instructs", "责成", "电信标准化局主任与无线电通信局主任和电信发展局主任紧密协作", "2", 0, "考虑到ITU-T的相关建议"},
		// 进一步做出决议， then its addressee.
		{"44/further-resolves/1", "further-resolves", "进一步做出决议", "国际电联区域代表处", "1", 0, "参与TSAG分配的活动"},
		{"44/further-resolves/2/iv", "further-resolves", "进一步做出决议", "国际电联区域代表处", "iv)", 1, "向国际电联成员通报"},
		// Sub-items.
		{"18/resolves/2/ii", "resolves", "做出决议", "", "ii)", 1, "应在适当协调并匹配"},
		{"22/resolves/1/m", "resolves", "做出决议", "", "m)", 1, "与ITU-R和ITU-D以及其它外部标准化机构"},
		{"54/calls-upon/1/iii", "calls-upon", "呼吁", "电信标准化局主任", "iii)", 1, "采取适当措施"},
		{"73/instructs.2/9/i", "instructs", "责成", "电信标准化局主任与其他局的主任协作", "i)", 1, "位于沿海地区"},
		// Sub-items under an unlabelled lead-in that starts with 请.
		{"72/resolves/p1", "resolves", "做出决议", "", "", 0, "请ITU-T，尤其是第5研究组"},
		{"72/resolves/p1/vii", "resolves", "做出决议", "", "vii)", 1, "在EMF测量框架内"},
		// Annexes: Res 44's numbered items, Res 18's annex titles.
		{"44/annex/二", "annex", "附件", "", "二", 0, "项目2：在标准应用方面向发展中国家提供帮助"},
		{"18/annex/B", "annex", "附件", "", "B", 0, "通过跨部门协调组协调无线电通信、标准化和发展活动"},
		// Unlabelled paragraphs.
		{"29/instructs/p1", "instructs", "责成", "电信标准化局主任", "", 0, "继续与电信发展局主任合作"},
		{"83/instructs/p1", "instructs", "责成", "", "", 0, "电信标准化局主任与其他各局主任协作采取必要措施，"},
		// Lines that start with a heading word but are content.
		{"76/resolves/p1", "resolves", "做出决议", "", "", 0, "鼓励ITU-T和ITU-D根据自身的职责"},
		{"2/resolution/p1", "resolution", "决议", "", "", 0, "鼓励ITU-T各研究组与国际电联电信发展部门"},
		{"58/resolves/p1", "resolves", "做出决议", "", "", 0, "支持在需要、但目前没有创建CIRT的国际电联成员国创建国家CIRT"},
		{"58/invites/p1", "invites", "请", "", "", 0, "成员国和部门成员在此方面与ITU-T和ITU-D密切合作。"},
		{"72/instructs/6", "instructs", "责成", "电信标准化局主任与其它两个局的主任在现有财务资源范围内密切协作", "6", 0, "请第5研究组与WHO"},
		{"100/recalling/c", "recalling", "忆及", "", "c)", 0, "世界电信发展大会第34号决议（2017年，布宜诺斯艾利斯，修订版）在“请10”一节中"},
		// A heading with nothing of its own joins the next one.
		{"52/resolves/2", "resolves", "做出决议 / 责成相关研究组", "相关研究组", "2", 0, "继续与国际电联电信发展部门（ITU-D）"},
		{"78/resolves/4", "resolves", "做出决议 / 责成电信标准化局主任与电信发展局主任和无线电通信局主任协作", "电信标准化局主任与电信发展局主任和无线电通信局主任协作", "4", 0, "为发展中国家组织有关电子卫生"},
		{"100/resolves/1", "resolves", "做出决议 / 责成电信标准化局主任与电信发展局主任合作", "电信标准化局主任与电信发展局主任合作", "1", 0, "就非洲成员国根据ITU-T E.161.1建议书"},
		{"69/invites/p1", "invites", "请 / 请电信标准化局、无线电通信局和电信发展局主任", "电信标准化局、无线电通信局和电信发展局主任", "", 0, "提供本决议的进展情况。"},
		{"2/other/p10", "other", "ITU-T研究组的职权 / 附件A、B和C", "", "", 0, "ITU-T第17研究组：安全"},
		// Res 92's study groups, each the addressee of its own paragraph.
		{"92/instructs/p1", "instructs", "责成", "第3研究组", "", 0, "在职权范围内"},
		{"92/instructs/p2", "instructs", "责成", "第5研究组", "", 0, "第5研究组努力促进"},
		{"92/instructs/p3", "instructs", "责成", "第12研究组", "", 0, "继续促进有关IMT系统"},
		{"92/instructs/p4", "instructs", "责成", "第13研究组", "", 0, "充实完善并继续推广"},
		{"92/instructs.2/1", "instructs", "责成", "电信标准化局主任", "1", 0, "提请无线电通信局和电信发展局的主任注意本决议；"},
		{"92/encourages/3", "encourages", "鼓励", "三个局的主任", "3", 0, "针对部署IMT-2020"},
		{"95/resolves/2", "resolves", "做出决议", "国际电联电信标准化部门", "2", 0, "与国际电联发展部门（ITU-D）密切协作"},
		{"70/invites.2/3", "invites", "请", "成员国和部门成员", "3", 0, "积极参与ITU-R、ITU-T和ITU-D"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			c, ok := byID[tt.id]
			if !ok {
				t.Fatalf("no clause %s", tt.id)
			}
			got := fmt.Sprintf("%s|%s|%s|%s|%d", c.Section, c.Heading, c.Addressee, c.Label, c.Depth)
			want := fmt.Sprintf("%s|%s|%s|%s|%d", tt.section, tt.heading, tt.addressee, tt.label, tt.depth)
			if got != want {
				t.Errorf("section|heading|addressee|label|depth = %s, want %s", got, want)
			}
			if !strings.HasPrefix(c.Text, tt.text) {
				t.Errorf("Text = %q, want it to start with %q", c.Text, tt.text)
			}
		})
	}
}

// TestClauseCounts pins how many clauses each resolution has, counted by
// hand from the document (one per item or paragraph of Table 2).
func TestClauseCounts(t *testing.T) {
	want := map[int]int{
		2: 12, 18: 12, 22: 3, 29: 1, 44: 42, 50: 6, 52: 2, 54: 8, 58: 8,
		64: 5, 69: 1, 70: 5, 72: 14, 73: 13, 76: 6, 78: 7, 79: 9, 83: 1,
		84: 6, 86: 4, 88: 1, 89: 4, 92: 8, 95: 6, 96: 9, 97: 7, 98: 8, 100: 3,
	}
	got := map[int]int{}
	for _, r := range mustParse(t).Resolutions {
		got[r.Number] = len(r.Clauses)
	}
	if !reflect.DeepEqual(got, want) {
		for n, w := range want {
			if got[n] != w {
				t.Errorf("Res %d: %d clauses, want %d", n, got[n], w)
			}
		}
	}
}

var idRE = regexp.MustCompile(`^([0-9]+)/([a-z-]+)(\.[2-9])?/((?:p[0-9]+|[0-9]+|[a-z]+|[A-Z]|[一二三四五六七八九十]+)(?:/(?:[0-9]+|[a-z]+))*)$`)

// TestClauseIDs checks that IDs are unique and say where a clause sits:
// its resolution, its section (with .2 for a second occurrence) and the
// labels from the top-level item down, so depth is visible in the ID.
func TestClauseIDs(t *testing.T) {
	c := mustParse(t)
	all := map[string]bool{}
	for _, r := range c.Resolutions {
		for _, cl := range r.Clauses {
			if all[cl.ID] {
				t.Errorf("ID %s is not unique", cl.ID)
			}
			all[cl.ID] = true
			m := idRE.FindStringSubmatch(cl.ID)
			if m == nil {
				t.Errorf("ID %q is not number/section/path", cl.ID)
				continue
			}
			if m[1] != fmt.Sprint(r.Number) || m[2] != cl.Section {
				t.Errorf("ID %s does not match Res %d, section %s", cl.ID, r.Number, cl.Section)
			}
			path := strings.Split(m[4], "/")
			if got := len(path) - 1; got != cl.Depth {
				t.Errorf("ID %s: depth %d, want %d", cl.ID, cl.Depth, got)
			}
			if last := path[len(path)-1]; cl.Label != "" && last != strings.TrimSuffix(cl.Label, ")") {
				t.Errorf("ID %s does not end in label %q", cl.ID, cl.Label)
			}
		}
	}
}

// TestIDsStable checks that IDs depend on structure only: rewording
// clauses, adding overview text, summary lines or a section to another
// resolution leaves every existing ID as it was.
func TestIDsStable(t *testing.T) {
	ids := func(doc string) []string {
		t.Helper()
		c, err := parse("edited.txt", []byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range c.Resolutions {
			for _, cl := range r.Clauses {
				out = append(out, cl.ID)
			}
		}
		return out
	}
	orig := ids(string(Document))
	if again := ids(string(Document)); !reflect.DeepEqual(orig, again) {
		t.Fatal("two parses of the same document give different IDs")
	}
	edits := []struct {
		name string
		edit func(lines []string) []string
	}{
		{"reworded clauses", func(l []string) []string {
			for i := 121; i < len(l); i++ { // Table 2
				l[i] = strings.ReplaceAll(l[i], "发展中国家", "发展中经济体")
				l[i] = strings.ReplaceAll(l[i], "继续", "持续")
			}
			return l
		}},
		{"overview paragraph added", func(l []string) []string {
			return insert(l, 4, "新增的一段概述文字，用于测试。")
		}},
		{"summary line added", func(l []string) []string {
			return insert(l, 28, "新增的摘要段落。")
		}},
		{"recalling added to Res 29", func(l []string) []string {
			l[169] = "责成" // line 170, "\t责成", no longer opens the cell
			return insert(l, 169, "\t忆及", "a)\t新增的忆及条目；")
		}},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			got := ids(strings.Join(e.edit(docLines()), "\n"))
			var kept []string
			for _, id := range got {
				if !strings.HasPrefix(id, "29/recalling/") {
					kept = append(kept, id)
				}
			}
			if !reflect.DeepEqual(kept, orig) {
				t.Errorf("IDs changed:\n got %v\nwant %v", kept, orig)
			}
		})
	}
}

// docLines returns the document's lines (a fresh slice to edit).
func docLines() []string { return strings.Split(string(Document), "\n") }

// insert puts lines before index i (0-based).
func insert(l []string, i int, lines ...string) []string {
	out := append([]string{}, l[:i]...)
	out = append(out, lines...)
	return append(out, l[i:]...)
}
