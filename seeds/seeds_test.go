package seeds

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"briefdesk/app"
)

var update = flag.Bool("update", false, "rewrite testdata/corpus.golden.json from the parser's output")

// mustParse parses the embedded document without cross-references.
func mustParse(tb testing.TB) *app.Corpus {
	tb.Helper()
	c, err := parse(DocumentName, Document)
	if err != nil {
		tb.Fatalf("parse: %v", err)
	}
	return c
}

func TestDefault(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(Document)
	if got, want := c.Source.Fingerprint, hex.EncodeToString(sum[:]); got != want {
		t.Errorf("Fingerprint=%s, want %s", got, want)
	}
	if got, want := c.Source.Name, DocumentName; got != want {
		t.Errorf("Name=%q, want %q", got, want)
	}
	if got, want := c.Source.Title, "本文件提供了GSS-20和WTSA-20的概要介绍。"; got != want {
		t.Errorf("Title=%q, want %q", got, want)
	}
	if got, want := len(c.Resolutions), 28; got != want {
		t.Fatalf("%d resolutions, want %d", got, want)
	}
	var nums []int
	status := map[app.Status]int{}
	for _, r := range c.Resolutions {
		nums = append(nums, r.Number)
		status[r.Status]++
		if r.Title == "" || r.Summary == "" || len(r.Clauses) == 0 {
			t.Errorf("Res %d: title %q, summary %q, %d clauses", r.Number, r.Title, r.Summary, len(r.Clauses))
		}
	}
	wantNums := []int{2, 18, 22, 29, 44, 50, 52, 54, 58, 64, 69, 70, 72, 73, 76, 78, 79, 83, 84, 86, 88, 89, 92, 95, 96, 97, 98, 100}
	if !reflect.DeepEqual(nums, wantNums) {
		t.Errorf("numbers %v, want %v", nums, wantNums)
	}
	// Table 1: 6 unchanged (52, 58, 83, 86, 88, 96), 1 new (100), the rest revised.
	wantStatus := map[app.Status]int{app.StatusRevised: 21, app.StatusUnchanged: 6, app.StatusNew: 1}
	if !reflect.DeepEqual(status, wantStatus) {
		t.Errorf("statuses %v, want %v", status, wantStatus)
	}

	// Callers may change what they get: the next call is unaffected.
	c.Resolutions[0].Title = "changed"
	c.Resolutions[0].Clauses[0].Text = "changed"
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if d.Resolutions[0].Title == "changed" || d.Resolutions[0].Clauses[0].Text == "changed" {
		t.Error("Default returned a corpus shared with an earlier call")
	}
}

func TestOverview(t *testing.T) {
	c := mustParse(t)
	var titles []string
	for _, s := range c.Overview {
		titles = append(titles, s.Title)
	}
	want := []string{"概要", "预期结果", "引言", "GSS-20", "WTSA-20的主要成果", "结论"}
	if !reflect.DeepEqual(titles, want) {
		t.Fatalf("overview titles %q, want %q", titles, want)
	}
	counts := []int{1, 0, 1, 7, 7, 3}
	for i, s := range c.Overview {
		if len(s.Paragraphs) != counts[i] {
			t.Errorf("%s: %d paragraphs, want %d", s.Title, len(s.Paragraphs), counts[i])
		}
	}
	gss := c.Overview[3].Paragraphs
	for i, p := range gss {
		if want := i >= 1 && i <= 5; p.Bullet != want {
			t.Errorf("GSS-20 paragraph %d: Bullet=%v, want %v (%q)", i, p.Bullet, want, p.Text)
		}
	}
	if got, want := gss[1].Text, "继续支持智慧可持续城市联盟（U4SSC）活动，以加快城市的数字化转型；"; got != want {
		t.Errorf("first bullet %q, want %q", got, want)
	}
	// A sentence that starts with 表1 but is no caption stays a paragraph.
	if got, want := c.Overview[4].Paragraphs[5].Text, "表1概述影响ITU-D工作的WTSA决议。"; got != want {
		t.Errorf("paragraph %q, want %q", got, want)
	}
}

func TestResolutionFields(t *testing.T) {
	c := mustParse(t)
	byNum := map[int]app.Resolution{}
	for _, r := range c.Resolutions {
		byNum[r.Number] = r
	}
	tests := []struct {
		n           int
		status      app.Status
		title       string
		titleTable1 string
		summaryLns  int
	}{
		{2, app.StatusRevised, "国际电联电信标准化部门研究组的责任与职权", "国际电联电信标准化部门研究组的责任和职权", 1},
		{18, app.StatusRevised, "国际电联无线电通信部门、国际电联电信标准化部门与国际电联电信发展部门之间工作的分工以及加强协调及合作的原则和程序", "", 1},
		{44, app.StatusRevised, "缩小发展中国家与发达国家之间的标准化工作差距", "", 4},
		{50, app.StatusRevised, "网络安全", "", 2},
		{52, app.StatusUnchanged, "抵制和打击垃圾信息", "", 1},
		{72, app.StatusRevised, "与人体暴露于电磁场（EMF）相关的测量与评估关切", "与人体暴露于电磁场相关的测量与评估关切", 2},
		{88, app.StatusUnchanged, "国际移动漫游（IMR）", "关于国际移动漫游（IMR）", 1},
		{92, app.StatusRevised, "加强国际电联电信标准化部门在国际移动通信领域与非无线问题相关的标准化活动", "加强ITU-T在国际移动通信领域与非无线电相关的标准化活动", 1},
		{100, app.StatusNew, "非洲通用应急号码", "", 1},
	}
	for _, tt := range tests {
		r := byNum[tt.n]
		if r.Status != tt.status || r.Title != tt.title || r.TitleTable1 != tt.titleTable1 {
			t.Errorf("Res %d: %s %q %q, want %s %q %q", tt.n, r.Status, r.Title, r.TitleTable1, tt.status, tt.title, tt.titleTable1)
		}
		if got := len(strings.Split(r.Summary, "\n")); got != tt.summaryLns {
			t.Errorf("Res %d: summary of %d paragraphs, want %d", tt.n, got, tt.summaryLns)
		}
	}
	want := []app.Footnote{{N: 1, Text: "其中包括最不发达国家、小岛屿发展中国家、内陆发展中国家和经济转型国家。", Anchor: "title"}}
	if got := byNum[44].Footnotes; !reflect.DeepEqual(got, want) {
		t.Errorf("Res 44 footnotes %+v, want %+v", got, want)
	}
	for _, r := range c.Resolutions {
		if r.Number != 44 && len(r.Footnotes) != 0 {
			t.Errorf("Res %d has footnotes %+v; only Res 44 has one", r.Number, r.Footnotes)
		}
	}
}

func TestGolden(t *testing.T) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // keep C&I readable
	if err := enc.Encode(mustParse(t)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "corpus.golden.json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./seeds -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		got, wantLines := strings.Split(buf.String(), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(got) && i < len(wantLines); i++ {
			if got[i] != wantLines[i] {
				t.Fatalf("parse differs from %s at line %d:\n got: %s\nwant: %s\n(if the change is right, run go test ./seeds -update and review the diff)", path, i+1, got[i], wantLines[i])
			}
		}
		t.Fatalf("parse differs from %s in length: %d lines, want %d", path, len(got), len(wantLines))
	}
}

// checkInvariants holds for every successful parse, of any input.
func checkInvariants(t *testing.T, c *app.Corpus) {
	t.Helper()
	if len(c.Resolutions) == 0 {
		t.Fatal("a successful parse with no resolutions")
	}
	artefact := regexp.MustCompile(`\[bookmark|\[footnoteRef|\[[0-9]{1,4}:|\t|\r`)
	walkStrings(reflect.ValueOf(c).Elem(), "Corpus", func(path, s string) {
		if artefact.MatchString(s) {
			t.Errorf("%s holds an export artefact: %q", path, s)
		}
		if strings.TrimSpace(s) != s {
			t.Errorf("%s has surrounding space: %q", path, s)
		}
	})
	for _, r := range c.Resolutions {
		seen := map[string]bool{}
		for i, cl := range r.Clauses {
			if cl.ID == "" || seen[cl.ID] {
				t.Errorf("Res %d: clause %d has ID %q, empty or not unique", r.Number, i, cl.ID)
			}
			seen[cl.ID] = true
			if cl.Seq != i || cl.Resolution != r.Number {
				t.Errorf("clause %s: Seq %d Resolution %d, want %d %d", cl.ID, cl.Seq, cl.Resolution, i, r.Number)
			}
			if _, ok := app.SectionByKey(cl.Section); !ok {
				t.Errorf("clause %s: unknown section %q", cl.ID, cl.Section)
			}
		}
		for _, f := range r.Footnotes {
			if f.Anchor != "title" && f.Anchor != "title-table1" && f.Anchor != "summary" && !seen[f.Anchor] {
				t.Errorf("Res %d: footnote %d anchored to %q, which is nothing", r.Number, f.N, f.Anchor)
			}
		}
	}
}

// walkStrings calls fn for every string in v, naming its path.
func walkStrings(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v.String())
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			walkStrings(v.Field(i), path+"."+v.Type().Field(i).Name, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkStrings(v.Index(i), path+"["+strconv.Itoa(i)+"]", fn)
		}
	}
}

func TestNoArtefacts(t *testing.T) {
	c := mustParse(t)
	checkInvariants(t, c)
	// The literal words the brief names, once more, over every field.
	walkStrings(reflect.ValueOf(c).Elem(), "Corpus", func(path, s string) {
		for _, bad := range []string{"[bookmark", "footnoteRef", "\t"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s contains %q", path, bad)
			}
		}
	})
}

// BenchmarkParse times the import's first step: "structure" is this
// package's own work, "with-xref" adds xref.Annotate, as Parse does.
func BenchmarkParse(b *testing.B) {
	for _, bb := range []struct {
		name  string
		parse func(string, []byte) (*app.Corpus, error)
	}{{"structure", parse}, {"with-xref", Parse}} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(Document)))
			for b.Loop() {
				if _, err := bb.parse(DocumentName, Document); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// isInvalid reports whether err is the *app.Error a bad document gets.
func isInvalid(err error) bool {
	var e *app.Error
	return errors.As(err, &e) && e.Code == app.EINVALID
}
