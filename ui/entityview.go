package ui

import (
	"strings"

	"briefdesk/app"

	"fyne.io/fyne/v2/lang"
)

// entityRows lists every clause that cites an entity (a WTDC resolution,
// an ITU-D Question, BDT ...), grouped by resolution. Each clause opens its
// card at that clause; each resolution heading opens its card.
func entityRows(c *corpusCache, kind app.RefKind, key string, nav Navigator) []docRow {
	rows := []docRow{{kind: rowTitle, text: key}}
	e := c.entity(kind, key)
	if kind == "" && e != nil {
		kind = e.Kind
	}
	rows = append(rows, docRow{kind: rowCaption, text: lang.L(kind.Label())})
	if e == nil || len(e.Citations) == 0 {
		return append(rows, docRow{kind: rowText, text: lang.L("No clause of these resolutions cites it.")})
	}
	nres := 0
	last := -1
	for _, ct := range e.Citations {
		if ct.Number != last {
			nres++
			last = ct.Number
		}
	}
	rows = append(rows, docRow{kind: rowCaption, text: lang.L("Cited {{.C}} times in {{.R}} resolutions", map[string]any{"C": len(e.Citations), "R": nres})})
	last = -1
	for _, ct := range e.Citations {
		r := c.byNum[ct.Number]
		if r == nil {
			continue
		}
		n := ct.Number
		if n != last {
			last = n
			rows = append(rows, docRow{kind: rowGap})
			rows = append(rows, docRow{kind: rowHeading, text: resName(n) + "  " + r.DisplayTitle(),
				onTap: func() { nav.OpenResolution(n, "", "") }})
		}
		surfaces := refSurfaces(r, ct.ClauseID, key)
		var text, where string
		if cl := c.clause(n, ct.ClauseID); cl != nil {
			text = cl.Text
			where = sectionTitle(cl.Section, cl.Heading)
			if cl.Label != "" {
				where += " · " + cl.Label
			}
		} else {
			text, where = r.DisplayTitle(), lang.L("Title and summary")
			if !containsAny(text, surfaces) && r.Summary != "" {
				text = r.Summary
			}
		}
		if ct.Edition != "" {
			where += " · " + ct.Edition
		}
		cid := ct.ClauseID
		rows = append(rows, docRow{kind: rowCitation, context: where, text: text, depth: 1,
			hits:  hitRanges(text, surfaces),
			onTap: func() { nav.OpenResolution(n, cid, "") }})
	}
	return append(rows, docRow{kind: rowGap})
}

// refSurfaces is the text by which clause clauseID of r cites key, for
// highlighting.
func refSurfaces(r *app.Resolution, clauseID, key string) []string {
	var out []string
	for _, f := range r.Refs {
		if f.Key == key && f.ClauseID == clauseID && f.Text != "" {
			out = append(out, f.Text)
		}
	}
	return out
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}
