package ui

import (
	"briefdesk/app"
	"briefdesk/ui/tables"
)

// Test-only helpers: what a person does by choosing in a select, or reads
// off the screen, and counts tests compare with.

// citingResolutions is how many resolutions cite e.
func citingResolutions(e app.Entity) int {
	seen := map[int]bool{}
	for _, c := range e.Citations {
		seen[c.Number] = true
	}
	return len(seen)
}

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
