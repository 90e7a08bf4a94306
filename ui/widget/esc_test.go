package widget

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestEscClosesDialog: Esc on the canvas closes the dialog shown last,
// then the one below it; other keys and Esc with no dialog open reach the
// window's own handler, which is put back once the last dialog closes.
func TestEscClosesDialog(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("x")
	w.Resize(fyne.NewSize(600, 400))
	var own []fyne.KeyName
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { own = append(own, ev.Name) })

	first := dialog.NewCustom("first", "Close", widget.NewLabel("1"), w)
	second := dialog.NewCustom("second", "Close", widget.NewLabel("2"), w)
	for _, d := range []dialog.Dialog{first, second} {
		d.Show()
		EscClosesDialog(w, d)
	}
	type step struct {
		key      fyne.KeyName
		overlays int
	}
	for i, s := range []step{{fyne.KeyA, 2}, {fyne.KeyEscape, 1}, {fyne.KeyEscape, 0}, {fyne.KeyEscape, 0}} {
		w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: s.key})
		if got := len(w.Canvas().Overlays().List()); got != s.overlays {
			t.Fatalf("step %d (%s): %d dialogs open, want %d", i, s.key, got, s.overlays)
		}
	}
	if want := []fyne.KeyName{fyne.KeyA, fyne.KeyEscape}; len(own) != len(want) || own[0] != want[0] || own[1] != want[1] {
		t.Errorf("the window's handler got %v, want %v", own, want)
	}
	if len(escDialogs) != 0 {
		t.Errorf("%d canvases remembered with no dialog open", len(escDialogs))
	}
	if isEscDialogHandler(w.Canvas().OnTypedKey()) {
		t.Error("the window's own key handler was not put back")
	}
}

// TestEscForgetsClosedWindow: a window closed while a dialog is still
// open on it is forgotten, so its canvas (and all its widgets) can be
// collected.
func TestEscForgetsClosedWindow(t *testing.T) {
	a := test.NewTempApp(t)
	gone := a.NewWindow("closed")
	d := dialog.NewCustom("open", "Close", widget.NewLabel("1"), gone)
	d.Show()
	EscClosesDialog(gone, d)
	if escDialogs[gone.Canvas()] == nil {
		t.Fatal("the dialog's canvas is not remembered")
	}
	gone.Close()

	w := a.NewWindow("open")
	d2 := dialog.NewCustom("second", "Close", widget.NewLabel("2"), w)
	d2.Show()
	EscClosesDialog(w, d2)
	if _, ok := escDialogs[gone.Canvas()]; ok {
		t.Error("the closed window's canvas is still remembered")
	}
	if len(escDialogs) != 1 || !EscCloseTop(w) {
		t.Fatalf("remembered %d canvases, want the open window's", len(escDialogs))
	}
	if len(escDialogs) != 0 {
		t.Errorf("%d canvases remembered after the last dialog closed", len(escDialogs))
	}
}

// TestDialogEntryEsc: Esc typed into a dialog's entry closes the dialog;
// other keys type.
func TestDialogEntryEsc(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("x")
	w.Resize(fyne.NewSize(600, 400))
	e := NewDialogEntry(w)
	d := dialog.NewCustom("edit", "Close", e, w)
	d.Show()
	EscClosesDialog(w, d)
	test.Type(e, "ab")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if e.Text != "ab" || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("entry %q, dialog open %v", e.Text, w.Canvas().Overlays().Top() != nil)
	}
}
