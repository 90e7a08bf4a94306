package ui

import (
	"context"

	"briefdesk/app"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// The Notes view's list of deleted notes. A deleted note stays in the
// database as a tombstone, so that the deletion travels in exports; here
// it can be found again and restored at any time, not only through the
// Undo offered right after deleting.

// updateTrash words the button that switches between the live and the
// deleted notes, and hides it while there is nothing to switch to.
func (v *notesView) updateTrash() {
	if v.trashBtn == nil {
		return
	}
	switch {
	case v.q.deleted:
		v.trashBtn.SetText(lang.L("Back to notes"))
		v.trashBtn.Show()
	case len(v.deleted) > 0:
		v.trashBtn.SetText(lang.L("Deleted notes ({{.N}})", map[string]any{"N": len(v.deleted)}))
		v.trashBtn.Show()
	default:
		v.trashBtn.Hide()
	}
}

// toggleDeleted shows the deleted notes instead of the live ones, or the
// live ones again. The other filters stay as they are.
func (v *notesView) toggleDeleted() {
	v.q.deleted = !v.q.deleted
	v.refilter()
	v.updateBanners()
}

// confirmRestore asks before bringing a deleted note back.
func (v *notesView) confirmRestore(n app.Note) {
	msg := lang.L("Restore this note? It comes back among the notes, and colleagues who import your next export get it back too.") +
		"\n\n" + truncateRunes(app.SafeText(oneLine(n.Body)), 120)
	uiw.NewConfirm(lang.L("Restore note"), msg, lang.L("Restore"), lang.L("No"), func(ok bool) {
		if ok {
			v.restore(n.ID)
		}
	}, v.env.Window).Show()
}

// restore brings the note back off the UI thread, then reloads every view
// that counts notes.
func (v *notesView) restore(id string) {
	notes := v.env.Notes
	v.env.async(func() {
		err := notes.RestoreNote(context.Background(), id)
		fyne.Do(func() {
			if err != nil {
				showError(err, v.env.Window)
				return
			}
			v.env.notesChanged.notify() // the Notes view reloads: it listens
		})
	})
}
