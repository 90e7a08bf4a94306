package app

import "strings"

// NoteBody is the text of a note as it is saved: without tab characters
// at its start or end. Those come from the Tab key pressed in a text box
// (which used to insert a tab rather than move on) or from a copied
// table cell, never from something a delegate meant to write; saved, they
// push the text out of line in the Notes view, the card and the PDF.
// Tabs inside the text (a pasted table) are kept, as are spaces and line
// breaks, which a person types on purpose.
func NoteBody(s string) string {
	return strings.Trim(s, "\t")
}
