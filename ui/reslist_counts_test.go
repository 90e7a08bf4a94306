package ui

import (
	"regexp"
	"strconv"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

var countRe = regexp.MustCompile(`\((\d+)\)$`)

// optionCount is the count an option's label promises.
func optionCount(t *testing.T, label string) int {
	t.Helper()
	m := countRe.FindStringSubmatch(label)
	if m == nil {
		t.Fatalf("option %q has no count", label)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestFilterCountsFollowOtherFilters: with a status chosen, a search typed,
// or both, every option of every filter promises exactly the number of
// resolutions the list shows once it is chosen.
func TestFilterCountsFollowOtherFilters(t *testing.T) {
	f := newGUIFixture(t)
	l := f.m.resList
	for _, c := range []struct {
		name   string
		status int
		query  string
	}{
		{"no other filter", 0, ""},
		{"status New", 1, ""},
		{"status Revised", 2, ""},
		{"search 发展中国家", 0, "发展中国家"},
		{"search and status", 2, "电信"},
	} {
		t.Run(c.name, func(t *testing.T) {
			l.clearFilters()
			l.status.SetSelectedIndex(c.status)
			if c.query != "" {
				test.Type(l.search, c.query)
			}
			checked := 0
			for _, s := range []*widget.Select{l.itud, l.wtdc, l.bureau, l.status} {
				keep := s.SelectedIndex()
				for i := range s.Options {
					want := optionCount(t, s.Options[i])
					s.SetSelectedIndex(i)
					if got := len(f.listed()); got != want {
						t.Errorf("%q promised %d, the list shows %d", s.Selected, want, got)
					}
					checked++
				}
				s.SetSelectedIndex(keep)
			}
			if checked < 10 {
				t.Fatalf("only %d options checked", checked)
			}
		})
	}
	// The ITU-D SG2 count follows the status: it must differ somewhere.
	l.clearFilters()
	sg2 := -1
	for i, k := range l.itudKeys {
		if k == "ITU-D SG2" {
			sg2 = i
		}
	}
	if sg2 < 0 {
		t.Fatal("no ITU-D SG2 option")
	}
	all := optionCount(t, l.itud.Options[sg2])
	differs := false
	for i := 1; i < len(l.status.Options); i++ {
		l.status.SetSelectedIndex(i)
		if optionCount(t, l.itud.Options[sg2]) != all {
			differs = true
		}
	}
	if !differs {
		t.Errorf("ITU-D SG2 counts %d whatever the status", all)
	}
}

// TestClearFiltersAtHand: the Clear filters button shows beside the count
// whenever a filter or a search is set, and clears them.
func TestClearFiltersAtHand(t *testing.T) {
	f := newGUIFixture(t)
	l := f.m.resList
	if l.clearAll.Visible() {
		t.Error("Clear filters shows with no filter set")
	}
	l.itud.SetSelectedIndex(1)
	if !l.clearAll.Visible() || len(f.listed()) == 0 {
		t.Fatalf("a filter listing %d resolutions: Clear filters visible %v", len(f.listed()), l.clearAll.Visible())
	}
	test.Tap(l.clearAll)
	if l.itud.SelectedIndex() != 0 || len(f.listed()) != len(f.m.corpus.list) || l.clearAll.Visible() {
		t.Errorf("after Clear filters: ITU-D option %d, %d listed, button visible %v", l.itud.SelectedIndex(), len(f.listed()), l.clearAll.Visible())
	}
	test.Type(l.search, "网络")
	if !l.clearAll.Visible() {
		t.Error("Clear filters hidden while a search is typed")
	}
}
