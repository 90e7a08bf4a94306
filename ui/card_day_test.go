package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
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
			f.m.OpenResolution(44, "", "")
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
			m := d.ms.get(styleOf(rowClause).size)
			for _, ln := range d.laid[i].lines {
				if end := d.laid[i].textX + m.width(cl.Text[ln.Start:ln.End]); end > w.copyBtn.Position().X {
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
	f.m.OpenResolution(44, "", "")
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

// TestHitNavigation: F3 and Shift+F3 (and Enter in the search box) move
// through the card's hits, the bar says "hit 2 of N", and the card
// scrolls to the hit.
func TestHitNavigation(t *testing.T) {
	f := newGUIFixture(t)
	f.win.Resize(fyne.NewSize(1000, 600))
	s := f.m.resList.search
	const q = "发展中国家"
	f.m.OpenResolution(44, "", "")
	test.Type(s, q)
	d := f.m.card
	n := 0
	for _, r := range d.rows {
		n += strings.Count(r.text, q)
	}
	if n < 5 {
		t.Fatalf("card 44 has %d hits of %s; the test wants more", n, q)
	}
	if got, want := f.m.hitLabel.Text, "hit 1 of "+itoa(n); got != want {
		t.Fatalf("after the search the bar says %q, want %q", got, want)
	}
	f.m.win.Canvas().Unfocus()
	key := f.win.Canvas().OnTypedKey()
	key(&fyne.KeyEvent{Name: fyne.KeyF3})
	if got, want := f.m.hitLabel.Text, "hit 2 of "+itoa(n); got != want {
		t.Errorf("after F3 the bar says %q, want %q", got, want)
	}
	// The last hit is deep in the card: Shift+F3 from the first goes
	// round to it, and the card scrolls there.
	shiftHeld = func() bool { return true }
	t.Cleanup(func() { shiftHeld = func() bool { return false } })
	key(&fyne.KeyEvent{Name: fyne.KeyF3})
	key(&fyne.KeyEvent{Name: fyne.KeyF3})
	if got, want := f.m.hitLabel.Text, "hit "+itoa(n)+" of "+itoa(n); got != want {
		t.Errorf("after Shift+F3 twice the bar says %q, want %q", got, want)
	}
	if !rowInView(d, d.curHit.row) || d.list.GetScrollOffset() == 0 {
		t.Errorf("the last hit's row %d is not scrolled into view (offset %g)", d.curHit.row, d.list.GetScrollOffset())
	}
	shiftHeld = func() bool { return false }
	// Enter in the search box opens the first match, then moves through
	// its hits; F3 typed into the box moves too.
	f.m.win.Canvas().Focus(s)
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	first := f.m.resList.items[0].n
	m := 0
	for _, r := range d.rows {
		m += strings.Count(r.text, q)
	}
	if f.m.cur.res != first || f.m.hitLabel.Text != "hit 1 of "+itoa(m) {
		t.Fatalf("Enter in the search box: card %d, bar %q, want card %d and hit 1 of %d", f.m.cur.res, f.m.hitLabel.Text, first, m)
	}
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got, want := f.m.hitLabel.Text, "hit 2 of "+itoa(m); got != want || f.m.cur.res != first {
		t.Errorf("Enter again: card %d, bar %q, want %q", f.m.cur.res, got, want)
	}
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF3})
	if got, want := f.m.hitLabel.Text, "hit 3 of "+itoa(m); got != want || s.Text != q {
		t.Errorf("F3 in the search box: bar %q (want %q), search %q", got, want, s.Text)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestHighlightKeepsText: a highlighted hit draws the same text at the
// same places as without the highlight (Res 58 instructs 2 has Latin text,
// CIRT, before its hit, which used to push the hit right).
func TestHighlightKeepsText(t *testing.T) {
	type drawn struct {
		text  string
		pos   fyne.Position
		style fyne.TextStyle
	}
	texts := func(w *rowWidget) []drawn {
		var out []drawn
		for _, o := range w.objects {
			if x, ok := o.(*canvas.Text); ok {
				out = append(out, drawn{x.Text, x.Position(), x.TextStyle})
			}
		}
		return out
	}
	for _, c := range []struct {
		res  int
		with string // the row is the first whose text has this
		q    string
	}{
		{58, "CIRT的国家，尤其是在发展中国家", "发展中国家"},
		{50, "培育网络安全", "网络安全"},
		{72, "Table 1", "电磁场"},
	} {
		f := newGUIFixture(t)
		f.m.OpenResolution(c.res, "", "")
		d := f.m.card
		row := -1
		for i, r := range d.rows {
			if strings.Contains(r.text, c.with) {
				row = i
				break
			}
		}
		if row < 0 {
			t.Fatalf("Res %d has no row with %s", c.res, c.with)
		}
		plain := texts(liveRow(t, d, row))
		test.Type(f.m.resList.search, c.q)
		f.m.OpenResolution(c.res, "", "")
		if len(d.rows[row].hits) == 0 {
			t.Errorf("Res %d row %d %q has no hit of %s", c.res, row, d.rows[row].text, c.q)
			continue
		}
		w := liveRow(t, d, row)
		lit := texts(w)
		if len(lit) != len(plain) {
			t.Errorf("Res %d row %d: %d texts with the highlight, %d without", c.res, row, len(lit), len(plain))
			continue
		}
		for i := range lit {
			if lit[i] != plain[i] {
				t.Errorf("Res %d row %d: highlighted text %+v, without %+v", c.res, row, lit[i], plain[i])
			}
		}
		// Each highlight lies under its hit's glyphs.
		st := styleOf(d.rows[row].kind)
		lr := d.laid[row]
		r := d.rows[row]
		var rects []*canvas.Rectangle
		for _, o := range w.objects {
			if x, ok := o.(*canvas.Rectangle); ok && x != w.ring {
				rects = append(rects, x)
			}
		}
		if len(rects) == 0 {
			t.Errorf("Res %d row %d draws no highlight", c.res, row)
			continue
		}
		for li, ln := range lr.lines {
			for _, h := range r.hits {
				if h[0] < ln.Start || h[0] >= ln.End {
					continue
				}
				x := lr.textX + fyne.MeasureText(r.text[ln.Start:h[0]], st.size, fyne.TextStyle{Bold: st.bold}).Width
				y := lr.textY + float32(li)*lr.lineH
				found := false
				for _, b := range rects {
					found = found || (abs32(b.Position().X+1-x) < 0.5 && b.Position().Y == y)
				}
				if !found {
					t.Errorf("Res %d row %d: no highlight at x=%g for the hit at byte %d", c.res, row, x, h[0])
				}
			}
		}
	}
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// TestFilteredOutCardHidden: a search that leaves the card's resolution
// out of the list hides the card and says so, offering the first match;
// with nothing listed no card is shown; clearing brings it back.
func TestFilteredOutCardHidden(t *testing.T) {
	f := newGUIFixture(t)
	f.m.OpenResolution(44, "", "")
	s := f.m.resList.search
	test.Type(s, "CIRT")
	if slices.Contains(f.listed(), 44) {
		t.Fatalf("CIRT lists 44: %v", f.listed())
	}
	if f.m.card.Visible() {
		t.Error("card 44 is shown though the list leaves it out")
	}
	if !f.m.banner.Visible() || !strings.Contains(f.m.bannerText.Text, "44") {
		t.Errorf("the banner (shown %v) says %q", f.m.banner.Visible(), f.m.bannerText.Text)
	}
	first := f.listed()[0]
	if !f.m.bannerBtn.Visible() || !strings.Contains(f.m.bannerBtn.Text, itoa(first)) {
		t.Fatalf("the banner offers %q, want the first match %d", f.m.bannerBtn.Text, first)
	}
	test.Tap(f.m.bannerBtn)
	if f.m.cur.res != first || !f.m.card.Visible() || f.m.banner.Visible() {
		t.Errorf("Show first match: card %d shown %v, banner %v", f.m.cur.res, f.m.card.Visible(), f.m.banner.Visible())
	}
	// Nothing listed: no card at all.
	s.SetText("")
	test.Type(s, "qqqzzz")
	if n := len(f.listed()); n != 0 {
		t.Fatalf("qqqzzz lists %d", n)
	}
	if f.m.card.Visible() || f.m.bannerBtn.Visible() {
		t.Errorf("with 0 resolutions listed the card is shown (%v) or a first match offered", f.m.card.Visible())
	}
	s.SetText("")
	if !f.m.card.Visible() || f.m.banner.Visible() {
		t.Errorf("after clearing the search: card shown %v, banner %v", f.m.card.Visible(), f.m.banner.Visible())
	}
	// A card opened on purpose (a reference) shows, saying it is not listed.
	test.Type(s, "CIRT")
	f.m.OpenResolution(44, "", "")
	if !f.m.card.Visible() || !f.m.banner.Visible() {
		t.Errorf("card 44 opened by reference: shown %v, banner %v", f.m.card.Visible(), f.m.banner.Visible())
	}
}

// TestEnglishWordSaysChinese: an English word that finds nothing says
// the text is Chinese, with the term to search when there is one.
func TestEnglishWordSaysChinese(t *testing.T) {
	f := newGUIFixture(t)
	s := f.m.resList.search
	for _, c := range []struct{ q, want string }{
		{"cybersecurity", "网络安全"},
		{"gender", "妇女"},
		{"spectrum", "ITU-D"},
	} {
		s.SetText("")
		test.Type(s, c.q)
		if n := len(f.listed()); n != 0 {
			t.Fatalf("%q lists %d resolutions", c.q, n)
		}
		msg := f.m.resList.noMatch.Text
		if !strings.Contains(msg, "Chinese") || !strings.Contains(msg, c.want) {
			t.Errorf("%q: the list says %q, want Chinese and %s", c.q, msg, c.want)
		}
		// The suggestion finds something.
		if c.want != "ITU-D" {
			s.SetText("")
			test.Type(s, c.want)
			if len(f.listed()) == 0 {
				t.Errorf("the suggested %s finds nothing", c.want)
			}
		}
	}
}

// TestPlaceholderFits: the search box's placeholder is not cut at 800×600
// in either language.
func TestPlaceholderFits(t *testing.T) {
	for _, l := range []string{langEnglish, langChinese} {
		setupLanguage(l)
		f := newGUIFixture(t)
		f.win.Resize(fyne.NewSize(800, 600))
		s := f.m.resList.search
		room := s.Size().Width - 2*theme.InnerPadding() - 2*theme.InputBorderSize()
		if w := fyne.MeasureText(s.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width; w > room {
			t.Errorf("%s: placeholder %q is %g wide in a box with room for %g", l, s.PlaceHolder, w, room)
		}
	}
	setupLanguage(langEnglish)
}

// TestNotesShowInCard: a clause's notes show under it with their stance,
// author and text; its note button opens the note (one) or offers them
// (several); a preview opens its note.
func TestNotesShowInCard(t *testing.T) {
	f := newGUIFixture(t)
	f.win.Resize(fyne.NewSize(1000, 700))
	c := f.m.corpus.byNum[44].Clauses[0]
	body := "支持继续行动计划，要求每年审议"
	addNote(t, f.db, app.Note{Resolution: 44, ClauseID: c.ID, ClauseHash: app.ClauseHash(c.Text), Body: body,
		Stance: app.StanceSupport, Author: app.Author{Name: "Li Wei", Delegation: "China"}})
	f.m.OpenResolution(44, "", "")
	d := f.m.card
	i := rowOfClause(t, d, c.ID)
	w := liveRow(t, d, i)
	var shown []string
	for _, ch := range w.notes {
		if ch.Visible() {
			shown = append(shown, ch.Text)
		}
	}
	if len(shown) != 1 || !strings.Contains(shown[0], body) || !strings.Contains(shown[0], "Li Wei") || !strings.Contains(shown[0], stanceLabel(app.StanceSupport)) {
		t.Fatalf("clause %s shows notes %q, want its note's stance, author and text", c.ID, shown)
	}
	// The note button opens that note, not a new one.
	test.Tap(w.note)
	if txt := overlayText(f.win); !strings.Contains(txt, lang.L("Edit note")) || strings.Contains(txt, lang.L("New note")) {
		t.Errorf("the note button opened:\n%s", txt)
	}
	dismissOverlays(f.win)
	// A second note: the button offers both, and a new one.
	addNote(t, f.db, app.Note{Resolution: 44, ClauseID: c.ID, ClauseHash: app.ClauseHash(c.Text), Body: "第二条笔记",
		Stance: app.StanceWatch, Author: app.Author{Name: "Ana"}})
	f.m.refreshNotes()
	w = liveRow(t, d, i)
	if n := len(d.rows[i].notePreviews); n != 2 {
		t.Fatalf("after a second note the clause shows %d previews", n)
	}
	f.m.lastNoteMenu = nil
	test.Tap(w.note)
	if m := f.m.lastNoteMenu; m == nil || len(m.Items) != 4 || !strings.Contains(m.Items[0].Label+m.Items[1].Label, "第二条笔记") {
		t.Fatalf("with two notes the note button offers %+v", m)
	}
	dismissOverlays(f.win)
	// A preview opens its own note.
	test.Tap(w.notes[1])
	if txt := overlayText(f.win); !strings.Contains(txt, lang.L("Edit note")) {
		t.Errorf("the preview opened:\n%s", txt)
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
