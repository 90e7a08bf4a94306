package ui

import (
	"fmt"

	"briefdesk/app"
	"briefdesk/ui/tables"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// sideMax is how many resolutions the side-by-side view compares at most.
const sideMax = 4

// tablesSide lines up the sections of 2 to 4 resolutions: one row per
// section, one column per resolution. Unlike the other tables it shows
// whole clauses, each its own short wrapped label, because reading them
// against each other is the point; the few resolutions picked keep that
// cheap.
type tablesSide struct {
	v     *tablesView
	rs    []app.Resolution
	picks [sideMax]*widget.Select
	s     *tables.SideBySide
	// opts are every resolution's choice, "—" first; num maps a choice
	// back to its resolution.
	opts []string
	num  map[string]int

	ctl    []fyne.CanvasObject
	head   *fyne.Container // the compared resolutions, above the scroll
	rows   *fyne.Container // VBox of section rows
	scroll *container.Scroll
	hint   *widget.Label
}

func newTablesSide(v *tablesView) *tablesSide {
	s := &tablesSide{v: v, rows: container.NewVBox(), head: container.NewStack()}
	for i := range s.picks {
		s.picks[i] = &widget.Select{PlaceHolder: lang.L("Pick a resolution"), OnChanged: func(string) { s.onPick() }}
		s.ctl = append(s.ctl, tablesWide(s.picks[i], 190))
	}
	s.hint = widget.NewLabel(lang.L("Pick 2 to 4 resolutions to compare."))
	s.scroll = container.NewVScroll(s.rows)
	return s
}

func (s *tablesSide) controls() []fyne.CanvasObject { return s.ctl }

// count is "Resolutions side by side: 3 · sections: 9".
func (s *tablesSide) count() string {
	if s.s == nil {
		return lang.L("Resolutions picked: {{.N}} of {{.Max}}", map[string]any{"N": len(s.picked()), "Max": sideMax})
	}
	return lang.L("Resolutions side by side: {{.N}} · sections: {{.S}}", map[string]any{"N": len(s.s.Resolutions), "S": len(s.s.Rows)})
}

// body keeps the compared resolutions' names above the scrolled sections,
// so a reader far down still sees which column is which.
func (s *tablesSide) body() fyne.CanvasObject {
	return container.NewBorder(container.NewVBox(s.hint, s.head), nil, nil, nil, s.scroll)
}

func (s *tablesSide) setData(rs []app.Resolution) {
	s.rs = rs
	s.opts = []string{sideNone}
	s.num = map[string]int{}
	for _, r := range rs {
		o := fmt.Sprintf("%d  %s", r.Number, tables.Truncate(r.DisplayTitle(), 24))
		s.opts = append(s.opts, o)
		s.num[o] = r.Number
	}
	s.offer()
}

// sideNone is the choice that empties a picker.
const sideNone = "—"

// offer gives each picker every resolution but those the others hold,
// so the same resolution cannot be picked twice.
func (s *tablesSide) offer() {
	for i, p := range s.picks {
		var opts []string
		for _, o := range s.opts {
			taken := false
			for j, q := range s.picks {
				taken = taken || j != i && o != sideNone && q.Selected == o
			}
			if !taken {
				opts = append(opts, o)
			}
		}
		p.SetOptions(opts)
	}
}

func (s *tablesSide) onPick() {
	s.offer()
	s.rebuild()
}

// picked returns the chosen resolutions, in picker order.
func (s *tablesSide) picked() []app.Resolution {
	var out []app.Resolution
	for _, p := range s.picks {
		n, ok := s.num[p.Selected]
		if !ok {
			continue
		}
		for _, r := range s.rs {
			if r.Number == n {
				out = append(out, r)
			}
		}
	}
	return out
}

func (s *tablesSide) rebuild() {
	defer s.v.updateCount()
	s.s = nil
	s.rows.Objects = nil
	s.head.Objects = nil
	defer s.head.Refresh()
	picked := s.picked()
	if hint := sideHint(picked); hint != "" {
		s.hint.SetText(hint)
		s.rows.Refresh()
		return
	}
	sb, err := tables.NewSideBySide(picked)
	if err != nil { // sideHint catches what the person can cause
		fyne.LogError("tables: side by side", err)
		s.hint.SetText(app.ErrorMessage(err))
		s.rows.Refresh()
		return
	}
	s.hint.SetText(lang.L("Sections line up in rows; tap a clause to open it."))
	s.s = sb
	head := make([]fyne.CanvasObject, len(sb.Resolutions))
	for i, h := range sb.Resolutions {
		// Two lines at most: the names stay in view, the sections scroll.
		l := uiw.NewClampedText(tablesMeasurers.Get(theme.TextSize()), 2, 2)
		l.Bold = true
		l.SetText(tablesResName(h.Number) + "  " + h.Title)
		head[i] = l
	}
	s.head.Objects = []fyne.CanvasObject{container.NewVBox(container.NewGridWithColumns(len(head), head...), widget.NewSeparator())}
	for i, r := range sb.Rows {
		if i > 0 {
			s.rows.Add(widget.NewSeparator())
		}
		s.rows.Add(tablesLabel(sideHeading(r), true, fyne.TextTruncateOff, fyne.TextWrapOff))
		cells := make([]fyne.CanvasObject, len(r.Cells))
		for i, cs := range r.Cells {
			cells[i] = s.cell(sb.Resolutions[i].Number, cs)
		}
		s.rows.Add(container.NewGridWithColumns(len(cells), cells...))
	}
	s.rows.Refresh()
	s.scroll.ScrollToTop()
}

// sideHint says what to pick while the choice cannot be compared yet, or
// "" when it can.
func sideHint(picked []app.Resolution) string {
	switch len(picked) {
	case 0:
		return lang.L("Pick 2 to 4 resolutions to compare.")
	case 1:
		return lang.L("Pick one more resolution to compare with Resolution {{.N}}.", map[string]any{"N": picked[0].Number})
	}
	return "" // the pickers never offer a resolution twice (offer)
}

// sideHeading names a row as the cards name the section: the document's
// Chinese heading, with the English term in the English interface.
func sideHeading(r tables.SideRow) string {
	if r.Section == "other" {
		return sectionTitle(r.Section, r.Heading)
	}
	return sectionTitle(r.Section, "")
}

// cell is one resolution's clauses of one section: an addressee line
// where a block starts, then one paragraph per clause; tapping a clause
// opens it in its resolution's card.
func (s *tablesSide) cell(n int, cs []app.Clause) fyne.CanvasObject {
	box := container.NewVBox()
	prev := ""
	for _, c := range cs {
		if blk := c.Heading + "\x00" + c.Addressee; blk != prev && c.Addressee != "" {
			box.Add(newTablesPara("", c.Addressee, 0, true, nil))
		}
		prev = c.Heading + "\x00" + c.Addressee
		id, clause := c.ID, c
		p := newTablesPara(c.Label, c.Text, c.Depth, false, func() {
			if s.v.env != nil && s.v.env.Nav != nil {
				s.v.env.Nav.OpenResolution(n, id)
			}
		})
		p.onSecondary = func(at fyne.Position) { s.menu(p, n, clause, at) }
		box.Add(p)
	}
	return box
}

func (s *tablesSide) table() (*tables.Table, error) {
	if s.s == nil {
		_, err := tables.NewSideBySide(s.picked())
		if err == nil { // cannot happen: rebuild would have set s.s
			err = app.Errorf(app.EINTERNAL, "side-by-side table missing")
		}
		return nil, err
	}
	return s.s.Table(), nil
}

// menu is a clause's context menu: copy it with its reference, copy its
// section across the compared resolutions, open it.
func (s *tablesSide) menu(p *tablesPara, n int, c app.Clause, at fyne.Position) {
	cv := fyne.CurrentApp().Driver().CanvasForObject(p)
	if cv == nil {
		return
	}
	copyClause := fyne.NewMenuItem(lang.L("Copy clause"), func() {
		fyne.CurrentApp().Clipboard().SetContent(tablesCiteClauseText(s.resolution(n), c) + "\n")
		s.v.copied(1)
	})
	copySection := fyne.NewMenuItem(lang.L("Copy this section side by side"), func() { s.copySection(c) })
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", copyClause, copySection, fyne.NewMenuItemSeparator(),
		s.v.openItem(lang.L("Open clause"), n, c.ID)), cv, at)
}

// copySection copies the row of the comparison that holds c: a header
// line naming the compared resolutions, then the section's clauses of
// each, tab-separated, as a spreadsheet pastes them.
func (s *tablesSide) copySection(c app.Clause) {
	if s.s == nil {
		return
	}
	for _, row := range s.s.Rows {
		found := false
		for _, cs := range row.Cells {
			for _, x := range cs {
				found = found || x.ID == c.ID
			}
		}
		if !found {
			continue
		}
		header := []string{lang.L("Section")}
		cells := []string{sideHeading(row)}
		for i, h := range s.s.Resolutions {
			header = append(header, tablesCiteResolution(h.Number))
			cells = append(cells, tables.CellText(row.Cells[i]))
		}
		fyne.CurrentApp().Clipboard().SetContent(tables.TSV(header, [][]string{cells}))
		s.v.copied(1)
		return
	}
}

func (s *tablesSide) resolution(n int) *app.Resolution {
	for i := range s.rs {
		if s.rs[i].Number == n {
			return &s.rs[i]
		}
	}
	return nil
}
