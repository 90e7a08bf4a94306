package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"briefdesk/app"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestNoteEditorTabLeavesText: Tab in the note's text moves the focus to
// Stance, then Priority, Tags and the buttons, typing no tab; Shift+Tab
// comes back; tabs at the ends of the text are not saved.
func TestNoteEditorTabLeavesText(t *testing.T) {
	f := newNotesFixture(t)
	f.setAuthor(t, "Li", "China")
	e := startNoteEditor(f.env, app.Note{Resolution: 2}, true)
	c := f.win.Canvas()
	if c.Focused() != e.body {
		t.Fatalf("the editor opens with %T focused, want the text", c.Focused())
	}
	test.Type(e.body, "支持")
	tab := func() {
		t.Helper()
		c.FocusNext()
	}
	// The canvas moves the focus on Tab only for widgets that do not take
	// Tab themselves: that is what AcceptsTab tells it.
	if e.body.AcceptsTab() {
		t.Fatal("the note text takes Tab as a character")
	}
	var order []string
	for range 9 {
		tab()
		switch x := c.Focused().(type) {
		case *widget.Select:
			if x == e.priority {
				order = append(order, "priority")
			}
		case *uiw.DialogEntry:
			if x == e.tags {
				order = append(order, "tags")
			}
		case *widget.Button:
			order = append(order, x.Text)
		default:
			if strings.Contains(fmt.Sprintf("%T", x), "radio") {
				order = append(order, "stance")
			}
		}
	}
	got := strings.Join(dedupe(order), ",")
	if want := "stance,priority,tags," + e.cancel.Text + "," + e.save.Text; !strings.HasPrefix(got, want) {
		t.Errorf("Tab goes through %q, want %q", got, want)
	}
	if e.body.Text != "支持" {
		t.Errorf("the text became %q", e.body.Text)
	}
	e.body.SetText("\t\t支持这一条\t")
	test.Tap(e.save)
	notes, err := f.db.Notes(context.Background(), app.NoteFilter{})
	if err != nil || len(notes) != 1 || notes[0].Body != "支持这一条" {
		t.Fatalf("saved %+v, %v; want the text without its tabs", notes, err)
	}
}

func dedupe(s []string) []string {
	var out []string
	for _, x := range s {
		if len(out) == 0 || out[len(out)-1] != x {
			out = append(out, x)
		}
	}
	return out
}

// TestDeletedNoteUndoTitled: after Delete the dialog is titled for the
// deletion and its button says what it undoes.
func TestDeletedNoteUndoTitled(t *testing.T) {
	f := newNotesFixture(t)
	f.setAuthor(t, "Li", "China")
	n := addNote(t, f.db, app.Note{Resolution: 2, Body: "to go", Stance: app.StanceWatch})
	e := startNoteEditor(f.env, n, false)
	test.Tap(e.del)
	text := overlayText(f.win)
	if !strings.Contains(text, "Note deleted") || strings.Contains(text, "Edit note") {
		t.Errorf("after Delete the dialog reads:\n%s", text)
	}
	if e.undo.Text != "Undo delete" {
		t.Errorf("the undo button says %q", e.undo.Text)
	}
	test.Tap(e.undo)
	if got, _ := f.db.Note(context.Background(), n.ID); got.Deleted {
		t.Error("Undo delete left the note deleted")
	}
	if f.win.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stays open after Undo delete")
	}
}
