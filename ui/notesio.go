package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"briefdesk/app"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// Export and import of .briefnotes files from the Notes view. The file
// dialogs only pick a file; exportTo and importFrom do the work on any
// io.Writer or io.Reader, so tests drive them without a file dialog.

const (
	notesExt = ".briefnotes"
	// maxNotesFile is the most read of a file: the format's 20 MiB limit
	// (docs/briefnotes.md) plus one byte, so that the importer sees an
	// oversized file for what it is and says so, without us holding a
	// file of any size in memory.
	maxNotesFile = 20<<20 + 1
)

// onExport asks which notes to export, then where.
func (v *notesView) onExport() {
	mine := 0
	for i := range v.all {
		if !v.all[i].note.Origin.Imported {
			mine++
		}
	}
	all := lang.L("All notes ({{.N}})", map[string]any{"N": len(v.all)})
	only := lang.L("Only my notes ({{.N}})", map[string]any{"N": mine})
	which := widget.NewRadioGroup([]string{all, only}, nil)
	which.Required = true
	which.SetSelected(all)
	hint := widget.NewLabel(lang.L("Deleted notes go with them, so that they are deleted for colleagues who import the file too."))
	hint.Wrapping, hint.SizeName = fyne.TextWrapWord, "helperText"
	d := dialog.NewCustomConfirm(lang.L("Export notes"), lang.L("Choose file…"), lang.L("Cancel"),
		container.NewVBox(which, hint), func(ok bool) {
			if ok {
				v.chooseExportFile(which.Selected == only)
			}
		}, v.env.Window)
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
	uiw.EscClosesDialog(v.env.Window, d)
	d.Show()
}

func (v *notesView) chooseExportFile(mineOnly bool) {
	safeFileWrites()
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		v.exportChosen(w, err, mineOnly)
	}, v.env.Window)
	d.SetFileName("notes-" + time.Now().Format(app.DateLayout) + notesExt)
	d.SetFilter(storage.NewExtensionFileFilter([]string{notesExt}))
	d.Show()
}

// exportChosen exports to the file chosen in the save dialog.
func (v *notesView) exportChosen(w fyne.URIWriteCloser, err error, mineOnly bool) {
	if err != nil {
		showError(err, v.env.Window)
		return
	}
	if w == nil {
		return // cancelled
	}
	u := w.URI()
	out := outputWriter(w)
	var discard func()
	if _, whole := out.(*fileOutput); !whole {
		// Another location's writer may leave half a file. A file on disk
		// is written whole or not at all: on failure, what is there is
		// the file as it was, not to be removed.
		discard = func() {
			if err := storage.Delete(u); err != nil {
				fyne.LogError("remove unfinished export", err)
			}
		}
	}
	v.exportTo(out, filepath.FromSlash(u.Path()), mineOnly, discard)
}

// exportTo writes the notes (only those written here when mineOnly) to w,
// the file at path name, off the UI thread and closes it, then says what
// was written. discard, if set, removes what a failed export leaves
// behind.
func (v *notesView) exportTo(w io.WriteCloser, name string, mineOnly bool, discard func()) {
	notes := v.env.Notes
	count := 0
	for i := range v.all {
		if !mineOnly || !v.all[i].note.Origin.Imported {
			count++
		}
	}
	v.env.async(func() {
		err := notes.ExportNotes(context.Background(), w, app.NoteFilter{Mine: mineOnly}, app.Author{}, nil)
		if cerr := w.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write %s: %w", name, cerr)
		}
		if err != nil && discard != nil {
			discard()
		}
		fyne.Do(func() {
			if err != nil {
				fyne.LogError("export notes", err)
				uiw.ShowErrorText(lang.L("The notes could not be exported to {{.File}}.", map[string]any{"File": name})+"\n\n"+app.ErrorMessage(err), v.env.Window)
				return
			}
			showExported(v.env, lang.L("Export notes"),
				lang.L("Notes written to {{.File}}: {{.N}}.", map[string]any{"N": count, "File": filepath.Base(name)}), name)
		})
	})
}

func (v *notesView) onImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(err, v.env.Window)
			return
		}
		if r == nil {
			return // cancelled
		}
		v.importFrom(r, r.URI().Name())
	}, v.env.Window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{notesExt, ".json"}))
	d.Show()
}

// importFrom reads a notes file (closing r if it is a Closer) and shows
// what importing it would do: a dry run, which changes nothing. The
// import itself waits for the person's "Import".
func (v *notesView) importFrom(r io.Reader, name string) {
	notes := v.env.Notes
	v.env.async(func() {
		data, err := io.ReadAll(io.LimitReader(r, maxNotesFile))
		if c, ok := r.(io.Closer); ok {
			c.Close()
		}
		if err != nil {
			err = &app.Error{Code: app.EINVALID, Message: fmt.Sprintf("cannot read %s", name), Err: err}
		}
		var res app.ImportResult
		if err == nil {
			res, err = notes.ImportNotes(context.Background(), bytes.NewReader(data), name, true)
		}
		fyne.Do(func() {
			if err != nil {
				v.showRejected(name, err)
				return
			}
			v.preview = showImportPreview(v, data, name, res)
		})
	})
}

// showRejected says that a file was not imported, why, and that nothing
// changed.
func (v *notesView) showRejected(name string, err error) {
	fyne.LogError("import notes", err)
	msg := lang.L("The file {{.File}} was not imported. Your notes are exactly as they were.", map[string]any{"File": app.SafeText(name)})
	uiw.ShowErrorText(msg+"\n\n"+app.SafeText(app.ErrorMessage(err)), v.env.Window)
}

// importPreview is the dialog that shows a dry run's counts and imports
// on "Import".
type importPreview struct {
	v       *notesView
	data    []byte
	name    string
	result  app.ImportResult // the dry run's, then the import's
	applied bool

	summary       *widget.Label
	apply, cancel *widget.Button
	dlg           *dialog.CustomDialog
	done          *dialog.CustomDialog // what the import did, once applied
}

func showImportPreview(v *notesView, data []byte, name string, res app.ImportResult) *importPreview {
	p := &importPreview{v: v, data: data, name: name, result: res}
	// No wrapping: wrapped labels make a dialog as tall as they are before
	// it is laid out. The lines are short; a long file name is cut.
	title := widget.NewLabelWithStyle(lang.L("What importing {{.File}} would do:", map[string]any{"File": app.SafeText(name)}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	p.summary = widget.NewLabel(importSummary(res))
	var after string
	if res.Added+res.Updated+res.Conflicts+res.PacksAdded+res.PacksUpdated == 0 {
		after = lang.L("Nothing would change: everything in this file is already here.")
	} else {
		after = lang.L("Nothing has changed yet. BriefDesk backs up the database before it imports.")
	}
	note := widget.NewLabel(after)
	note.SizeName = "helperText"
	p.apply = &widget.Button{Text: lang.L("Import"), Importance: widget.HighImportance, OnTapped: p.onApply}
	p.cancel = &widget.Button{Text: lang.L("Cancel"), OnTapped: func() { p.dlg.Hide() }}
	p.dlg = dialog.NewCustomWithoutButtons(lang.L("Import notes"), container.NewVBox(title, p.summary, note), v.env.Window)
	if res.Added+res.Updated+res.Conflicts+res.PacksAdded+res.PacksUpdated == 0 {
		p.cancel.SetText(lang.L("Close"))
		p.dlg.SetButtons([]fyne.CanvasObject{p.cancel})
	} else {
		p.dlg.SetButtons([]fyne.CanvasObject{p.cancel, p.apply})
	}
	p.dlg.Resize(fyne.NewSize(480, p.dlg.MinSize().Height))
	uiw.EscClosesDialog(v.env.Window, p.dlg)
	p.dlg.Show()
	return p
}

// showDone says what the import did. Not dialog.ShowInformation: it
// centres its text, and a list of counts reads down its left edge.
func (p *importPreview) showDone(name string, res app.ImportResult) {
	title := widget.NewLabelWithStyle(lang.L("Imported {{.File}}:", map[string]any{"File": app.SafeText(name)}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	box := container.NewVBox(title, widget.NewLabelWithStyle(importSummary(res), fyne.TextAlignLeading, fyne.TextStyle{}))
	if res.Conflicts > 0 {
		box.Add(widget.NewLabelWithStyle(lang.L("Resolve the conflicts from the banner above the list."), fyne.TextAlignLeading, fyne.TextStyle{}))
	}
	p.done = dialog.NewCustom(lang.L("Import notes"), lang.L("Close"), box, p.v.env.Window)
	p.done.Resize(fyne.NewSize(480, p.done.MinSize().Height))
	uiw.EscClosesDialog(p.v.env.Window, p.done)
	p.done.Show()
}

// importSummary lists an import's counts, one per line, leaving out
// what does not apply.
func importSummary(r app.ImportResult) string {
	lines := []struct {
		n    int
		text string
	}{
		{r.Added, lang.L("New notes: {{.N}}", map[string]any{"N": r.Added})},
		{r.Updated, lang.L("Updated (changed only in the file): {{.N}}", map[string]any{"N": r.Updated})},
		{r.Unchanged, lang.L("Already here, unchanged: {{.N}}", map[string]any{"N": r.Unchanged})},
		{r.Kept, lang.L("Kept (changed only here): {{.N}}", map[string]any{"N": r.Kept})},
		{r.Conflicts, lang.L("Conflicts (changed on both sides), for you to resolve: {{.N}}", map[string]any{"N": r.Conflicts})},
		{r.NeedsAnchor, lang.L("Need re-anchoring (their clause is gone or changed): {{.N}}", map[string]any{"N": r.NeedsAnchor})},
		{r.PacksAdded, lang.L("New briefing packs: {{.N}}", map[string]any{"N": r.PacksAdded})},
		{r.PacksUpdated, lang.L("Briefing packs updated (the file's version is newer): {{.N}}", map[string]any{"N": r.PacksUpdated})},
	}
	var b strings.Builder
	for i, l := range lines {
		if l.n == 0 && i > 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("• " + l.text)
	}
	return b.String()
}

func (p *importPreview) onApply() {
	if p.applied {
		return
	}
	p.apply.Disable()
	p.cancel.Disable()
	notes, data, name := p.v.env.Notes, p.data, p.name
	p.v.env.async(func() {
		res, err := notes.ImportNotes(context.Background(), bytes.NewReader(data), name, false)
		fyne.Do(func() {
			p.cancel.Enable()
			p.dlg.Hide()
			if err != nil {
				p.apply.Enable()
				p.v.showRejected(name, err)
				return
			}
			p.result, p.applied, p.data = res, true, nil
			p.v.env.notesChanged.notify()
			p.showDone(name, res)
		})
	})
}
