package ui

import (
	"sort"

	"briefdesk/app"
)

// notePreview is one note shown under its clause in the card: a line
// saying its stance, author and the start of its text, which opens it.
type notePreview struct {
	text string
	note app.Note
}

// previewText is a note's line in the card: "支持 · 张三（中国）：…".
func previewText(n app.Note) string {
	s := stanceLabel(n.Stance) + " · " + authorName(n.Author) + citeLang().Colon() + excerpt(n.Body, 160)
	return s
}

// previews are the note lines of clause id ("" the whole resolution).
func (in cardInput) previews(id string) []notePreview {
	var out []notePreview
	for _, n := range in.noteList[id] {
		out = append(out, notePreview{text: previewText(n), note: n})
	}
	return out
}

// notesByClause groups the live notes of a resolution by clause, oldest
// first, as they were written.
func notesByClause(list []app.Note) map[string][]app.Note {
	out := map[string][]app.Note{}
	for _, n := range list {
		if !n.Deleted {
			out[n.ClauseID] = append(out[n.ClauseID], n)
		}
	}
	for _, l := range out {
		sort.SliceStable(l, func(i, j int) bool { return l[i].Created.Before(l[j].Created) })
	}
	return out
}
