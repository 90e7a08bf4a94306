package ui

import (
	"testing"

	"briefdesk/app"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestEscapeClosesSettings: Escape cancels the Settings dialog from its
// fields and when nothing has the focus.
func TestEscapeClosesSettings(t *testing.T) {
	f := newGUIFixture(t)
	c := f.win.Canvas()
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	f.m.showSettings()
	focused := c.Focused()
	if focused == nil {
		t.Fatal("the settings dialog focuses nothing")
	}
	test.Type(focused.(*uiw.EscEntry), "Someone")
	focused.TypedKey(esc)
	if c.Overlays().Top() != nil {
		t.Fatal("Escape in the name field leaves the dialog open")
	}
	if got, _ := f.db.Setting(t.Context(), app.SettingAuthorName); got == "Someone" {
		t.Error("Escape saved the name")
	}
	f.m.showSettings()
	c.Unfocus()
	c.OnTypedKey()(esc)
	if c.Overlays().Top() != nil {
		t.Fatal("Escape with nothing focused leaves the dialog open")
	}
	c.OnTypedKey()(esc) // no dialog: nothing to close, nothing breaks
	f.m.showSettings()
	for _, o := range test.LaidOutObjects(c.Overlays().Top()) {
		if s, ok := o.(*uiw.EscSelect); ok {
			s.TypedKey(esc)
		}
	}
	if c.Overlays().Top() != nil {
		t.Fatal("Escape in the language choice leaves the dialog open")
	}
}

// TestSettingsRefuseBadFieldsWhole: a name or delegation the notes' rule
// refuses (a bidi override, a control character) is refused by the
// Settings dialog as by the command line, and nothing is saved: not the
// other field, not the language.
func TestSettingsRefuseBadFieldsWhole(t *testing.T) {
	for _, tc := range []struct{ name, name2, delegation string }{
		{"BadDelegation", "Alice", "China\u202e"},
		{"BadName", "Al\u0007ice", "China"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newGUIFixture(t)
			ctx := t.Context()
			f.m.showSettings()
			s := f.m.settings
			s.name.SetText(tc.name2)
			s.delegation.SetText(tc.delegation)
			s.language.SetSelectedIndex(2)
			if s.name.Validate() == nil && s.delegation.Validate() == nil {
				t.Error("the dialog's fields accept the bad value")
			}
			s.save()
			for _, key := range []string{app.SettingAuthorName, app.SettingAuthorDelegation, app.SettingLanguage} {
				if got, _ := f.db.Setting(ctx, key); got != "" {
					t.Errorf("%s was saved as %q", key, got)
				}
			}
			if got := f.app.Preferences().String(prefLanguage); got != "" {
				t.Errorf("the language was saved as %q", got)
			}
		})
	}
}
