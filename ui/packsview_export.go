package ui

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefdesk/app"
	"briefdesk/ui/pdf"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// PDF export from the Packs view.
//
// Fyne's file-save dialog creates (truncates) the chosen file before it
// returns, which would break pdf.Export's promise that a failed export
// leaves any existing file as it was. So the export dialog asks for a
// folder (through Fyne's folder dialog) and a file name, and only the
// functions below touch the file: exportPath, needsOverwrite and
// exportPack take plain paths, and tests call them directly.

// prefExportFolder remembers the folder of the last export.
const prefExportFolder = "packs.exportFolder"

// onExport asks where to write the pack as the editor shows it (saved or
// not: what you see is what you print).
func (v *packsView) onExport() {
	p, err := v.ed.pack()
	if err != nil {
		v.fail(lang.L("Nothing was exported."), err)
		return
	}
	prefs := fyne.CurrentApp().Preferences()
	folder := widget.NewEntry()
	folder.SetText(prefs.StringWithFallback(prefExportFolder, defaultExportFolder()))
	name := widget.NewEntry()
	name.SetText(pdfFileName(p))
	browse := &widget.Button{Text: lang.L("Choose folder…"), OnTapped: func() {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				folder.SetText(u.Path())
			}
		}, v.env.Window)
		if l, err := storage.ListerForURI(storage.NewFileURI(folder.Text)); err == nil {
			d.SetLocation(l)
		}
		d.Show()
	}}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Folder"), container.NewBorder(nil, nil, nil, browse, folder)),
		widget.NewFormItem(lang.L("File name"), name),
	}
	d := dialog.NewForm(lang.L("Export PDF"), lang.L("Export"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		path, err := exportPath(folder.Text, name.Text)
		if err != nil {
			v.fail(lang.L("Nothing was exported."), err)
			return
		}
		prefs.SetString(prefExportFolder, filepath.Dir(path))
		v.exportTo(p, path)
	}, v.env.Window)
	d.Resize(fyne.NewSize(600, d.MinSize().Height))
	uiw.EscClosesDialog(v.env.Window, d)
	d.Show()
}

// exportTo writes p to path, asking first if a file is there already.
func (v *packsView) exportTo(p *app.Pack, path string) {
	exists, err := needsOverwrite(path)
	if err != nil {
		v.fail(lang.L("Nothing was exported."), err)
		return
	}
	if !exists {
		v.runExport(p, path)
		return
	}
	v.ask(lang.L("Replace file?"),
		lang.L("{{.File}} already exists in {{.Folder}}. Replace it with the new PDF?",
			map[string]any{"File": filepath.Base(path), "Folder": filepath.Dir(path)}),
		lang.L("Replace"), func() { v.runExport(p, path) }, nil)
}

// runExport prints p to path off the UI thread, with a progress dialog.
func (v *packsView) runExport(p *app.Pack, path string) {
	// A pack without a language prints in the interface's.
	q := *p
	q.Lang = p.PackLang(uiPackLang())
	p = &q
	msg := widget.NewLabel(lang.L("Writing {{.File}}…", map[string]any{"File": filepath.Base(path)}))
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons(lang.L("Export PDF"), container.NewVBox(msg, bar), v.env.Window)
	prog.Show()
	v.exportBtn.Disable()
	svc := v.env.Services
	v.background(func(ctx context.Context) error {
		return exportPack(ctx, svc, p, path)
	}, func(err error) {
		bar.Stop()
		prog.Hide()
		v.exportBtn.Enable()
		v.exported(path, err)
	})
}

// exported says how the export to path went.
func (v *packsView) exported(path string, err error) {
	if err != nil {
		v.fail(lang.L("The PDF could not be exported. Nothing was written: {{.File}} is as it was before.",
			map[string]any{"File": path}), err)
		return
	}
	name := filepath.Base(path)
	msg := lang.L("The pack was written to {{.File}}.", map[string]any{"File": name})
	if fi, err := os.Stat(path); err == nil {
		msg = lang.L("The pack was written to {{.File}} ({{.Size}}).",
			map[string]any{"File": name, "Size": fmt.Sprintf("%.1f MB", float64(fi.Size())/(1<<20))})
	}
	v.result = showExported(v.env, lang.L("PDF exported"), msg, path)
}

// exportPack prints p to path through ui/pdf, as the delegate named in
// Settings. pdf.Export writes a temporary file and renames it, so on
// error the file at path is as it was.
func exportPack(ctx context.Context, svc Services, p *app.Pack, path string) error {
	if svc.Corpus == nil {
		return app.Errorf(app.EINTERNAL, "no corpus to print")
	}
	return pdf.Export(ctx, svc.Corpus, svc.Notes, p, packsAuthor(ctx, svc.Settings), path)
}

// needsOverwrite reports whether a file is at path already, so the person
// must be asked before it is replaced. A folder there is an error.
func needsOverwrite(path string) (bool, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, &app.Error{Code: app.EINVALID, Message: lang.L("BriefDesk cannot check {{.File}}.", map[string]any{"File": path}), Err: err}
	}
	if fi.IsDir() {
		return false, app.Errorf(app.EINVALID, "%s", lang.L("{{.File}} is a folder: choose another file name.", map[string]any{"File": path}))
	}
	return true, nil
}

// exportPath joins a folder and a file name as typed, adding ".pdf" when
// the name lacks it. The folder must exist; the name must be a name, not
// a path.
func exportPath(folder, name string) (string, error) {
	folder, name = strings.TrimSpace(folder), strings.TrimSpace(name)
	if name == "" || name == "." || name == ".." {
		return "", app.Errorf(app.EINVALID, "%s", lang.L("Give the PDF a file name."))
	}
	if strings.ContainsAny(name, `/\`) {
		return "", app.Errorf(app.EINVALID, "%s", lang.L("A file name cannot contain / or \\; choose the folder separately."))
	}
	if !strings.EqualFold(filepath.Ext(name), ".pdf") {
		name += ".pdf"
	}
	if folder == "" {
		return "", app.Errorf(app.EINVALID, "%s", lang.L("Choose a folder for the PDF."))
	}
	if fi, err := os.Stat(folder); err != nil || !fi.IsDir() {
		return "", app.Errorf(app.EINVALID, "%s", lang.L("There is no folder {{.Folder}}.", map[string]any{"Folder": folder}))
	}
	return filepath.Join(folder, name), nil
}

// maxFileNameRunes keeps suggested names well inside file-system limits
// (255 bytes; a Chinese character takes 3).
const maxFileNameRunes = 60

// pdfFileName suggests a file name for p: its title (or name), without
// the characters file systems refuse, ending in ".pdf".
func pdfFileName(p *app.Pack) string {
	base := p.Title
	if strings.TrimSpace(base) == "" {
		base = p.Name
	}
	var b strings.Builder
	space := false
	for _, r := range base {
		if r == utf8.RuneError || unicode.IsControl(r) || strings.ContainsRune(`/\:*?"<>|`, r) || unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	name := b.String()
	if rs := []rune(name); len(rs) > maxFileNameRunes {
		name = string(rs[:maxFileNameRunes])
	}
	name = strings.Trim(name, " .")
	if len(name) > 4 && strings.EqualFold(name[len(name)-4:], ".pdf") {
		name = strings.TrimRight(name[:len(name)-4], " .")
	}
	if name == "" {
		name = "briefing-pack"
	}
	return name + ".pdf"
}

// defaultExportFolder is the Documents folder if there is one, else home.
func defaultExportFolder() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	if fi, err := os.Stat(filepath.Join(home, "Documents")); err == nil && fi.IsDir() {
		return filepath.Join(home, "Documents")
	}
	return home
}
