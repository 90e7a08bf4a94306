package seeds

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefdesk/app"
)

// maxDocument bounds the input: the real document is 61 KB, and a file a
// hundred times larger is certainly something else.
const maxDocument = 8 << 20

// line is one line of the document with the Word export's artefacts taken
// off. The parser never looks at the raw bytes again.
type line struct {
	n      int    // 1-based line number in the file, for error messages
	raw    string // the line as in the file (without "\r"), for excerpts
	cell   bool   // began with a tab: the first line of a table cell
	full   string // the whole cleaned line, inner tabs turned into a space
	label  string // item label that stood before a tab: "1", "b)", "ii)", "二"
	text   string // what follows the label; full when there is none
	marks  []int  // footnote marks ([footnoteRef:N]) found on the line
	bodies []app.Footnote
}

func (l line) blank() bool { return l.full == "" }

var (
	bookmarkRE = regexp.MustCompile(`\[bookmark:[^\[\]]*\]`)
	noteRefRE  = regexp.MustCompile(`\[footnoteRef:(\d{1,4})\]`)
	noteOpenRE = regexp.MustCompile(`\[(\d{1,4}):`)
	// An item label is printed before a tab: 1 / b) / ii) / 二. Requiring
	// the tab is what keeps "2020年..." or "二〇..." from reading as items.
	labelRE = regexp.MustCompile(`^([0-9]{1,3}|[a-z]{1,6}\)|[一二三四五六七八九十]{1,3})\t+`)
)

// splitLines checks that doc is UTF-8 text and returns its cleaned lines.
func splitLines(doc []byte) ([]line, error) {
	if len(doc) > maxDocument {
		return nil, app.Errorf(app.EINVALID, "the file is %d bytes, far larger than the document (about 60 KB)", len(doc))
	}
	doc = bytes.TrimPrefix(doc, []byte("\ufeff"))
	if len(bytes.TrimSpace(doc)) == 0 {
		return nil, app.Errorf(app.EINVALID, "the file is empty")
	}
	parts := strings.Split(string(doc), "\n")
	lines := make([]line, 0, len(parts))
	for i, raw := range parts {
		l, err := cleanLine(i+1, strings.TrimSuffix(raw, "\r"))
		if err != nil {
			return nil, err
		}
		lines = append(lines, l)
	}
	return lines, nil
}

// cleanLine removes the export artefacts of one line: bookmarks, footnote
// marks and the [N: ...] wrapper around a footnote's text (the text is
// kept aside), the tab that opens a table cell, the tab between an item
// label and its text, and surrounding space.
func cleanLine(n int, raw string) (line, error) {
	l := line{n: n, raw: raw}
	if !utf8.ValidString(raw) {
		return l, lineErr(n, "the line is not UTF-8 text; save the document as UTF-8 plain text")
	}
	for _, r := range raw {
		if r == '\r' {
			return l, lineErr(n, "the line holds a carriage return: save the document with LF or CRLF line endings")
		}
		if r != '\t' && (r < 0x20 || (r >= 0x7f && r <= 0x9f)) {
			return l, lineErr(n, "the line contains the control character %U: this is a binary file, not a text export of the document", r)
		}
	}
	s := raw
	// Most lines have no artefact; the regular expressions are the
	// parser's main cost, so they run only where a bracket is.
	if strings.Contains(s, "[") {
		var err error
		if s, err = cutMarks(&l, s); err != nil {
			return l, err
		}
	}
	l.cell = strings.HasPrefix(s, "\t")
	s = strings.TrimFunc(s, unicode.IsSpace)
	rest := s
	if m := labelRE.FindStringSubmatch(s); m != nil {
		l.label = m[1]
		rest = strings.TrimFunc(s[len(m[0]):], unicode.IsSpace)
	}
	l.full, l.text = untab(s), untab(rest)
	return l, nil
}

// cutMarks removes bookmarks and footnote marks from s, and the footnote
// texts, which it keeps in l.
func cutMarks(l *line, s string) (string, error) {
	s = bookmarkRE.ReplaceAllString(s, "")
	if strings.Contains(s, "[bookmark") {
		return "", lineErr(l.n, "a [bookmark: ...] mark is not closed: %s", excerpt(l.raw))
	}
	for _, m := range noteRefRE.FindAllStringSubmatch(s, -1) {
		k, _ := strconv.Atoi(m[1])
		l.marks = append(l.marks, k)
	}
	s = noteRefRE.ReplaceAllString(s, "")
	if strings.Contains(s, "[footnoteRef") {
		return "", lineErr(l.n, "a [footnoteRef:N] mark is malformed: %s", excerpt(l.raw))
	}
	s, bodies, err := cutNotes(l.n, s)
	if err != nil {
		return "", err
	}
	l.bodies = bodies
	return s, pairNotes(l.n, l.marks, bodies)
}

// untab turns each run of tabs and spaces that holds a tab, inside a
// line trimmed of surrounding space, into one space.
func untab(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	parts := strings.Split(s, "\t")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.Trim(p, " "); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// cutNotes takes the footnote texts, "[N: text]", out of s. The text may
// itself hold brackets (a status such as [修订版]), so the wrapper ends at
// the bracket that balances its opening one.
func cutNotes(n int, s string) (string, []app.Footnote, error) {
	var notes []app.Footnote
	for {
		loc := noteOpenRE.FindStringSubmatchIndex(s)
		if loc == nil {
			return s, notes, nil
		}
		depth, end := 0, -1
		for i := loc[0]; i < len(s) && end < 0; i++ {
			switch s[i] {
			case '[':
				depth++
			case ']':
				if depth--; depth == 0 {
					end = i
				}
			}
		}
		if end < 0 {
			return "", nil, lineErr(n, "the footnote text %s has no closing ]", excerpt(s[loc[0]:]))
		}
		k, _ := strconv.Atoi(s[loc[2]:loc[3]])
		text := strings.TrimFunc(s[loc[1]:end], unicode.IsSpace)
		if text == "" {
			return "", nil, lineErr(n, "footnote %d has no text", k)
		}
		notes = append(notes, app.Footnote{N: k, Text: untab(text)})
		s = joinCut(s[:loc[0]], s[end+1:])
	}
}

// joinCut joins the text either side of a removed footnote: Chinese needs
// no space between the two, Latin words do.
func joinCut(left, right string) string {
	left = strings.TrimRight(left, " ")
	right = strings.TrimLeft(right, " ")
	l, _ := utf8.DecodeLastRuneInString(left)
	r, _ := utf8.DecodeRuneInString(right)
	if l < utf8.RuneSelf && r < utf8.RuneSelf && isAlnum(l) && isAlnum(r) {
		return left + " " + right
	}
	return left + right
}

func isAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// pairNotes checks that every footnote mark on a line has its text on the
// same line, as the Word export writes them, and the other way round.
func pairNotes(n int, marks []int, bodies []app.Footnote) error {
	for i := 0; i < len(marks) || i < len(bodies); i++ {
		switch {
		case i >= len(bodies):
			return lineErr(n, "footnote mark [footnoteRef:%d] has no footnote text [%d: ...] on the same line", marks[i], marks[i])
		case i >= len(marks):
			return lineErr(n, "footnote text [%d: ...] has no footnote mark [footnoteRef:%d] on the same line", bodies[i].N, bodies[i].N)
		case marks[i] != bodies[i].N:
			return lineErr(n, "footnote mark [footnoteRef:%d] is followed by the text of footnote %d", marks[i], bodies[i].N)
		}
	}
	return nil
}

// lineErr is an error about one line of the file.
func lineErr(n int, format string, args ...any) error {
	return app.Errorf(app.EINVALID, "line %d: "+format, append([]any{n}, args...)...)
}

// excerpt quotes the start of s for an error message.
func excerpt(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		s = string(r[:40]) + "…"
	}
	return strconv.Quote(s)
}

// trimPunct removes the colon or comma that ends a heading or a title:
// it separates the heading from what follows and is not part of it.
func trimPunct(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("：，:,", r)
	})
}
