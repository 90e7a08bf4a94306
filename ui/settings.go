package ui

import (
	"context"

	"briefdesk/app"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// settingsDialog edits the author of new notes (name and delegation, kept
// in the database so exports carry them), the look (theme and zoom, kept
// in the machine's preferences and applied as they are chosen: Cancel
// puts the old look back) and the interface language (kept in the
// machine's preferences, since it is needed before the database is open;
// it takes effect at the next start, and the dialog says so).
type settingsDialog struct {
	m     *mainWindow
	env   *screenEnv
	prefs fyne.Preferences

	name, delegation *uiw.EscEntry
	theme, zoom      *uiw.EscSelect
	language         *uiw.EscSelect
	langHint         *widget.Label
	oldLook          look
	langAtOpen       int
	dialog           *dialog.FormDialog
}

// runLanguage is the language choice this run started with: the --lang
// flag, else the saved choice ("" for the system's); nil before Run.
var runLanguage *string

// languageChoices pairs the language options with their labels; each
// label is in its own language so anyone can find theirs.
var languageChoices = []struct{ code, label string }{
	{langSystem, "System / 系统"},
	{langEnglish, "English"},
	{langChinese, "中文（简体）"},
}

// themeChoices are the theme options, in the order Settings lists them.
func themeChoices() []struct{ code, label string } {
	return []struct{ code, label string }{
		{themeSystem, lang.L("As the system")},
		{themeLight, lang.L("Light")},
		{themeDark, lang.L("Dark")},
	}
}

func (m *mainWindow) showSettings() {
	s := &settingsDialog{m: m, env: m.env, prefs: m.app.Preferences()}
	m.settings = s
	s.show()
}

// languageInUse names the language the interface speaks now.
func languageInUse() string {
	if uiChinese() {
		return "中文（简体）"
	}
	return "English"
}

func (s *settingsDialog) show() {
	s.name = uiw.NewEscEntry(s.cancel)
	s.delegation = uiw.NewEscEntry(s.cancel)
	s.delegation.SetPlaceHolder(lang.L("e.g. China"))
	// The notes' rule for the author, checked as typed: the form keeps
	// Save disabled and says what is wrong.
	s.name.Validator = func(v string) error { return app.CheckField(app.FieldAuthor, v) }
	s.delegation.Validator = func(v string) error { return app.CheckField(app.FieldDelegation, v) }

	s.oldLook = currentLook(s.m.app)
	var themes []string
	for _, c := range themeChoices() {
		themes = append(themes, c.label)
	}
	s.theme = uiw.NewEscSelect(themes, s.cancel)
	for i, c := range themeChoices() {
		if c.code == s.oldLook.variant {
			s.theme.SetSelectedIndex(i)
		}
	}
	var zooms []string
	for _, z := range zoomSteps {
		zooms = append(zooms, zoomLabel(z))
	}
	s.zoom = uiw.NewEscSelect(zooms, s.cancel)
	for i, z := range zoomSteps {
		if z == s.oldLook.zoom {
			s.zoom.SetSelectedIndex(i)
		}
	}

	var labels []string
	for _, c := range languageChoices {
		labels = append(labels, c.label)
	}
	s.language = uiw.NewEscSelect(labels, s.cancel)
	// The choice this run started with: with --lang zh that is Chinese,
	// whatever the saved choice says.
	cur := s.prefs.String(prefLanguage)
	if runLanguage != nil {
		cur = *runLanguage
	}
	for i, c := range languageChoices {
		if c.code == cur {
			s.language.SetSelectedIndex(i)
		}
	}
	if s.language.SelectedIndex() < 0 {
		s.language.SetSelectedIndex(0)
	}
	s.langAtOpen = s.language.SelectedIndex()
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
	s.langHint = widget.NewLabel("")
	s.langHint.Wrapping = fyne.TextWrapWord
	s.langHint.SizeName = "helperText"
	s.updateLangHint()
	s.language.OnChanged = func(string) { s.updateLangHint() }
	// The look changes as it is chosen, so a person sees it before saving.
	s.theme.OnChanged = func(string) { s.preview() }
	s.zoom.OnChanged = func(string) { s.preview() }
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Your name"), s.name),
		widget.NewFormItem(lang.L("Delegation"), s.delegation),
		widget.NewFormItem(lang.L("Theme"), s.theme),
		widget.NewFormItem(lang.L("Zoom"), s.zoom),
		widget.NewFormItem(lang.L("Language"), s.language),
		widget.NewFormItem("", s.langHint),
	}
	d := dialog.NewForm(lang.L("Settings"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			s.save()
		} else {
			s.m.setLook(s.oldLook)
		}
	}, s.env.Window)
	s.dialog = d
	d.Resize(uiw.DialogSize(s.env.Window, 480, d.MinSize().Height))
	// Escape cancels: the fields take it themselves, the window (through
	// escClosesDialog) when nothing has the focus.
	uiw.EscClosesDialog(s.env.Window, d)
	d.Show()
	s.env.Window.Canvas().Focus(s.name)
}

// chosenLook is the look the dialog's fields say.
func (s *settingsDialog) chosenLook() look {
	l := s.oldLook
	if i := s.theme.SelectedIndex(); i >= 0 {
		l.variant = themeChoices()[i].code
	}
	if i := s.zoom.SelectedIndex(); i >= 0 {
		l.zoom = zoomSteps[i]
	}
	return l
}

// preview applies the chosen look at once.
func (s *settingsDialog) preview() {
	if s.theme == nil || s.zoom == nil {
		return
	}
	s.m.setLook(s.chosenLook())
}

// updateLangHint says which language is in use and when a new choice
// takes effect.
func (s *settingsDialog) updateLangHint() {
	msg := lang.L("In use now: {{.Lang}}.", map[string]any{"Lang": languageInUse()})
	if s.language.SelectedIndex() != s.langAtOpen {
		msg += " " + lang.L("The new language takes effect when BriefDesk next starts.")
	} else {
		msg += " " + lang.L("A new language takes effect when BriefDesk next starts.")
	}
	s.langHint.SetText(msg)
}

// cancel closes the dialog without saving (Escape).
func (s *settingsDialog) cancel() {
	if s.dialog != nil {
		s.m.setLook(s.oldLook)
		s.dialog.Hide()
	}
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
	// The look is applied already; a language left as it was is not
	// saved, so starting once with --lang does not change the saved choice.
	if i := s.language.SelectedIndex(); i >= 0 && i != s.langAtOpen {
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
