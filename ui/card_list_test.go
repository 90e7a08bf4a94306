package ui

import (
	"slices"
	"strings"
	"testing"

	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestFilteredOutCardHidden: a search that leaves the card's resolution
// out of the list hides the card and says so, offering the first match;
// with nothing listed no card is shown; clearing brings it back.
func TestFilteredOutCardHidden(t *testing.T) {
	f := newGUIFixture(t)
	f.m.OpenResolution(44, "")
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
	f.m.OpenResolution(44, "")
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
	f.m.OpenResolution(44, "")
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
