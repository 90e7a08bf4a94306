package ui

import (
	"fmt"

	"briefdesk/app"
	"briefdesk/ui/tables"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
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

	ctl    []fyne.CanvasObject
	rows   *fyne.Container // VBox of section rows
	scroll *container.Scroll
	hint   *widget.Label
}

func newTablesSide(v *tablesView) *tablesSide {
	s := &tablesSide{v: v, rows: container.NewVBox()}
	for i := range s.picks {
		s.picks[i] = &widget.Select{PlaceHolder: lang.L("Pick a resolution"), OnChanged: func(string) { s.rebuild() }}
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
func (s *tablesSide) body() fyne.CanvasObject {
	return container.NewBorder(s.hint, nil, nil, nil, s.scroll)
}

func (s *tablesSide) setData(rs []app.Resolution) {
	s.rs = rs
	opts := []string{"—"}
	for _, r := range rs {
		opts = append(opts, fmt.Sprintf("%d  %s", r.Number, tables.Truncate(r.DisplayTitle(), 24)))
	}
	for _, p := range s.picks {
		p.SetOptions(opts)
	}
}

// pick selects resolution n in picker i (tests use it; so could a
// "compare with…" action elsewhere).
func (s *tablesSide) pick(i, n int) {
	for k, r := range s.rs {
		if r.Number == n {
			s.picks[i].SetSelectedIndex(k + 1)
		}
	}
}

// picked returns the chosen resolutions, in picker order.
func (s *tablesSide) picked() []app.Resolution {
	var out []app.Resolution
	for _, p := range s.picks {
		if i := p.SelectedIndex(); i > 0 && i <= len(s.rs) {
			out = append(out, s.rs[i-1])
		}
	}
	return out
}

func (s *tablesSide) rebuild() {
	defer s.v.updateCount()
	s.s = nil
	s.rows.Objects = nil
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
		head[i] = tablesLabel(tablesResName(h.Number)+"  "+h.Title, true, fyne.TextTruncateOff, fyne.TextWrapWord)
	}
	s.rows.Add(container.NewGridWithColumns(len(head), head...))
	for _, r := range sb.Rows {
		s.rows.Add(widget.NewSeparator())
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
	for i := range picked {
		for j := range i {
			if picked[i].Number == picked[j].Number {
				return lang.L("Resolution {{.N}} is picked twice: pick a different one.", map[string]any{"N": picked[i].Number})
			}
		}
	}
	return ""
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
		id := c.ID
		box.Add(newTablesPara(c.Label, c.Text, c.Depth, false, func() {
			if s.v.env != nil && s.v.env.Nav != nil {
				s.v.env.Nav.OpenResolution(n, id, "")
			}
		}))
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
