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
