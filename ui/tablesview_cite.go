package ui

import (
	"strconv"
	"strings"

	"briefdesk/app"
)

// The references copied rows carry. They are the document's own way of
// citing, in Chinese whatever the interface language, because they go
// into a brief about the Chinese text: "WTSA-20 第44号决议" for a
// resolution, "WTSA-20 第44号决议 做出决议 2" for a clause, "… 责成 3 i)"
// for an item under another.
//
// The card (ui/card.go, branch card) cites clauses by the same rule; when
// its app-level function lands, tablesCiteResolution and tablesCiteClause
// are the two calls to point at it.

// tablesCiteResolution is the reference of resolution n.
func tablesCiteResolution(n int) string {
	return "WTSA-20 第" + strconv.Itoa(n) + "号决议"
}

// tablesCiteClause is the reference of clause c of r: the resolution, the
// heading the clause stands under, and its label with its parents'.
func tablesCiteClause(r *app.Resolution, c app.Clause) string {
	parts := []string{tablesCiteResolution(c.Resolution)}
	lines := c.HeadingLines()
	heading := lines[len(lines)-1]
	if heading == "" {
		if si, ok := app.SectionByKey(c.Section); ok {
			heading = si.Chinese
		}
	}
	if heading != "" {
		parts = append(parts, heading)
	}
	if l := clauseLabelPath(r, c); l != "" {
		parts = append(parts, l)
	}
	return strings.Join(parts, " ")
}

// clauseLabelPath is c's label after those of the items it stands under
// in its block ("3 i)"), found by walking r's clauses to c.
func clauseLabelPath(r *app.Resolution, c app.Clause) string {
	var stack []string // labels by depth, in c's block
	block := clauseBlock(c.ID)
	if r != nil {
		for _, x := range r.Clauses {
			if clauseBlock(x.ID) != block || x.Depth > len(stack) {
				if x.ID == c.ID {
					break
				}
				continue
			}
			stack = append(stack[:x.Depth], x.Label)
			if x.ID == c.ID {
				break
			}
		}
	}
	if len(stack) != c.Depth+1 || stack[c.Depth] != c.Label {
		return c.Label // not found where expected: the label alone
	}
	var out []string
	for _, l := range stack {
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, " ")
}

// clauseBlock is the section part of a clause ID ("instructs.2" in
// "54/instructs.2/1"): the block whose items nest.
func clauseBlock(id string) string {
	parts := strings.SplitN(id, "/", 3)
	if len(parts) < 2 {
		return ""
	}
	return parts[1]
}
