package data

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"briefdesk/app"
)

// maxProblems bounds how many problems an error message lists.
const maxProblems = 5

// validateCorpus checks everything the schema and the rest of BriefDesk
// rely on before a single row is written, so a bad corpus is refused with
// a message a person can act on, and the database keeps what it had.
func validateCorpus(c *app.Corpus) error {
	if c == nil {
		return app.Errorf(app.EINVALID, "no corpus to import; nothing was changed")
	}
	var probs []string
	add := func(format string, args ...any) {
		probs = append(probs, fmt.Sprintf(format, args...))
	}
	text := func(where, s string) {
		if !utf8.ValidString(s) {
			add("%s is not valid UTF-8", where)
		}
		// The snippet markers must be free for search to use.
		if strings.Contains(s, app.MarkOpen) || strings.Contains(s, app.MarkClose) {
			add("%s contains %s or %s, which BriefDesk reserves for marking search hits", where, app.MarkOpen, app.MarkClose)
		}
	}
	if strings.TrimSpace(c.Source.Fingerprint) == "" {
		add("the source has no fingerprint")
	}
	text("the source name", c.Source.Name)
	text("the source title", c.Source.Title)
	if len(c.Resolutions) == 0 {
		add("it holds no resolutions")
	}
	for i, s := range c.Overview {
		text(fmt.Sprintf("overview section %d's title", i+1), s.Title)
		for j, p := range s.Paragraphs {
			text(fmt.Sprintf("overview section %d, paragraph %d", i+1, j+1), p.Text)
		}
	}
	numbers := map[int]bool{}
	clauseIDs := map[string]int{}
	for i := range c.Resolutions {
		r := &c.Resolutions[i]
		where := fmt.Sprintf("resolution %d", r.Number)
		if r.Number <= 0 {
			add("resolution #%d has number %d; numbers must be positive", i+1, r.Number)
		}
		if numbers[r.Number] {
			add("resolution %d appears twice", r.Number)
		}
		numbers[r.Number] = true
		if !r.Status.Valid() {
			add("%s has unknown status %q", where, r.Status)
		}
		if strings.TrimSpace(r.DisplayTitle()) == "" {
			add("%s has no title", where)
		}
		text(where+"'s title", r.Title)
		text(where+"'s Table 1 title", r.TitleTable1)
		text(where+"'s summary", r.Summary)
		seqs := map[int]bool{}
		own := map[string]bool{}
		for _, cl := range r.Clauses {
			cw := fmt.Sprintf("%s, clause %q", where, cl.ID)
			prev, dup := clauseIDs[cl.ID]
			switch {
			case strings.TrimSpace(cl.ID) == "":
				add("%s has a clause without an ID (seq %d)", where, cl.Seq)
			case dup:
				add("clause ID %q appears twice (resolutions %d and %d)", cl.ID, prev, r.Number)
			default:
				clauseIDs[cl.ID] = r.Number
			}
			own[cl.ID] = true
			if cl.Resolution != r.Number {
				add("%s says it belongs to resolution %d", cw, cl.Resolution)
			}
			if cl.Seq < 0 || seqs[cl.Seq] {
				add("%s has seq %d, negative or used twice", cw, cl.Seq)
			}
			seqs[cl.Seq] = true
			if _, ok := app.SectionByKey(cl.Section); !ok {
				add("%s has unknown section %q", cw, cl.Section)
			}
			if cl.Depth < 0 {
				add("%s has negative depth %d", cw, cl.Depth)
			}
			if strings.TrimSpace(cl.Text) == "" {
				add("%s has no text", cw)
			}
			for _, s := range []string{cl.ID, cl.Heading, cl.Addressee, cl.Label, cl.Text} {
				text(cw, s)
			}
		}
		feet := map[int]bool{}
		for _, f := range r.Footnotes {
			if feet[f.N] {
				add("%s has footnote %d twice", where, f.N)
			}
			feet[f.N] = true
			if f.Anchor != "" && f.Anchor != "title" && !own[f.Anchor] {
				add("%s, footnote %d is anchored to %q, which is not one of its clauses", where, f.N, f.Anchor)
			}
			text(fmt.Sprintf("%s, footnote %d", where, f.N), f.Text)
		}
		for _, ref := range r.Refs {
			if !ref.Kind.Valid() {
				add("%s cites %q with unknown kind %q", where, ref.Key, ref.Kind)
			}
			if strings.TrimSpace(ref.Key) == "" {
				add("%s has a reference without a key", where)
			}
			if ref.ClauseID != "" && !own[ref.ClauseID] {
				add("%s cites %s from clause %q, which is not one of its clauses", where, ref.Key, ref.ClauseID)
			}
			text(where+"'s reference "+ref.Key, ref.Key+ref.Edition+ref.Text)
		}
	}
	if len(probs) == 0 {
		return nil
	}
	more := ""
	if len(probs) > maxProblems {
		more = fmt.Sprintf(" (and %d more problems)", len(probs)-maxProblems)
		probs = probs[:maxProblems]
	}
	return app.Errorf(app.EINVALID, "corpus not imported, nothing was changed: %s%s", strings.Join(probs, "; "), more)
}
