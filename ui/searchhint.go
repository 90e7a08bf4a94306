package ui

import (
	"strings"

	"briefdesk/app"

	"fyne.io/fyne/v2/lang"
)

// searchPlaceholder says what the search box finds, short enough for the
// list pane of an 800×600 window.
func searchPlaceholder() string {
	return lang.L("Chinese words, ITU-D, E.161.1, 44")
}

// noMatchText is what the list says when nothing matches q: for an
// English word, that the resolutions are in Chinese, with the document's
// term for the word when there is an obvious one.
func noMatchText(q string) string {
	q = strings.TrimSpace(q)
	if !app.IsLatinWordQuery(q) {
		return lang.L("No resolution matches the search and filters.")
	}
	if term, ok := app.ChineseTermFor(q); ok {
		return lang.L("No match for “{{.Q}}”: the resolutions are in Chinese. Try {{.Term}}.", map[string]any{"Q": q, "Term": term})
	}
	return lang.L("No match for “{{.Q}}”: the resolutions are in Chinese. Search for a Chinese word, or a code such as ITU-D, E.161.1 or a resolution number.", map[string]any{"Q": q})
}
