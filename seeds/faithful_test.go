package seeds

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"briefdesk/app"
)

// These tests hold the parser to the brief: every sentence of the
// document appears exactly once in the data, and nothing is invented.
//
// The document's side is computed here independently of the parser, with
// a few regular expressions: every non-empty line with its export
// artefacts removed ([bookmark: ...], [footnoteRef:N], the [N: ...]
// wrapper, whose text becomes a line of its own right after; surrounding
// tabs and spaces; an item label keeps exactly one tab before its text).
//
// Four lines are table structure, not content, and are left out: the two
// table captions (表1 – ..., 表2 – ...) and the header cells of Table 2
// (编号/决议, 相关案文). The parser requires the captions (see
// TestParseErrors) and skips the header cells; no field holds them.
// Source.Title is not a place of its own: it is a copy of the first
// overview paragraph, checked in TestDefault.

var (
	testBookmarkRE = regexp.MustCompile(`\[bookmark: [^\]]*\]`)
	testNoteRefRE  = regexp.MustCompile(`\[footnoteRef:[0-9]+\]`)
	testNoteRE     = regexp.MustCompile(`\[([0-9]+):\s+([^\]]*)\]`)
	testLabelRE    = regexp.MustCompile(`^(\S+)\t+`)
)

// docUnits is the document as a sequence of cleaned lines.
func docUnits() []string {
	var out []string
	for i, raw := range docLines() {
		s := testBookmarkRE.ReplaceAllString(raw, "")
		s = testNoteRefRE.ReplaceAllString(s, "")
		var notes []string
		for _, m := range testNoteRE.FindAllStringSubmatch(s, -1) {
			notes = append(notes, fmt.Sprintf("[footnote %s] %s", m[1], m[2]))
		}
		s = testNoteRE.ReplaceAllString(s, "")
		s = strings.TrimFunc(s, unicode.IsSpace)
		if s == "" || strings.HasPrefix(s, "表1 – ") || strings.HasPrefix(s, "表2 – ") ||
			(i > 100 && (s == "编号/决议" || s == "相关案文")) {
			continue
		}
		s = testLabelRE.ReplaceAllString(s, "$1\t")
		out = append(out, s)
		out = append(out, notes...)
	}
	return out
}

// unit is a line printed back from the parse; a heading or title may have
// lost the "：" or "，" that separated it from what follows.
type unit struct {
	s       string
	heading bool
}

var statusWords = map[app.Status]string{app.StatusNew: "新", app.StatusRevised: "修订版", app.StatusUnchanged: "无修改"}

// printCorpus prints the parse back as the document's lines, each field
// once, in document order: the overview, Table 1, Table 2.
func printCorpus(c *app.Corpus) []unit {
	var out []unit
	add := func(s string, heading bool) { out = append(out, unit{s, heading}) }
	notes := func(r app.Resolution, anchor string) {
		for _, f := range r.Footnotes {
			if f.Anchor == anchor {
				add(fmt.Sprintf("[footnote %d] %s", f.N, f.Text), false)
			}
		}
	}
	for _, s := range c.Overview {
		add(s.Title, true)
		for _, p := range s.Paragraphs {
			if p.Bullet {
				add("•\t"+p.Text, false)
			} else {
				add(p.Text, false)
			}
		}
	}
	for _, r := range c.Resolutions {
		t1 := r.Title
		if r.TitleTable1 != "" {
			t1 = r.TitleTable1
		}
		add(fmt.Sprintf("第%d号决议[%s]%s", r.Number, statusWords[r.Status], t1), true)
		notes(r, "title-table1")
		for _, s := range strings.Split(r.Summary, "\n") {
			add(s, false)
		}
		notes(r, "summary")
	}
	for _, r := range c.Resolutions {
		add(fmt.Sprintf("第%d号决议", r.Number), false)
		add(r.Title, false)
		notes(r, "title")
		var occ, heading, addressee string
		for _, cl := range r.Clauses {
			// An annex title (附件A：...) is one line for heading, label and text.
			annexTitle := cl.Section == "annex" && len(cl.Label) == 1 && cl.Label[0] >= 'A' && cl.Label[0] <= 'Z'
			o := strings.Split(cl.ID, "/")[1]
			if o != occ || cl.Heading != heading {
				parts := strings.Split(cl.Heading, " / ")
				if !annexTitle {
					for _, h := range parts {
						add(h, true)
					}
				}
				last := parts[len(parts)-1]
				if cl.Addressee != "" && !(strings.HasSuffix(last, cl.Addressee) && last != cl.Addressee) {
					add(cl.Addressee, false)
				}
			} else if cl.Addressee != addressee {
				add(cl.Addressee, false)
			}
			occ, heading, addressee = o, cl.Heading, cl.Addressee
			switch {
			case annexTitle:
				add("附件"+cl.Label+"："+cl.Text, false)
			case cl.Label != "":
				add(cl.Label+"\t"+cl.Text, false)
			default:
				add(cl.Text, false)
			}
			notes(r, cl.ID)
		}
	}
	return out
}

// TestEveryLineOnce checks that printing the parse back gives the
// document's lines, in order: so every line of the document is found in
// exactly one place of the parse (an overview title or paragraph, a
// title, a summary line, a heading, an addressee, a label and text, a
// footnote), and every field of the parse is a line of the document.
func TestEveryLineOnce(t *testing.T) {
	doc := docUnits()
	got := printCorpus(mustParse(t))
	for i := 0; i < len(doc) || i < len(got); i++ {
		switch {
		case i >= len(got):
			t.Fatalf("document line %q (and %d more) is missing from the parse", doc[i], len(doc)-i-1)
		case i >= len(doc):
			t.Fatalf("the parse has %q (and %d more) beyond the end of the document", got[i].s, len(got)-i-1)
		}
		d, g := doc[i], got[i]
		if d == g.s || g.heading && (d == g.s+"：" || d == g.s+"，") {
			continue
		}
		t.Fatalf("unit %d: document has\n  %q\nthe parse gives\n  %q", i, d, g.s)
	}
	// A check on docUnits itself: every non-blank line less the four of
	// structure, plus Res 44's footnote.
	nonBlank := 0
	for _, l := range docLines() {
		if strings.TrimSpace(l) != "" {
			nonBlank++
		}
	}
	if got, want := len(doc), nonBlank-4+1; got != want {
		t.Fatalf("compared %d document lines, want %d", got, want)
	}
}

// TestNothingInvented checks, without the printing conventions above,
// that every text field of the parse is words of the document: each
// title, paragraph, summary line, heading, addressee, label and text,
// footnote is found in the document's text with artefacts removed.
func TestNothingInvented(t *testing.T) {
	text := strings.Join(docUnits(), "\n")
	c := mustParse(t)
	check := func(where, s string) {
		if s == "" || !strings.Contains(text, s) {
			t.Errorf("%s: %q is not in the document", where, s)
		}
	}
	for _, s := range c.Overview {
		check("overview title", s.Title)
		for _, p := range s.Paragraphs {
			check("overview "+s.Title, p.Text)
		}
	}
	check("source title", c.Source.Title)
	for _, r := range c.Resolutions {
		where := fmt.Sprintf("Res %d", r.Number)
		check(where+" title", r.Title)
		if r.TitleTable1 != "" {
			check(where+" Table 1 title", "]"+r.TitleTable1+"：")
		}
		for _, s := range strings.Split(r.Summary, "\n") {
			check(where+" summary", s)
		}
		for _, cl := range r.Clauses {
			for _, h := range strings.Split(cl.Heading, " / ") {
				check(cl.ID+" heading", h)
			}
			if cl.Addressee != "" {
				check(cl.ID+" addressee", cl.Addressee)
			}
			switch {
			case cl.Section == "annex" && cl.Label >= "A" && cl.Label <= "Z":
				check(cl.ID+" annex title", "附件"+cl.Label+"："+cl.Text)
			case cl.Label != "":
				check(cl.ID+" label and text", cl.Label+"\t"+cl.Text)
			default:
				check(cl.ID+" text", cl.Text)
			}
		}
		for _, f := range r.Footnotes {
			check(where+" footnote", f.Text)
		}
	}
}
