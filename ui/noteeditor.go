package ui

import (
	"context"
	"strings"

	"briefdesk/app"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// noteEditor is the dialog in which a delegate writes, changes or deletes
// one note. A colleague's imported note opens read-only, saying whose it
// is: changing it is a deliberate step ("Edit their note"), and what is
// saved stays under their name; "Copy as my note" starts a note of one's
// own from it instead.
type noteEditor struct {
	env   *screenEnv
	note  app.Note // as loaded; ID "" for a new note
	isNew bool
	res   *app.Resolution // nil when the corpus lacks the resolution
	// others are the live notes already on the same clause (new notes
	// only), so a person sees what is there before writing another.
	others []app.Note
	author app.Author // from the settings; Name "" means ask
	locked bool       // an imported note not yet unlocked for editing

	body             *bodyEntry
	bodyBox          *fyne.Container // the entry, or the read-only text
	stance           *widget.RadioGroup
	priority         *widget.Select
	tags             *uiw.DialogEntry
	name, delegation *uiw.DialogEntry // only while the author is unknown

	save, cancel, del, unlock, copyMine, undo *widget.Button
	box                                       *fyne.Container // the dialog's content
	dlg                                       *dialog.CustomDialog
}

// openNoteEditor opens the note editor for a new note on resolution n
// (clauseID "" for the whole resolution), or for existing when not nil.
func openNoteEditor(env *screenEnv, n int, clauseID string, existing *app.Note) {
	if existing != nil {
		startNoteEditor(env, *existing, false)
		return
	}
	startNoteEditor(env, app.Note{Resolution: n, ClauseID: clauseID, Stance: app.StanceNone}, true)
}

// startNoteEditor loads what the editor shows off the UI thread, then
// opens it. The returned editor's dialog exists once loading is done (at
// once in tests, where env.runAsync is synchronous).
func startNoteEditor(env *screenEnv, n app.Note, isNew bool) *noteEditor {
	e := &noteEditor{env: env, note: n, isNew: isNew}
	e.note.Tags = append([]string(nil), n.Tags...)
	if env.Notes == nil {
		return e
	}
	e.env.async(func() {
		err := e.load(context.Background())
		fyne.Do(func() {
			if err != nil {
				showError(err, env.Window)
				return
			}
			e.build()
			e.dlg.Show()
			if !e.locked {
				e.focus()
			}
		})
	})
	return e
}

// load reads the resolution, the author and, for an existing note, its
// latest version (the list it was opened from may be older).
func (e *noteEditor) load(ctx context.Context) error {
	if e.env.Corpus != nil {
		r, err := e.env.Corpus.Resolution(ctx, e.note.Resolution)
		if err != nil && app.ErrorCode(err) != app.ENOTFOUND {
			return err
		}
		e.res = r
	}
	if !e.isNew {
		cur, err := e.env.Notes.Note(ctx, e.note.ID)
		if err != nil {
			return err
		}
		e.note = *cur
		e.locked = cur.Origin.Imported
		return nil
	}
	if s := e.env.Settings; s != nil {
		var err error
		if e.author.Name, err = s.Setting(ctx, app.SettingAuthorName); err != nil {
			return err
		}
		if e.author.Delegation, err = s.Setting(ctx, app.SettingAuthorDelegation); err != nil {
			return err
		}
	}
	list, err := e.env.Notes.Notes(ctx, app.NoteFilter{Resolution: e.note.Resolution, ClauseID: e.note.ClauseID})
	if err != nil {
		return err
	}
	for _, o := range list {
		if o.ClauseID == e.note.ClauseID && !o.Deleted {
			e.others = append(e.others, o)
		}
	}
	return nil
}

func (e *noteEditor) build() {
	n := &e.note
	e.body = newBodyEntry(e.env.Window, e.onSave)
	e.body.SetText(app.SafeText(n.Body))
	e.body.SetPlaceHolder(lang.L("Your note: position, reasons, what to ask for…"))
	e.body.OnChanged = func(string) { e.updateSave() }
	e.bodyBox = container.NewStack(e.body)

	var stances []string
	for _, s := range app.Stances {
		stances = append(stances, stanceLabel(s))
	}
	e.stance = widget.NewRadioGroup(stances, nil)
	e.stance.Horizontal, e.stance.Required = true, true
	e.stance.SetSelected(stanceLabel(n.Stance))
	e.priority = widget.NewSelect(priorityLabels(), nil)
	e.priority.SetSelectedIndex(max(0, min(n.Priority, 3)))
	e.tags = uiw.NewDialogEntry(e.env.Window)
	e.tags.SetPlaceHolder(lang.L("e.g. SG1, budget (separate with commas)"))
	e.tags.SetText(app.SafeText(strings.Join(n.Tags, ", ")))

	items := []*widget.FormItem{widget.NewFormItem(lang.L("Note"), e.bodyBox)}
	items = append(items,
		widget.NewFormItem(lang.L("Stance"), e.stance),
		widget.NewFormItem(lang.L("Priority"), e.priority),
		widget.NewFormItem(lang.L("Tags"), e.tags))
	if e.isNew && strings.TrimSpace(e.author.Name) == "" {
		e.name, e.delegation = uiw.NewDialogEntry(e.env.Window), uiw.NewDialogEntry(e.env.Window)
		e.name.SetPlaceHolder(lang.L("Your name"))
		e.delegation.SetPlaceHolder(lang.L("e.g. China"))
		items = append(items,
			widget.NewFormItem(lang.L("Your name"), e.name),
			widget.NewFormItem(lang.L("Delegation"), e.delegation))
	}
	form := widget.NewForm(items...)

	top := container.NewVBox(e.aboutPart()...)
	parts := []fyne.CanvasObject{top, widget.NewSeparator(), form}
	if o := e.othersPart(); o != nil {
		parts = append(parts, widget.NewSeparator(), o)
	}
	e.box = container.NewStack(container.NewVBox(parts...))

	e.save = &widget.Button{Text: lang.L("Save"), Importance: widget.HighImportance, OnTapped: e.onSave}
	e.cancel = &widget.Button{Text: lang.L("Cancel"), OnTapped: func() { e.dlg.Hide() }}
	e.del = &widget.Button{Text: lang.L("Delete"), Importance: widget.DangerImportance, OnTapped: e.onDelete}
	e.unlock = &widget.Button{Text: lang.L("Edit their note"), OnTapped: e.onUnlock}
	e.copyMine = &widget.Button{Text: lang.L("Copy as my note"), OnTapped: e.onCopy}
	title := lang.L("Edit note")
	if e.isNew {
		title = lang.L("New note")
	}
	e.dlg = dialog.NewCustomWithoutButtons(title, container.NewVScroll(e.box), e.env.Window)
	if e.locked {
		e.lock()
	} else {
		e.setButtons()
	}
	e.updateSave()
	e.dlg.Resize(uiw.DialogSize(e.env.Window, 640, min(680, e.box.MinSize().Height+150)))
	uiw.EscClosesDialog(e.env.Window, e.dlg)
}

// aboutPart says what the note is about and whose it is.
func (e *noteEditor) aboutPart() []fyne.CanvasObject {
	n := &e.note
	where := widget.NewLabelWithStyle(noteWhere(e.res, n), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	where.Wrapping = fyne.TextWrapWord
	out := []fyne.CanvasObject{where}
	caption := func(s string, imp widget.Importance) {
		l := widget.NewLabel(s)
		l.Wrapping, l.Importance, l.SizeName = fyne.TextWrapWord, imp, "helperText"
		out = append(out, l)
	}
	switch c := e.res.Clause(n.ClauseID); {
	case e.res == nil:
		caption(lang.L("This resolution is not in the document BriefDesk holds now."), widget.WarningImportance)
	case c != nil:
		caption(excerpt(c.Text, 240), widget.MediumImportance)
	case n.ClauseID == "":
		caption(excerpt(e.res.DisplayTitle(), 240)+" · "+lang.L("note on the whole resolution"), widget.MediumImportance)
	}
	if !e.isNew && n.NeedsReanchor {
		msg := lang.L("Needs re-anchoring: the clause this note was written on is gone or its text has changed.")
		l := widget.NewLabel(msg)
		l.Wrapping, l.Importance = fyne.TextWrapWord, widget.WarningImportance
		btn := &widget.Button{Text: lang.L("Re-anchor…"), OnTapped: func() {
			e.dlg.Hide()
			showAnchorDialog(e.env, e.note, e.res)
		}}
		out = append(out, container.NewBorder(nil, nil, nil, btn, l))
	}
	switch {
	case n.Origin.Imported:
		caption(lang.L("This is {{.Author}}'s note, imported from {{.File}} on {{.Date}}. What you save here stays under their name and goes out as their note when you export.",
			map[string]any{"Author": authorName(n.Author), "File": app.SafeText(oneLine(n.Origin.File)), "Date": n.Origin.ImportedAt.Local().Format(app.DateLayout)}),
			widget.HighImportance)
	case !e.isNew:
		caption(lang.L("Written by {{.Author}} · created {{.Created}} · updated {{.Updated}}",
			map[string]any{"Author": authorName(n.Author), "Created": n.Created.Local().Format(dateTimeLayout), "Updated": n.Updated.Local().Format(dateTimeLayout)}),
			widget.MediumImportance)
	case strings.TrimSpace(e.author.Name) != "":
		caption(lang.L("Written as {{.Author}}. You can change your name in Settings.", map[string]any{"Author": authorName(e.author)}), widget.MediumImportance)
	default:
		caption(lang.L("Your name and delegation go with your notes when you share them. They are asked for once and kept in Settings."), widget.MediumImportance)
	}
	return out
}

// othersPart lists the notes already on this clause, each one tap away.
func (e *noteEditor) othersPart() fyne.CanvasObject {
	if len(e.others) == 0 {
		return nil
	}
	box := container.NewVBox(widget.NewLabelWithStyle(lang.L("Already on this clause:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	const shown = 5
	for i, o := range e.others {
		if i == shown {
			more := widget.NewLabel(lang.L("and {{.N}} more in the Notes view", map[string]any{"N": len(e.others) - shown}))
			more.Importance = widget.LowImportance
			box.Add(more)
			break
		}
		l := widget.NewLabel(stanceLabel(o.Stance) + " · " + authorName(o.Author) + citeLang().Colon() + excerpt(o.Body, 80))
		l.Truncation = fyne.TextTruncateEllipsis
		open := &widget.Button{Text: lang.L("Open"), Importance: widget.LowImportance, OnTapped: func() {
			e.dlg.Hide()
			startNoteEditor(e.env, o, false)
		}}
		box.Add(container.NewBorder(nil, nil, nil, open, l))
	}
	return box
}

// lock shows an imported note read-only: its text as a label, so that it
// reads in full contrast, and the fields disabled.
func (e *noteEditor) lock() {
	text := widget.NewLabel(truncateRunes(app.SafeText(e.note.Body), 5000))
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(440, 140))
	e.bodyBox.Objects = []fyne.CanvasObject{scroll}
	e.bodyBox.Refresh()
	e.stance.Disable()
	e.priority.Disable()
	e.tags.Disable()
	e.setButtons()
}

func (e *noteEditor) onUnlock() {
	e.locked = false
	e.bodyBox.Objects = []fyne.CanvasObject{e.body}
	e.bodyBox.Refresh()
	e.stance.Enable()
	e.priority.Enable()
	e.tags.Enable()
	e.setButtons()
	e.focus()
}

func (e *noteEditor) setButtons() {
	var b []fyne.CanvasObject
	switch {
	case e.locked:
		b = []fyne.CanvasObject{e.del, e.copyMine, e.unlock, e.cancel}
		e.cancel.SetText(lang.L("Close"))
	case e.isNew:
		b = []fyne.CanvasObject{e.cancel, e.save}
	default:
		b = []fyne.CanvasObject{e.del, e.cancel, e.save}
		e.cancel.SetText(lang.L("Cancel"))
	}
	e.dlg.SetButtons(b)
}

func (e *noteEditor) focus() {
	if c := e.env.Window; c != nil {
		c.Canvas().Focus(e.body)
	}
}

func (e *noteEditor) updateSave() {
	if strings.TrimSpace(e.body.Text) == "" {
		e.save.Disable()
	} else {
		e.save.Enable()
	}
}

// edited is the note with what the fields say.
func (e *noteEditor) edited() app.Note {
	n := e.note
	n.Body = app.NoteBody(e.body.Text)
	if n.Body == app.NoteBody(app.SafeText(e.note.Body)) {
		// Unchanged but for what SafeText hides: keep the text as written.
		n.Body = e.note.Body
	}
	n.Stance = app.Stances[max(0, e.stanceIndex())]
	n.Priority = max(0, e.priority.SelectedIndex())
	n.Tags = parseTags(e.tags.Text)
	if strings.Join(n.Tags, ", ") == app.SafeText(strings.Join(e.note.Tags, ", ")) {
		n.Tags = e.note.Tags
	}
	return n
}

func (e *noteEditor) stanceIndex() int {
	for i, s := range app.Stances {
		if stanceLabel(s) == e.stance.Selected {
			return i
		}
	}
	return len(app.Stances) - 1 // none
}
