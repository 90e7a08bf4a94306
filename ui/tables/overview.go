package tables

import (
	"slices"
	"strconv"
	"strings"

	"briefdesk/app"
)

// Overview column ids.
const (
	ColNumber      = "number"
	ColStatus      = "status"
	ColTitle       = "title"
	ColTitleTable1 = "title-table1"
	ColSummary     = "summary"
	ColITUDRefs    = "itu-d-refs"
	ColWTDC        = "wtdc-resolutions"
	ColBureaus     = "bureaus"
	ColClauses     = "clauses"
	ColITUD        = "itu-d-clauses"
	ColBDT         = "bdt-clauses"
)

// OverviewColumns lists every column the overview can show, in order.
var OverviewColumns = []Column{
	{ID: ColNumber, Title: "No."},
	{ID: ColStatus, Title: "Status"},
	{ID: ColTitle, Title: "Title", Long: true},
	{ID: ColTitleTable1, Title: "Title (Table 1)", Long: true},
	{ID: ColSummary, Title: "Summary", Long: true},
	{ID: ColITUDRefs, Title: "ITU-D study groups and Questions"},
	{ID: ColWTDC, Title: "WTDC resolutions"},
	{ID: ColBureaus, Title: "Bureaus named"},
	{ID: ColClauses, Title: "Clauses"},
	{ID: ColITUD, Title: "Clauses addressing or naming ITU-D"},
	{ID: ColBDT, Title: "Clauses addressed to BDT"},
}

// DefaultOverviewColumns are the columns shown until a person chooses.
var DefaultOverviewColumns = []string{
	ColNumber, ColStatus, ColTitle, ColSummary, ColITUDRefs, ColWTDC, ColBureaus, ColITUD,
}

// OverviewOptions chooses what the overview shows.
type OverviewOptions struct {
	Columns []string             // column ids in display order; nil for DefaultOverviewColumns
	Filter  app.ResolutionFilter // as the resolution list filters
	SortBy  string               // column id; "" keeps resolution order
	Desc    bool
}

// Overview builds the document's Table 1 (number, status, title, summary)
// with columns derived from the references and clauses: which ITU-D study
// groups and Questions, WTDC resolutions and bureaus a resolution cites,
// and how many of its clauses concern ITU-D. The clause counts need rs
// loaded with clauses. Unknown column ids are EINVALID.
func Overview(rs []app.Resolution, o OverviewOptions) (*Table, error) {
	ids := o.Columns
	if ids == nil {
		ids = DefaultOverviewColumns
	}
	cols, err := overviewColumns(ids)
	if err != nil {
		return nil, err
	}
	shown := len(cols)
	if o.SortBy != "" && !slices.ContainsFunc(cols, func(c Column) bool { return c.ID == o.SortBy }) {
		// Sorting by a hidden column: build it, sort, then drop it.
		c, ok := OverviewColumn(o.SortBy)
		if !ok {
			return nil, app.Errorf(app.EINVALID, "cannot sort the overview by unknown column %q", o.SortBy)
		}
		cols = append(cols, c)
	}
	t := &Table{Name: NameOverview, Title: "Overview of the WTSA-20 resolutions", Columns: cols}
	for _, r := range Filter(rs, o.Filter) {
		row := make([]string, len(cols))
		for i, c := range cols {
			row[i] = overviewCell(&r, c.ID)
		}
		t.Rows = append(t.Rows, row)
		t.Res = append(t.Res, r.Number)
	}
	if o.SortBy != "" {
		if err := t.Sort(o.SortBy, o.Desc); err != nil {
			return nil, err
		}
	}
	t.Columns = t.Columns[:shown]
	for i := range t.Rows {
		t.Rows[i] = t.Rows[i][:shown]
	}
	return t, nil
}

func overviewColumns(ids []string) ([]Column, error) {
	if len(ids) == 0 {
		return nil, app.Errorf(app.EINVALID, "choose at least one column for the overview")
	}
	cols := make([]Column, 0, len(ids))
	seen := map[string]bool{}
	for _, id := range ids {
		c, ok := OverviewColumn(id)
		if !ok {
			known := make([]string, len(OverviewColumns))
			for i, c := range OverviewColumns {
				known[i] = c.ID
			}
			return nil, app.Errorf(app.EINVALID, "unknown overview column %q: want %s", id, strings.Join(known, ", "))
		}
		if !seen[id] {
			seen[id] = true
			cols = append(cols, c)
		}
	}
	return cols, nil
}

// OverviewColumn returns the overview column with the given id.
func OverviewColumn(id string) (Column, bool) {
	for _, c := range OverviewColumns {
		if c.ID == id {
			return c, true
		}
	}
	return Column{}, false
}

func overviewCell(r *app.Resolution, id string) string {
	switch id {
	case ColNumber:
		return strconv.Itoa(r.Number)
	case ColStatus:
		return string(r.Status)
	case ColTitle:
		return r.DisplayTitle()
	case ColTitleTable1:
		if r.TitleTable1 != "" {
			return r.TitleTable1
		}
		return r.Title
	case ColSummary:
		return r.Summary
	case ColITUDRefs:
		return strings.Join(RefKeys(r, app.RefITUDSG, app.RefITUDQuestion), "; ")
	case ColWTDC:
		return strings.Join(RefKeys(r, app.RefWTDCResolution), "; ")
	case ColBureaus:
		return strings.Join(RefKeys(r, app.RefBureau), "; ")
	case ColClauses:
		return strconv.Itoa(len(r.Clauses))
	case ColITUD:
		return strconv.Itoa(countClauses(r, app.Clause.AddressesITUD))
	case ColBDT:
		return strconv.Itoa(countClauses(r, app.Clause.AddressedToBDT))
	}
	return ""
}

func countClauses(r *app.Resolution, keep func(app.Clause) bool) int {
	n := 0
	for _, c := range r.Clauses {
		if keep(c) {
			n++
		}
	}
	return n
}

// RefKeys returns the distinct keys r cites (in clauses, title or summary)
// of the given kinds: kind by kind in the order given, each naturally sorted.
func RefKeys(r *app.Resolution, kinds ...app.RefKind) []string {
	var out []string
	for _, k := range kinds {
		seen := map[string]bool{}
		var keys []string
		for _, ref := range r.Refs {
			if ref.Kind == k && !seen[ref.Key] {
				seen[ref.Key] = true
				keys = append(keys, ref.Key)
			}
		}
		SortKeys(keys)
		out = append(out, keys...)
	}
	return out
}

// Filter returns the resolutions f selects (app.ResolutionFilter.Selects),
// in their order. f.Full is ignored.
// This is the resolution list's filter, applied to resolutions in memory.
func Filter(rs []app.Resolution, f app.ResolutionFilter) []app.Resolution {
	var out []app.Resolution
	for _, r := range rs {
		if f.Selects(&r) {
			out = append(out, r)
		}
	}
	return out
}
