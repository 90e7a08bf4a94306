package ui

import (
	"regexp"
	"sort"
	"strings"

	"briefdesk/app"

	"fyne.io/fyne/v2/lang"
)

// entityRows lists every clause that cites an entity (a WTDC resolution,
// an ITU-D Question, BDT ...), grouped by resolution. Each clause opens its
// card at that clause; each resolution heading opens its card.
func entityRows(c *corpusCache, kind app.RefKind, key string, nav navigator) []docRow {
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
	rows = append(rows, docRow{kind: rowCaption, text: citedCount(len(e.Citations), nres)})
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
				onTap: func() { nav.OpenResolution(n, "") }})
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
			if len(mentionRanges(text, key, surfaces)) == 0 && r.Summary != "" {
				text = r.Summary
			}
		}
		if ct.Edition != "" {
			where += " · " + ct.Edition
		}
		cid := ct.ClauseID
		rows = append(rows, docRow{kind: rowCitation, context: where, text: text, depth: 1,
			hits:  mentionRanges(text, key, surfaces),
			onTap: func() { nav.OpenResolution(n, cid) }})
	}
	return append(rows, docRow{kind: rowGap})
}

// citedCount is "Cited 5 times in 2 resolutions", in the singular where
// a count is 1.
func citedCount(times, resolutions int) string {
	if resolutions == 1 {
		return lang.N("Cited {{.Count}} times in 1 resolution", times, map[string]any{"Count": times})
	}
	return lang.N("Cited {{.Count}} times in {{.R}} resolutions", times, map[string]any{"Count": times, "R": resolutions})
}

// bureauNames match every way the document names a bureau or its
// Director: the references keep one surface per clause (the first, often
// in the addressee), while the clause itself may say BDT主任 or
// 电信发展局（BDT）.
var bureauNames = map[string]*regexp.Regexp{
	"BDT": regexp.MustCompile(`(?:国际电联)?电信发展局(?:（BDT）)?(?:主任)?|\bBDT\b(?:主任)?`),
	"TSB": regexp.MustCompile(`(?:国际电联)?电信标准化局(?:（TSB）)?(?:主任)?|\bTSB\b(?:主任)?`),
	"BR":  regexp.MustCompile(`(?:国际电联)?无线电通信局(?:（BR）)?(?:主任)?|\bBR\b(?:主任)?`),
}

// mentionRanges finds where text names entity key: the surfaces its
// references recorded, and for a bureau every form of its name.
func mentionRanges(text, key string, surfaces []string) [][2]int {
	hits := hitRanges(text, surfaces)
	re := bureauNames[key]
	if re == nil {
		return hits
	}
	for _, l := range re.FindAllStringIndex(text, -1) {
		hits = append(hits, [2]int{l[0], l[1]})
	}
	return mergeRanges(hits)
}

// mergeRanges sorts byte ranges and joins those that overlap or touch.
func mergeRanges(rs [][2]int) [][2]int {
	sort.Slice(rs, func(i, j int) bool { return rs[i][0] < rs[j][0] })
	out := rs[:0]
	for _, h := range rs {
		if n := len(out); n > 0 && h[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], h[1])
			continue
		}
		out = append(out, h)
	}
	return out
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
