package ui

import (
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
// Use showInfo, showErrorText and newConfirm rather than
// dialog.ShowInformation, dialog.ShowError and dialog.NewConfirm.

// messageWidth is the width message dialogs ask for, when the window has
// room.
const messageWidth = 460

// messageDialog builds a dialog with icon and message and one dismiss
// button.
func messageDialog(title, msg string, icon fyne.Resource, w fyne.Window) dialog.Dialog {
	content, text := messageContent(msg, icon)
	d := dialog.NewCustom(title, lang.L("OK"), content, w)
	sizeMessage(d, text, w)
	escClosesDialog(w, d)
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
	size := dialogSize(w, messageWidth, 0)
	// The text column: the dialog's padding and the icon take the rest.
	text.Resize(fyne.NewSize(size.Width-2*theme.IconInlineSize()-6*theme.Padding(), text.MinSize().Height))
	d.Resize(fyne.NewSize(size.Width, d.MinSize().Height))
}

// showInfo tells the person something, with the information icon.
func showInfo(title, msg string, w fyne.Window) {
	messageDialog(title, msg, theme.InfoIcon(), w).Show()
}

// showErrorText tells the person what went wrong, in plain words, with
// the error icon.
func showErrorText(msg string, w fyne.Window) {
	messageDialog(lang.L("Error"), msg, theme.ErrorIcon(), w).Show()
}

// newConfirm asks a question, with the question icon beside the text;
// confirm and dismiss label the buttons ("Delete", "Cancel").
func newConfirm(title, msg, confirm, dismiss string, callback func(bool), w fyne.Window) *dialog.ConfirmDialog {
	content, text := messageContent(msg, theme.QuestionIcon())
	d := dialog.NewCustomConfirm(title, confirm, dismiss, content, callback, w)
	sizeMessage(d, text, w)
	escClosesDialog(w, d)
	return d
}
