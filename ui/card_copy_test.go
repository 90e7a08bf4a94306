package ui

import (
	"strings"
	"testing"

	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
)

// nestedClause is the first clause of resolution n under another one
// (item i) under item 2), and the label of the clause it sits under.
func nestedClause(t *testing.T, f *guiFixture, n int) (app.Clause, string) {
	t.Helper()
	r := f.m.corpus.byNum[n]
	for i, c := range r.Clauses {
		if c.Depth == 1 && i > 0 && r.Clauses[i-1].Depth == 0 {
			return c, r.Clauses[i-1].Label
		}
	}
	t.Fatalf("resolution %d has no nested clause", n)
	return app.Clause{}, ""
}

// menuItem runs the item labelled label of row i's context menu.
func menuItem(t *testing.T, d *docView, i int, label string) {
	t.Helper()
	m := d.rowMenu(i)
	if m == nil {
		t.Fatalf("row %d has no context menu", i)
	}
	var labels []string
	for _, it := range m.Items {
		if it.Label == label {
			it.Action()
			return
		}
		labels = append(labels, it.Label)
	}
	t.Fatalf("row %d's menu has no %q: %q", i, label, labels)
}

// TestCopyFromCard: a clause copies with its reference from the keyboard
// (Ctrl+C on the focused row), its copy button and its context menu; a
// heading copies its clauses; the title copies the whole resolution.
func TestCopyFromCard(t *testing.T) {
	for _, c := range []struct {
		name, lang string
		ref        func(parent, label string) string // the reference of the nested clause
		heading    string                            // first line of the heading's copy
		title      string                            // first line of the whole card's copy
		copied     string                            // the confirmation's start
	}{
		{"English", langEnglish, func(p, l string) string { return "WTSA-20 Resolution 44 resolves " + p + " " + l + ": " },
			"WTSA-20 Resolution 44 做出决议 (resolves):", "WTSA-20 Resolution 44", "Copied: "},
		{"Chinese", langChinese, func(p, l string) string { return "WTSA-20 第44号决议 做出决议 " + p + " " + l + "：" },
			"WTSA-20 第44号决议 做出决议：", "WTSA-20 第44号决议", "已复制："},
	} {
		t.Run(c.name, func(t *testing.T) {
			setupLanguage(c.lang)
			t.Cleanup(func() { setupLanguage(langEnglish) })
			f := newGUIFixture(t)
			clip := f.app.Clipboard()
			f.m.OpenResolution(44, "")
			d := f.m.card
			cl, parent := nestedClause(t, f, 44)
			want := c.ref(parent, cl.Label) + cl.Text
			i := rowOfClause(t, d, cl.ID)
			w := liveRow(t, d, i)

			// Keyboard: the row takes the focus, Ctrl+C copies it.
			if w.Disabled() {
				t.Fatal("a clause row cannot take the focus")
			}
			f.win.Canvas().Focus(w)
			if f.win.Canvas().Focused() != w {
				t.Fatal("the clause row did not take the focus")
			}
			w.TypedShortcut(&fyne.ShortcutCopy{})
			if got := clip.Content(); got != want {
				t.Errorf("Ctrl+C copied %q, want %q", got, want)
			}
			if s := f.m.status.Text; !strings.HasPrefix(s, c.copied) || !strings.Contains(s, "44") {
				t.Errorf("after copying, the card's bar says %q", s)
			}

			// The copy button beside the note button.
			clip.SetContent("")
			if w.copyBtn == nil || !w.copyBtn.Visible() {
				t.Fatal("the clause row has no copy button")
			}
			m := d.ms.Get(styleOf(rowClause).size)
			for _, ln := range d.laid[i].lines {
				if end := d.laid[i].textX + m.Width(cl.Text[ln.Start:ln.End]); end > w.copyBtn.Position().X {
					t.Errorf("the clause's text runs to %g, into the copy button at %g", end, w.copyBtn.Position().X)
				}
			}
			test.Tap(w.copyBtn)
			if got := clip.Content(); got != want {
				t.Errorf("the copy button copied %q, want %q", got, want)
			}

			// Right click opens a menu; its heading item copies the section.
			test.TapSecondary(w)
			if f.win.Canvas().Overlays().Top() == nil {
				t.Error("a right click on a clause shows no menu")
			}
			dismissOverlays(f.win)
			menuItem(t, d, i, lang.L("Copy this heading's clauses"))
			got := clip.Content()
			lines := strings.Split(got, "\n")
			if lines[0] != c.heading {
				t.Errorf("the heading's copy starts %q, want %q", lines[0], c.heading)
			}
			for _, x := range f.m.corpus.byNum[44].Clauses {
				if x.Section == "resolves" && !strings.Contains(got, x.Label+" "+x.Text) {
					t.Errorf("the heading's copy lacks clause %s", x.ID)
				}
				if x.Section == "instructs" && strings.Contains(got, x.Text) {
					t.Errorf("the heading's copy has clause %s of another heading", x.ID)
				}
			}

			// The title row copies the whole card.
			menuItem(t, d, 0, lang.L("Copy the whole resolution"))
			got = clip.Content()
			if !strings.HasPrefix(got, c.title+"\n"+f.m.corpus.byNum[44].Title+"\n") {
				t.Errorf("the whole card's copy starts %q", firstLines(got, 2))
			}
			for _, x := range f.m.corpus.byNum[44].Clauses {
				if !strings.Contains(got, x.Text) {
					t.Errorf("the whole card's copy lacks clause %s", x.ID)
				}
			}
		})
	}
}

func firstLines(s string, n int) string {
	return strings.Join(strings.SplitN(s, "\n", n+1)[:min(n, strings.Count(s, "\n")+1)], "\n")
}

// TestFocusMovesBetweenRows: Up and Down move the focus from clause to
// clause, skipping rows with nothing to copy.
func TestFocusMovesBetweenRows(t *testing.T) {
	f := newGUIFixture(t)
	f.m.OpenResolution(44, "")
	d := f.m.card
	i := rowOfClause(t, d, "44/resolves/1")
	w := liveRow(t, d, i)
	f.win.Canvas().Focus(w)
	w.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	got, ok := f.win.Canvas().Focused().(*rowWidget)
	if !ok || got.id != i+1 || d.focusRow != i+1 {
		t.Fatalf("Down from row %d focuses %v (focusRow %d), want row %d", i, f.win.Canvas().Focused(), d.focusRow, i+1)
	}
	got.TypedShortcut(&fyne.ShortcutCopy{})
	if c := f.app.Clipboard().Content(); !strings.Contains(c, d.rows[i+1].text) {
		t.Errorf("Ctrl+C after Down copied %q, want row %d", c, i+1)
	}
}

// liveRow scrolls d so row i is drawn and returns the row widget the
// list shows it with now (test.LaidOutObjects may also return a widget
// the list has put back in its pool, which cannot take the focus).
func liveRow(t *testing.T, d *docView, i int) *rowWidget {
	t.Helper()
	d.scrollTo(i)
	var found *rowWidget
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		if r, ok := o.(*rowWidget); ok {
			if r.id == i && r.Visible() {
				found = r
			}
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, k := range x.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(x).Objects() {
				walk(k)
			}
		}
	}
	walk(d)
	if found == nil {
		t.Fatalf("row %d is not drawn after scrolling to it", i)
	}
	return found
}
