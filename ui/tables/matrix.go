package tables

import (
	"strconv"
	"strings"

	"briefdesk/app"
)

// TitleCitation is how a matrix cell shows a citation in a resolution's
// title or summary (a Ref with no ClauseID).
const TitleCitation = "title"

// Matrix crosses resolutions with the entities of one reference kind.
type Matrix struct {
	Kind app.RefKind
	Keys []string // the entities cited, naturally sorted: the columns
	Rows []MatrixRow
}

// MatrixRow is one citing resolution.
type MatrixRow struct {
	Number int
	Title  string
	// Cells[i] lists, in document order and without repeats, the clause
	// IDs citing Keys[i] ("" for the title or summary); nil if none does.
	Cells [][]string
}

// NewMatrix builds the matrix of rs against kind. Rows are the resolutions
// citing at least one entity of the kind, in the order of rs; an unknown
// kind is EINVALID.
func NewMatrix(rs []app.Resolution, kind app.RefKind) (*Matrix, error) {
	if !kind.Valid() {
		_, err := app.ParseRefKind(string(kind))
		return nil, err
	}
	m := &Matrix{Kind: kind}
	col := map[string]int{}
	for _, r := range rs {
		for _, ref := range r.Refs {
			if ref.Kind == kind {
				if _, ok := col[ref.Key]; !ok {
					col[ref.Key] = 0
					m.Keys = append(m.Keys, ref.Key)
				}
			}
		}
	}
	SortKeys(m.Keys)
	for i, k := range m.Keys {
		col[k] = i
	}
	for _, r := range rs {
		row := MatrixRow{Number: r.Number, Title: r.DisplayTitle(), Cells: make([][]string, len(m.Keys))}
		cited := false
		for _, ref := range r.Refs {
			if ref.Kind != kind {
				continue
			}
			i := col[ref.Key]
			if !contains(row.Cells[i], ref.ClauseID) {
				row.Cells[i] = append(row.Cells[i], ref.ClauseID)
			}
			cited = true
		}
		if cited {
			m.Rows = append(m.Rows, row)
		}
	}
	return m, nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Table turns the matrix into strings: number and title, then one column
// per key whose cells list the citing clause IDs separated by "; ".
func (m *Matrix) Table() *Table {
	t := &Table{
		Name:  NameMatrix,
		Title: "Resolutions x " + m.Kind.Label(),
		Columns: append([]Column{
			{ID: ColNumber, Title: "No."},
			{ID: ColTitle, Title: "Title", Long: true},
		}, make([]Column, len(m.Keys))...),
	}
	for i, k := range m.Keys {
		t.Columns[2+i] = Column{ID: k, Title: k, Data: true}
	}
	for _, r := range m.Rows {
		row := []string{strconv.Itoa(r.Number), r.Title}
		for _, ids := range r.Cells {
			row = append(row, CitationText(ids))
		}
		t.Rows = append(t.Rows, row)
		t.Res = append(t.Res, r.Number)
	}
	return t
}

// CitationText joins citing clause IDs for a cell, writing TitleCitation
// for a citation outside the clauses.
func CitationText(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		if id == "" {
			id = TitleCitation
		}
		out[i] = id
	}
	return strings.Join(out, "; ")
}
