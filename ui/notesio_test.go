package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/data/briefnotes"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// importFile imports data through the Notes view: the dry run, then
// Import if there is anything to import.
func (f *notesFixture) importFile(t testing.TB, data []byte, name string) *importPreview {
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

	// "Copy as my note" starts a note of one's own with their words.
	e = startNoteEditor(f.env, *got, false)
	test.Tap(e.copyMine)
	var mine *app.Note
	for _, n := range liveNotes(t, f.db) {
		if n.ID != got.ID && n.Body == got.Body {
			mine = &n
		}
	}
	if mine != nil {
		t.Fatal("Copy as my note saved before the person chose Save")
	}
	top := f.win.Canvas().Overlays().Top()
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Save" {
			test.Tap(b)
		}
	}
	for _, n := range liveNotes(t, f.db) {
		if n.ID != got.ID && n.Body == got.Body {
			mine = &n
		}
	}
	if mine == nil || mine.Author.Name != "Li" || mine.Origin.Imported || mine.ClauseID != got.ClauseID {
		t.Fatalf("the copy is %+v, want Li's own note on the same clause", mine)
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
		{"NewerVersion", bytes.Replace(good, fmt.Appendf(nil, `"version": %d`, briefnotes.Version), []byte(`"version": 99`), 1)},
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
