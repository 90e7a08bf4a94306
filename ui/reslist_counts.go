package ui

import (
	"strconv"

	"briefdesk/app"

	"fyne.io/fyne/v2/widget"
)

// The filters' counts: each option says how many resolutions the list
// would show if it were chosen, the other filters and the search staying
// as they are ("ITU-D SG2 (2)" while the status filter leaves two of the
// six). A count over the whole corpus promised rows the list then did not
// show.

// statuses are the status filter's options by index (0 is All).
var statuses = []app.Status{"", app.StatusNew, app.StatusRevised, app.StatusUnchanged}

// facet is one filter: its select, the keys of its options and the
// names they show before their counts.
type facet struct {
	s     *widget.Select
	keys  []string // "" for All
	names []string
}

func (l *resList) facets() []facet {
	ref := func(s *widget.Select, keys []string) facet {
		names := append([]string{l.statusNames[0]}, keys[1:]...)
		return facet{s, keys, names}
	}
	return []facet{
		{l.status, []string{"", "", "", ""}, l.statusNames},
		ref(l.itud, l.itudKeys),
		ref(l.wtdc, l.wtdcKeys),
		ref(l.bureau, l.burKeys),
	}
}

// updateCounts writes the counts into every filter's options; base is
// what the search finds (every resolution without a search).
func (l *resList) updateCounts(base []*app.Resolution) {
	fs := l.facets()
	st, _ := l.filterKeys()
	for fi, f := range fs {
		// The other filters' keys and status.
		var others []string
		ost := st
		if fi == 0 {
			ost = ""
		}
		for fj, g := range fs {
			if fj == 0 || fj == fi {
				continue
			}
			if i := g.s.SelectedIndex(); i > 0 && i < len(g.keys) {
				others = append(others, g.keys[i])
			}
		}
		// What the other filters leave, once per filter rather than
		// once per option.
		var left []*app.Resolution
		for _, r := range base {
			if passes(r, ost, others) {
				left = append(left, r)
			}
		}
		sel := f.s.SelectedIndex()
		for i := range f.s.Options {
			if i >= len(f.names) {
				break
			}
			n := 0
			for _, r := range left {
				switch {
				case fi == 0 && i > 0 && r.Status != statuses[i]:
					continue
				case fi > 0 && i > 0 && !r.Cites(f.keys[i]):
					continue
				}
				n++
			}
			f.s.Options[i] = f.names[i] + "  (" + strconv.Itoa(n) + ")"
		}
		// Selected names an option by its text: keep it on the same one.
		if sel >= 0 && sel < len(f.s.Options) {
			f.s.Selected = f.s.Options[sel]
		}
		f.s.Refresh()
	}
	l.clearAll.Hidden = !l.anyFilter()
	l.clearAll.Refresh()
}

// anyFilter reports whether a filter or a search is set.
func (l *resList) anyFilter() bool {
	if l.search.Text != "" {
		return true
	}
	for _, s := range []*widget.Select{l.status, l.itud, l.wtdc, l.bureau} {
		if s.SelectedIndex() > 0 {
			return true
		}
	}
	return false
}
