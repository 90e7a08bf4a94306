package ui

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/seeds"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
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
func openNotesDB(t testing.TB, name string) *data.DB {
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

func (n *notesNav) OpenResolution(res int, clauseID string) {
	n.opened = append(n.opened, fmt.Sprintf("%d %s", res, clauseID))
}
func (n *notesNav) OpenEntity(app.RefKind, string) {}

// notesFixture is the Notes view on a real database in the test driver.
type notesFixture struct {
	db      *data.DB
	win     fyne.Window
	env     *screenEnv
	nav     *notesNav
	v       *notesView
	changed int // notifications that notes changed
}

func newNotesFixture(t testing.TB) *notesFixture {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	f := &notesFixture{db: openNotesDB(t, "mine"), nav: &notesNav{}}
	f.win = a.NewWindow("Notes")
	f.env = &screenEnv{Services: Services{Corpus: f.db, Notes: f.db, Packs: f.db, Settings: f.db}, Nav: f.nav, Window: f.win, runAsync: runNow}
	f.env.notesChanged.subscribe(func() { f.changed++ })
	f.v = newNotesView(f.env, testCorpus(t, f.env.Services))
	f.win.SetContent(f.v.content())
	f.win.Resize(fyne.NewSize(1100, 760))
	t.Cleanup(f.win.Close)
	return f
}

func (f *notesFixture) setAuthor(t testing.TB, name, delegation string) {
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
func liveNotes(t testing.TB, db *data.DB) []app.Note {
	t.Helper()
	list, err := db.Notes(context.Background(), app.NoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// shownBodies is the text each row shows (in its first rowLines lines).
func (f *notesFixture) shownBodies() []string {
	var out []string
	for _, it := range f.v.shown {
		out = append(out, it.first)
	}
	return out
}

// overlayText is the text of every label in the window's dialogs.
// unbreak takes out the line breaks a message dialog puts where ui/wrap
// ends its lines (uiw.NewMessage), so tests match sentences as written;
// a blank line between paragraphs stays.
func unbreak(s string) string {
	s = strings.ReplaceAll(s, "\n\n", "\x00")
	s = strings.ReplaceAll(s, "\n", "")
	return strings.ReplaceAll(s, "\x00", "\n\n")
}

func overlayText(w fyne.Window) string {
	var b strings.Builder
	for _, o := range w.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			switch t := x.(type) {
			case *widget.Label:
				b.WriteString(unbreak(t.Text) + "\n")
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
func clauseOf(t testing.TB, db *data.DB, n, i int) app.Clause {
	t.Helper()
	r, err := db.Resolution(context.Background(), n)
	if err != nil || len(r.Clauses) <= i {
		t.Fatalf("resolution %d clause %d: %v", n, i, err)
	}
	return r.Clauses[i]
}

// addNote saves a note straight into db.
func addNote(t testing.TB, db *data.DB, n app.Note) app.Note {
	t.Helper()
	if err := db.SaveNote(context.Background(), &n); err != nil {
		t.Fatal(err)
	}
	return n
}

func exportAll(t testing.TB, db *data.DB, f app.NoteFilter) []byte {
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
	if f.changed != 1 {
		t.Errorf("saving one note notified %d times, want once", f.changed)
	}
	if b := f.shownBodies(); len(b) != 1 || b[0] != "支持这一条。\nSecond line" {
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
	// Ctrl+Enter saves from the text, where Enter starts a new line.
	test.Type(e2.body, "second")
	e2.body.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})
	if got := liveNotes(t, f.db); len(got) != 2 || got[1].Body != "second" || got[1].Author.Name != "李明" {
		t.Fatalf("after Ctrl+Enter the database holds %d notes", len(got))
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

// TestNotesInMainWindow: a note written from a card's note button reaches
// the resolution list's counts and the Notes view, through the main
// window's notesChanged broadcast.
func TestNotesInMainWindow(t *testing.T) {
	g := newGUIFixture(t)
	if err := g.db.SetSetting(context.Background(), app.SettingAuthorName, "Li"); err != nil {
		t.Fatal(err)
	}
	c := clauseOf(t, g.db, 44, 0)
	g.m.openNote(44, c.ID)
	top := g.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the note button opened no editor")
	}
	var body *bodyEntry
	var save *widget.Button
	for _, o := range test.LaidOutObjects(top) {
		switch x := o.(type) {
		case *bodyEntry:
			body = x
		case *widget.Button:
			if x.Text == "Save" {
				save = x
			}
		}
	}
	if body == nil || save == nil {
		t.Fatal("the editor has no text entry or Save button")
	}
	test.Type(body, "from the card")
	test.Tap(save)
	if got := g.m.corpus.noteCounts[44]; got != 1 {
		t.Fatalf("resolution 44 counts %d notes after saving, want 1", got)
	}
	g.m.showView(viewNotes)
	var rows int
	for _, o := range test.LaidOutObjects(g.m.body) {
		if r, ok := o.(*noteRow); ok && r.Visible() && r.item != nil && r.item.note.Body == "from the card" {
			rows++
		}
	}
	if rows != 1 {
		t.Fatalf("the Notes view draws %d rows for the new note, want 1", rows)
	}
}
