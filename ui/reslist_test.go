package ui

import (
	"strconv"
	"strings"
	"testing"

	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// drawnRows are the resolution numbers the list's visible rows show, top
// to bottom (widget.List keeps its rows in that order).
func (f *guiFixture) drawnRows(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, o := range test.LaidOutObjects(f.m.resList.list) {
		if r, ok := o.(*resRow); ok && r.Visible() {
			out = append(out, r.num.Text)
		}
	}
	return out
}

// TestListRowsAfterEsc: clearing a search brings back every row, the
// first one included, from the top (it used to stay blank at 1920 px).
func TestListRowsAfterEsc(t *testing.T) {
	f := newGUIFixture(t)
	f.win.Resize(fyne.NewSize(1920, 1080))
	f.m.OpenResolution(58, "")
	s := f.m.resList.search
	test.Type(s, "IPv6")
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	got := f.drawnRows(t)
	if len(got) < 5 {
		t.Fatalf("after Esc the list draws %d rows: %v", len(got), got)
	}
	for i, text := range got {
		if want := resName(f.listed()[i]); text != want {
			t.Fatalf("after Esc row %d draws %q, want %q (rows %v)", i, text, want, got)
		}
	}
	if off := f.m.resList.list.GetScrollOffset(); off != 0 {
		t.Errorf("after Esc the list is scrolled to %g, want the top", off)
	}
	if row := f.m.resList.selRow; row < 0 || f.listed()[row] != 58 {
		t.Errorf("after Esc the selected row is %d, want Res 58's", row)
	}
}

// TestFilterScrollsToTop: a new filter or query shows its answer from
// the first row; no answer shows a hint and a button that clears it all.
func TestFilterScrollsToTop(t *testing.T) {
	f := newGUIFixture(t)
	f.win.Resize(fyne.NewSize(1000, 600))
	l := f.m.resList
	l.list.ScrollToBottom()
	if l.list.GetScrollOffset() == 0 {
		t.Fatal("the list does not scroll")
	}
	l.status.SetSelectedIndex(3) // Unchanged
	if off := l.list.GetScrollOffset(); off != 0 {
		t.Errorf("after choosing a status the list is scrolled to %g, want the top", off)
	}
	if got := f.drawnRows(t); len(got) == 0 || got[0] != resName(f.listed()[0]) {
		t.Errorf("after choosing a status the list draws %v first, want %d", got, f.listed()[0])
	}
	if l.empty.Visible() {
		t.Error("the no-match hint shows over a list with rows")
	}
	test.Type(l.search, "量子引力波")
	if len(f.listed()) != 0 {
		t.Fatalf("the search finds %v; want nothing", f.listed())
	}
	if !l.empty.Visible() {
		t.Fatal("no hint when nothing matches")
	}
	for _, o := range test.LaidOutObjects(l.empty) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Clear filters" {
			t.Error("the hint has a second Clear filters button")
		}
	}
	if !l.clearAll.Visible() {
		t.Fatal("no Clear filters at hand when nothing matches")
	}
	test.Tap(l.clearAll)
	if got := len(f.listed()); got != len(f.m.corpus.list) || l.search.Text != "" || l.status.SelectedIndex() != 0 {
		t.Errorf("Clear filters: %d listed, search %q, status %d", got, l.search.Text, l.status.SelectedIndex())
	}
	if l.empty.Visible() {
		t.Error("the hint stays after Clear filters")
	}
}

// TestStudyGroupFilterTakesQuestions: ITU-D SG2 lists the resolutions
// citing SG2 or any of its Questions (Res 50 cites ITU-D Q3/2).
func TestStudyGroupFilterTakesQuestions(t *testing.T) {
	f := newGUIFixture(t)
	l := f.m.resList
	for i, key := range l.itudKeys {
		sg, ok := strings.CutPrefix(key, "ITU-D SG")
		if !ok {
			continue
		}
		want := map[int]bool{}
		for _, e := range f.m.corpus.entities {
			if e.Key == key || e.Kind == app.RefITUDQuestion && strings.HasSuffix(e.Key, "/"+sg) {
				for _, c := range e.Citations {
					want[c.Number] = true
				}
			}
		}
		l.itud.SetSelectedIndex(i)
		got := f.listed()
		if len(got) != len(want) {
			t.Errorf("%s lists %v, want the %d resolutions citing it or its Questions", key, got, len(want))
		}
		for _, n := range got {
			if !want[n] {
				t.Errorf("%s lists %d, which cites neither it nor its Questions", key, n)
			}
		}
		if !strings.Contains(l.itud.Selected, "("+strconv.Itoa(len(want))+")") {
			t.Errorf("option %q does not count the %d resolutions it lists", l.itud.Selected, len(want))
		}
		if sg == "2" && !want[50] {
			t.Errorf("ITU-D SG2 leaves out Res 50")
		}
	}
}

func TestResolutionNumberQuery(t *testing.T) {
	for _, c := range []struct {
		q    string
		want int
	}{
		{"72", 72}, {" 72 ", 72}, {"第72号", 72}, {"第72号决议", 72}, {"72号决议", 72}, {"决议72", 72},
		{"Res 72", 72}, {"res72", 72}, {"Res. 72", 72}, {"Resolution 72", 72}, {"WTSA Res 72", 72},
		{"WTSA-20 Resolution 72", 72}, {"#72", 72}, {"第 72 号决议", 72},
		{"ITU-T", 0}, {"72 73", 0}, {"Q3/2", 0}, {"0", 0}, {"2020年", 0}, {"", 0},
	} {
		n, ok := resNumberQuery(c.q)
		if c.want == 0 && ok || c.want != 0 && (!ok || n != c.want) {
			t.Errorf("resNumberQuery(%q) = %d, %v; want %d", c.q, n, ok, c.want)
		}
	}
}

// TestSearchByNumber: a query naming a resolution lists it first.
func TestSearchByNumber(t *testing.T) {
	f := newGUIFixture(t)
	s := f.m.resList.search
	for _, q := range []string{"72", "第72号", "Res 72", "第44号决议"} {
		s.SetText("")
		test.Type(s, q)
		want, _ := resNumberQuery(q)
		got := f.listed()
		if len(got) == 0 || got[0] != want {
			t.Errorf("%q lists %v, want %d first", q, got, want)
		}
		seen := map[int]bool{}
		for _, n := range got {
			if seen[n] {
				t.Errorf("%q lists %d twice: %v", q, n, got)
			}
			seen[n] = true
		}
	}
	// Enter opens it.
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.m.cur.res != 44 {
		t.Errorf("Enter after 第44号决议 opened %d", f.m.cur.res)
	}
	// Filters still apply: 72 is revised, so Unchanged leaves it out.
	f.m.resList.status.SetSelectedIndex(3)
	s.SetText("")
	test.Type(s, "72")
	for _, n := range f.listed() {
		if n == 72 {
			t.Errorf("status Unchanged lists Res 72 (%s)", f.m.corpus.byNum[72].Status)
		}
	}
}

func TestCountPlurals(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	setupLanguage(langEnglish)
	t.Cleanup(func() { setupLanguage(langSystem) })
	f := newGUIFixture(t)
	s := f.m.resList.search
	test.Type(s, "IPv6")
	if n := len(f.listed()); n != 1 {
		t.Fatalf("IPv6 lists %v; the test wants one hit", f.listed())
	}
	if got := f.m.resList.count.Text; got != "1 resolution matches" {
		t.Errorf("count says %q", got)
	}
	s.SetText("")
	test.Type(s, "发展中国家")
	if got, want := f.m.resList.count.Text, strconv.Itoa(len(f.listed()))+" resolutions match"; got != want {
		t.Errorf("count says %q, want %q", got, want)
	}
}
