// Package widget holds BriefDesk's reusable Fyne widgets, layouts and
// dialog helpers: pieces with no knowledge of resolutions, notes or packs,
// which the screens in package ui put together. The screens import it
// under the name uiw, beside Fyne's own widget package.
//
//   - Dialogs: ShowInfo, ShowError, ShowErrorText, NewMessage and
//     NewConfirm draw their icon beside the message; EscClosesDialog makes
//     Esc close a dialog; DialogEntry passes Esc on; EscEntry and EscSelect
//     run a form's cancel on Esc; DialogSize and SizeForText fit a dialog
//     to its window and text.
//   - Layouts: WrapRows (a toolbar that wraps), Column (a column whose
//     wrapping toolbars push the rest down), Inset, SizedStack, TightVBox,
//     PairGrid.
//   - Text: Measurer (fast text widths for line breaking), ClampedText (the
//     first few lines of a text, kinsoku included), Badge (a small
//     coloured label).
package widget
