package ui

import (
	"context"
	"strings"
	"testing"

	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// overlayButton finds the button labelled text in the window's dialogs.
func overlayButton(w fyne.Window, text string) *widget.Button {
	for _, o := range w.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			if b, ok := x.(*widget.Button); ok && b.Text == text {
				return b
			}
		}
	}
	return nil
}

// TestNotesViewDeletedAndRestore: deleted notes can be listed later and
// restored from the list, not only by the Undo right after deleting.
func TestNotesViewDeletedAndRestore(t *testing.T) {
	f := newNotesFixture(t)
	f.setAuthor(t, "Li", "China")
	ctx := context.Background()
	addNote(t, f.db, app.Note{Resolution: 2, Body: "still here"})
	gone := addNote(t, f.db, app.Note{Resolution: 44, Body: "deleted last week", Tags: []string{"SG1"}})
	f.v.reload()
	if f.v.trashBtn.Visible() {
		t.Fatal("the deleted-notes button shows with nothing deleted")
	}
	if err := f.db.DeleteNote(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	f.v.reload()
	if got := strings.Join(f.shownBodies(), "|"); got != "still here" {
		t.Fatalf("live list shows %q", got)
	}
	if !f.v.trashBtn.Visible() || f.v.trashBtn.Text != "Deleted notes (1)" {
		t.Fatalf("deleted-notes button: visible=%v %q", f.v.trashBtn.Visible(), f.v.trashBtn.Text)
	}

	test.Tap(f.v.trashBtn)
	if got := strings.Join(f.shownBodies(), "|"); got != "deleted last week" {
		t.Fatalf("deleted list shows %q", got)
	}
	if f.v.count.Text != "Deleted notes: 1 of 1" || f.v.trashBtn.Text != "Back to notes" {
		t.Fatalf("count %q, button %q", f.v.count.Text, f.v.trashBtn.Text)
	}
	// The filters work on deleted notes too.
	test.Type(f.v.text, "nothing like it")
	if len(f.v.shown) != 0 || !f.v.empty.Visible() || f.v.empty.Text != "No deleted notes match these filters." {
		t.Fatalf("filtered deleted list: %d shown, empty %q", len(f.v.shown), f.v.empty.Text)
	}
	f.v.text.SetText("")
	f.v.tag.SetSelected("SG1")
	if len(f.v.shown) != 1 {
		t.Fatalf("tag filter on deleted notes shows %d", len(f.v.shown))
	}

	// Choosing a deleted note asks to restore it, and Restore does.
	f.v.list.Select(0)
	if !strings.Contains(overlayText(f.win), "Restore this note?") || !strings.Contains(overlayText(f.win), "deleted last week") {
		t.Fatalf("no restore question:\n%s", overlayText(f.win))
	}
	b := overlayButton(f.win, "Restore")
	if b == nil {
		t.Fatal("no Restore button")
	}
	before := f.changed
	test.Tap(b)
	dismissOverlays(f.win)
	if n, err := f.db.Note(ctx, gone.ID); err != nil || n.Deleted || n.Body != "deleted last week" {
		t.Fatalf("after Restore: %+v, %v", n, err)
	}
	if f.changed == before {
		t.Fatal("restoring did not tell the other views")
	}
	f.v.clearFilters()
	if len(f.v.shown) != 0 || f.v.empty.Text != "No deleted notes." {
		t.Fatalf("deleted list after restoring: %d shown, %q", len(f.v.shown), f.v.empty.Text)
	}
	test.Tap(f.v.trashBtn)
	if got := strings.Join(f.shownBodies(), "|"); got != "still here|deleted last week" {
		t.Fatalf("live list after restoring shows %q", got)
	}
	if f.v.trashBtn.Visible() {
		t.Fatal("the deleted-notes button stays with nothing deleted")
	}
}
