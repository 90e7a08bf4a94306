package ui

import (
	"briefdesk/app"
)

// openNoteEditor opens the note editor for a new note on resolution n
// (clauseID "" for the whole resolution), or for existing when not nil.
// Owner: notes work; placeholder until then.
func openNoteEditor(env *Env, n int, clauseID string, existing *app.Note) {
	_, _, _, _ = env, n, clauseID, existing
}
