package ui

import (
	"context"

	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// settingsDialog edits the author of new notes (name and delegation, kept
// in the database so exports carry them) and the interface language (kept
// in the machine's preferences, since it is needed before the database is
// open; it takes effect at the next start).
type settingsDialog struct {
	env   *Env
	prefs fyne.Preferences

	name, delegation *escEntry
	language         *escSelect
	dialog           *dialog.FormDialog
}

// languageChoices pairs the language options with their labels; each
// label is in its own language so anyone can find theirs.
var languageChoices = []struct{ code, label string }{
	{langSystem, "System / 系统"},
	{langEnglish, "English"},
	{langChinese, "中文（简体）"},
}

func (m *mainWindow) showSettings() {
	s := &settingsDialog{env: m.env, prefs: m.app.Preferences()}
	s.show()
}

func (s *settingsDialog) show() {
	s.name = newEscEntry(s.cancel)
	s.delegation = newEscEntry(s.cancel)
	s.delegation.SetPlaceHolder(lang.L("e.g. China"))
	// The notes' rule for the author, checked as typed: the form keeps
	// Save disabled and says what is wrong.
	s.name.Validator = func(v string) error { return app.CheckField(app.FieldAuthor, v) }
	s.delegation.Validator = func(v string) error { return app.CheckField(app.FieldDelegation, v) }
	var labels []string
	for _, c := range languageChoices {
		labels = append(labels, c.label)
	}
	s.language = newEscSelect(labels, s.cancel)
	cur := s.prefs.String(prefLanguage)
	for i, c := range languageChoices {
		if c.code == cur {
			s.language.SetSelectedIndex(i)
		}
	}
	if s.language.SelectedIndex() < 0 {
		s.language.SetSelectedIndex(0)
	}
	if st := s.env.Settings; st != nil {
		ctx := context.Background()
		// Two tiny reads of a local file: fast enough for the UI thread.
		if v, err := st.Setting(ctx, app.SettingAuthorName); err == nil {
			s.name.SetText(v)
		}
		if v, err := st.Setting(ctx, app.SettingAuthorDelegation); err == nil {
			s.delegation.SetText(v)
		}
	}
	hint := widget.NewLabel(lang.L("The language changes the next time BriefDesk starts."))
	hint.Wrapping = fyne.TextWrapWord
	hint.SizeName = "helperText"
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Your name"), s.name),
		widget.NewFormItem(lang.L("Delegation"), s.delegation),
		widget.NewFormItem(lang.L("Language"), s.language),
		widget.NewFormItem("", hint),
	}
	d := dialog.NewForm(lang.L("Settings"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			s.save()
		}
	}, s.env.Window)
	s.dialog = d
	d.Resize(dialogSize(s.env.Window, 460, d.MinSize().Height))
	// Escape cancels: the fields take it themselves, the window (through
	// escClosesDialog) when nothing has the focus.
	escClosesDialog(s.env.Window, d)
	d.Show()
	s.env.Window.Canvas().Focus(s.name)
}

// cancel closes the dialog without saving (Escape).
func (s *settingsDialog) cancel() {
	if s.dialog != nil {
		s.dialog.Hide()
	}
}

// escEntry is an Entry that calls onEsc on Escape, which a plain Entry
// swallows.
type escEntry struct {
	widget.Entry
	onEsc func()
}

func newEscEntry(onEsc func()) *escEntry {
	e := &escEntry{onEsc: onEsc}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey calls onEsc on Escape and leaves other keys to the Entry.
func (e *escEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEsc != nil {
		e.onEsc()
		return
	}
	e.Entry.TypedKey(k)
}

// escSelect is a Select that calls onEsc on Escape.
type escSelect struct {
	widget.Select
	onEsc func()
}

func newEscSelect(options []string, onEsc func()) *escSelect {
	s := &escSelect{onEsc: onEsc}
	s.Options = options
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey calls onEsc on Escape and leaves other keys to the Select.
func (s *escSelect) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && s.onEsc != nil {
		s.onEsc()
		return
	}
	s.Select.TypedKey(k)
}

func (s *settingsDialog) save() {
	// Both fields are checked before anything is saved: a refused
	// delegation must not leave the new name (or language) saved behind
	// a message that says nothing was.
	if err := app.CheckField(app.FieldAuthor, s.name.Text); err != nil {
		showError(err, s.env.Window)
		return
	}
	if err := app.CheckField(app.FieldDelegation, s.delegation.Text); err != nil {
		showError(err, s.env.Window)
		return
	}
	if i := s.language.SelectedIndex(); i >= 0 {
		code := languageChoices[i].code
		s.prefs.SetString(prefLanguage, code)
		if st := s.env.Settings; st != nil {
			if err := st.SetSetting(context.Background(), app.SettingLanguage, code); err != nil {
				fyne.LogError("save language", err)
			}
		}
	}
	st := s.env.Settings
	if st == nil {
		return
	}
	ctx := context.Background()
	for _, kv := range [][2]string{{app.SettingAuthorName, s.name.Text}, {app.SettingAuthorDelegation, s.delegation.Text}} {
		if err := st.SetSetting(ctx, kv[0], kv[1]); err != nil {
			showError(err, s.env.Window)
			return
		}
	}
}
