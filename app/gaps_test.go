package app_test

import (
	"fmt"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/seeds"
)

// gapsOf formats a resolution's gaps as "section:before-label=skipped".
func gapsOf(cs []app.Clause) string {
	var out []string
	for _, g := range app.ClauseGaps(cs) {
		out = append(out, fmt.Sprintf("%s:%s=%s", cs[g.Before].Section, cs[g.Before].Label, g.Labels()))
	}
	return strings.Join(out, " ")
}

func TestClauseGapsCorpus(t *testing.T) {
	c, err := seeds.Default()
	if err != nil {
		t.Fatal(err)
	}
	byNum := map[int][]app.Clause{}
	for _, r := range c.Resolutions {
		byNum[r.Number] = r.Clauses
	}
	for _, tc := range []struct {
		res  int
		want string
	}{
		{72, "recalling:b)=a) considering:l)=a)–k) resolves:vii)=ii)–vi)"},
		{84, "recalling:d)=a)–c) resolves:2=1 resolves:5=3–4"},
		{44, "annex:二=一"},
		{18, ""}, // 1 2 i) ii) iii), 1 2, 1, A B C: complete
		{50, "recalling:j)=a)–i) resolves:5=1–4 instructs:2=1 instructs:7=2–6 instructs:10=8–9"},
		{22, "recalling:b)=a) resolves:m)=a)–l)"},
		{73, "instructs:6=1–5"}, // the study groups' list; the Director's 1–9 is whole
		{54, "instructs:2=1"},   // the study groups' 2; the Directors' 1–3 and calls-upon i)–iii) whole
		{2, ""},                 // unlabelled clauses have no sequence
	} {
		t.Run(fmt.Sprint(tc.res), func(t *testing.T) {
			cs, ok := byNum[tc.res]
			if !ok {
				t.Fatalf("no Res %d in the corpus", tc.res)
			}
			if got := gapsOf(cs); got != tc.want {
				t.Errorf("gaps of Res %d:\n got %q\nwant %q", tc.res, got, tc.want)
			}
		})
	}
}

func TestClauseGapsRules(t *testing.T) {
	cl := func(sec, label string, depth int) app.Clause {
		return app.Clause{Section: sec, Label: label, Depth: depth}
	}
	for _, tc := range []struct {
		name string
		cs   []app.Clause
		want string
	}{
		{"whole", []app.Clause{cl("s", "1", 0), cl("s", "2", 0), cl("s", "i)", 1), cl("s", "ii)", 1), cl("s", "3", 0)}, ""},
		{"numbers skip", []app.Clause{cl("s", "1", 0), cl("s", "5", 0)}, "s:5=2–4"},
		{"one skipped", []app.Clause{cl("s", "1", 0), cl("s", "3", 0)}, "s:3=2"},
		{"starts late", []app.Clause{cl("s", "c)", 0)}, "s:c)=a)–b)"},
		{"letters i after h", []app.Clause{cl("s", "g)", 0), cl("s", "h)", 0), cl("s", "i)", 0)}, "s:g)=a)–f)"},
		{"roman sub-items restart under each parent", []app.Clause{cl("s", "1", 0), cl("s", "i)", 1), cl("s", "2", 0), cl("s", "i)", 1), cl("s", "iii)", 1)}, "s:iii)=ii)"},
		{"new heading restarts", []app.Clause{cl("a", "1", 0), cl("b", "1", 0), cl("b", "2", 0)}, ""},
		{"counting back starts a new list", []app.Clause{cl("s", "3", 0), cl("s", "1", 0)}, "s:3=1–2"},
		{"unlabelled ends a sequence", []app.Clause{cl("s", "1", 0), cl("s", "", 0), cl("s", "1", 0)}, ""},
		{"chinese numerals", []app.Clause{cl("s", "一", 0), cl("s", "四", 0)}, "s:四=二–三"},
		{"capital letters", []app.Clause{cl("s", "A", 0), cl("s", "C", 0)}, "s:C=B"},
		{"unknown label", []app.Clause{cl("s", "★", 0), cl("s", "xx-9", 0)}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := gapsOf(tc.cs); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// FuzzClauseGaps feeds labels as another edition of the document might
// have them (briefdesk load): gaps are in order, point at a labelled
// clause, and never name an empty range.
func FuzzClauseGaps(f *testing.F) {
	f.Add("1|2|5|i)|vii)", "0|0|0|1|1")
	f.Add("d)|十一|A|xx|（3）", "0|1|2|0|9")
	f.Fuzz(func(t *testing.T, labels, depths string) {
		ls := strings.Split(labels, "|")
		ds := strings.Split(depths, "|")
		var cs []app.Clause
		for i, l := range ls {
			d := 0
			if i < len(ds) && len(ds[i]) > 0 {
				d = int(ds[i][0]) % 4
			}
			cs = append(cs, app.Clause{Section: "s", Label: l, Depth: d})
		}
		last := -1
		for _, g := range app.ClauseGaps(cs) {
			if g.Before <= last || g.Before >= len(cs) || cs[g.Before].Label == "" || g.First == "" || g.Last == "" {
				t.Fatalf("bad gap %+v for %q", g, labels)
			}
			last = g.Before
		}
	})
}
