package ui

import (
	"bytes"
	"log"
	"os"
	"strings"
	"testing"

	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// useChinese switches the interface to Chinese for the rest of the test.
func useChinese(t *testing.T) {
	t.Helper()
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	setupLanguage(langChinese)
	t.Cleanup(func() {
		// Before t.Setenv's own cleanup: setupLanguage set the variables.
		os.Unsetenv("LANGUAGE")
		os.Unsetenv("LC_ALL")
		setupLanguage(langSystem)
	})
	if !uiChinese() {
		t.Fatal("the interface does not speak Chinese")
	}
}

// captureLog collects what Fyne logs (fyne.LogError) during the test.
func captureLog(t *testing.T) *bytes.Buffer {
	t.Helper()
	var b bytes.Buffer
	log.SetOutput(&b)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	return &b
}

// drawnRow is the row the Notes list draws for the note with body b.
func (f *notesFixture) drawnRow(t *testing.T, body string) *noteRow {
	t.Helper()
	for _, o := range test.LaidOutObjects(f.v.list) {
		if r, ok := o.(*noteRow); ok && r.item != nil && r.item.note.Body == body {
			return r
		}
	}
	t.Fatalf("no row drawn for %q", body)
	return nil
}

// shownTags are the tags a row shows as badges, and its "+n".
func (r *noteRow) shownTags() (tags []string, more string) {
	for _, b := range r.tags {
		if b.Object().Visible() {
			tags = append(tags, b.Text())
		}
	}
	if r.moreTags.Visible() {
		more = r.moreTags.Text
	}
	return tags, more
}

func TestNotesRowsShowTagsAndSeveralLines(t *testing.T) {
	f := newNotesFixture(t)
	f.setAuthor(t, "Li", "China")
	tagged := "Short note."
	addNote(t, f.db, app.Note{Resolution: 2, Body: tagged, Tags: []string{"SG1", "预算", "标准化", "协调", "ITU-D"}})
	lines := "第一行\n\n第二行\n第三行：还有更多文字"
	addNote(t, f.db, app.Note{Resolution: 44, Body: lines})
	long := strings.Repeat("支持第44号决议的行动计划，并在研究组中加强协调。", 40)
	addNote(t, f.db, app.Note{Resolution: 50, Body: long, Tags: []string{"SG2"}})
	f.v.reload()

	r := f.drawnRow(t, tagged)
	if tags, more := r.shownTags(); strings.Join(tags, "|") != "SG1|预算|标准化" || more != "+2" {
		t.Errorf("row shows tags %q and %q, want the first three and +2", tags, more)
	}
	if tags, _ := f.drawnRow(t, lines).shownTags(); len(tags) != 0 || f.drawnRow(t, lines).tagArea.Visible() {
		t.Errorf("a note without tags shows tags %q", tags)
	}
	if got := f.drawnRow(t, lines).first.Lines(); strings.Join(got, "|") != "第一行|第二行…" {
		t.Errorf("a note of three lines shows %q, want its first two, the second ending in …", got)
	}
	lr := f.drawnRow(t, long)
	if got := lr.first.Lines(); len(got) != rowLines || !strings.HasSuffix(got[rowLines-1], "…") || len([]rune(got[0])) < 10 {
		t.Errorf("a long note shows %q, want %d full lines, the last ending in …", got, rowLines)
	}
	if tags, _ := lr.shownTags(); strings.Join(tags, "|") != "SG2" {
		t.Errorf("row shows tags %q, want SG2", tags)
	}
	// Rows keep one height, whatever their text: a list of notes scrolls
	// evenly and long notes cost no more to draw.
	if a, b := f.drawnRow(t, tagged).Size().Height, lr.Size().Height; a != b {
		t.Errorf("rows %v and %v tall", a, b)
	}
}

func TestNotesImportResultReadsDownTheLeft(t *testing.T) {
	f := newNotesFixture(t)
	f.setAuthor(t, "Li", "China")
	bo := openNotesDB(t, "bo")
	addNote(t, bo, app.Note{Resolution: 2, Body: "Bo's note", Author: app.Author{Name: "Bo", Delegation: "Kenya"}})
	p := f.importFile(t, exportAll(t, bo, app.NoteFilter{}), "bo.briefnotes")
	test.Tap(p.apply)
	if p.done == nil {
		t.Fatal("no dialog says what the import did")
	}
	var summary *widget.Label
	for _, o := range test.LaidOutObjects(f.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "•") {
			summary = l
		}
	}
	if summary == nil || !strings.Contains(summary.Text, "New notes: 1") {
		t.Fatalf("no list of counts in the dialog:\n%s", overlayText(f.win))
	}
	if summary.Alignment != fyne.TextAlignLeading {
		t.Errorf("the counts are aligned %v, want leading", summary.Alignment)
	}
}

// pressEsc types Esc as the window would: to the focused widget, or to
// the canvas when nothing has focus.
func pressEsc(w fyne.Window) {
	ev := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := w.Canvas().OnTypedKey(); h != nil {
		h(ev)
	}
}

func TestNotesEscClosesDialogsLikeCancel(t *testing.T) {
	f := newNotesFixture(t)
	f.setAuthor(t, "Li", "China")
	// The window's own key handler still gets the keys dialogs do not take.
	var keys []fyne.KeyName
	f.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) { keys = append(keys, k.Name) })

	t.Run("EditorWithTextFocused", func(t *testing.T) {
		e := startNoteEditor(f.env, app.Note{Resolution: 44}, true)
		test.Type(e.body, "not to be saved")
		if f.win.Canvas().Focused() != e.body {
			t.Fatal("the text does not have the focus")
		}
		pressEsc(f.win)
		if f.win.Canvas().Overlays().Top() != nil {
			t.Fatal("Esc left the editor open")
		}
		if n := len(liveNotes(t, f.db)); n != 0 {
			t.Fatalf("Esc saved the note: %d notes", n)
		}
	})
	t.Run("EditorWithTagsFocused", func(t *testing.T) {
		e := startNoteEditor(f.env, app.Note{Resolution: 44}, true)
		f.win.Canvas().Focus(e.tags)
		pressEsc(f.win)
		if f.win.Canvas().Overlays().Top() != nil {
			t.Fatal("Esc in the tags left the editor open")
		}
	})
	t.Run("ImportPreview", func(t *testing.T) {
		bo := openNotesDB(t, "bo")
		addNote(t, bo, app.Note{Resolution: 2, Body: "Bo's note", Author: app.Author{Name: "Bo"}})
		f.importFile(t, exportAll(t, bo, app.NoteFilter{}), "bo.briefnotes")
		f.win.Canvas().Unfocus()
		pressEsc(f.win)
		if f.win.Canvas().Overlays().Top() != nil {
			t.Fatal("Esc left the import preview open")
		}
		if n := len(liveNotes(t, f.db)); n != 0 {
			t.Fatalf("Esc imported: %d notes", n)
		}
	})
	if len(keys) != 0 {
		t.Errorf("the window got %q while a dialog was open", keys)
	}
	pressEsc(f.win)
	if len(keys) != 1 || keys[0] != fyne.KeyEscape {
		t.Errorf("with no dialog open the window got %q, want Esc", keys)
	}
}

func TestNotesAuthorInChinese(t *testing.T) {
	useChinese(t)
	a := app.Author{Name: "张伟", Delegation: "中国"}
	if got, want := authorName(a), "张伟（中国）"; got != want {
		t.Errorf("authorName=%q, want %q", got, want)
	}
	if got := citeLang().Colon(); got != "：" {
		t.Errorf("the lead-in colon is %q, want ：", got)
	}
	f := newNotesFixture(t)
	f.setAuthor(t, "张伟", "中国")
	c := clauseOf(t, f.db, 44, 1)
	addNote(t, f.db, app.Note{Resolution: 44, ClauseID: c.ID, Body: "已有的笔记", Author: a})
	e := startNoteEditor(f.env, app.Note{Resolution: 44, ClauseID: c.ID}, true)
	if len(e.others) != 1 || !strings.Contains(overlayText(f.win), "张伟（中国）：已有的笔记") {
		t.Errorf("the note already on the clause reads:\n%s", overlayText(f.win))
	}
}
