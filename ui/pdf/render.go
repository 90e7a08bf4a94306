// Package pdf prints briefing packs: the WTSA-20 resolutions a delegate
// takes into an ITU-D meeting, with their clauses, references, footnotes
// and the delegation's notes, as an A4 PDF.
//
// Chinese text is never handed to gofpdf's MultiCell or SplitText (they
// drop a character at each line break and panic beyond U+FFFF): ui/wrap
// breaks every line, with kinsoku, and each line is printed as it is. Any
// rune the bundled font lacks is replaced by Placeholder first.
//
// Rendering lays the whole document out before printing anything, so page
// numbers in the contents, the positions summary, the overview table and
// the references appendix are known when they are printed. The same pack
// and data give the same bytes: dates come from the pack, never the clock.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"briefdesk/app"
	"briefdesk/assets"

	"github.com/jung-kurt/gofpdf"
)

// Input is everything a pack prints.
type Input struct {
	Pack   app.Pack
	Source app.Source
	// Resolutions are the pack's resolutions, full (clauses, footnotes,
	// refs), in the order the pack prints them. The overview table, the
	// resolution sections and the references appendix all come from them.
	Resolutions []app.Resolution
	// Notes may hold any notes: Render keeps the live ones on the pack's
	// resolutions that Pack.Options.Notes selects (none, mine, all).
	Notes []app.Note
	// Me is the delegate exporting the pack; it stands in on the cover
	// for a pack without author or delegation.
	Me app.Author
}

// Render writes the pack as a PDF to w.
func Render(w io.Writer, in Input) error {
	f, b, err := layOut(in)
	if err != nil {
		return err
	}
	meta := b.metadata()
	f.SetTitle(meta.title, true)
	if meta.author != "" {
		// gofpdf would write an empty one as a bare byte-order mark.
		f.SetAuthor(meta.author, true)
	}
	f.SetSubject(meta.subject, true)
	f.SetKeywords(meta.keywords, true)
	f.SetCreator("BriefDesk", true)
	paint(f, b.l, b.title(), b.l.w.dateText(in.Pack.Date))
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return fmt.Errorf("write the PDF: %w", err)
	}
	if _, err := w.Write(setLang(tagSubsets(buf.Bytes()), b.l.w.pdfLang)); err != nil {
		return fmt.Errorf("write the PDF: %w", err)
	}
	return nil
}

// layOut sets up gofpdf with the bundled fonts and lays the whole pack out.
func layOut(in Input) (*gofpdf.Fpdf, *builder, error) {
	covered, err := coverage()
	if err != nil {
		return nil, nil, fmt.Errorf("read the bundled font: %w", err)
	}
	f := gofpdf.New("P", "mm", "A4", "")
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(marginL, bodyTop, marginR)
	f.SetCatalogSort(true)
	stamp := packTime(in.Pack.Date)
	f.SetCreationDate(stamp)
	f.SetModificationDate(stamp)
	f.AddUTF8FontFromBytes(family, "", assets.FontRegular)
	f.AddUTF8FontFromBytes(family, "B", assets.FontBold)
	if err := f.Error(); err != nil {
		return nil, nil, fmt.Errorf("load the bundled font: %w", err)
	}

	b := newBuilder(in, &layout{m: newMetrics(f), w: wordsFor(&in.Pack), covered: covered, anchors: map[string]spot{}})
	b.cover()
	b.contents()
	b.positions()
	b.overview()
	b.checklist()
	for i := range b.res {
		b.resolution(&b.res[i])
	}
	b.appendix()
	if err := f.Error(); err != nil {
		return nil, nil, fmt.Errorf("lay out the pack: %w", err)
	}
	return f, b, nil
}

// packTime is the pack's date as the PDF's creation and modification
// time. A pack without a date gets a fixed time rather than the clock,
// so the file stays reproducible.
func packTime(date string) time.Time {
	if t, err := time.Parse(app.DateLayout, date); err == nil {
		return t.UTC()
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

// builder lays out the parts of the pack.
type builder struct {
	in  Input
	l   *layout
	res []resSection
	// toc lists the contents entries, known before anything is laid out.
	toc []tocEntry
	// stanced lists the notes "Our positions" summarises.
	stanced []app.Note
	// deferred holds notes put off until their clause's items are printed.
	deferred []pendingNote
}

type tocEntry struct {
	label, title, anchor string
}

func newBuilder(in Input, l *layout) *builder {
	b := &builder{in: in, l: l}
	b.res = selectSections(in)
	for _, r := range b.res {
		for _, n := range r.allNotes() {
			if n.Stance != app.StanceNone && n.Stance != "" {
				b.stanced = append(b.stanced, n)
			}
		}
	}
	w := l.w
	if len(b.stanced) > 0 {
		b.toc = append(b.toc, tocEntry{"", w.positions, "positions"})
	}
	if in.Pack.Options.Overview {
		b.toc = append(b.toc, tocEntry{"", w.overviewTitle, "overview"})
	}
	if b.hasChecklist() {
		b.toc = append(b.toc, tocEntry{"", w.checklistTitle, "checklist"})
	}
	for _, r := range b.res {
		b.toc = append(b.toc, tocEntry{fmt.Sprintf(w.resShort, r.r.Number), r.r.DisplayTitle(), resAnchor(r.r.Number)})
	}
	if b.hasAppendix() {
		b.toc = append(b.toc, tocEntry{"", w.appendixTitle, "appendix"})
	}
	return b
}

func resAnchor(n int) string { return fmt.Sprintf("res:%d", n) }

func (b *builder) title() string {
	if t := strings.TrimSpace(b.in.Pack.Title); t != "" {
		return t
	}
	return b.l.w.titlePrefix + b.about()
}

// target is the group the pack is prepared for, or "" when it names none:
// a pack of all resolutions, or of a hand-made list, has a custom target
// whose label says no more than "WTSA-20".
func (b *builder) target() string {
	p := &b.in.Pack
	switch p.Target {
	case app.TargetSG1, app.TargetSG2, app.TargetTDAG, app.TargetWTDC:
		return b.l.w.targetName(p)
	}
	label := strings.TrimSpace(p.TargetLabel)
	norm := strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, label))
	switch norm {
	case "", "wtsa20", "wtsa20resolutions", "custom", "all":
		return ""
	}
	return label
}

// about says what the pack holds, for the cover and the metadata.
func (b *builder) about() string {
	if t := b.target(); t != "" {
		return fmt.Sprintf(b.l.w.aboutFor, t)
	}
	return b.l.w.aboutAll
}

type metadata struct{ title, author, subject, keywords string }

func (b *builder) metadata() metadata {
	p := b.in.Pack
	// "Li Wei (China)", "Li Wei", "China", or nothing: gofpdf leaves an
	// empty author out of the file.
	author := firstNonEmpty(p.Author, b.in.Me.Name)
	if d := firstNonEmpty(p.Delegation, b.in.Me.Delegation); d != "" {
		if author != "" {
			d = author + " (" + d + ")"
		}
		author = d
	}
	var kw []string
	seen := map[string]bool{}
	add := func(k string) {
		if k = strings.TrimSpace(k); k != "" && !seen[strings.ToLower(k)] {
			seen[strings.ToLower(k)] = true
			kw = append(kw, k)
		}
	}
	add("WTSA-20")
	add("ITU-D")
	add(b.target())
	for _, r := range b.res {
		add(fmt.Sprintf(b.l.w.resLong, r.r.Number))
	}
	return metadata{
		title:    b.l.clean(b.title()),
		author:   b.l.clean(author),
		subject:  b.l.clean(b.about() + meetingSuffix(p.Meeting)),
		keywords: b.l.clean(strings.Join(kw, ", ")),
	}
}

func meetingSuffix(m string) string {
	if m = strings.TrimSpace(m); m != "" {
		return ", " + m
	}
	return ""
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}

// Lines a cover field may take: the cover is one page whatever the pack
// says, so a field longer than this is cut, ending in "…". The running
// header, the metadata and the contents keep the full text.
const (
	coverTitleLines = 3
	coverFieldLines = 2
)

// cover lays out the title page. Every field is capped (coverTitleLines,
// coverFieldLines) and the source block goes below the fields, at the
// foot of the page when there is room, so nothing overlaps and the cover
// never spills onto a second page.
func (b *builder) cover() {
	l := b.l
	l.newPage()
	l.cur().plain = true
	p := b.in.Pack
	w := l.w
	l.add(op{kind: opRect, x: 0, y: 0, w: pageW, h: 9, fill: navy})
	l.y = 52
	l.capped(w.kicker, style{size: 10, bold: true, color: ituBlue}, marginL, bodyW, 1)
	l.y += 3
	l.balanced(b.title(), style{size: 22, bold: true, color: navy}, marginL, bodyW, coverTitleLines)
	l.y += 2
	if !sameWords(b.title(), b.about()) {
		l.capped(b.about(), style{size: 13, color: black}, marginL, bodyW, coverFieldLines)
	}
	l.y += 14

	clauses := w.clausesAll
	if p.Options.Clauses == app.ClausesITUD {
		clauses = w.clausesITUD
	}
	notes := map[string]string{app.NotesMine: w.notesMine, app.NotesAll: w.notesAll}[p.Options.Notes]
	if notes == "" {
		notes = w.notesNone
	}
	nums := make([]string, len(b.res))
	for i, r := range b.res {
		nums[i] = fmt.Sprint(r.r.Number)
	}
	rows := []struct {
		key, val string
		lines    int
	}{
		{w.target, b.target(), coverFieldLines},
		{w.meeting, p.Meeting, coverFieldLines},
		{w.delegation, firstNonEmpty(p.Delegation, b.in.Me.Delegation), coverFieldLines},
		{w.preparedBy, firstNonEmpty(p.Author, b.in.Me.Name), coverFieldLines},
		{w.date, w.dateText(p.Date), 1},
		// All 28 numbers take two lines; three leave room for a custom list.
		{w.resolutions, fmt.Sprintf("%d%s%s", len(nums), w.colon, strings.Join(nums, w.listSep)), 3},
		{w.clauses, clauses, coverFieldLines},
		{w.notes, notes, coverFieldLines},
	}
	key, val := style{size: 9.5, color: grey}, style{size: 10.5, color: black}
	for _, r := range rows {
		if strings.TrimSpace(r.val) == "" {
			continue
		}
		l.add(op{kind: opText, x: marginL, y: baseline(l.y, val), text: r.key, st: key})
		l.capped(r.val, val, marginL+34, bodyW-34, r.lines)
		l.y += 1.6
	}
	// Say what the text is: an extract, not whole resolutions.
	l.y += 3
	l.capped(w.extractCover, style{size: 9.5, color: navy}, marginL, bodyW, 4)

	src := b.in.Source
	l.y = max(pageH-62, l.y+6)
	l.add(op{kind: opLine, x: marginL, y: l.y, w: bodyW, h: 0.3, fill: rule})
	l.y += 3
	small := style{size: 8.5, color: grey}
	l.capped(w.source, style{size: 8.5, bold: true, color: grey}, marginL, bodyW, 1)
	if src.Title != "" {
		l.capped(src.Title, small, marginL, bodyW, coverFieldLines)
	}
	if src.Name != "" {
		fp := src.Fingerprint
		if len(fp) > 16 {
			fp = fp[:16] + "…"
		}
		l.capped(fmt.Sprintf("%s · SHA-256 %s", src.Name, fp), small, marginL, bodyW, coverFieldLines)
	}
	l.capped(w.madeWith, small, marginL, bodyW, coverFieldLines)
}

// contents lays out the table of contents: one linked line per entry,
// page numbers right-aligned after a dotted leader.
func (b *builder) contents() {
	l := b.l
	l.section = l.w.contents
	l.newPage()
	l.bookmark(l.w.contents, 0)
	l.text(l.w.contents, style{size: 18, bold: true, color: navy}, marginL, bodyW)
	l.y += 4
	st := style{size: 10, color: black}
	labelW, numW := 16.0, 12.0
	if l.w.zh {
		labelW = 25 // 第100号决议
	}
	right := marginL + bodyW
	for _, e := range b.toc {
		x := marginL
		if e.label != "" {
			x += labelW
		}
		lines := l.wrapRuns(runText{text: l.clean(e.title)}, st, right-numW-x)
		l.need(float64(len(lines)) * st.lead())
		top := l.y
		if e.label != "" {
			l.add(op{kind: opText, x: marginL, y: baseline(l.y, st), text: e.label, st: style{size: 10, bold: true, color: navy}})
		}
		t := runText{text: l.clean(e.title)}
		var lastEnd float64
		for _, ln := range lines {
			l.drawLine(t, ln, st, x, baseline(l.y, st))
			lastEnd = x + l.m.width(t.text[ln.start:ln.end], false, st.size)
			l.y += st.lead()
		}
		base := l.y - st.lead()
		if dots := right - 8 - (lastEnd + 2); dots > 2 {
			l.add(op{kind: opDots, x: lastEnd + 2, y: baseline(base, st), w: dots, fill: grey})
		}
		l.add(op{kind: opPageRef, x: right, y: baseline(base, st), anchor: e.anchor, st: st})
		l.add(op{kind: opLink, x: marginL, y: top, w: bodyW, h: l.y - top, anchor: e.anchor})
		l.y += 1.2
	}
}

// sameWords reports whether title already says all that sub does, so the
// cover need not print sub under it: "… ITU-D Study Group 2" says
// "… ITU-D SG2", and "Briefing pack: X" says X.
func sameWords(title, sub string) bool {
	norm := func(s string) string {
		s = strings.ToLower(s)
		s = strings.ReplaceAll(s, "study group", "sg")
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, s)
	}
	t, u := norm(title), norm(sub)
	return u != "" && strings.Contains(t, u)
}
