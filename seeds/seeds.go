// Package seeds turns the source document, the ITU-D summary of GSS-20
// and WTSA-20 (see ORIGIN.md), into an *app.Corpus.
//
// The document is a plain-text export of a Word file in three parts:
//
//   - the overview: short heading lines (概要：, 引言, GSS-20, ...) each
//     followed by paragraphs, some of them bullets ("•" and a tab);
//   - Table 1, after its caption "表1 – ...": one row per resolution, a
//     line "第N号决议[状态]标题：" followed by its summary;
//   - Table 2, after its caption "表2 – ...": one row per resolution, a
//     line "第N号决议", the title, then the operative text as a second
//     cell that opens with a tab and a heading (忆及, 做出决议, 责成, ...).
//
// Each table cell starts with a tab; Word's bookmarks and footnote marks
// are exported inline. Those are artefacts and never reach the corpus.
// body.go explains how the operative text becomes clauses.
//
// The parser is strict: anything that does not fit this form is an
// app.EINVALID error naming the line where parsing stopped and what was
// expected there. It never panics (see FuzzParse).
package seeds

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"

	"briefdesk/app"
	"briefdesk/seeds/xref"
)

// Parse parses a document of the form described in the package comment,
// named name (its file name), and fills in its cross-references.
func Parse(name string, doc []byte) (*app.Corpus, error) {
	c, err := parse(name, doc)
	if err != nil {
		return nil, err
	}
	xref.Annotate(c)
	return c, nil
}

// Default parses the embedded source document. Each call returns a new
// corpus, so callers may change what they get.
func Default() (*app.Corpus, error) {
	return Parse(DocumentName, Document)
}

// parse is Parse without the cross-references, which belong to package
// xref and are tested there.
func parse(name string, doc []byte) (*app.Corpus, error) {
	c, err := parseDoc(name, doc)
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "cannot read %s as the WTSA-20 resolutions document: %s", name, app.ErrorMessage(err))
	}
	return c, nil
}

func parseDoc(name string, doc []byte) (*app.Corpus, error) {
	lines, err := splitLines(doc)
	if err != nil {
		return nil, err
	}
	p := &parser{lines: lines}
	overview, err := p.overview()
	if err != nil {
		return nil, err
	}
	t1, err := p.table1()
	if err != nil {
		return nil, err
	}
	t2, err := p.table2()
	if err != nil {
		return nil, err
	}
	res, err := join(t1, t2)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(doc)
	c := &app.Corpus{
		Source:      app.Source{Name: name, Fingerprint: hex.EncodeToString(sum[:])},
		Overview:    overview,
		Resolutions: res,
	}
	// The document has no title line; its first paragraph (under 概要)
	// is its own description of itself, so it doubles as the title.
	if len(overview) > 0 && len(overview[0].Paragraphs) > 0 {
		c.Source.Title = overview[0].Paragraphs[0].Text
	}
	return c, nil
}

// parser walks the cleaned lines; i is the next line to read.
type parser struct {
	lines []line
	i     int
}

// skipBlank moves past blank lines and reports whether a line is left.
func (p *parser) skipBlank() bool {
	for p.i < len(p.lines) && p.lines[p.i].blank() {
		p.i++
	}
	return p.i < len(p.lines)
}

// lastLine is the number of the last line, for "reached the end" errors.
func (p *parser) lastLine() int { return len(p.lines) }

// captionRE matches a table caption, "表1 – 概述...": the dash is what tells
// it from a sentence that starts with 表1 ("表1概述影响ITU-D工作的...").
var captionRE = regexp.MustCompile(`^表\s*([0-9]+)\s*[–—-]`)

func isCaption(s, table string) bool {
	m := captionRE.FindStringSubmatch(s)
	return m != nil && m[1] == table
}

// overview reads the sections before the Table 1 caption and leaves p at
// the caption.
func (p *parser) overview() ([]app.OverviewSection, error) {
	var secs []app.OverviewSection
	for ; p.skipBlank(); p.i++ {
		l := p.lines[p.i]
		if isCaption(l.full, "1") {
			return secs, nil
		}
		if len(l.marks) > 0 {
			return nil, lineErr(l.n, "a footnote in the overview is not supported")
		}
		text, bullet := l.full, false
		if t, ok := strings.CutPrefix(text, "•"); ok {
			text, bullet = strings.TrimSpace(t), true
		}
		if !bullet && isTitle(text) {
			secs = append(secs, app.OverviewSection{Title: trimPunct(text)})
			continue
		}
		if len(secs) == 0 {
			return nil, lineErr(l.n, "expected an overview heading such as \"概要：\" at the start of the document, found %s", excerpt(l.raw))
		}
		s := &secs[len(secs)-1]
		s.Paragraphs = append(s.Paragraphs, app.Paragraph{Text: text, Bullet: bullet})
	}
	return nil, lineErr(p.lastLine(), "reached the end of the file before the Table 1 caption \"表1 – ...\"")
}

// isTitle reports whether an overview line is a section heading: a short
// line with no punctuation but a final colon. Every paragraph of the
// overview is a sentence and holds a comma or a full stop.
func isTitle(s string) bool {
	s = strings.TrimSuffix(s, "：")
	return s != "" && len([]rune(s)) <= 20 && !strings.ContainsAny(s, "。，；：、！？.,;:!?")
}

// join pairs the rows of the two tables, in Table 1's order.
func join(t1 []t1Row, t2 []t2Row) ([]app.Resolution, error) {
	byNum := make(map[int]*t2Row, len(t2))
	for i := range t2 {
		byNum[t2[i].n] = &t2[i]
	}
	inT1 := make(map[int]bool, len(t1))
	res := make([]app.Resolution, 0, len(t1))
	for _, a := range t1 {
		inT1[a.n] = true
		b := byNum[a.n]
		if b == nil {
			return nil, lineErr(a.line, "Res %d is in Table 1 but not in Table 2", a.n)
		}
		r := app.Resolution{
			Number:  a.n,
			Status:  a.status,
			Title:   b.title,
			Summary: a.summary,
			Clauses: b.clauses,
		}
		if a.title != b.title {
			r.TitleTable1 = a.title
		}
		r.Footnotes = append(append(r.Footnotes, a.notes...), b.notes...)
		res = append(res, r)
	}
	for _, b := range t2 {
		if !inT1[b.n] {
			return nil, lineErr(b.line, "Res %d is in Table 2 but not in Table 1", b.n)
		}
	}
	return res, nil
}
