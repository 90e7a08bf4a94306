package widget

import (
	"strings"

	"unicode"
	"unicode/utf8"

	"briefdesk/ui/wrap"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Message dialogs whose icon sits beside the text.
//
// Fyne's information, error and confirm dialogs draw their icon large in
// the top right corner, behind the content: a message long enough to
// reach that corner (most of BriefDesk's, which say what went wrong and
// that nothing changed) runs over the icon. These draw the icon at the
// start of the text instead, and wrap the text at the dialog's width.
// Use ShowInfo, ShowErrorText and NewConfirm rather than
// dialog.ShowInformation, dialog.ShowError and dialog.NewConfirm.

// messageWidth is the width message dialogs ask for, when the window has
// room.
const messageWidth = 460

// NewMessage builds a dialog with icon beside the message and one dismiss
// button, for a message that needs its own OnClosed (ShowInfo and
// ShowErrorText show one at once).
func NewMessage(title, msg string, icon fyne.Resource, w fyne.Window) dialog.Dialog {
	content, text := messageContent(msg, icon)
	d := dialog.NewCustom(title, lang.L("OK"), content, w)
	sizeMessage(d, text, w)
	EscClosesDialog(w, d)
	return d
}

// messageContent is the icon beside the wrapped message; text is the
// message's label, for sizing.
func messageContent(msg string, icon fyne.Resource) (fyne.CanvasObject, *widget.Label) {
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	if icon == nil {
		return text, text
	}
	img := widget.NewIcon(icon)
	// The icon at the top of its column, the size of two lines of text.
	side := container.NewVBox(container.NewGridWrap(fyne.NewSquareSize(2*theme.IconInlineSize()), img))
	return container.NewBorder(nil, nil, side, nil, text), text
}

// sizeMessage gives d the width it wants (or the window's) and the height
// its text needs wrapped at that width.
func sizeMessage(d dialog.Dialog, text *widget.Label, w fyne.Window) {
	size := DialogSize(w, messageWidth, 0)
	// The text column: the dialog's padding and the icon take the rest.
	col := size.Width - 2*theme.IconInlineSize() - 6*theme.Padding()
	// Broken by ui/wrap, the label wraps no more: a second wrap by Fyne
	// at a line's trailing space split "请用" into "请" and "用".
	text.Wrapping = fyne.TextWrapOff
	text.SetText(breakMessage(text.Text, col-2*theme.InnerPadding()))
	text.Resize(fyne.NewSize(col, text.MinSize().Height))
	d.Resize(fyne.NewSize(size.Width, d.MinSize().Height))
}

// breakMessage puts a line break where ui/wrap, the card's line breaker,
// ends each line avail wide, and changes nothing else: Fyne's word wrap
// breaks only at spaces, so Chinese broke anywhere (a line could begin
// with "，"). A little room is left for rounding in the measures.
func breakMessage(msg string, avail float32) string {
	m := NewMeasurer(theme.TextSize())
	var b strings.Builder
	last := 0
	for _, sp := range wrap.Spans(msg, float64(avail*0.97), m.Measure) {
		if sp.Start > 0 && msg[sp.Start-1] != '\n' {
			b.WriteString(msg[last:sp.Start])
			b.WriteByte('\n')
			last = sp.Start
		}
	}
	b.WriteString(msg[last:])
	return b.String()
}

// ShowInfo tells the person something, with the information icon.
func ShowInfo(title, msg string, w fyne.Window) {
	NewMessage(title, msg, theme.InfoIcon(), w).Show()
}

// ShowErrorText tells the person what went wrong, in plain words, with
// the error icon.
func ShowErrorText(msg string, w fyne.Window) {
	NewMessage(lang.L("Error"), msg, theme.ErrorIcon(), w).Show()
}

// ShowError tells the person what went wrong as err says it, first
// letter capitalised, as dialog.ShowError does, with the error icon.
func ShowError(err error, w fyne.Window) {
	msg := err.Error()
	if r, size := utf8.DecodeRuneInString(msg); r != utf8.RuneError {
		msg = string(unicode.ToUpper(r)) + msg[size:]
	}
	ShowErrorText(msg, w)
}

// NewConfirm asks a question, with the question icon beside the text;
// confirm and dismiss label the buttons ("Delete", "Cancel").
func NewConfirm(title, msg, confirm, dismiss string, callback func(bool), w fyne.Window) *dialog.ConfirmDialog {
	content, text := messageContent(msg, theme.QuestionIcon())
	d := dialog.NewCustomConfirm(title, confirm, dismiss, content, callback, w)
	sizeMessage(d, text, w)
	EscClosesDialog(w, d)
	return d
}

// DialogSize is width x height, made smaller where the window is, so a
// dialog never runs off a small window (800 x 600 screens exist).
func DialogSize(w fyne.Window, width, height float32) fyne.Size {
	if w != nil {
		if c := w.Canvas().Size(); c.Width > 0 && c.Height > 0 {
			width, height = min(width, c.Width-2*theme.Padding()), min(height, c.Height-2*theme.Padding())
		}
	}
	return fyne.NewSize(width, height)
}

// SizeForText makes d wide enough for the longest of its labels' texts,
// within the window, and tall enough for them wrapped at that width. A
// dialog otherwise sizes itself to a wrapped label before it has a width,
// and comes out tall and thin.
func SizeForText(w fyne.Window, d dialog.Dialog, labels ...*widget.Label) {
	pad := theme.Padding()
	want := float32(0)
	for _, l := range labels {
		want = max(want, fyne.MeasureText(l.Text, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	want += 8 * pad
	if c := w.Canvas(); c != nil && c.Size().Width > 0 {
		want = min(want, c.Size().Width-8*pad)
	}
	want = max(want, 360)
	// A wrapping label knows its height once it has its width in the
	// dialog.
	for _, l := range labels {
		if l.Wrapping != fyne.TextWrapOff {
			l.Resize(fyne.NewSize(want-8*pad, l.MinSize().Height))
		}
	}
	d.Resize(fyne.NewSize(want, d.MinSize().Height))
}
