package ui

import (
	"briefdesk/ui/tables"
)

// Test-only helpers of the Tables screen: what a person does by choosing
// in a select, or reads off the screen.

// show switches to the named table as the chooser does.
func (v *tablesView) show(name string) {
	for i, n := range tables.Names {
		if n == name {
			v.choice.SetSelectedIndex(i)
		}
	}
}

// pick chooses resolution n in picker i as a person does; a resolution
// another picker holds is not offered, and picking it does nothing.
func (s *tablesSide) pick(i, n int) {
	for _, o := range s.picks[i].Options {
		if s.num[o] == n && o != sideNone {
			s.picks[i].SetSelected(o)
		}
	}
}

// text is what the cell shows.
func (c *tablesCell) text() string {
	if c.lines.Visible() {
		return c.lines.Text()
	}
	return c.label.Text
}
