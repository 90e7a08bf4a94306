// Package xref finds cross-references in resolution text: WTDC, PP and
// WTSA resolutions, ITU-D and ITU-T study groups and Questions,
// Recommendations, bureaus, groups and organisations.
//
// The source is a Chinese ITU-D summary of WTSA-20, so the patterns are
// the ones that document uses, such as
// 世界电信发展大会第59号决议（2017年，布宜诺斯艾利斯，修订版）, ITU-D第2研究组
// and 电信发展局主任, plus their English abbreviations. Each scanner prefers to miss a reference it cannot place
// rather than guess: a bare 第123号决议 with neither an assembly nor a known
// edition is not reported, because the same number means different
// resolutions at WTDC, PP and WTSA.
package xref

import (
	"sort"
	"unicode/utf8"

	"briefdesk/app"
)

// match is one reference found at text[start:end].
type match struct {
	start, end int
	ref        app.Ref
}

// Extract returns every reference in text, in order of first appearance,
// one per (Kind, Key). Text is the surface text of the first occurrence,
// always a substring of text (invalid UTF-8 is matched around, not fixed);
// Edition is the first edition printed for that key. ClauseID is left
// empty for the caller to fill.
func Extract(text string) []app.Ref {
	var ms []match
	ms = scanResolutions(ms, text)
	ms = scanStudyGroups(ms, text)
	ms = scanQuestions(ms, text)
	ms = scanRecommendations(ms, text)
	ms = scanNames(ms, text)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].start < ms[j].start })

	type kk struct {
		kind app.RefKind
		key  string
	}
	seen := make(map[kk]int, len(ms))
	out := make([]app.Ref, 0, len(ms))
	for _, m := range ms {
		k := kk{m.ref.Kind, m.ref.Key}
		if i, ok := seen[k]; ok {
			if out[i].Edition == "" {
				out[i].Edition = m.ref.Edition
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, m.ref)
	}
	return out
}

// Annotate sets Refs of every resolution in c: references in its Table 2
// title (and footnotes on the title) carry ClauseID "", references in a
// clause's heading, addressee, text or footnotes carry that clause's ID.
// The Table 1 summary is skipped on purpose: it paraphrases the clauses,
// so counting it too would cite everything twice. Annotate replaces any
// earlier Refs, so calling it again gives the same result.
func Annotate(c *app.Corpus) {
	if c == nil {
		return
	}
	for i := range c.Resolutions {
		c.Resolutions[i].Refs = resolutionRefs(&c.Resolutions[i])
	}
}

// resolutionRefs collects the references of one resolution, one per
// (Kind, Key, ClauseID), title first and then clauses in document order.
func resolutionRefs(r *app.Resolution) []app.Ref {
	clauseIDs := make(map[string]bool, len(r.Clauses))
	for _, c := range r.Clauses {
		clauseIDs[c.ID] = true
	}
	// Footnotes go with what carries their mark; one anchored to anything
	// unknown is treated as part of the title rather than dropped.
	notes := make(map[string][]string)
	for _, f := range r.Footnotes {
		anchor := f.Anchor
		if !clauseIDs[anchor] {
			anchor = ""
		}
		notes[anchor] = append(notes[anchor], f.Text)
	}

	type kkc struct {
		kind      app.RefKind
		key, from string
	}
	seen := make(map[kkc]bool)
	var out []app.Ref
	add := func(clauseID string, texts ...string) {
		for _, t := range texts {
			for _, ref := range Extract(t) {
				k := kkc{ref.Kind, ref.Key, clauseID}
				if seen[k] {
					continue
				}
				seen[k] = true
				ref.ClauseID = clauseID
				out = append(out, ref)
			}
		}
	}

	title := r.Title
	if title == "" {
		title = r.TitleTable1
	}
	add("", title)
	add("", notes[""]...)
	for _, c := range r.Clauses {
		add(c.ID, c.Heading, c.Addressee, c.Text)
		add(c.ID, notes[c.ID]...)
	}
	return out
}

// tail returns at most the last n bytes of s, starting on a rune boundary:
// the scanners look only a short way back for a qualifier such as ITU-D or
// 世界电信发展大会, and a bounded window keeps that linear in the text.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	for len(s) > 0 && !utf8.RuneStart(s[0]) {
		s = s[1:]
	}
	return s
}

// sentence returns the end of s back to the last sentence or clause break
// (。；; or a newline), at most n bytes: qualifiers further back belong to
// another statement.
func sentence(s string, n int) string {
	s = tail(s, n)
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case '\n', ';':
			return s[i+1:]
		}
		if r, size := utf8.DecodeRuneInString(s[i:]); size > 1 && (r == '。' || r == '；') {
			return s[i+size:]
		}
	}
	return s
}
