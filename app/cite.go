package app

import (
	"strconv"
	"strings"
)

// CiteLang is the language of the reference words of a citation: the
// clause text is always the document's Chinese, but a delegate writing an
// English brief wants "WTSA-20 Resolution 44 resolves 2".
type CiteLang uint8

const (
	CiteChinese CiteLang = iota // WTSA-20 第44号决议 做出决议 2：…
	CiteEnglish                 // WTSA-20 Resolution 44 resolves 2: …
)

// citeAssembly names the assembly every resolution of the corpus comes from.
const citeAssembly = "WTSA-20"

// Colon ends a reference before the text it introduces: "：" in Chinese,
// ": " in English.
func (l CiteLang) Colon() string {
	if l == CiteEnglish {
		return ": "
	}
	return "："
}

// ResolutionRef is "WTSA-20 第44号决议" or "WTSA-20 Resolution 44".
func ResolutionRef(n int, l CiteLang) string {
	if l == CiteEnglish {
		return citeAssembly + " Resolution " + strconv.Itoa(n)
	}
	return citeAssembly + " 第" + strconv.Itoa(n) + "号决议"
}

// SectionRef is how a citation names the section of clause c: the
// section's usual word (做出决议, or "resolves" in English), or for a
// heading outside the usual list the document's own first heading line.
func SectionRef(c Clause, l CiteLang) string {
	info, ok := SectionByKey(c.Section)
	if !ok || c.Section == "other" {
		return c.HeadingLines()[0]
	}
	if l == CiteEnglish {
		return info.English
	}
	return info.Chinese
}

// ClauseLabelPath is the label of clause c with those of the clauses it
// sits under: "2 i)" for item i) of item 2. It is "" for an unlabelled
// clause, and c's own label when c is not one of r's clauses.
func ClauseLabelPath(r *Resolution, c Clause) string {
	if r == nil {
		return c.Label
	}
	at := -1
	for i := range r.Clauses {
		if r.Clauses[i].ID == c.ID {
			at = i
			break
		}
	}
	if at < 0 {
		return c.Label
	}
	labels := []string{c.Label}
	depth := c.Depth
	for i := at - 1; i >= 0 && depth > 0; i-- {
		p := r.Clauses[i]
		if p.Section != c.Section || p.Heading != c.Heading {
			break
		}
		if p.Depth < depth {
			labels = append(labels, p.Label)
			depth = p.Depth
		}
	}
	var out []string
	for i := len(labels) - 1; i >= 0; i-- {
		if labels[i] != "" {
			out = append(out, labels[i])
		}
	}
	return strings.Join(out, " ")
}

// ClauseRef is the reference of the clause with ID id: "WTSA-20 第44号决议
// 做出决议 2 i)". An ID r does not have gives the resolution's reference.
func ClauseRef(r *Resolution, id string, l CiteLang) string {
	if r == nil {
		return ""
	}
	ref := ResolutionRef(r.Number, l)
	c := r.Clause(id)
	if c == nil {
		return ref
	}
	for _, part := range []string{SectionRef(*c, l), ClauseLabelPath(r, *c)} {
		if part != "" {
			ref += " " + part
		}
	}
	return ref
}

// CiteClause is one clause as plain text to paste into a brief, with its
// reference: "WTSA-20 第44号决议 做出决议 2：ITU-T须…". Tables that copy
// clause rows use it too, so a clause reads the same wherever it is copied.
func CiteClause(r *Resolution, id string, l CiteLang) string {
	c := r.Clause(id)
	if r == nil {
		return ""
	}
	if c == nil {
		return ResolutionRef(r.Number, l)
	}
	return ClauseRef(r, id, l) + l.Colon() + c.Text
}

// CiteHeading is every clause under the heading of clause id (its section,
// or its addressee's part of it when the section addresses several), as
// plain text: the reference and heading on the first line, then one
// clause per line, labelled and indented as in the document.
func CiteHeading(r *Resolution, id string, l CiteLang) string {
	c := r.Clause(id)
	if r == nil {
		return ""
	}
	if c == nil {
		return ResolutionRef(r.Number, l)
	}
	var b strings.Builder
	b.WriteString(ResolutionRef(r.Number, l) + " " + headingLine(*c, l))
	b.WriteString(strings.TrimSpace(l.Colon()))
	for _, x := range r.Clauses {
		if x.Section == c.Section && x.Heading == c.Heading && x.Addressee == c.Addressee {
			b.WriteString("\n" + clauseLine(x))
		}
	}
	return b.String()
}

// CiteSection is every clause of the section of clause id, as plain
// text: the reference and heading on the first line, then the clauses,
// each addressee on a line of its own before its clauses.
func CiteSection(r *Resolution, id string, l CiteLang) string {
	c := r.Clause(id)
	if r == nil {
		return ""
	}
	if c == nil {
		return ResolutionRef(r.Number, l)
	}
	var b strings.Builder
	b.WriteString(ResolutionRef(r.Number, l) + " " + headingName(*c, l) + strings.TrimSpace(l.Colon()))
	addressee := ""
	for _, x := range r.Clauses {
		if x.Section != c.Section || x.Heading != c.Heading {
			continue
		}
		if x.Addressee != addressee {
			addressee = x.Addressee
			if addressee != "" && !strings.Contains(x.Heading, addressee) {
				b.WriteString("\n" + addressee)
			}
		}
		b.WriteString("\n" + clauseLine(x))
	}
	return b.String()
}

// CiteResolution is the whole resolution as plain text: its reference and
// title, Table 1's title where it differs, the summary, every section
// with its clauses, and the footnotes. Headings stay in the document's
// Chinese; in English the usual English section word follows in brackets.
func CiteResolution(r *Resolution, l CiteLang) string {
	if r == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(ResolutionRef(r.Number, l) + "\n" + r.DisplayTitle() + "\n")
	if r.TitleTable1 != "" && r.TitleTable1 != r.Title {
		word := "表1标题"
		if l == CiteEnglish {
			word = "Table 1 title"
		}
		b.WriteString(word + l.Colon() + r.TitleTable1 + "\n")
	}
	if s := strings.TrimSpace(r.Summary); s != "" {
		word := "摘要"
		if l == CiteEnglish {
			word = "Summary"
		}
		b.WriteString("\n" + word + "\n" + s + "\n")
	}
	var section, heading, addressee string
	for i, c := range r.Clauses {
		if i == 0 || c.Section != section || c.Heading != heading {
			section, heading, addressee = c.Section, c.Heading, ""
			b.WriteString("\n" + headingName(c, l) + "\n")
		}
		if c.Addressee != addressee {
			addressee = c.Addressee
			if addressee != "" && !strings.Contains(c.Heading, addressee) {
				b.WriteString(addressee + "\n")
			}
		}
		b.WriteString(clauseLine(c) + "\n")
	}
	if len(r.Footnotes) > 0 {
		word := "脚注"
		if l == CiteEnglish {
			word = "Footnotes"
		}
		b.WriteString("\n" + word + "\n")
		for _, f := range r.Footnotes {
			b.WriteString(strconv.Itoa(f.N) + " " + f.Text + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// headingName is a section's heading as the document prints it (lines
// joined by a space), with the English word in brackets in English.
func headingName(c Clause, l CiteLang) string {
	h := strings.Join(c.HeadingLines(), " ")
	info, ok := SectionByKey(c.Section)
	if h == "" && ok {
		h = info.Chinese
	}
	if l == CiteEnglish && ok && c.Section != "other" {
		h += " (" + info.English + ")"
	}
	return h
}

// headingLine is the heading of a copied heading: the document's heading
// and its addressee when the heading does not already name it.
func headingLine(c Clause, l CiteLang) string {
	h := headingName(c, l)
	if c.Addressee != "" && !strings.Contains(c.Heading, c.Addressee) {
		h += " " + c.Addressee
	}
	return h
}

// clauseLine is a clause on a line of its own: indented two spaces per
// level, its label, a space and its text.
func clauseLine(c Clause) string {
	s := strings.Repeat("  ", max(c.Depth, 0))
	if c.Label != "" {
		s += c.Label + " "
	}
	return s + c.Text
}
