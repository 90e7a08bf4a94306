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

// conflictDialog walks through the import conflicts one at a time: the
// two versions of a note side by side, what differs in bold, and "Keep
// mine" / "Keep theirs" / "Keep both" (theirs as a new note). Each choice
// is saved at once.
type conflictDialog struct {
	env  *screenEnv
	list []app.Conflict
	res  map[int]*app.Resolution
	at   int

	where, counter                             *widget.Label
	panes                                      *fyne.Container
	keepMine, keepTheirs, keepBoth, prev, next *widget.Button
	dlg                                        *dialog.CustomDialog
}

func showConflictDialog(env *screenEnv, list []app.Conflict, res map[int]*app.Resolution) *conflictDialog {
	c := &conflictDialog{env: env, list: append([]app.Conflict(nil), list...), res: res}
	c.where = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.where.Truncation = fyne.TextTruncateEllipsis
	c.counter = widget.NewLabel("")
	c.counter.Importance = widget.LowImportance
	c.panes = container.NewGridWithColumns(2)
	c.keepMine = &widget.Button{Text: lang.L("Keep mine"), OnTapped: func() { c.resolve(app.KeepMine) }}
	c.keepTheirs = &widget.Button{Text: lang.L("Keep theirs"), OnTapped: func() { c.resolve(app.KeepTheirs) }}
	c.keepBoth = &widget.Button{Text: lang.L("Keep both"), OnTapped: func() { c.resolve(app.KeepBoth) }}
	c.prev = &widget.Button{Text: lang.L("Previous"), Importance: widget.LowImportance, OnTapped: func() { c.showAt(c.at - 1) }}
	c.next = &widget.Button{Text: lang.L("Next"), Importance: widget.LowImportance, OnTapped: func() { c.showAt(c.at + 1) }}
	closeBtn := &widget.Button{Text: lang.L("Close"), OnTapped: func() { c.dlg.Hide() }}
	intro := widget.NewLabel(lang.L("This note was changed both here and in the file since you last exchanged it. Keep one version, or both: theirs then becomes a new note. What you keep replaces both old versions wherever it travels next."))
	intro.Wrapping = fyne.TextWrapWord
	intro.SizeName = "helperText"
	top := container.NewVBox(container.NewBorder(nil, nil, nil, c.counter, c.where), intro)
	c.dlg = dialog.NewCustomWithoutButtons(lang.L("Conflicts"), container.NewBorder(top, nil, nil, nil, c.panes), env.Window)
	c.dlg.SetButtons([]fyne.CanvasObject{c.prev, c.next, closeBtn, c.keepMine, c.keepTheirs, c.keepBoth})
	c.dlg.Resize(uiw.DialogSize(env.Window, 820, 560))
	c.showAt(0)
	uiw.EscClosesDialog(env.Window, c.dlg)
	c.dlg.Show()
	return c
}

func (c *conflictDialog) showAt(i int) {
	if len(c.list) == 0 {
		return
	}
	c.at = max(0, min(i, len(c.list)-1))
	cf := &c.list[c.at]
	c.where.SetText(noteWhere(c.res[cf.Local.Resolution], &cf.Local))
	c.counter.SetText(lang.L("{{.I}} of {{.N}}", map[string]any{"I": c.at + 1, "N": len(c.list)}))
	theirs := lang.L("Theirs: from {{.File}}", map[string]any{"File": app.SafeText(oneLine(cf.Incoming.Origin.File))})
	if cf.Incoming.Origin.File == "" {
		theirs = lang.L("Theirs: imported")
	}
	c.panes.Objects = []fyne.CanvasObject{
		versionPane(lang.L("Mine: the version here"), &cf.Local, &cf.Incoming),
		versionPane(theirs, &cf.Incoming, &cf.Local),
	}
	c.panes.Refresh()
	setEnabled(c.prev, c.at > 0)
	setEnabled(c.next, c.at < len(c.list)-1)
	// A version that deletes the note makes no second note.
	setEnabled(c.keepBoth, !cf.Incoming.Deleted)
}

// versionPane shows one version of a note; fields that differ from other
// are bold.
func versionPane(title string, n, other *app.Note) fyne.CanvasObject {
	field := func(text string, differs bool) *widget.Label {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: differs})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	stance := stanceLabel(n.Stance)
	if p := priorityLabel(n.Priority); p != "" {
		stance += " · " + p
	}
	tags := strings.Join(n.Tags, ", ")
	shownTags := truncateRunes(app.SafeText(tags), 120)
	if tags == "" {
		shownTags = lang.L("(no tags)") // an empty "Tags:" read like a glitch
	}
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Importance = widget.HighImportance
	head.Truncation = fyne.TextTruncateEllipsis
	fields := container.NewVBox(head,
		field(lang.L("By {{.Author}}", map[string]any{"Author": authorName(n.Author)}), n.Author != other.Author),
		field(stance, n.Stance != other.Stance || n.Priority != other.Priority),
		field(lang.L("Tags:")+" "+shownTags, tags != strings.Join(other.Tags, ", ")),
		field(lang.L("Updated {{.Date}}", map[string]any{"Date": n.Updated.Local().Format(dateTimeLayout)}), false),
	)
	if n.Deleted {
		fields.Add(field(lang.L("This version deletes the note."), !other.Deleted))
	}
	body := widget.NewLabel(truncateRunes(app.SafeText(n.Body), 3000))
	body.Wrapping = fyne.TextWrapWord
	body.TextStyle.Bold = n.Body != other.Body
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(300, 220))
	return container.NewBorder(fields, nil, nil, nil, scroll)
}

// resolve settles the conflict on screen as chosen, then shows the next,
// or closes once none is left.
func (c *conflictDialog) resolve(keep app.Keep) {
	if len(c.list) == 0 {
		return
	}
	id, notes := c.list[c.at].ID, c.env.Notes
	c.keepMine.Disable()
	c.keepTheirs.Disable()
	c.keepBoth.Disable()
	c.env.async(func() {
		err := notes.ResolveConflict(context.Background(), id, keep)
		fyne.Do(func() {
			c.keepMine.Enable()
			c.keepTheirs.Enable()
			c.keepBoth.Enable()
			if err != nil {
				showError(err, c.env.Window)
				return
			}
			c.list = append(c.list[:c.at], c.list[c.at+1:]...)
			c.env.notesChanged.notify()
			if len(c.list) == 0 {
				c.dlg.Hide()
				uiw.ShowInfo(lang.L("Conflicts"), lang.L("All conflicts are resolved."), c.env.Window)
				return
			}
			c.showAt(c.at)
		})
	})
}
