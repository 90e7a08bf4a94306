package ui

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"briefdesk/app"
	"briefdesk/data/briefnotes"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestNotesViewFilters(t *testing.T) {
	f := newNotesFixture(t)
	f.setAuthor(t, "Li", "China")
	c := clauseOf(t, f.db, 44, 1)
	addNote(t, f.db, app.Note{Resolution: 44, ClauseID: c.ID, Body: "mine support", Stance: app.StanceSupport, Tags: []string{"SG1"}})
	addNote(t, f.db, app.Note{Resolution: 2, Body: "mine concern", Stance: app.StanceConcern})
	bo := openNotesDB(t, "bo")
	addNote(t, bo, app.Note{Resolution: 2, Body: "Bo support", Stance: app.StanceSupport, Author: app.Author{Name: "Bo", Delegation: "Kenya"}, Tags: []string{"SG1"}})
	addNote(t, bo, app.Note{Resolution: 54, Body: "Bo watch", Stance: app.StanceWatch, Author: app.Author{Name: "Bo", Delegation: "Kenya"}})
	p := f.importFile(t, exportAll(t, bo, app.NoteFilter{}), "bo.briefnotes")
	test.Tap(p.apply)

	sel := func(s *widget.Select, label string) {
		t.Helper()
		s.SetSelected(label)
		if s.Selected != label {
			t.Fatalf("no choice %q in %q", label, s.Options)
		}
	}
	for _, tc := range []struct {
		name string
		set  func()
		want string
	}{
		{"All", func() {}, "Bo support|mine concern|mine support|Bo watch"},
		{"Mine", func() { sel(f.v.who, "My notes") }, "mine concern|mine support"},
		{"Others", func() { sel(f.v.who, "Others' notes") }, "Bo support|Bo watch"},
		{"ByName", func() { sel(f.v.who, "Bo (Kenya)") }, "Bo support|Bo watch"},
		{"Stance", func() { sel(f.v.stance, stanceLabel(app.StanceSupport)) }, "Bo support|mine support"},
		{"MineAndStance", func() { sel(f.v.who, "My notes"); sel(f.v.stance, stanceLabel(app.StanceSupport)) }, "mine support"},
		{"Tag", func() { sel(f.v.tag, "SG1") }, "Bo support|mine support"},
		{"Resolution", func() { sel(f.v.resSel, resName(2)) }, "Bo support|mine concern"},
		{"Text", func() { test.Type(f.v.text, "WATCH") }, "Bo watch"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f.v.clearFilters()
			tc.set()
			if got := strings.Join(f.shownBodies(), "|"); got != tc.want {
				t.Fatalf("shows %q, want %q", got, tc.want)
			}
		})
	}
	f.v.clearFilters()
	sel(f.v.who, "My notes")
	f.v.reload() // a reload keeps the filters
	if got := strings.Join(f.shownBodies(), "|"); got != "mine concern|mine support" {
		t.Fatalf("after reloading the list shows %q", got)
	}
}

func TestNotesViewRowsAndShowInResolution(t *testing.T) {
	f := newNotesFixture(t)
	f.setAuthor(t, "Li", "China")
	c := clauseOf(t, f.db, 44, 2)
	long := strings.Repeat("很长的一段文字。", 2000) + "\nsecond line\u202e"
	addNote(t, f.db, app.Note{Resolution: 44, ClauseID: c.ID, Body: long, Stance: app.StanceWatch})
	f.v.reload()
	if len(f.v.shown) != 1 {
		t.Fatalf("list shows %d notes", len(f.v.shown))
	}
	it := f.v.shown[0]
	if n := utf8.RuneCountInString(it.first); n > rowExcerpt || strings.Contains(it.first, "\n") {
		t.Errorf("row text is %d runes, multi-line=%v", n, strings.Contains(it.first, "\n"))
	}
	if !strings.Contains(it.where, resName(44)) || !strings.Contains(it.where, c.Label) {
		t.Errorf("row says %q, want the resolution and clause label %q", it.where, c.Label)
	}
	// The drawn row binds the same words.
	var row *noteRow
	for _, o := range test.LaidOutObjects(f.v.list) {
		if r, ok := o.(*noteRow); ok && r.item == it {
			row = r
		}
	}
	if row == nil {
		t.Fatal("the row is not drawn")
	}
	if row.where.Text != it.where || row.first.Text() != it.first || row.stance.Text() != stanceLabel(app.StanceWatch) {
		t.Errorf("row shows %q / %q / %q", row.where.Text, row.first.Text(), row.stance.Text())
	}
	// A long text fills the row's lines and says that it goes on.
	if l := row.first.Lines(); len(l) != rowLines || !strings.HasSuffix(l[len(l)-1], "…") {
		t.Errorf("row lines %q, want %d ending in …", l, rowLines)
	}
	test.Tap(row.show)
	if want := "44 " + c.ID; len(f.nav.opened) != 1 || f.nav.opened[0] != want {
		t.Fatalf("Show in resolution opened %q, want %q", f.nav.opened, want)
	}
}

func TestNotesConflictsResolve(t *testing.T) {
	for _, keep := range []app.Keep{app.KeepMine, app.KeepTheirs, app.KeepBoth} {
		t.Run(string(keep), func(t *testing.T) {
			f := newNotesFixture(t)
			f.setAuthor(t, "Li", "China")
			n := addNote(t, f.db, app.Note{Resolution: 2, Body: "first words"})
			file := exportAll(t, f.db, app.NoteFilter{})
			// A colleague changed the note they got, and so did we.
			clash := editedFile(t, file, func(x *app.Note) { x.Body = "their words" })
			n.Body = "my words"
			addNote(t, f.db, n)
			p := f.importFile(t, clash, "clash.briefnotes")
			if p.result.Conflicts != 1 {
				t.Fatalf("dry run %+v, want a conflict", p.result)
			}
			test.Tap(p.apply)
			if !f.v.conflictBar.Visible() || len(f.v.conflicts) != 1 {
				t.Fatal("no conflict banner after importing a conflict")
			}
			dismissOverlays(f.win)
			f.v.onConflicts()
			d := f.v.conflictDlg
			txt := overlayText(f.win)
			for _, want := range []string{"my words", "their words", "clash.briefnotes", "Keep mine", "Keep theirs", "Keep both"} {
				if !strings.Contains(txt, want) {
					t.Fatalf("the conflict dialog does not show %q:\n%s", want, txt)
				}
			}
			test.Tap(map[app.Keep]*widget.Button{app.KeepMine: d.keepMine, app.KeepTheirs: d.keepTheirs, app.KeepBoth: d.keepBoth}[keep])
			got, _ := f.db.Note(context.Background(), n.ID)
			want := map[app.Keep]string{app.KeepMine: "my words", app.KeepTheirs: "their words", app.KeepBoth: "my words"}[keep]
			if got.Body != want {
				t.Fatalf("kept %q, want %q", got.Body, want)
			}
			all, _ := f.db.Notes(context.Background(), app.NoteFilter{})
			if wantN := map[bool]int{false: 1, true: 2}[keep == app.KeepBoth]; len(all) != wantN {
				t.Fatalf("%d notes after keeping %s, want %d", len(all), keep, wantN)
			}
			if cs, _ := f.db.Conflicts(context.Background()); len(cs) != 0 || f.v.conflictBar.Visible() {
				t.Fatalf("%d conflicts left; banner shown=%v", len(cs), f.v.conflictBar.Visible())
			}
		})
	}
}

// editedFile re-encodes a one-note file with the note changed by edit.
func editedFile(t *testing.T, file []byte, edit func(*app.Note)) []byte {
	t.Helper()
	bf, err := briefnotes.Decode(bytes.NewReader(file))
	if err != nil || len(bf.Notes) != 1 {
		t.Fatalf("decode: %v (%d notes)", err, len(bf.Notes))
	}
	edit(&bf.Notes[0])
	var buf bytes.Buffer
	if err := briefnotes.Encode(&buf, *bf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestNotesReanchor(t *testing.T) {
	f := newNotesFixture(t)
	bo := openNotesDB(t, "bo")
	c := clauseOf(t, bo, 44, 4)
	addNote(t, bo, app.Note{Resolution: 44, ClauseID: c.ID, Body: "stale", Author: app.Author{Name: "Bo"}})
	// Written against other words of the clause: needs re-anchoring here.
	stale := editedFile(t, exportAll(t, bo, app.NoteFilter{}), func(x *app.Note) { x.ClauseHash = strings.Repeat("0", 64) })
	p := f.importFile(t, stale, "stale.briefnotes")
	if p.result.NeedsAnchor != 1 {
		t.Fatalf("dry run %+v, want one note to re-anchor", p.result)
	}
	test.Tap(p.apply)
	if len(f.v.shown) != 1 || !f.v.shown[0].note.NeedsReanchor || !f.v.anchorBar.Visible() {
		t.Fatal("the note needing re-anchoring is not marked")
	}
	// "Show them" narrows the list to the notes to re-anchor.
	addNote(t, f.db, app.Note{Resolution: 2, Body: "fine"})
	f.v.reload()
	f.v.toggleReanchor()
	if len(f.v.shown) != 1 || f.v.shown[0].note.Body != "stale" {
		t.Fatalf("Show them lists %q", f.shownBodies())
	}
	f.v.toggleReanchor()
	if len(f.v.shown) != 2 {
		t.Fatalf("Show all notes lists %q", f.shownBodies())
	}
	n := f.v.shown[1].note
	other := clauseOf(t, f.db, 44, 5)
	for _, tc := range []struct {
		name, want string
		do         func(a *anchorDialog)
	}{
		{"Clause", other.ID, func(a *anchorDialog) { a.list.Select(5); test.Tap(a.attach) }},
		{"Resolution", "", func(a *anchorDialog) { test.Tap(a.whole) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := showAnchorDialog(f.env, n, f.v.res[44])
			if a.picked < 0 || f.v.res[44].Clauses[a.picked].ID != n.ClauseID {
				t.Errorf("the dialog offers clause %d first, want the note's own (%s)", a.picked, n.ClauseID)
			}
			tc.do(a)
			got, _ := f.db.Note(context.Background(), n.ID)
			if got.ClauseID != tc.want || got.NeedsReanchor || got.Author.Name != "Bo" {
				t.Fatalf("after re-anchoring: clause %q, needs=%v, author %q; want clause %q", got.ClauseID, got.NeedsReanchor, got.Author.Name, tc.want)
			}
			if f.v.anchorBar.Visible() {
				t.Error("the re-anchoring banner is still shown")
			}
			n = *got
		})
	}
}

// BenchmarkNotesViewFilter is one filter change on 2,000 notes: the match
// and the redraw of the visible rows, which is what typing in the text
// filter costs per keystroke.
func BenchmarkNotesViewFilter(b *testing.B) {
	f := newNotesFixture(b)
	other := openNotesDB(b, "other")
	r := f.v.res[44]
	if r == nil {
		b.Fatal("no resolution 44")
	}
	for i := range 2000 {
		c := r.Clauses[i%len(r.Clauses)]
		addNote(b, other, app.Note{Resolution: 44, ClauseID: c.ID, Body: strings.Repeat("文字 words ", 20) + fmt.Sprint(i), Author: app.Author{Name: "Bo"}})
	}
	test.Tap(f.importFile(b, exportAll(b, other, app.NoteFilter{}), "other.briefnotes").apply)
	if len(f.v.all) != 2000 {
		b.Fatalf("%d notes loaded", len(f.v.all))
	}
	b.ResetTimer()
	for i := range b.N {
		f.v.q.text = fmt.Sprint(i % 10)
		f.v.refilter()
	}
}
