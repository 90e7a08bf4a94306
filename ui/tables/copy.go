package tables

import "strings"

// TSV is rows as plain text for the clipboard, the way a spreadsheet
// copies them: with several columns, a header line and one line per row,
// cells separated by tabs, so the text pastes into an Excel or Word table
// cell by cell; with one column, just the rows' lines. A cell holding a
// tab, a line break or a leading quote is quoted as Excel quotes it
// ("…", inner quotes doubled), so a summary of two paragraphs stays one
// cell. Lines end in "\n"; header may be nil for no header line.
func TSV(header []string, rows [][]string) string {
	var b strings.Builder
	cols := len(header)
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	line := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(tsvCell(c, cols > 1))
		}
		b.WriteByte('\n')
	}
	if cols > 1 && header != nil {
		line(header)
	}
	for _, r := range rows {
		line(r)
	}
	return b.String()
}

// tsvCell quotes c where a spreadsheet would otherwise split it. A lone
// column is not quoted: its lines are the text itself.
func tsvCell(c string, table bool) string {
	c = strings.ReplaceAll(c, "\r\n", "\n")
	if !table || !strings.ContainsAny(c, "\t\n\r") && !strings.HasPrefix(c, `"`) {
		return c
	}
	return `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
}
