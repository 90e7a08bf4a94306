// Package tables builds BriefDesk's comparison tables as plain data: the
// overview of Table 1 with derived columns, the resolution x reference
// matrix, the side-by-side comparison of a few resolutions, and the list of
// what ITU-D is asked to do. Every table turns into a Table of strings that
// writes itself as CSV for Excel.
//
// Nothing here imports Fyne: the desktop screen (package ui) and the
// command line (briefdesk table ...) show the same tables, and tests check
// them without a window.
package tables

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"briefdesk/app"
)

// Names of the tables, as the command line takes them.
const (
	NameOverview   = "overview"
	NameMatrix     = "matrix"
	NameSideBySide = "side-by-side"
	NameITUD       = "itud"
)

// Names lists every table name in menu order.
var Names = []string{NameOverview, NameMatrix, NameSideBySide, NameITUD}

// Column is one column of a Table.
type Column struct {
	ID    string // stable id, for preferences and the command line
	Title string // header text (English; a user interface may translate it)
	// Long marks free text (titles, summaries, clause text) that a screen
	// should truncate in its cells and show in full elsewhere.
	Long bool
	// Data marks a title that is data (an entity key such as "WTDC Res
	// 22", a compared resolution), not a word of the interface: a screen
	// shows it as it is and never translates it.
	Data bool
}

// Table is a table as plain strings, ready to show or to write as CSV.
type Table struct {
	Name    string
	Title   string
	Columns []Column
	Rows    [][]string
	// Res is, for each row, the resolution it shows (0 for none), so a
	// user interface can open it whatever order the rows are in.
	Res []int
}

// Col returns the index of the column with the given id, or -1.
func (t *Table) Col(id string) int {
	for i, c := range t.Columns {
		if c.ID == id {
			return i
		}
	}
	return -1
}

// Header returns the column titles.
func (t *Table) Header() []string {
	h := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		h[i] = c.Title
	}
	return h
}

// Sort orders the rows by column id, descending if desc. Cells compare in
// natural order (app.NaturalCompare), so numbers and resolution numbers sort by value;
// empty cells go last either way, and ties keep their previous order, which
// for a fresh table is resolution order. An unknown id is EINVALID.
func (t *Table) Sort(id string, desc bool) error {
	c := t.Col(id)
	if c < 0 {
		return app.Errorf(app.EINVALID, "table %s has no column %q; rows left in their order", t.Name, id)
	}
	idx := make([]int, len(t.Rows))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := t.Rows[idx[i]][c], t.Rows[idx[j]][c]
		switch {
		case a == "" || b == "":
			return a != "" && b == ""
		case desc:
			return app.NaturalCompare(b, a) < 0
		default:
			return app.NaturalCompare(a, b) < 0
		}
	})
	rows := make([][]string, len(idx))
	res := make([]int, len(idx))
	for i, k := range idx {
		rows[i] = t.Rows[k]
		if k < len(t.Res) {
			res[i] = t.Res[k]
		}
	}
	t.Rows = rows
	if t.Res != nil {
		t.Res = res
	}
	return nil
}

// SortKeys sorts entity keys as every list does (app.CompareRefKeys:
// "WTDC Res 9" before "WTDC Res 59", Questions by study group first).
func SortKeys(keys []string) {
	slices.SortStableFunc(keys, app.CompareRefKeys)
}

// Truncate shortens s to its first line and at most n runes, ending with
// "…" when anything was cut, so a table cell never lays out a paragraph.
func Truncate(s string, n int) string {
	line, _, multi := strings.Cut(s, "\n")
	cut := multi
	if utf8.RuneCountInString(line) > n {
		r := []rune(line)
		line, cut = string(r[:max(n-1, 0)]), true
	}
	if cut {
		return strings.TrimRight(line, " ") + "…"
	}
	return line
}

// Build builds the named table from rs, the entry point of the command
// line. kind is the reference kind of a matrix and ignored otherwise; a
// side-by-side table compares all of rs. Tables that count or show clauses
// need rs loaded with clauses (app.ResolutionFilter.Full).
func Build(name string, kind app.RefKind, rs []app.Resolution) (*Table, error) {
	switch name {
	case NameOverview:
		return Overview(rs, OverviewOptions{})
	case NameMatrix:
		m, err := NewMatrix(rs, kind)
		if err != nil {
			return nil, err
		}
		return m.Table(), nil
	case NameSideBySide:
		s, err := NewSideBySide(rs)
		if err != nil {
			return nil, err
		}
		return s.Table(), nil
	case NameITUD:
		return ITUDTable(ITUD(rs)), nil
	}
	return nil, app.Errorf(app.EINVALID, "unknown table %q: want one of %s", name, strings.Join(Names, ", "))
}
