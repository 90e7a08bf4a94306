package widget

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestMessageDialogIconBesideText: the icon of an error or information
// dialog sits left of its message, never under it, and the message is
// shown whole, wrapped, at 800x600 and in a wide window.
func TestMessageDialogIconBesideText(t *testing.T) {
	long := strings.Repeat("The file could not be read, and nothing was changed. ", 6)
	for _, size := range []fyne.Size{{Width: 800, Height: 600}, {Width: 1280, Height: 800}} {
		for _, show := range []func(string, fyne.Window){
			ShowErrorText,
			func(m string, w fyne.Window) { ShowError(errors.New(m), w) },
			func(m string, w fyne.Window) { ShowInfo("Export notes", m, w) },
			func(m string, w fyne.Window) { NewConfirm("Delete pack", m, "Delete", "Cancel", nil, w).Show() },
		} {
			a := test.NewTempApp(t)
			w := a.NewWindow("x")
			w.Resize(size)
			show(long, w)
			top := w.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no dialog")
			}
			var icon *widget.Icon
			var text *widget.Label
			for _, o := range test.LaidOutObjects(top) {
				switch x := o.(type) {
				case *widget.Icon:
					icon = x
				case *widget.Label:
					if x.Text == long {
						text = x
					}
				}
			}
			if icon == nil || text == nil {
				t.Fatalf("icon %v, message %v", icon, text)
			}
			d := a.Driver()
			ip, tp := d.AbsolutePositionForObject(icon), d.AbsolutePositionForObject(text)
			if ip.X+icon.Size().Width > tp.X {
				t.Errorf("%v: the icon (x %v, width %v) reaches under the text starting at x %v", size, ip.X, icon.Size().Width, tp.X)
			}
			if text.Size().Height < text.MinSize().Height || text.Size().Width > size.Width {
				t.Errorf("%v: message %v, needs %v: cut off", size, text.Size(), text.MinSize())
			}
			w.Close()
		}
	}
}
