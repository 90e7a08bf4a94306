package ui

import (
	"sort"
	"strconv"
	"strings"

	"briefdesk/app"

	"fyne.io/fyne/v2/lang"
)

// cardInput is what a resolution card shows.
type cardInput struct {
	res    *app.Resolution
	query  string         // search to highlight; "" for none
	notes  map[string]int // live notes per clause ID; "" is the whole resolution
	nav    navigator
	scroll func(row int) // scrolls the card itself (footnote marks)
	// noteList is the live notes per clause ID ("" the whole resolution),
	// shown under their clause; nil until loaded.
	noteList map[string][]app.Note
}

// cardRows turns a resolution into the rows of its card, and returns the
// row to show first: the clause asked for, else the first search hit in
// document order (title, summary, clauses, footnotes; 0, the top, for a
// hit in the title), else -1.
func cardRows(in cardInput, clauseID string) (rows []docRow, first int) {
	r := in.res
	terms := queryTerms(in.query)
	rows = append(rows, docRow{
		kind: rowTitle, text: resName(r.Number),
		badge: &chipSpec{text: statusLabel(r.Status), tone: statusTone(r.Status)},
		res:   r.Number, noteBtn: true, notes: in.notes[""],
		copy: wholeCopy(r), notePreviews: in.previews(""),
	})
	rows = append(rows, docRow{kind: rowHeading, text: r.DisplayTitle(), hits: hitRanges(r.DisplayTitle(), terms),
		copy: textCopy(r, r.DisplayTitle(), lang.L("Copy title"))})
	if r.TitleTable1 != "" && r.TitleTable1 != r.Title {
		t := lang.L("Table 1 title:") + titleSep() + r.TitleTable1
		rows = append(rows, docRow{kind: rowCaption, text: t, hits: hitRanges(t, terms), copy: textCopy(r, t, lang.L("Copy title"))})
	}
	titleRows := len(rows)
	if r.Summary != "" {
		rows = append(rows, docRow{kind: rowSection, text: lang.L("Summary")})
		for _, p := range strings.Split(r.Summary, "\n") {
			if p = strings.TrimSpace(p); p != "" {
				rows = append(rows, docRow{kind: rowText, text: p, hits: hitRanges(p, terms), copy: textCopy(r, p, lang.L("Copy paragraph"))})
			}
		}
	}
	if chips := refChips(r, "", in.nav); len(chips) > 0 {
		rows = append(rows, docRow{kind: rowCaption, text: lang.L("Cited in the title and summary:"), chips: chips})
	}

	// Footnote rows come last; clauses link to them by index, so count them now.
	footAt := map[string][]int{} // anchor -> footnote numbers
	for _, f := range r.Footnotes {
		footAt[f.Anchor] = append(footAt[f.Anchor], f.N)
	}
	// footLinks remembers the footnote chips of clauses (row, chip,
	// footnote number), linked once the footnote rows exist.
	type footLink struct{ row, chip, n int }
	var footLinks []footLink

	asked := -1 // row of clauseID
	var section, heading, addressee string
	var headLines []string
	gaps := gapsBefore(r.Clauses)
	for ci, c := range r.Clauses {
		if c.Section != section || c.Heading != heading {
			section, heading, addressee = c.Section, c.Heading, ""
			headLines = c.HeadingLines()
			for i, line := range headLines {
				if i == 0 {
					rows = append(rows, docRow{kind: rowSection, text: sectionTitle(c.Section, line), copy: sectionCopy(r, c.ID)})
					continue
				}
				rows = append(rows, docRow{kind: rowSubSection, text: line, hits: hitRanges(line, terms), copy: sectionCopy(r, c.ID)})
			}
		}
		if c.Addressee != addressee {
			addressee = c.Addressee
			// A heading line such as 责成电信标准化局主任与电信发展局主任合作
			// already names the addressee; say it once.
			if addressee != "" && !containsAny(strings.Join(headLines, "\n"), []string{addressee}) {
				rows = append(rows, docRow{kind: rowAddressee, text: addressee, hits: hitRanges(addressee, terms), copy: headingCopy(r, c.ID)})
			}
		}
		row := docRow{
			kind: rowClause, text: c.Text, label: c.Label, depth: c.Depth,
			hits: hitRanges(c.Text, terms), chips: refChips(r, c.ID, in.nav),
			res: r.Number, clauseID: c.ID, noteBtn: true, notes: in.notes[c.ID],
			copy: clauseCopy(r, c.ID), notePreviews: in.previews(c.ID),
		}
		for _, n := range footAt[c.ID] {
			footLinks = append(footLinks, footLink{len(rows), len(row.chips), n})
			row.chips = append(row.chips, chipSpec{text: lang.L("Footnote") + " " + strconv.Itoa(n), tone: toneLink})
		}
		rows = append(rows, gaps[ci]...)
		if clauseID != "" && c.ID == clauseID {
			asked = len(rows)
		}
		rows = append(rows, row)
	}
	footRow := map[int]int{} // footnote number -> row index
	if len(r.Footnotes) > 0 {
		rows = append(rows, docRow{kind: rowSection, text: lang.L("Footnotes")})
		for _, f := range r.Footnotes {
			footRow[f.N] = len(rows)
			t := f.Text
			if f.Anchor == "title" {
				t = lang.L("(on the title)") + " " + t
			}
			rows = append(rows, docRow{kind: rowCaption, label: strconv.Itoa(f.N), text: t, hits: hitRanges(t, terms),
				copy: textCopy(r, strconv.Itoa(f.N)+" "+t, lang.L("Copy footnote"))})
		}
	}
	for _, l := range footLinks {
		target, scroll := footRow[l.n], in.scroll
		rows[l.row].chips[l.chip].onTap = func() {
			if scroll != nil {
				scroll(target)
			}
		}
	}
	rows = append(rows, docRow{kind: rowGap, extra: hitBarRoom()})
	if asked >= 0 {
		return rows, asked
	}
	return rows, firstHit(rows, titleRows)
}

// firstHit is the first row with a search hit, 0 when that row is one of
// the first titleRows (the title is seen from the top), or -1.
func firstHit(rows []docRow, titleRows int) int {
	for i, r := range rows {
		if len(r.hits) == 0 {
			continue
		}
		if i < titleRows {
			return 0
		}
		return i
	}
	return -1
}

// refChips makes a chip for every distinct reference of clause clauseID
// ("" for the title and summary), WTSA resolutions first, then by kind.
func refChips(r *app.Resolution, clauseID string, nav navigator) []chipSpec {
	seen := map[string]bool{}
	var refs []app.Ref
	for _, f := range r.Refs {
		if f.ClauseID != clauseID || seen[f.Key] {
			continue
		}
		if n, ok := f.WTSANumber(); ok && n == r.Number {
			continue // a resolution citing itself leads nowhere
		}
		seen[f.Key] = true
		refs = append(refs, f)
	}
	sort.SliceStable(refs, func(i, j int) bool { return refs[i].Kind.Order() < refs[j].Kind.Order() })
	chips := make([]chipSpec, 0, len(refs))
	for _, f := range refs {
		f := f
		chips = append(chips, chipSpec{text: f.Key, tone: toneLink, onTap: func() {
			if nav == nil {
				return
			}
			if n, ok := f.WTSANumber(); ok {
				nav.OpenResolution(n, "")
				return
			}
			nav.OpenEntity(f.Kind, f.Key)
		}})
	}
	return chips
}

// sectionTitle is a section heading as the card shows it: the document's
// Chinese heading, with the usual English term in the English interface.
func sectionTitle(key, heading string) string {
	info, ok := app.SectionByKey(key)
	if heading == "" && ok {
		heading = info.Chinese
	}
	if !ok || key == "other" || uiChinese() {
		return heading
	}
	return heading + " · " + lang.L(info.English)
}

// uiChinese reports whether the interface speaks Chinese.
func uiChinese() bool { return lang.L("Resolutions") == "决议" }

// resName is "Resolution 44" in the interface's language.
func resName(n int) string {
	return lang.L("Resolution {{.N}}", map[string]any{"N": n})
}

func statusLabel(s app.Status) string {
	switch s {
	case app.StatusNew:
		return lang.L("New")
	case app.StatusRevised:
		return lang.L("Revised")
	case app.StatusUnchanged:
		return lang.L("Unchanged")
	}
	return string(s)
}

func statusTone(s app.Status) chipTone {
	switch s {
	case app.StatusNew:
		return toneNew
	case app.StatusRevised:
		return toneRevised
	}
	return toneUnchanged
}

// queryTerms splits a search into the terms to highlight.
func queryTerms(q string) []string {
	q = strings.NewReplacer(app.MarkOpen, " ", app.MarkClose, " ", "\"", " ").Replace(q)
	return strings.Fields(q)
}

// hitRanges finds every occurrence of the terms in text (ASCII letters
// compared without case), merged and in order.
func hitRanges(text string, terms []string) [][2]int {
	if len(terms) == 0 || text == "" {
		return nil
	}
	lt := asciiLower(text)
	var out [][2]int
	for _, t := range terms {
		t = asciiLower(t)
		for at := 0; ; {
			i := strings.Index(lt[at:], t)
			if i < 0 {
				break
			}
			out = append(out, [2]int{at + i, at + i + len(t)})
			at += i + len(t)
		}
	}
	return mergeRanges(out)
}

// asciiLower lowers ASCII letters only, so byte offsets stay valid.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// titleSep follows a label's colon: a space after the English ":", none
// after the full-width "：" of the Chinese interface.
func titleSep() string {
	if strings.HasSuffix(lang.L("Table 1 title:"), "：") {
		return ""
	}
	return " "
}
