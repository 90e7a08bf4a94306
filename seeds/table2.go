package seeds

import (
	"regexp"
	"strconv"

	"briefdesk/app"
)

// t2Row is one row of Table 2: a resolution's title and operative text.
type t2Row struct {
	n, line int
	title   string
	clauses []app.Clause
	notes   []app.Footnote
}

// t2RowRE matches the first cell of a Table 2 row, "第2号决议".
var t2RowRE = regexp.MustCompile(`^第([0-9]{1,4})号决议$`)

// table2 reads Table 2 from just after its caption to the end of the file.
// A row is the line 第N号决议, the title on the next line, and then the
// second cell, which opens with a tab: everything up to the next row.
func (p *parser) table2() ([]t2Row, error) {
	// The header cells are structure, not content.
	for p.skipBlank() && (p.lines[p.i].full == "编号/决议" || p.lines[p.i].full == "相关案文") {
		p.i++
	}
	var rows []t2Row
	seen := map[int]int{}
	for p.skipBlank() {
		l := p.lines[p.i]
		m := t2RowRE.FindStringSubmatch(l.full)
		if m == nil {
			return nil, lineErr(l.n, "expected a Table 2 row \"第N号决议\", found %s", excerpt(l.raw))
		}
		n, _ := strconv.Atoi(m[1])
		if first, dup := seen[n]; dup {
			return nil, lineErr(l.n, "Res %d appears twice in Table 2 (lines %d and %d)", n, first, l.n)
		}
		seen[n] = l.n
		r := t2Row{n: n, line: l.n, notes: anchor(l.bodies, "title")}
		p.i++

		// The title: the one line between the number and the second cell.
		var title []line
		for ; p.i < len(p.lines) && !p.lines[p.i].cell && !isRowStart(p.lines[p.i]); p.i++ {
			if !p.lines[p.i].blank() {
				title = append(title, p.lines[p.i])
			}
		}
		switch {
		case len(title) == 0:
			return nil, lineErr(l.n, "expected the title of Res %d on the line after %q", n, l.full)
		case len(title) > 1:
			return nil, lineErr(title[1].n, "expected the text of Res %d to start with a heading such as 忆及 or 责成 in a new table cell (after a tab), found %s", n, excerpt(title[1].raw))
		}
		r.title = title[0].full
		r.notes = append(r.notes, anchor(title[0].bodies, "title")...)

		var body []line
		for ; p.i < len(p.lines) && !isRowStart(p.lines[p.i]); p.i++ {
			if !p.lines[p.i].blank() {
				body = append(body, p.lines[p.i])
			}
		}
		if len(body) == 0 {
			return nil, lineErr(title[0].n, "Res %d has a title but no text in Table 2", n)
		}
		b := newBody(n, body)
		if err := b.parse(); err != nil {
			return nil, err
		}
		r.clauses = b.clauses
		r.notes = append(r.notes, b.notes...)
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		return nil, lineErr(p.lastLine(), "Table 2 has no rows")
	}
	return rows, nil
}

// isRowStart reports whether l opens a Table 2 row.
func isRowStart(l line) bool {
	return t2RowRE.MatchString(l.full)
}
