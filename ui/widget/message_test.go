package widget

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
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
					if strings.ReplaceAll(x.Text, "\n", "") == long {
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

// TestMessageBreaksChinese: a message dialog breaks Chinese as the card
// does (ui/wrap): no line begins with closing punctuation, none is wider
// than the text column, and taking the breaks out gives the message back.
func TestMessageBreaksChinese(t *testing.T) {
	msg := strings.Repeat("无法在该处创建或写入数据库，但文件本身并未损坏；请用 --db 指定一个您有写入权限的文件夹中的文件（例如 D:\\简报\\briefdesk.db），再启动 BriefDesk。", 3)
	for _, width := range []float32{500, 800, 1280} {
		a := test.NewTempApp(t)
		w := a.NewWindow("x")
		w.Resize(fyne.NewSize(width, 600))
		ShowErrorText(msg, w)
		var text *widget.Label
		for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
			if l, ok := o.(*widget.Label); ok && strings.ReplaceAll(l.Text, "\n", "") == msg {
				text = l
			}
		}
		if text == nil {
			t.Fatalf("width %v: the message is not shown whole", width)
		}
		lines := strings.Split(text.Text, "\n")
		if len(lines) < 2 {
			t.Fatalf("width %v: the message was not broken: %q", width, text.Text)
		}
		m := NewMeasurer(theme.TextSize())
		for _, l := range lines {
			if r, _ := utf8.DecodeRuneInString(l); strings.ContainsRune("，。、；：？！）」", r) {
				t.Errorf("width %v: a line begins with %q: %q", width, r, l)
			}
			if m.Width(strings.TrimRight(l, " ")) > text.Size().Width {
				t.Errorf("width %v: line %q is %v wide, the text %v", width, l, m.Width(l), text.Size().Width)
			}
		}
		w.Close()
	}
}
