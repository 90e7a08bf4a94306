package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/data/briefnotes"
	"briefdesk/seeds"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

var (
	notesCorpusOnce sync.Once
	notesCorpus     *app.Corpus
	notesCorpusErr  error
)

// openNotesDB opens a real database under the test's temp dir holding the
// embedded corpus, with a clock that moves one second per reading.
func openNotesDB(t *testing.T, name string) *data.DB {
	t.Helper()
	notesCorpusOnce.Do(func() { notesCorpus, notesCorpusErr = seeds.Default() })
	if notesCorpusErr != nil {
		t.Fatalf("parse corpus: %v", notesCorpusErr)
	}
	ctx := context.Background()
	db, err := data.Open(ctx, filepath.Join(t.TempDir(), name+".db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Import(ctx, notesCorpus); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	now := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	db.Now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Second)
		return now
	}
	return db
}

// notesNav records what the Notes screens ask the main window to open.
type notesNav struct{ opened []string }

func (n *notesNav) OpenResolution(res int, clauseID, query string) {
	n.opened = append(n.opened, fmt.Sprintf("%d %s %q", res, clauseID, query))
}
func (n *notesNav) OpenEntity(app.RefKind, string) {}

// notesFixture is the Notes view on a real database in the test driver.
type notesFixture struct {
	db      *data.DB
	win     fyne.Window
	env     *Env
	nav     *notesNav
	v       *notesView
	changed int // calls of env.NotesChanged
}

func newNotesFixture(t *testing.T) *notesFixture {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	f := &notesFixture{db: openNotesDB(t, "mine"), nav: &notesNav{}}
	f.win = a.NewWindow("Notes")
	f.env = &Env{Services: Services{Corpus: f.db, Notes: f.db, Packs: f.db, Settings: f.db}, Nav: f.nav, Window: f.win}
	f.env.NotesChanged = func() { f.changed++ }
	f.v = newNotesView(f.env)
	f.win.SetContent(f.v.content())
	f.win.Resize(fyne.NewSize(1100, 760))
	t.Cleanup(f.win.Close)
	return f
}

func (f *notesFixture) setAuthor(t *testing.T, name, delegation string) {
	t.Helper()
	ctx := context.Background()
	if err := f.db.SetSetting(ctx, app.SettingAuthorName, name); err != nil {
		t.Fatal(err)
	}
	if err := f.db.SetSetting(ctx, app.SettingAuthorDelegation, delegation); err != nil {
		t.Fatal(err)
	}
}

// liveNotes are the database's notes that are not deleted.
func liveNotes(t *testing.T, db *data.DB) []app.Note {
	t.Helper()
	list, err := db.Notes(context.Background(), app.NoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// shownBodies is what the list shows as each row's first line.
func (f *notesFixture) shownBodies() []string {
	var out []string
	for _, it := range f.v.shown {
		out = append(out, it.first)
	}
	return out
}

// overlayText is the text of every label in the window's dialogs.
func overlayText(w fyne.Window) string {
	var b strings.Builder
	for _, o := range w.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			switch t := x.(type) {
			case *widget.Label:
				b.WriteString(t.Text + "\n")
			case *canvas.Text:
				b.WriteString(t.Text + "\n")
			}
		}
	}
	return b.String()
}

func dismissOverlays(w fyne.Window) {
	for w.Canvas().Overlays().Top() != nil {
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
}

// clauseOf returns clause i of resolution n.
func clauseOf(t *testing.T, db *data.DB, n, i int) app.Clause {
	t.Helper()
	r, err := db.Resolution(context.Background(), n)
	if err != nil || len(r.Clauses) <= i {
		t.Fatalf("resolution %d clause %d: %v", n, i, err)
	}
	return r.Clauses[i]
}

// addNote saves a note straight into db.
func addNote(t *testing.T, db *data.DB, n app.Note) app.Note {
	t.Helper()
	if err := db.SaveNote(context.Background(), &n); err != nil {
		t.Fatal(err)
	}
	return n
}

func exportAll(t *testing.T, db *data.DB, f app.NoteFilter) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := db.ExportNotes(context.Background(), &buf, f, app.Author{}, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestNoteEditorAddsNoteAndAsksAuthorOnce(t *testing.T) {
	f := newNotesFixture(t)
	c := clauseOf(t, f.db, 44, 3)
	e := startNoteEditor(f.env, app.Note{Resolution: 44, ClauseID: c.ID}, true)
	if e.dlg == nil || e.name == nil {
		t.Fatal("the editor did not open asking for the author's name")
	}
	if txt := overlayText(f.win); !strings.Contains(txt, resName(44)) || !strings.Contains(txt, string([]rune(c.Text)[:5])) {
		t.Errorf("the editor does not say which resolution and clause it is about:\n%s", txt)
	}
	if !e.save.Disabled() {
		t.Error("Save is enabled with no text")
	}
	test.Type(e.body, "支持这一条。\nSecond line")
	e.stance.SetSelected(stanceLabel(app.StanceSupport))
	e.priority.SetSelectedIndex(1)
	test.Type(e.tags, "SG1， 财务, SG1")

	// No name: refused, nothing saved.
	test.Tap(e.save)
	if got := liveNotes(t, f.db); len(got) != 0 {
		t.Fatalf("saved %d notes without an author name", len(got))
	}
	if !strings.Contains(overlayText(f.win), "Please give your name") {
		t.Error("no message asking for a name")
	}
	test.Type(e.name, "李明")
	test.Type(e.delegation, "China")
	test.Tap(e.save)

	got := liveNotes(t, f.db)
	if len(got) != 1 {
		t.Fatalf("%d notes in the database, want 1", len(got))
	}
	n := got[0]
	if n.Body != "支持这一条。\nSecond line" || n.Stance != app.StanceSupport || n.Priority != 1 ||
		n.ClauseID != c.ID || n.Author != (app.Author{Name: "李明", Delegation: "China"}) ||
		strings.Join(n.Tags, "|") != "SG1|财务" || n.Origin.Imported {
		t.Fatalf("saved note %+v", n)
	}
	if name, _ := f.db.Setting(context.Background(), app.SettingAuthorName); name != "李明" {
		t.Errorf("author name setting %q, want it saved", name)
	}
	if f.changed == 0 {
		t.Error("NotesChanged was not called")
	}
	if b := f.shownBodies(); len(b) != 1 || b[0] != "支持这一条。 …" {
		t.Errorf("list shows %q", b)
	}

	// The second note does not ask again, and lists the note already there.
	e2 := startNoteEditor(f.env, app.Note{Resolution: 44, ClauseID: c.ID}, true)
	if e2.name != nil {
		t.Error("asked for the name again")
	}
	if len(e2.others) != 1 || !strings.Contains(overlayText(f.win), "Already on this clause") {
		t.Errorf("the editor lists %d notes already on the clause, want 1", len(e2.others))
	}
}

func TestNoteEditorEditsDeletesAndUndoes(t *testing.T) {
	f := newNotesFixture(t)
	f.setAuthor(t, "Li", "China")
	n := addNote(t, f.db, app.Note{Resolution: 2, Body: "first version", Stance: app.StanceWatch})
	f.v.reload()

	e := startNoteEditor(f.env, n, false)
	if e.name != nil || e.locked {
		t.Fatal("editing one's own note asks for a name or is locked")
	}
	e.body.SetText("")
	test.Type(e.body, "second version")
	e.stance.SetSelected(stanceLabel(app.StanceConcern))
	test.Tap(e.save)
	got, err := f.db.Note(context.Background(), n.ID)
	if err != nil || got.Body != "second version" || got.Stance != app.StanceConcern || !got.Updated.After(n.Updated) {
		t.Fatalf("after editing: %+v, %v", got, err)
	}
	if b := f.shownBodies(); len(b) != 1 || b[0] != "second version" {
		t.Fatalf("list shows %q after editing", b)
	}

	e = startNoteEditor(f.env, *got, false)
	test.Tap(e.del)
	if got, _ := f.db.Note(context.Background(), n.ID); !got.Deleted {
		t.Fatal("Delete did not delete the note")
	}
	if len(f.v.shown) != 0 || !strings.Contains(overlayText(f.win), "The note was deleted") {
		t.Fatalf("after deleting, the list shows %d notes; dialog:\n%s", len(f.v.shown), overlayText(f.win))
	}
	test.Tap(e.undo)
	if got, _ := f.db.Note(context.Background(), n.ID); got.Deleted || got.Body != "second version" {
		t.Fatalf("Undo left %+v", got)
	}
	if len(f.v.shown) != 1 {
		t.Fatalf("after Undo the list shows %d notes, want 1", len(f.v.shown))
	}
}

// importFile imports data through the Notes view: the dry run, then
// Import if there is anything to import.
func (f *notesFixture) importFile(t *testing.T, data []byte, name string) *importPreview {
	t.Helper()
	f.v.preview = nil
	f.v.importFrom(io.NopCloser(bytes.NewReader(data)), name)
	p := f.v.preview
	if p == nil {
		t.Fatalf("no preview after reading %s:\n%s", name, overlayText(f.win))
	}
	return p
}

func TestNotesImportShowsCountsAndAuthor(t *testing.T) {
	f := newNotesFixture(t)
	f.setAuthor(t, "Li", "China")
	addNote(t, f.db, app.Note{Resolution: 2, Body: "mine"})
	f.v.reload()

	anna := openNotesDB(t, "anna")
	c := clauseOf(t, anna, 44, 0)
	addNote(t, anna, app.Note{Resolution: 44, ClauseID: c.ID, Body: "Anna's view", Stance: app.StanceConcern, Author: app.Author{Name: "Anna", Delegation: "France"}})
	addNote(t, anna, app.Note{Resolution: 54, Body: "on the whole\u202e resolution", Author: app.Author{Name: "Anna", Delegation: "France"}})
	file := exportAll(t, anna, app.NoteFilter{})

	p := f.importFile(t, file, "anna.briefnotes")
	if p.result.Added != 2 || !p.result.DryRun || p.applied {
		t.Fatalf("dry run %+v", p.result)
	}
	if txt := overlayText(f.win); !strings.Contains(txt, "New notes: 2") {
		t.Errorf("the preview does not show the counts:\n%s", txt)
	}
	if n := len(liveNotes(t, f.db)); n != 1 {
		t.Fatalf("the dry run changed the database: %d notes", n)
	}
	test.Tap(p.apply)
	if !p.applied || p.result.Added != 2 || p.result.DryRun {
		t.Fatalf("import %+v", p.result)
	}
	if n := len(liveNotes(t, f.db)); n != 3 {
		t.Fatalf("%d notes after importing, want 3", n)
	}
	if txt := overlayText(f.win); !strings.Contains(txt, "Imported anna.briefnotes") {
		t.Errorf("no result after importing:\n%s", txt)
	}
	var found bool
	for _, it := range f.v.shown {
		if it.note.Body == "Anna's view" {
			found = true
			if !strings.Contains(it.who, "Anna (France)") || !strings.Contains(it.who, "anna.briefnotes") {
				t.Errorf("imported row says %q, want Anna's name and the file", it.who)
			}
		}
		if strings.ContainsRune(it.first, '\u202e') {
			t.Errorf("row shows a bidi override: %q", it.first)
		}
	}
	if !found || len(f.v.shown) != 3 {
		t.Fatalf("the list shows %q", f.shownBodies())
	}

	// The same file again changes nothing, and there is no Import button.
	dismissOverlays(f.win)
	p = f.importFile(t, file, "anna.briefnotes")
	if p.result.Unchanged != 2 || p.result.Added != 0 || inButtons(f.win, p.apply) {
		t.Fatalf("second import %+v offers Import", p.result)
	}
	if !strings.Contains(overlayText(f.win), "Nothing would change") {
		t.Error("the preview does not say that nothing would change")
	}

	// An imported note opens read-only and says whose it is.
	var theirs app.Note
	for _, n := range liveNotes(t, f.db) {
		if n.Author.Name == "Anna" && n.ClauseID != "" {
			theirs = n
		}
	}
	e := startNoteEditor(f.env, theirs, false)
	if !e.locked || inButtons(f.win, e.save) || !strings.Contains(overlayText(f.win), "This is Anna (France)'s note") {
		t.Fatalf("imported note opens editable or without its author:\n%s", overlayText(f.win))
	}
	test.Tap(e.unlock)
	e.body.SetText(e.body.Text + " (edited)")
	test.Tap(e.save)
	got, _ := f.db.Note(context.Background(), theirs.ID)
	if got.Body != "Anna's view (edited)" || got.Author.Name != "Anna" || !got.Origin.Imported {
		t.Fatalf("edited imported note: %+v", got)
	}
}

// inButtons reports whether b is drawn in the top dialog.
func inButtons(w fyne.Window, b *widget.Button) bool {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	for _, o := range test.LaidOutObjects(top) {
		if o == b {
			return b.Visible()
		}
	}
	return false
}

func TestNotesImportRejectsBadFiles(t *testing.T) {
	f := newNotesFixture(t)
	f.setAuthor(t, "Li", "China")
	addNote(t, f.db, app.Note{Resolution: 2, Body: "mine"})
	f.v.reload()
	good := exportAll(t, openNotesDBWithNote(t), app.NoteFilter{})
	before := liveNotes(t, f.db)

	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"NotJSON", []byte("hello, this is not JSON")},
		{"Truncated", good[:len(good)/2]},
		{"OtherFormat", bytes.Replace(good, []byte(`"briefnotes"`), []byte(`"otherformat"`), 1)},
		{"NewerVersion", bytes.Replace(good, []byte(`"version": 1`), []byte(`"version": 99`), 1)},
		{"InvalidUTF8", append(append([]byte{}, good[:40]...), 0xff, 0xfe)},
		{"TooBig", bytes.Repeat([]byte(" "), maxNotesFile+10)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dismissOverlays(f.win)
			f.v.preview = nil
			f.v.importFrom(bytes.NewReader(tc.data), "bad.briefnotes")
			if f.v.preview != nil {
				t.Fatal("a bad file got an import preview")
			}
			if txt := overlayText(f.win); !strings.Contains(txt, "The file bad.briefnotes was not imported. Your notes are exactly as they were.") {
				t.Fatalf("no clear message:\n%s", txt)
			}
			if after := liveNotes(t, f.db); fmt.Sprint(after) != fmt.Sprint(before) {
				t.Fatal("a rejected file changed the notes")
			}
		})
	}
}

func openNotesDBWithNote(t *testing.T) *data.DB {
	db := openNotesDB(t, "other")
	addNote(t, db, app.Note{Resolution: 54, Body: "other", Author: app.Author{Name: "Bo"}})
	return db
}

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
	if n := utf8.RuneCountInString(it.first); n > 200 || strings.Contains(it.first, "\n") {
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
	if row.where.Text != it.where || row.first.Text != it.first || row.stance.text.Text != stanceLabel(app.StanceWatch) {
		t.Errorf("row shows %q / %q / %q", row.where.Text, row.first.Text, row.stance.text.Text)
	}
	test.Tap(row.show)
	if want := fmt.Sprintf("44 %s %q", c.ID, ""); len(f.nav.opened) != 1 || f.nav.opened[0] != want {
		t.Fatalf("Show in resolution opened %q, want %q", f.nav.opened, want)
	}
}

func TestNotesConflictsResolve(t *testing.T) {
	for _, keepTheirs := range []bool{false, true} {
		t.Run(fmt.Sprint("KeepTheirs=", keepTheirs), func(t *testing.T) {
			f := newNotesFixture(t)
			f.setAuthor(t, "Li", "China")
			n := addNote(t, f.db, app.Note{Resolution: 2, Body: "my words"})
			file := exportAll(t, f.db, app.NoteFilter{})
			// Someone changed the note at the very same moment.
			clash := editedFile(t, file, func(x *app.Note) { x.Body = "their words" })
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
			if !strings.Contains(txt, "my words") || !strings.Contains(txt, "their words") || !strings.Contains(txt, "clash.briefnotes") {
				t.Fatalf("the conflict does not show both versions:\n%s", txt)
			}
			if keepTheirs {
				test.Tap(d.keepTheirs)
			} else {
				test.Tap(d.keepMine)
			}
			got, _ := f.db.Note(context.Background(), n.ID)
			want := map[bool]string{false: "my words", true: "their words"}[keepTheirs]
			if got.Body != want {
				t.Fatalf("kept %q, want %q", got.Body, want)
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
	n := f.v.shown[0].note
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

func TestNotesExport(t *testing.T) {
	f := newNotesFixture(t)
	f.setAuthor(t, "Li", "China")
	addNote(t, f.db, app.Note{Resolution: 2, Body: "mine"})
	bo := openNotesDB(t, "bo")
	addNote(t, bo, app.Note{Resolution: 54, Body: "Bo's", Author: app.Author{Name: "Bo"}})
	test.Tap(f.importFile(t, exportAll(t, bo, app.NoteFilter{}), "bo.briefnotes").apply)

	for _, tc := range []struct {
		mineOnly bool
		want     string
	}{{false, "mine|Bo's"}, {true, "mine"}} {
		t.Run(fmt.Sprint("MineOnly=", tc.mineOnly), func(t *testing.T) {
			dismissOverlays(f.win)
			var buf bytes.Buffer
			f.v.exportTo(nopWriteCloser{&buf}, "out.briefnotes", tc.mineOnly, nil)
			if !strings.Contains(overlayText(f.win), "out.briefnotes") {
				t.Errorf("no message after exporting:\n%s", overlayText(f.win))
			}
			fresh := openNotesDB(t, "fresh")
			if _, err := fresh.ImportNotes(context.Background(), &buf, "out.briefnotes", false); err != nil {
				t.Fatal(err)
			}
			var bodies []string
			for _, n := range liveNotes(t, fresh) {
				bodies = append(bodies, n.Body)
			}
			if got := strings.Join(bodies, "|"); got != tc.want {
				t.Fatalf("exported %q, want %q", got, tc.want)
			}
		})
	}
}

type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }
