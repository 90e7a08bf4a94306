package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/seeds"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sampleInput is a small pack of the real corpus, with a note of each
// stance, for layout tests that need no database.
func sampleInput(t testing.TB) Input {
	t.Helper()
	c, err := seeds.Default()
	if err != nil {
		t.Fatal(err)
	}
	in := Input{
		Pack: app.Pack{Name: "sg2", Title: "ITU-D SG2 briefing", Target: app.TargetSG2, Delegation: "China",
			Author: "Li Wei", Meeting: "ITU-D SG2, Geneva", Date: "2026-05-04",
			Options: app.PackOptions{Clauses: app.ClausesAll, Notes: app.NotesAll, Overview: true, RefsAppendix: true}},
		Source: c.Source,
	}
	for _, r := range c.Resolutions {
		if r.Number == 44 || r.Number == 78 {
			in.Resolutions = append(in.Resolutions, r)
			in.Pack.Resolutions = append(in.Pack.Resolutions, r.Number)
		}
	}
	day := time.Date(2026, 4, 20, 0, 0, 0, 0, time.UTC)
	r44 := in.Resolutions[0]
	in.Notes = []app.Note{
		{ID: "n1", Resolution: 44, ClauseID: r44.Clauses[3].ID, Stance: app.StanceSupport, Created: day, Author: app.Author{Name: "Li Wei"},
			Body: "支持：建议在WTDC-25上提出加强BDT与TSB协作的提案。"},
		{ID: "n2", Resolution: 44, Stance: app.StanceConcern, Created: day, Author: app.Author{Name: "Ana"},
			Body: "Funding of the BSG programme is unclear.", Origin: app.Origin{Imported: true, File: "ana.briefnotes"}},
		{ID: "n3", Resolution: 78, Stance: app.StanceWatch, Created: day, Body: "跟踪电子卫生相关课题。"},
	}
	return in
}

// TestLayoutGolden pins the layout of a small pack: every text op with its
// page, position and style. The golden file was read once by a person next
// to the rendered pages; a change to it is a change to how packs look.
func TestLayoutGolden(t *testing.T) {
	_, b, err := layOut(sampleInput(t))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	for i, p := range b.l.pages {
		fmt.Fprintf(&buf, "== page %d %q\n", i+1, p.section)
		for _, o := range p.ops {
			switch o.kind {
			case opText:
				w := "r"
				if o.st.bold {
					w = "b"
				}
				cs := ""
				if o.cs != 0 {
					cs = fmt.Sprintf(" [Tc %+.2f]", o.cs)
				}
				fmt.Fprintf(&buf, "%6.1f %6.1f %4.1f%s %s%s\n", o.y, o.x, o.st.size, w, o.text, cs)
			case opPageRef:
				fmt.Fprintf(&buf, "%6.1f %6.1f page-of %s = %d\n", o.y, o.x, o.anchor, b.l.anchors[o.anchor].page+1)
			case opPageText:
				fmt.Fprintf(&buf, "%6.1f %6.1f %4.1fr %s\n", o.y, o.x, o.st.size, fmt.Sprintf(o.text, fmt.Sprint(b.l.anchors[o.anchor].page+1)))
			case opBookmark:
				fmt.Fprintf(&buf, "%6.1f bookmark %d %s\n", o.y, o.level, o.text)
			}
		}
	}
	golden := filepath.Join("testdata", "sample-layout.golden")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("layout differs from %s; run go test -update, then look at the pages and review the diff", golden)
	}
}

// TestLayoutBounds checks what every page of the all-28 pack must keep:
// text inside the body, lines no wider than their column allows.
func TestLayoutBounds(t *testing.T) {
	c, err := seeds.Default()
	if err != nil {
		t.Fatal(err)
	}
	in := sampleInput(t)
	in.Resolutions = c.Resolutions
	in.Pack.Resolutions = nil
	for _, r := range c.Resolutions {
		in.Pack.Resolutions = append(in.Pack.Resolutions, r.Number)
	}
	_, b, err := layOut(in)
	if err != nil {
		t.Fatal(err)
	}
	checkBounds(t, b)
}

// checkBounds fails t for any text of b's layout outside the text area,
// measured in the weight it is printed in.
func checkBounds(t *testing.T, b *builder) {
	t.Helper()
	for i, p := range b.l.pages {
		for _, o := range p.ops {
			if o.kind != opText {
				continue
			}
			w := b.l.m.width(o.text, o.st.bold, o.st.size)
			if o.x < marginL-0.01 || o.x+w > marginL+bodyW+0.01 {
				t.Errorf("page %d: %.40q runs from %.1f to %.1f mm, outside the body", i+1, o.text, o.x, o.x+w)
			}
			if !p.plain && (o.y < bodyTop || o.y > bodyBottom) {
				t.Errorf("page %d: %.40q at y=%.1f, outside the body", i+1, o.text, o.y)
			}
		}
	}
}

// TestBoldLatinStaysInside lays out bold text without a Chinese character
// to break at: a cover title of one long word, a note whose author has a
// long Latin name (the box header is bold). Bold Latin is wider than
// regular, so measuring it in the regular face lets it run past the margin.
func TestBoldLatinStaysInside(t *testing.T) {
	in := sampleInput(t)
	in.Pack.Title = strings.Repeat("Supercalifragilisticexpialidocious_", 6)
	long := strings.TrimSpace(strings.Repeat("Maximilian Wolfgang Bartholomew ", 7))
	for i := range in.Notes {
		in.Notes[i].Author = app.Author{Name: long, Delegation: "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW"}
	}
	_, b, err := layOut(in)
	if err != nil {
		t.Fatal(err)
	}
	checkBounds(t, b)
}

func TestClean(t *testing.T) {
	covered, err := coverage()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ in, want string }{
		{"中文 ITU-D（BDT）。", "中文 ITU-D（BDT）。"},
		{"a😀b", "a□b"},
		{"\U00020000", "□"},
		{"x\ty", "x y"},
		{"bell\a", "bell□"},
		{"\u202Eevil\u202C", "evil"},
		{"line\nbreak", "line\nbreak"},
		{"bad\xffutf8", "bad□utf8"},
	} {
		if got := clean(covered, c.in); got != c.want {
			t.Errorf("clean(%q)=%q, want %q", c.in, got, c.want)
		}
	}
}

// handInput is a pack built by hand with the awkward cases the corpus
// lacks: no summary, no clauses, deep labels, a footnote on a clause,
// notes on a clause that is not printed.
func handInput() Input {
	return Input{
		Pack: app.Pack{Name: "hand", Date: "2026-01-02", Resolutions: []int{7, 8},
			Options: app.PackOptions{Clauses: app.ClausesITUD, Notes: app.NotesAll, Overview: true, RefsAppendix: true}},
		Resolutions: []app.Resolution{
			{Number: 7, Status: app.StatusNew, Title: "测试决议",
				Clauses: []app.Clause{
					{ID: "7/resolves/1", Resolution: 7, Section: "resolves", Heading: "做出决议", Label: "1", Text: "请电信发展局主任开展工作"},
					{ID: "7/resolves/1/i", Resolution: 7, Seq: 1, Section: "resolves", Heading: "做出决议", Label: "i)", Depth: 1, Text: "与ITU-D研究组合作"},
					{ID: "7/resolves/1/i/a", Resolution: 7, Seq: 2, Section: "resolves", Heading: "做出决议", Label: "a)", Depth: 2, Text: "不涉及该部门的条款"},
				},
				Footnotes: []app.Footnote{{N: 1, Text: "脚注文字", Anchor: "7/resolves/1"}},
				Refs:      []app.Ref{{Kind: app.RefBureau, Key: "BDT", ClauseID: "7/resolves/1"}},
			},
			{Number: 8, Status: app.StatusUnchanged, TitleTable1: "只有表1标题"},
		},
		Notes: []app.Note{
			{ID: "x", Resolution: 7, ClauseID: "7/resolves/1/i/a", Stance: app.StanceWatch, Body: "note on a clause not printed"},
			{ID: "y", Resolution: 7, ClauseID: "7/resolves/1/i", Stance: app.StanceSupport, Body: "note beside its clause", Priority: 9},
		},
	}
}

func TestRenderHandBuilt(t *testing.T) {
	for name, in := range map[string]Input{"Hand": handInput(), "Empty": {}} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Render(&buf, in); err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
				t.Fatal("not a PDF")
			}
		})
	}
	_, b, err := layOut(handInput())
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, p := range b.l.pages {
		for _, o := range p.ops {
			if o.kind == opText {
				text = append(text, o.text)
			}
		}
	}
	all := fmt.Sprint(text)
	for _, want := range []string{"请", "电信发展局主任", "与", "ITU-D", "研究组合作", "note on a clause not printed",
		"On clause 做出决议 1 i) a), which this pack does not print.", "只有表1标题", "脚注文字 (on clause 做出决议 1)"} {
		if !bytes.Contains([]byte(all), []byte(want)) {
			t.Errorf("%q not printed; got %s", want, all)
		}
	}
	if bytes.Contains([]byte(all), []byte("不涉及该部门的条款")) {
		t.Errorf("clause not addressing ITU-D printed in an itu-d pack")
	}
}

// FuzzNoteText renders a note of any text: no panic, no error. Notes come
// from colleagues' files, so their text is outside input.
func FuzzNoteText(f *testing.F) {
	for _, s := range []string{"普通注释", "😀\U00020000\x00\x1b[1m\u202E", "\xff\xfe", "（（（（", "a\nb\r\nc\u2028d",
		"），”，：“（「见https://itu.int/（a）。www.x", "ITU-T SG15 E.161.1 一二三四五六七八九十制；"} {
		f.Add(s)
	}
	in := handInput()
	f.Fuzz(func(t *testing.T, body string) {
		in.Notes = []app.Note{{ID: "f", Resolution: 7, ClauseID: "7/resolves/1", Stance: app.StanceConcern, Body: body,
			Author: app.Author{Name: body}, Tags: []string{body}}}
		in.Pack.Title = body
		if err := Render(io.Discard, in); err != nil {
			t.Fatal(err)
		}
	})
}

// TestCoverOnePage fills cover fields with far too much text, in Latin
// words, one Latin word and Chinese: the cover stays one page, no text
// overlaps other text, and cut fields end in "…".
func TestCoverOnePage(t *testing.T) {
	long := func(unit string, n int) string {
		return string([]rune(strings.Repeat(unit, n/len([]rune(unit))+1))[:n])
	}
	words := "Regional preparatory meeting for the Americas "
	type cover struct {
		name    string
		fill    func(in *Input, unit string)
		wantCut int
	}
	for _, c := range []cover{
		// 660 characters of meeting used to run into the source block.
		{"Meeting660", func(in *Input, unit string) { in.Pack.Meeting = long(unit, 660) }, 1},
		{"Everything", func(in *Input, unit string) {
			in.Pack.Title = long(unit, 1200)
			in.Pack.Meeting = long(unit, 900)
			in.Pack.Delegation = long(unit, 400)
			in.Pack.Author = long(unit, 400)
			in.Pack.Target, in.Pack.TargetLabel = app.TargetCustom, long(unit, 300)
			in.Source.Title = long(unit, 600)
			in.Source.Name = long(unit, 300)
		}, 8}, // title, subtitle, target, meeting, delegation, author, source title and name
	} {
		for unitName, unit := range map[string]string{"Words": words, "OneWord": "Supercalifragilisticexpialidocious_", "Chinese": "世界电信发展大会区域性筹备会议，"} {
			t.Run(c.name+unitName, func(t *testing.T) {
				in := sampleInput(t)
				c.fill(&in, unit)
				checkCover(t, in, c.wantCut)
			})
		}
	}
}

// checkCover lays out in and checks its cover.
func checkCover(t *testing.T, in Input, wantCut int) {
	t.Helper()
	_, b, err := layOut(in)
	if err != nil {
		t.Fatal(err)
	}
	if p := b.l.pages[1]; p.plain || p.section != "Contents" {
		t.Fatalf("page 2 is not the contents (section %q): the cover runs on", p.section)
	}
	type box struct {
		text           string
		x0, x1, y0, y1 float64
	}
	var boxes []box
	cut := 0
	for _, o := range b.l.pages[0].ops {
		if o.kind != opText {
			continue
		}
		// The glyphs of a line: from the ascent above the baseline to
		// the descent below it.
		pt := o.st.size * 0.3528
		bx := box{o.text, o.x, o.x + b.l.m.width(o.text, o.st.bold, o.st.size), o.y - 0.88*pt, o.y + 0.12*pt}
		if bx.x0 < marginL-0.01 || bx.x1 > marginL+bodyW+0.01 || bx.y0 < 10 || bx.y1 > pageH-12 {
			t.Errorf("%.30q outside the page's text area: x %.1f-%.1f, y %.1f-%.1f", bx.text, bx.x0, bx.x1, bx.y0, bx.y1)
		}
		for _, a := range boxes {
			if a.x0 < bx.x1 && bx.x0 < a.x1 && a.y0 < bx.y1 && bx.y0 < a.y1 {
				t.Errorf("%.30q overlaps %.30q", bx.text, a.text)
			}
		}
		boxes = append(boxes, bx)
		if strings.HasSuffix(o.text, "…") && !strings.Contains(o.text, "SHA-256") {
			cut++
		}
	}
	if cut != wantCut {
		t.Errorf("%d cut fields end in …, want %d", cut, wantCut)
	}
}

// coverWork lays out a pack whose title and meeting have n characters and
// returns how many widths the layout measured: the cover shows about a
// hundred of them, so the work must not grow with n (issue #9: a
// 20,000-character title took 11.6 s, laid out in quadratic time).
func coverWork(t testing.TB, n int) (time.Duration, int) {
	in := sampleInput(t)
	unit := []rune("世界电信发展大会区域性筹备会议 Regional preparatory meeting ")
	long := make([]rune, n)
	for i := range long {
		long[i] = unit[i%len(unit)]
	}
	in.Pack.Title, in.Pack.Meeting = string(long), string(long)
	start := time.Now()
	_, b, err := layOut(in)
	if err != nil {
		t.Fatal(err)
	}
	return time.Since(start), b.l.m.calls
}

func TestCoverLinearAndBounded(t *testing.T) {
	_, base := coverWork(t, 300)
	for _, n := range []int{20_000, 100_000} {
		d, calls := coverWork(t, n)
		// The cover, the running header and the contents look at no more
		// of a field than they can show: the work is bounded.
		if calls > 2*base {
			t.Errorf("%d-character title: %d rune measurements (300 characters: %d), want at most %d", n, calls, base, 2*base)
		}
		if d > 2*time.Second {
			t.Errorf("%d-character title took %v to lay out", n, d)
		}
		t.Logf("%d characters: %v, %d measurements", n, d, calls)
	}
}

func BenchmarkCoverTitle20000(b *testing.B) {
	for b.Loop() {
		coverWork(b, 20_000)
	}
}
