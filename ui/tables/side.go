package tables

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"briefdesk/app"
)

// SideBySide lines up the sections of 2 to 4 resolutions.
type SideBySide struct {
	Resolutions []SideHead
	Rows        []SideRow
}

// SideHead names one compared resolution.
type SideHead struct {
	Number int
	Title  string
}

// SideRow is one section across the compared resolutions.
type SideRow struct {
	Section string // key from app.Sections
	Heading string // e.g. "instructs 责成"; the document's own heading for "other"
	// Cells[i] holds resolution i's clauses of this section in document
	// order, every block of it (Res 54 has two 责成 blocks); nil if absent.
	Cells [][]app.Clause
}

// NewSideBySide compares rs, which must be 2 to 4 different resolutions
// loaded with clauses. Rows follow app.Sections; sections outside that
// list ("other") get one row per distinct heading, in order of appearance.
func NewSideBySide(rs []app.Resolution) (*SideBySide, error) {
	if len(rs) < 2 || len(rs) > 4 {
		return nil, app.Errorf(app.EINVALID, "pick 2 to 4 resolutions to compare, not %d", len(rs))
	}
	s := &SideBySide{}
	seen := map[int]bool{}
	for _, r := range rs {
		if seen[r.Number] {
			return nil, app.Errorf(app.EINVALID, "resolution %d is picked twice; pick different resolutions", r.Number)
		}
		seen[r.Number] = true
		s.Resolutions = append(s.Resolutions, SideHead{Number: r.Number, Title: r.DisplayTitle()})
	}
	rowOf := map[string]int{}
	for i, r := range rs {
		for _, c := range r.Clauses {
			key := sectionKey(c.Section)
			rowKey, heading := key, sectionHeading(key)
			if key == "other" {
				rowKey, heading = "other\x00"+c.Heading, c.Heading
			}
			k, ok := rowOf[rowKey]
			if !ok {
				k = len(s.Rows)
				rowOf[rowKey] = k
				s.Rows = append(s.Rows, SideRow{Section: key, Heading: heading, Cells: make([][]app.Clause, len(rs))})
			}
			s.Rows[k].Cells[i] = append(s.Rows[k].Cells[i], c)
		}
	}
	// Stable: "other" rows keep their order of appearance among themselves.
	slices.SortStableFunc(s.Rows, func(a, b SideRow) int {
		return cmp.Compare(app.SectionOrder(a.Section), app.SectionOrder(b.Section))
	})
	return s, nil
}

// sectionKey strips a block suffix ("instructs.2") so a second block of a
// section lines up with the first.
func sectionKey(s string) string {
	if k, n, ok := strings.Cut(s, "."); ok {
		if _, err := strconv.Atoi(n); err == nil {
			s = k
		}
	}
	if _, ok := app.SectionByKey(s); !ok {
		return "other"
	}
	return s
}

func sectionHeading(key string) string {
	si, _ := app.SectionByKey(key)
	return strings.TrimSpace(si.English + " " + si.Chinese)
}

// Table turns the comparison into strings: a section column, then one
// column per resolution whose cells are CellText of its clauses.
func (s *SideBySide) Table() *Table {
	t := &Table{Name: NameSideBySide, Title: "Side by side", Columns: []Column{{ID: "section", Title: "Section"}}}
	var nums []string
	for _, h := range s.Resolutions {
		n := strconv.Itoa(h.Number)
		nums = append(nums, n)
		t.Columns = append(t.Columns, Column{ID: "res-" + n, Title: "Res " + n + " " + h.Title, Long: true, Data: true})
	}
	t.Title += ": Res " + strings.Join(nums, ", ")
	for _, r := range s.Rows {
		row := []string{r.Heading}
		for _, cs := range r.Cells {
			row = append(row, CellText(cs))
		}
		t.Rows = append(t.Rows, row)
	}
	t.Res = make([]int, len(t.Rows))
	return t
}

// CellText writes clauses one per line as "label text", indented two
// spaces per depth. Each block (a new addressee, or a repeated section
// such as Res 54's second 责成) starts with its addressee line, and blocks
// are separated by a blank line.
func CellText(cs []app.Clause) string {
	var b strings.Builder
	prev := ""
	for i, c := range cs {
		blk := block(c)
		if i == 0 || blk != prev {
			if i > 0 {
				b.WriteString("\n\n")
			}
			if c.Addressee != "" {
				b.WriteString(c.Addressee)
				b.WriteString("\n")
			}
		} else {
			b.WriteString("\n")
		}
		prev = blk
		b.WriteString(strings.Repeat("  ", c.Depth))
		if c.Label != "" {
			b.WriteString(c.Label)
			b.WriteString(" ")
		}
		b.WriteString(c.Text)
	}
	return b.String()
}

// block identifies the heading block a clause belongs to: the section part
// of its ID ("instructs.2" in "54/instructs.2/1") and its addressee.
func block(c app.Clause) string {
	parts := strings.SplitN(c.ID, "/", 3)
	sec := c.Section
	if len(parts) == 3 {
		sec = parts[1]
	}
	return sec + "\x00" + c.Heading + "\x00" + c.Addressee
}
