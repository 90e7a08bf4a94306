package ui

import (
	"strings"
	"unicode/utf8"

	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// Words shared by the note editor, the Notes view and the import and
// export dialogs.

// stanceLabel names a stance in the interface's language.
func stanceLabel(s app.Stance) string {
	switch s {
	case app.StanceSupport:
		return lang.L("Support")
	case app.StanceConcern:
		return lang.L("Concern")
	case app.StanceWatch:
		return lang.L("Watch")
	}
	return lang.L("No stance")
}

// stanceColor is the theme colour that marks a stance.
func stanceColor(s app.Stance) fyne.ThemeColorName {
	switch s {
	case app.StanceSupport:
		return theme.ColorNameSuccess
	case app.StanceConcern:
		return theme.ColorNameError
	case app.StanceWatch:
		return theme.ColorNameWarning
	}
	return theme.ColorNameDisabled
}

// priorityLabels are the choices of app.Note.Priority, by value.
func priorityLabels() []string {
	return []string{lang.L("No priority"), lang.L("High priority"), lang.L("Medium priority"), lang.L("Low priority")}
}

func priorityLabel(p int) string {
	if l := priorityLabels(); p > 0 && p < len(l) {
		return l[p]
	}
	return ""
}

// authorName is "Li Ming (China)", or "李明（中国）" in the Chinese
// interface, or a placeholder for a note without one.
func authorName(a app.Author) string {
	name := app.SafeText(oneLine(a.Name))
	if name == "" {
		name = lang.L("Unknown author")
	}
	if d := app.SafeText(oneLine(a.Delegation)); d != "" {
		if uiChinese() {
			name += "（" + d + "）"
		} else {
			name += " (" + d + ")"
		}
	}
	return name
}

// originLine says whose a note is and where it came from.
func originLine(n *app.Note) string {
	if !n.Origin.Imported {
		return authorName(n.Author)
	}
	return lang.L("{{.Author}} · imported from {{.File}}", map[string]any{
		"Author": authorName(n.Author), "File": app.SafeText(oneLine(n.Origin.File))})
}

// noteWhere is "Resolution 44 · 责成 · instructs 9": what the note is
// about, from the corpus as it is now. r may be nil (a resolution the
// corpus lacks).
func noteWhere(r *app.Resolution, n *app.Note) string {
	s := resName(n.Resolution)
	if n.ClauseID == "" {
		return s
	}
	if c := r.Clause(n.ClauseID); c != nil {
		return s + " · " + clauseName(c)
	}
	return s + " · " + n.ClauseID
}

// clauseName is a clause's heading and label, as a person finds it on
// the card.
func clauseName(c *app.Clause) string {
	s := sectionTitle(c.Section, c.Heading)
	if c.Label != "" {
		s += " " + c.Label
	}
	return s
}

// excerpt makes untrusted text fit one line of a row or caption: safe to
// show, its first non-blank line only, and at most max runes. Rows never
// lay out a whole paragraph: Fyne lays out long text slowly.
func excerpt(s string, max int) string {
	s = app.SafeText(s)
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i]) + " …"
	}
	s = strings.ReplaceAll(s, "\t", " ")
	return truncateRunes(s, max)
}

// noteRowText is the start of a note's text for its row: safe to show, its
// lines kept but blank ones dropped, at most rowExcerpt runes.
func noteRowText(s string) string {
	s = strings.ReplaceAll(app.SafeText(s), "\t", " ")
	var lines []string
	n := 0
	for l := range strings.SplitSeq(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
			if n += len(l); n > 4*rowExcerpt { // bytes: enough runes for sure
				break
			}
		}
	}
	return truncateRunes(strings.Join(lines, "\n"), rowExcerpt)
}

// truncateRunes cuts s to at most max runes, marking the cut with "…".
func truncateRunes(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max-1 {
			return strings.TrimRight(s[:i], " ") + "…"
		}
		n++
	}
	return s
}

// oneLine joins the lines of a one-line field that somehow holds several.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// parseTags splits what a person typed in the tags field: commas, Chinese
// commas and enumeration commas all separate tags.
func parseTags(s string) []string {
	f := func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ';' || r == '；' || r == '\n' }
	var out []string
	seen := map[string]bool{}
	for _, t := range strings.FieldsFunc(s, f) {
		if t = strings.TrimSpace(t); t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}
