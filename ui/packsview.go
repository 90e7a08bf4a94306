package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"briefdesk/app"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// packsView is the Packs screen: the saved briefing packs on the left,
// the selected pack's editor on the right, and the PDF export.
//
// Every pack in the list is stored: New and Duplicate save at once, so
// the list never shows a pack that is not in the database. The editor
// keeps its changes until Save, and asks before they are thrown away.
type packsView struct {
	env   *screenEnv
	rs    []app.Resolution // the window's corpus, for presets and the check list
	packs []app.Pack       // as stored, by name
	sel   int              // index in packs of the pack in the editor; -1 for none
	saved app.Pack         // the selected pack as stored: the editor differs => unsaved
	// selecting is set while the list selection is changed from code, so
	// OnSelected does not take it for the person's choice.
	selecting bool

	list                                       *widget.List
	newBtn, dupBtn, delBtn, saveBtn, exportBtn *widget.Button
	status                                     *widget.Label
	empty                                      *widget.Label
	ed                                         *packEditor
	editor                                     fyne.CanvasObject
	right                                      *fyne.Container
	root                                       fyne.CanvasObject

	// The last question asked and the last export's outcome, kept so that
	// tests can answer and read them.
	confirm *dialog.ConfirmDialog
	result  *dialog.CustomDialog
}

func newPacksView(env *screenEnv, c *corpusCache) *packsView {
	v := &packsView{env: env, sel: -1}
	if c != nil {
		v.rs = c.list
	}
	return v
}

// content builds the screen once and starts loading the packs.
func (v *packsView) content() fyne.CanvasObject {
	if v.root != nil {
		return v.root
	}
	v.ed = newPackEditor(v.edited)
	v.list = widget.NewList(func() int { return len(v.packs) }, newPackRow, v.updateRow)
	v.list.OnSelected = v.onSelected
	v.newBtn = &widget.Button{Text: lang.L("New pack"), OnTapped: v.onNew}
	v.dupBtn = &widget.Button{Text: lang.L("Duplicate"), OnTapped: v.onDuplicate}
	v.delBtn = &widget.Button{Text: lang.L("Delete"), OnTapped: v.onDelete}
	// The buttons wrap and the status is cut, so the screen fits a
	// window 800 px wide.
	left := container.New(&uiw.Column{Fill: 1}, container.New(&uiw.WrapRows{}, v.newBtn, v.dupBtn, v.delBtn), v.list)

	v.saveBtn = &widget.Button{Text: lang.L("Save"), Importance: widget.HighImportance, OnTapped: v.onSave}
	v.exportBtn = &widget.Button{Text: lang.L("Export PDF…"), OnTapped: v.onExport}
	v.status = widget.NewLabel("")
	v.status.Truncation = fyne.TextTruncateEllipsis
	bar := container.NewBorder(widget.NewSeparator(), nil, container.NewHBox(v.saveBtn, v.exportBtn), nil, v.status)
	v.editor = container.NewBorder(nil, bar, nil, nil, v.ed.content())

	v.empty = widget.NewLabel("")
	v.empty.Alignment, v.empty.Wrapping = fyne.TextAlignCenter, fyne.TextWrapWord
	v.right = container.NewStack(container.NewVBox(v.empty))
	split := container.NewHSplit(left, v.right)
	split.Offset = 0.22
	v.root = split
	v.ed.setCorpus(v.rs)
	v.setButtons()
	v.env.async(v.load) // synchronous in tests (see TestMain)
	return v.root
}

// load reads the saved packs off the UI thread.
func (v *packsView) load() {
	var packs []app.Pack
	err := errors.New("no database")
	if v.env.Packs != nil {
		packs, err = v.env.Packs.Packs(context.Background())
	}
	fyne.Do(func() {
		if err != nil {
			fyne.LogError("packs: load", err)
			v.empty.SetText(lang.L("The packs could not be loaded:") + " " + app.ErrorMessage(err))
			return
		}
		v.setPacks(packs, "")
	})
}

func newPackRow() fyne.CanvasObject {
	name := widget.NewLabel("")
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	info := widget.NewLabel("")
	info.Truncation, info.SizeName = fyne.TextTruncateEllipsis, "helperText"
	return container.NewVBox(name, info)
}

func (v *packsView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(v.packs) {
		return
	}
	p := &v.packs[id]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(p.Name)
	info := lang.L("{{.N}} resolutions", map[string]any{"N": len(p.Resolutions)})
	if p.Title != "" {
		info = p.Title + " · " + info
	}
	box.Objects[1].(*widget.Label).SetText(info)
}

// setPacks shows packs and selects the one called name, or else the one
// selected before, or else the first.
func (v *packsView) setPacks(packs []app.Pack, name string) {
	if name == "" && v.sel >= 0 {
		name = v.saved.Name
	}
	v.packs = packs
	v.list.Refresh()
	i := -1
	for j := range packs {
		if packs[j].Name == name {
			i = j
		}
	}
	if i < 0 && len(packs) > 0 {
		i = 0
	}
	v.show(i)
}

// show puts pack i (-1: none) in the editor.
func (v *packsView) show(i int) {
	v.sel = i
	v.selecting = true
	if i < 0 {
		v.list.UnselectAll()
		v.empty.SetText(lang.L("No packs yet. Press New pack to make one: choose its resolutions, then export it as a PDF."))
		v.setRight(container.NewVBox(v.empty))
	} else {
		v.saved = v.packs[i]
		v.ed.set(&v.saved)
		v.list.Select(i)
		v.setRight(v.editor)
	}
	v.selecting = false
	v.setButtons()
	v.updateStatus()
}

func (v *packsView) setRight(o fyne.CanvasObject) {
	if len(v.right.Objects) != 1 || v.right.Objects[0] != o {
		v.right.Objects = []fyne.CanvasObject{o}
		v.right.Refresh()
	}
}

func (v *packsView) setButtons() {
	has := v.sel >= 0
	for _, b := range []*widget.Button{v.dupBtn, v.delBtn, v.saveBtn, v.exportBtn} {
		setEnabled(b, has)
	}
	setEnabled(v.newBtn, v.rs != nil)
}

// edited is called on every change in the editor.
func (v *packsView) edited() { v.updateStatus() }

// dirty reports whether the editor holds changes that are not saved.
func (v *packsView) dirty() bool {
	return v.sel >= 0 && !samePack(v.ed.current(), v.saved)
}

func (v *packsView) updateStatus() {
	switch {
	case v.sel < 0:
		v.status.SetText("")
	case v.dirty():
		v.status.Importance = widget.WarningImportance
		v.status.SetText(lang.L("Unsaved changes"))
	default:
		v.status.Importance = widget.LowImportance
		v.status.SetText(lang.L("Saved {{.Time}}", map[string]any{"Time": v.saved.Updated.Local().Format("2006-01-02 15:04")}))
	}
}

// samePack reports whether two packs define the same PDF, whenever they
// were saved.
func samePack(a, b app.Pack) bool {
	return a.Name == b.Name && a.Title == b.Title && a.Target == b.Target && a.TargetLabel == b.TargetLabel &&
		a.Delegation == b.Delegation && a.Author == b.Author && a.Meeting == b.Meeting && a.Date == b.Date &&
		a.Options == b.Options && slices.Equal(a.Resolutions, b.Resolutions)
}

func (v *packsView) onSelected(id widget.ListItemID) {
	if v.selecting || id == v.sel {
		return
	}
	v.leave(func() { v.show(id) })
}

// leave runs then once the editor's unsaved changes, if any, may be
// dropped; if the person keeps them, the list goes back to their pack.
func (v *packsView) leave(then func()) {
	if !v.dirty() {
		then()
		return
	}
	v.ask(lang.L("Discard changes?"),
		lang.L("The changes to the pack “{{.Name}}” are not saved. Discard them?", map[string]any{"Name": v.saved.Name}),
		lang.L("Discard"), then, v.reselect)
}

// reselect points the list back at the pack in the editor, keeping its
// edits.
func (v *packsView) reselect() {
	v.selecting = true
	if v.sel >= 0 {
		v.list.Select(v.sel)
	} else {
		v.list.UnselectAll()
	}
	v.selecting = false
}

// ask shows a question; yes runs on the confirm button, no (if set) on
// the other.
func (v *packsView) ask(title, msg, confirm string, yes, no func()) {
	d := uiw.NewConfirm(title, msg, confirm, lang.L("Cancel"), func(ok bool) {
		if ok {
			yes()
		} else if no != nil {
			no()
		}
	}, v.env.Window)
	v.confirm = d
	d.Show()
}

// fail tells the person what went wrong, after what it means (what did
// not happen), and logs the detail.
func (v *packsView) fail(what string, err error) {
	fyne.LogError("packs: "+what, err)
	uiw.ShowErrorText(what+"\n\n"+app.ErrorMessage(err), v.env.Window)
}

// background runs work off the UI thread, then done on it.
func (v *packsView) background(work func(ctx context.Context) error, done func(error)) {
	v.env.async(func() {
		err := work(context.Background())
		fyne.Do(func() { done(err) })
	})
}

// store saves p (deleting the pack called oldName if p was renamed) and
// shows the packs afterwards with p selected.
func (v *packsView) store(p *app.Pack, oldName string, failMsg string) {
	svc := v.env.Packs
	var packs []app.Pack
	var renameErr error
	v.saveBtn.Disable()
	v.background(func(ctx context.Context) error {
		if err := svc.SavePack(ctx, p); err != nil {
			return err
		}
		if oldName != "" && oldName != p.Name {
			renameErr = svc.DeletePack(ctx, oldName)
		}
		var err error
		packs, err = svc.Packs(ctx)
		return err
	}, func(err error) {
		v.saveBtn.Enable()
		if err != nil {
			v.fail(failMsg, err)
			return
		}
		v.setPacks(packs, p.Name)
		if renameErr != nil {
			v.fail(lang.L("The pack was saved under its new name, but the old one could not be removed."), renameErr)
		}
	})
}

func (v *packsView) onSave() {
	p, err := v.ed.pack()
	if err != nil {
		v.fail(lang.L("The pack was not saved."), err)
		return
	}
	if p.Name != v.saved.Name && v.named(p.Name) >= 0 {
		v.fail(lang.L("The pack was not saved."), app.Errorf(app.EINVALID, "%s",
			lang.L("A pack called “{{.Name}}” already exists: choose another name.", map[string]any{"Name": p.Name})))
		return
	}
	v.store(p, v.saved.Name, lang.L("The pack was not saved."))
}

// named is the index of the pack called name, or -1.
func (v *packsView) named(name string) int {
	for i := range v.packs {
		if v.packs[i].Name == name {
			return i
		}
	}
	return -1
}

// uniqueName is base, or base followed by the first free number.
func uniqueName(base string, packs []app.Pack) string {
	taken := make(map[string]bool, len(packs))
	for _, p := range packs {
		taken[p.Name] = true
	}
	name := base
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("%s %d", base, i)
	}
	return name
}

// newPack is a fresh pack for the person in Settings, dated today.
func (v *packsView) newPack() *app.Pack {
	me := packsAuthor(context.Background(), v.env.Settings)
	return &app.Pack{
		Name:        uniqueName(lang.L("Untitled pack"), v.packs),
		Title:       lang.L("Briefing pack"),
		Target:      app.TargetSG1,
		Author:      me.Name,
		Delegation:  me.Delegation,
		Date:        time.Now().Format(app.DateLayout),
		Resolutions: []int{},
		Options:     app.PackOptions{Clauses: app.ClausesAll, Notes: app.NotesMine, Overview: true, RefsAppendix: true},
	}
}

func (v *packsView) onNew() {
	v.leave(func() { v.store(v.newPack(), "", lang.L("The new pack could not be saved.")) })
}

func (v *packsView) onDuplicate() {
	if v.sel < 0 {
		return
	}
	v.leave(func() {
		p := v.saved
		p.Resolutions = append([]int{}, v.saved.Resolutions...)
		p.Name = uniqueName(lang.L("{{.Name}} (copy)", map[string]any{"Name": v.saved.Name}), v.packs)
		v.store(&p, "", lang.L("The copy could not be saved."))
	})
}

func (v *packsView) onDelete() {
	if v.sel < 0 {
		return
	}
	name, at := v.saved.Name, v.sel
	v.ask(lang.L("Delete pack?"),
		lang.L("Delete the pack “{{.Name}}”? PDF files already exported from it are kept.", map[string]any{"Name": name}),
		lang.L("Delete"), func() {
			svc := v.env.Packs
			var packs []app.Pack
			v.background(func(ctx context.Context) error {
				if err := svc.DeletePack(ctx, name); err != nil {
					return err
				}
				var err error
				packs, err = svc.Packs(ctx)
				return err
			}, func(err error) {
				if err != nil {
					v.fail(lang.L("The pack was not deleted."), err)
					return
				}
				// The pack that took its place in the list, or the last.
				next := ""
				if len(packs) > 0 {
					next = packs[min(at, len(packs)-1)].Name
				}
				v.sel = -1
				v.setPacks(packs, next)
			})
		}, nil)
}

// packsAuthor is the delegate named in Settings; empty if unset.
func packsAuthor(ctx context.Context, st app.SettingsService) app.Author {
	var me app.Author
	if st == nil {
		return me
	}
	var err error
	if me.Name, err = st.Setting(ctx, app.SettingAuthorName); err != nil {
		fyne.LogError("packs: read author", err)
	}
	if me.Delegation, err = st.Setting(ctx, app.SettingAuthorDelegation); err != nil {
		fyne.LogError("packs: read delegation", err)
	}
	return me
}
