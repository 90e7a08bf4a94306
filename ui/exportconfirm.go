package ui

import (
	"errors"
	"path/filepath"

	"briefdesk/app"
	"briefdesk/ui/shell"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Every export (pack PDF, table CSV, notes file) ends with the same
// confirmation: what was written, the file's full path, and buttons to
// open the file or show it in its folder.

// shellOpen and shellShow open a file and show it in its folder; tests
// replace them.
var (
	shellOpen = shell.Open
	shellShow = shell.ShowInFolder
)

// showExported shows the confirmation for the file at path on env's
// window, titled title, with summary saying what it holds. The path is
// shown whole (wrapped if long) and can be selected and copied.
func showExported(env *screenEnv, title, summary, path string) *dialog.CustomDialog {
	w := env.Window
	text := widget.NewLabel(summary)
	where := &widget.Label{Text: path, Wrapping: fyne.TextWrapBreak, Selectable: true}
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(text, where), w)
	d.SetButtons([]fyne.CanvasObject{
		&widget.Button{Text: lang.L("Close"), OnTapped: d.Hide},
		&widget.Button{Text: lang.L("Show folder"), OnTapped: func() {
			d.Hide()
			openFile(env, path, true)
		}},
		&widget.Button{Text: lang.L("Open"), Importance: widget.HighImportance, OnTapped: func() {
			d.Hide()
			openFile(env, path, false)
		}},
	})
	uiw.SizeForText(w, d, text, where)
	uiw.EscClosesDialog(w, d)
	d.Show()
	return d
}

// openFile opens path (show: its folder) off the UI thread. Where that
// fails, the person is told where the file is, so that they can open it
// themselves: the full path, selectable, and what went wrong in words.
func openFile(env *screenEnv, path string, show bool) {
	env.async(func() {
		var err error
		if show {
			err = shellShow(path)
		} else {
			err = shellOpen(path)
		}
		if err == nil {
			return
		}
		fyne.LogError("open "+path, err)
		fyne.Do(func() { showOpenFailed(env.Window, path, show, err) })
	})
}

// showOpenFailed says that path (show: its folder) could not be opened,
// and where it is.
func showOpenFailed(w fyne.Window, path string, show bool, err error) dialog.Dialog {
	target := path
	if show {
		target = filepath.Dir(path)
	}
	reason := app.ErrorMessage(err)
	if errors.Is(err, shell.ErrNoProgram) {
		reason = lang.L("This computer has no program set up to open it.")
	}
	msg := widget.NewLabel(lang.L("BriefDesk could not open {{.File}}.", map[string]any{"File": filepath.Base(target)}))
	why := &widget.Label{Text: reason, Wrapping: fyne.TextWrapWord}
	hint := widget.NewLabel(lang.L("You can open it from your file manager; it is here:"))
	where := &widget.Label{Text: path, Wrapping: fyne.TextWrapBreak, Selectable: true}
	d := dialog.NewCustom(lang.L("Could not open"), lang.L("Close"), container.NewVBox(msg, why, hint, where), w)
	uiw.SizeForText(w, d, msg, why, hint, where)
	uiw.EscClosesDialog(w, d)
	d.Show()
	return d
}
