package cli

import (
	"io"
	"strings"
	"unicode"

	"briefdesk/app"
	"briefdesk/ui/wrap"

	"golang.org/x/text/width"
)

// runeWidth is the number of terminal columns r takes: 2 for East Asian
// wide and fullwidth characters (Chinese, fullwidth punctuation), 0 for
// combining marks and invisible format characters, 1 otherwise. Ambiguous
// characters (such as “ ” and ·) count 1, as terminals outside CJK
// locales draw them.
func runeWidth(r rune) int {
	switch {
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return 0
	case r < 0x7f:
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// stringWidth is the number of terminal columns s takes on one line.
func stringWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// truncate shortens s to at most w columns, ending it with "…" when
// anything was cut. A wide character never straddles the limit.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if stringWidth(s) <= w {
		return s
	}
	var b strings.Builder
	used := 0
	for _, r := range s {
		rw := runeWidth(r)
		if used+rw > w-1 {
			break
		}
		b.WriteRune(r)
		used += rw
	}
	b.WriteString("…")
	return b.String()
}

// padRight pads s with spaces to w columns (never cuts it).
func padRight(s string, w int) string {
	if n := stringWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// clean makes text from the database safe to print on a terminal
// (app.SafeText: an imported note could carry escape sequences or bidi
// overrides) and keeps tabs from breaking the alignment. Newlines are kept
// when keepNewlines is set and turned into spaces otherwise.
func clean(s string, keepNewlines bool) string {
	s = app.SafeText(s)
	if !strings.ContainsAny(s, "\t\n") {
		return s
	}
	s = strings.ReplaceAll(s, "\t", " ")
	if !keepNewlines {
		s = strings.ReplaceAll(s, "\n", " ")
	}
	return s
}

// wrapCols breaks s into lines of at most w columns with the line breaking the
// GUI and the PDF use (UAX #14 and kinsoku, package wrap), measuring
// in terminal columns. w <= 0 means no wrapping; "\n" always breaks.
func wrapCols(s string, w int) []string {
	if w <= 0 {
		return strings.Split(s, "\n")
	}
	return wrap.Wrap(s, float64(w), func(t string) float64 { return float64(stringWidth(t)) })
}

// writePara writes s cleaned and wrapped at w columns: the first line
// starts with indent spaces and prefix, the others line up under the text
// after the prefix (a hanging indent for labels such as "1)" or "• ").
func writePara(out io.Writer, indent int, prefix, s string, w int) {
	lead := strings.Repeat(" ", indent)
	hang := lead + strings.Repeat(" ", stringWidth(prefix))
	avail := 0
	if w > 0 {
		avail = max(w-stringWidth(hang), 20)
	}
	for i, line := range wrapCols(clean(s, true), avail) {
		if i == 0 {
			io.WriteString(out, strings.TrimRight(lead+prefix+line, " ")+"\n")
			continue
		}
		io.WriteString(out, strings.TrimRight(hang+line, " ")+"\n")
	}
}

// textTable lays out rows in columns aligned by display width. The last column
// is never padded (no trailing spaces); Max caps a column's width (0: no
// cap), cutting longer cells with "…".
type textTable struct {
	Header []string
	Rows   [][]string
	Max    []int
	Gap    int // spaces between columns; 2 when 0
}

// Write prints the table. Cells are cleaned for the terminal first.
func (t *textTable) Write(out io.Writer) error {
	gap := t.Gap
	if gap == 0 {
		gap = 2
	}
	rows := make([][]string, 0, len(t.Rows)+1)
	if t.Header != nil {
		rows = append(rows, t.Header)
	}
	rows = append(rows, t.Rows...)
	var widths []int
	for r, row := range rows {
		cells := make([]string, len(row)) // the caller's rows stay as they were
		for i, cell := range row {
			cell = clean(cell, false)
			if i < len(t.Max) && t.Max[i] > 0 {
				cell = truncate(cell, t.Max[i])
			}
			cells[i] = cell
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], stringWidth(cell))
		}
		rows[r] = cells
	}
	var b, line strings.Builder
	for _, row := range rows {
		line.Reset()
		for i, cell := range row {
			if i == len(row)-1 {
				line.WriteString(cell)
				break
			}
			line.WriteString(padRight(cell, widths[i]+gap))
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteString("\n")
	}
	_, err := io.WriteString(out, b.String())
	return err
}
