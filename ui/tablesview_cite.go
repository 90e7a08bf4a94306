package ui

import (
	"strconv"
	"strings"

	"briefdesk/app"
)

// The references copied rows carry, by the card's rule (branch card,
// app/cite.go: ResolutionRef, ClauseRef, CiteClause), in the reference
// words of the interface's language: "WTSA-20 第44号决议 做出决议 2" or
// "WTSA-20 Resolution 44 resolves 2"; the text itself stays Chinese.
//
// These three functions are where the Tables screen asks for a reference.
// Once app/cite.go is merged each becomes one call:
//
//	tablesCiteResolution(n)     = app.ResolutionRef(n, citeLang())
//	tablesCiteClause(r, c)      = app.ClauseRef(r, c.ID, citeLang())
//	tablesCiteClauseText(r, c)  = app.CiteClause(r, c.ID, citeLang())
//
// and the rest of this file goes.

// tablesCiteResolution is the reference of resolution n.
func tablesCiteResolution(n int) string {
	if uiChinese() {
		return "WTSA-20 第" + strconv.Itoa(n) + "号决议"
	}
	return "WTSA-20 Resolution " + strconv.Itoa(n)
}

// tablesCiteClause is the reference of clause c of r: the resolution,
// the section's usual word (or, outside the usual sections, the
// document's heading) and c's label after those of the items it is under.
func tablesCiteClause(r *app.Resolution, c app.Clause) string {
	parts := []string{tablesCiteResolution(c.Resolution)}
	info, ok := app.SectionByKey(c.Section)
	word := c.HeadingLines()[0]
	switch {
	case ok && c.Section != "other" && uiChinese():
		word = info.Chinese
	case ok && c.Section != "other":
		word = info.English
	}
	for _, p := range []string{word, clauseLabelPath(r, c)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

// tablesCiteClauseText is clause c with its reference, as pasted into a
// brief: "WTSA-20 第44号决议 做出决议 2：…".
func tablesCiteClauseText(r *app.Resolution, c app.Clause) string {
	colon := ": "
	if uiChinese() {
		colon = "："
	}
	return tablesCiteClause(r, c) + colon + c.Text
}

// clauseLabelPath is c's label after those of the items it stands under
// ("2 i)"): walking back from c through its section, each shallower item.
func clauseLabelPath(r *app.Resolution, c app.Clause) string {
	at := -1
	if r != nil {
		for i := range r.Clauses {
			if r.Clauses[i].ID == c.ID {
				at = i
				break
			}
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
