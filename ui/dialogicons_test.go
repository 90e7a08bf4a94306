package ui

import (
	"errors"
	"testing"

	"briefdesk/app"
	"briefdesk/ui/tables"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// iconBesideText fails unless the dialog on top of w draws its icon as a
// widget.Icon left of every label of its message (the shared helpers of
// ui/widget; Fyne's own dialogs draw it behind the text).
func iconBesideText(t *testing.T, w fyne.Window, what string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("%s: no dialog", what)
	}
	var icon *widget.Icon
	var labels []*widget.Label
	for _, o := range test.LaidOutObjects(top) {
		switch x := o.(type) {
		case *widget.Icon:
			icon = x
		case *widget.Label:
			if x.Text != "" {
				labels = append(labels, x)
			}
		}
	}
	if icon == nil || len(labels) == 0 {
		t.Fatalf("%s: icon %v, %d labels: not a message dialog with its icon beside the text", what, icon != nil, len(labels))
	}
	d := fyne.CurrentApp().Driver()
	ip := d.AbsolutePositionForObject(icon)
	right, bottom := ip.X+icon.Size().Width, ip.Y+icon.Size().Height
	for _, l := range labels {
		lp := d.AbsolutePositionForObject(l)
		beside := lp.Y < bottom && lp.Y+l.Size().Height > ip.Y // the title is above
		if beside && lp.X < right {
			t.Errorf("%s: text %q starts at x %v, under the icon ending at %v", what, l.Text, lp.X, right)
		}
	}
	w.Canvas().Overlays().Top().Hide()
}

// TestScreenDialogsIconBesideText: the errors, questions and notices of the
// Notes, Packs and Tables screens use the dialogs whose icon sits beside
// the message (issue #10), not Fyne's, whose icon the text runs over.
func TestScreenDialogsIconBesideText(t *testing.T) {
	nf := newNotesFixture(t)
	nf.v.showRejected("bad.briefnotes", app.Errorf(app.EINVALID, "the file is not valid JSON"))
	iconBesideText(t, nf.win, "notes import rejected")
	nf.v.confirmRestore(app.Note{ID: "x", Body: "a deleted note"})
	iconBesideText(t, nf.win, "restore note")

	pf := newPacksFixture(t)
	pf.v.fail("The pack could not be saved.", errors.New("disk full"))
	iconBesideText(t, pf.win, "packs failure")
	pf.v.ask("Delete pack", "Delete the pack?", "Delete", func() {}, nil)
	iconBesideText(t, pf.win, "packs question")

	tf := newTablesFixture(t)
	tf.v.show(tables.NameSideBySide) // nothing picked: no table to export
	tf.v.onExport()
	iconBesideText(t, tf.w, "tables export refused")
}
