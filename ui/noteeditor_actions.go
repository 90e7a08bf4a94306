package ui

import (
	"context"

	"briefdesk/app"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// What the note editor's buttons do: save, delete and undo, copy.

func (e *noteEditor) onSave() {
	if e.locked || e.save.Disabled() {
		return
	}
	n := e.edited()
	var me *app.Author
	if e.name != nil {
		a := app.Author{Name: oneLine(e.name.Text), Delegation: oneLine(e.delegation.Text)}
		if a.Name == "" {
			uiw.ShowErrorText(lang.L("Please give your name: colleagues who import your notes see whose they are. Nothing was saved."), e.env.Window)
			e.env.Window.Canvas().Focus(e.name)
			return
		}
		n.Author, me = a, &a
	}
	e.save.Disable()
	notes, settings := e.env.Notes, e.env.Settings
	e.env.async(func() {
		ctx := context.Background()
		err := notes.SaveNote(ctx, &n)
		if err == nil && me != nil && settings != nil {
			// The note is saved; a failure here only means being asked again.
			for _, kv := range [][2]string{{app.SettingAuthorName, me.Name}, {app.SettingAuthorDelegation, me.Delegation}} {
				if serr := settings.SetSetting(ctx, kv[0], kv[1]); serr != nil {
					fyne.LogError("save author", serr)
				}
			}
		}
		fyne.Do(func() {
			e.updateSave()
			if err != nil {
				showError(err, e.env.Window)
				return
			}
			e.note, e.isNew = n, false
			e.dlg.Hide()
			e.changed()
		})
	})
}

// onDelete deletes the note (a tombstone) and turns the dialog into a
// short message with Undo, so a slip costs one click.
func (e *noteEditor) onDelete() {
	id, notes := e.note.ID, e.env.Notes
	e.env.async(func() {
		err := notes.DeleteNote(context.Background(), id)
		fyne.Do(func() {
			if err != nil {
				showError(err, e.env.Window)
				return
			}
			e.changed()
			// A dialog of its own, titled for what happened (the editor's
			// "Edit note" over an Undo read as undoing an edit).
			e.dlg.Hide()
			msg := widget.NewLabel(lang.L("The note was deleted.") + "\n" + excerpt(e.note.Body, 80))
			msg.Wrapping = fyne.TextWrapWord
			e.undo = &widget.Button{Text: lang.L("Undo delete"), Importance: widget.HighImportance, OnTapped: e.onUndo}
			e.cancel.SetText(lang.L("Close"))
			e.dlg = dialog.NewCustomWithoutButtons(lang.L("Note deleted"), msg, e.env.Window)
			e.dlg.SetButtons([]fyne.CanvasObject{e.undo, e.cancel})
			e.dlg.Resize(uiw.DialogSize(e.env.Window, 480, e.dlg.MinSize().Height))
			uiw.EscClosesDialog(e.env.Window, e.dlg)
			e.dlg.Show()
		})
	})
}

func (e *noteEditor) onUndo() {
	id, notes := e.note.ID, e.env.Notes
	e.undo.Disable()
	e.env.async(func() {
		err := notes.RestoreNote(context.Background(), id)
		fyne.Do(func() {
			if err != nil {
				e.undo.Enable()
				showError(err, e.env.Window)
				return
			}
			e.dlg.Hide()
			e.changed()
		})
	})
}

// onCopy starts a note of one's own with an imported note's content.
func (e *noteEditor) onCopy() {
	e.dlg.Hide()
	n := e.note
	c := app.Note{Resolution: n.Resolution, ClauseID: n.ClauseID, Body: n.Body, Stance: n.Stance, Priority: n.Priority, Tags: n.Tags}
	if e.res.Clause(n.ClauseID) == nil {
		c.ClauseID = "" // the clause is gone: the copy goes on the resolution
	}
	startNoteEditor(e.env, c, true)
}

func (e *noteEditor) changed() {
	e.env.notesChanged.notify()
}

// bodyEntry is the note's text: Ctrl+Enter or Ctrl+S saves, since Enter
// starts a new line and a focused entry takes the window's shortcuts; Esc
// closes the editor like Cancel; Tab and Shift+Tab move to the next and
// previous field (Stance, Priority, Tags, the buttons), as in every other
// field, rather than typing a tab character.
type bodyEntry struct {
	widget.Entry
	win    fyne.Window
	onSave func()
	rest   cursorRest // the cursor stops blinking when typing pauses
}

func newBodyEntry(w fyne.Window, onSave func()) *bodyEntry {
	e := &bodyEntry{win: w, onSave: onSave}
	e.rest.entry = &e.Entry
	e.MultiLine, e.Wrapping = true, fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(6)
	return e
}

// AcceptsTab is false: Tab moves the focus on (a multi-line Entry would
// take it as text).
func (e *bodyEntry) AcceptsTab() bool { return false }

// FocusGained, FocusLost and TypedRune let the cursor rest (cursorRest):
// a note editor left open while reading costs nothing.
func (e *bodyEntry) FocusGained() { e.rest.focus(); e.Entry.FocusGained() }
func (e *bodyEntry) FocusLost()   { e.rest.lost(); e.Entry.FocusLost() }
func (e *bodyEntry) TypedRune(r rune) {
	e.rest.typed()
	e.Entry.TypedRune(r)
}

func (e *bodyEntry) TypedKey(k *fyne.KeyEvent) {
	e.rest.typed()
	if k.Name == fyne.KeyEscape && uiw.EscCloseTop(e.win) {
		return
	}
	e.Entry.TypedKey(k)
}

func (e *bodyEntry) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok && c.Modifier == fyne.KeyModifierShortcutDefault &&
		(c.KeyName == fyne.KeyReturn || c.KeyName == fyne.KeyEnter || c.KeyName == fyne.KeyS) {
		e.onSave()
		return
	}
	e.Entry.TypedShortcut(s)
}

// dateTimeLayout is how notes show times: local, to the minute.
const dateTimeLayout = "2006-01-02 15:04"
