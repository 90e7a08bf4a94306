package seeds

import (
	"regexp"
	"strconv"
	"strings"

	"briefdesk/app"
)

// t1Row is one row of Table 1: what WTSA-20 did to a resolution, in brief.
type t1Row struct {
	n, line int
	status  app.Status
	title   string
	summary string
	notes   []app.Footnote
}

// t1RowRE matches "第2号决议[修订版]国际电联...的责任和职权："; the final
// colon is taken off the title with trimPunct.
var t1RowRE = regexp.MustCompile(`^第([0-9]{1,4})号决议\[([^\[\]]*)\](.*)$`)

// statuses maps the status words of Table 1 to app statuses.
var statuses = map[string]app.Status{
	"新":   app.StatusNew,
	"修订版": app.StatusRevised,
	"无修改": app.StatusUnchanged,
}

// table1 reads Table 1, from its caption to the Table 2 caption, and
// leaves p just after the Table 2 caption.
func (p *parser) table1() ([]t1Row, error) {
	p.i++ // the caption
	var rows []t1Row
	seen := map[int]int{}
	for {
		if !p.skipBlank() {
			return nil, lineErr(p.lastLine(), "reached the end of the file in Table 1, before the Table 2 caption \"表2 – ...\"")
		}
		l := p.lines[p.i]
		if isCaption(l.full, "2") {
			p.i++
			if len(rows) == 0 {
				return nil, lineErr(l.n, "Table 1 has no rows")
			}
			return rows, nil
		}
		m := t1RowRE.FindStringSubmatch(l.full)
		if m == nil {
			return nil, lineErr(l.n, "expected a Table 1 row \"第N号决议[状态]标题：\", found %s", excerpt(l.raw))
		}
		n, _ := strconv.Atoi(m[1])
		if n == 0 {
			return nil, lineErr(l.n, "a resolution cannot be number 0")
		}
		if first, dup := seen[n]; dup {
			return nil, lineErr(l.n, "Res %d appears twice in Table 1 (lines %d and %d)", n, first, l.n)
		}
		seen[n] = l.n
		st, ok := statuses[m[2]]
		if !ok {
			return nil, lineErr(l.n, "unknown status [%s] of Res %d: expected [新], [修订版] or [无修改]", m[2], n)
		}
		r := t1Row{n: n, line: l.n, status: st, title: strings.TrimSpace(trimPunct(m[3]))}
		if r.title == "" {
			return nil, lineErr(l.n, "Res %d has no title in Table 1", n)
		}
		r.notes = anchor(l.bodies, "title-table1")
		var summary []string
		for p.i++; p.i < len(p.lines); p.i++ {
			s := p.lines[p.i]
			if s.blank() || t1RowRE.MatchString(s.full) || isCaption(s.full, "2") {
				break
			}
			summary = append(summary, s.full)
			r.notes = append(r.notes, anchor(s.bodies, "summary")...)
		}
		if len(summary) == 0 {
			return nil, lineErr(l.n, "Res %d has no summary in Table 1 (expected it on the lines after the row)", n)
		}
		r.summary = strings.Join(summary, "\n")
		rows = append(rows, r)
	}
}

// anchor returns notes with their Anchor set.
func anchor(notes []app.Footnote, to string) []app.Footnote {
	out := make([]app.Footnote, len(notes))
	for i, f := range notes {
		f.Anchor = to
		out[i] = f
	}
	return out
}
