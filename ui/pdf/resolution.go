package pdf

import (
	"fmt"
	"strings"

	"briefdesk/app"
)

// Styles of a resolution section.
var (
	clauseStyle  = style{size: 10, color: black}
	labelStyle   = style{size: 10, color: navy}
	headingStyle = style{size: 11, bold: true, color: navy}
	smallStyle   = style{size: 8.5, color: grey}
)

// mentions returns text (cleaned) with its mentions of ITU-D and BDT bold.
func (l *layout) mentions(text string) runText {
	t := l.clean(text)
	return runText{text: t, bold: app.ITUDMentions(t)}
}

// resolution lays out one resolution's section, starting a page.
func (b *builder) resolution(s *resSection) {
	l, r := b.l, &s.r
	w := l.w
	l.section = fmt.Sprintf(w.resLong, r.Number)
	l.newPage()
	l.anchor(resAnchor(r.Number))
	l.bookmark(fmt.Sprintf(w.resLong, r.Number)+" "+r.DisplayTitle(), 0)

	head := style{size: 17, bold: true, color: navy}
	l.add(op{kind: opText, x: marginL, y: baseline(l.y, head), text: fmt.Sprintf(w.resLong, r.Number), st: head})
	status := style{size: 9.5, bold: true, color: ituBlue}
	label := w.statusLabel(r.Status)
	l.add(op{kind: opText, x: marginL + bodyW - l.m.width(label, true, status.size), y: baseline(l.y, head), text: label, st: status})
	l.y += head.lead() + 0.5
	b.resTitle(r)
	if r.TitleTable1 != "" && r.TitleTable1 != r.Title {
		l.text(w.table1Title+r.TitleTable1, smallStyle, marginL, bodyW)
	}
	// Say what the text is: the source's extract, not the resolution.
	l.y += 1
	l.text(w.extractRes, style{size: 8.5, color: ituBlue}, marginL, bodyW)
	l.y += 3

	if strings.TrimSpace(r.Summary) != "" {
		pad := 2.5
		lab := runText{text: w.summary}
		sum := l.mentions(r.Summary)
		sst := style{size: 9.5, color: black}
		inner := bodyW - 2*pad
		l.boxed([]block{
			{lab, l.wrapRuns(lab, style{size: 8, bold: true, color: navy}, inner), style{size: 8, bold: true, color: navy}, 0, nil},
			{sum, l.wrapRuns(sum, sst, inner), sst, inner, nil},
		}, marginL, bodyW, pad, shade, shade, 0, "", w.summary+" "+w.cont)
		l.y += 3
	}
	for _, n := range s.resNotes {
		hint := ""
		switch {
		case b.clauseGone(n):
			hint = fmt.Sprintf(w.writtenOn, b.clauseName(r.Number, n.ClauseID))
		case n.ClauseID != "":
			hint = fmt.Sprintf(w.notPrinted, b.clauseName(r.Number, n.ClauseID))
		}
		b.noteBox(n, marginL, bodyW, hint)
	}

	gaps := map[string]app.Gap{}
	for _, g := range app.ClauseGaps(r.Clauses) {
		gaps[r.Clauses[g.Before].ID] = g
	}
	prev := "\x00"
	b.deferred = b.deferred[:0]
	for i, c := range s.clauses {
		key := c.Section + "\x00" + c.Heading + "\x00" + c.Addressee
		// Notes put off until a clause's items are printed go now.
		b.flushNotes(c.Depth, key != prev)
		if key != prev {
			b.sectionHeading(c)
			prev = key
		}
		if g, ok := gaps[c.ID]; ok {
			b.gapMark(g)
		}
		var next *app.Clause
		if i+1 < len(s.clauses) {
			if n := s.clauses[i+1]; n.Section == c.Section && n.Heading == c.Heading && n.Addressee == c.Addressee {
				next = &n
			}
		}
		b.clause(s, c, next)
	}
	b.flushNotes(-1, true)
	if len(s.clauses) == 0 && len(r.Clauses) > 0 {
		l.space(2)
		l.text(w.noITUD, smallStyle, marginL, bodyW)
	}
	b.references(r)
	b.footnotes(r)
}

// markStyle is a footnote mark: small and raised (see mark).
var markStyle = style{size: 7, bold: true, color: ituBlue}

// mark prints footnote mark m raised beside text of style st whose
// baseline is at y.
func (l *layout) mark(m string, st style, x, y float64) {
	l.add(op{kind: opText, x: x, y: y - st.size*0.3528*0.38, text: m, st: markStyle})
}

// marginStyle is a clause ID printed in the margin.
var marginStyle = style{size: 5.5, color: grey}

// marginID prints a clause's ID (44/resolves/2) small in the left margin,
// right-aligned against the text, at baseline y, so a delegate can cite
// the clause aloud. An ID too long for the margin gets a smaller size.
func (b *builder) marginID(id string, y float64) {
	l := b.l
	st := marginStyle
	room := marginL - 4
	if w := l.m.width(id, false, st.size); w > room {
		st.size *= room / w
	}
	id = l.clean(id)
	l.add(op{kind: opText, x: marginL - 1.2 - l.m.width(id, false, st.size), y: y, text: id, st: st})
}

func fnAnchor(res, n int) string { return fmt.Sprintf("fn:%d:%d", res, n) }

// titleFootnote is the number of the first footnote on r's title, or 0.
func titleFootnote(r *app.Resolution) int {
	for _, fn := range r.Footnotes {
		if fn.Anchor == "" || fn.Anchor == "title" {
			return fn.N
		}
	}
	return 0
}

// titleMarks returns the marks of the footnotes on r's title ("1", "1,2"),
// or "".
func titleMarks(r *app.Resolution) string {
	var ns []string
	for _, fn := range r.Footnotes {
		if fn.Anchor == "" || fn.Anchor == "title" {
			ns = append(ns, fmt.Sprint(fn.N))
		}
	}
	return strings.Join(ns, ",")
}

// resTitle prints a resolution's title with the marks of its footnotes at
// its end: the parser does not record where in the title a mark stood
// (Res 44's follows 发展中国家), and the end of the title is where a
// reader looks for one.
func (b *builder) resTitle(r *app.Resolution) {
	l := b.l
	st := style{size: 13, bold: true, color: black}
	marks := titleMarks(r)
	mw := 0.0
	if marks != "" {
		mw = l.m.width(marks, markStyle.bold, markStyle.size) + 0.6
	}
	t := runText{text: l.clean(r.DisplayTitle())}
	lines := l.wrapRuns(t, st, bodyW-mw)
	l.flow(t, lines, st, marginL)
	if marks != "" && len(lines) > 0 {
		last := lines[len(lines)-1]
		x := marginL + l.m.width(t.text[last.start:last.end], st.bold, st.size) + 0.6
		l.mark(marks, st, x, baseline(l.y-st.lead(), st))
		// The mark links to its footnote, printed at the end of the section.
		if n := titleFootnote(r); n > 0 {
			l.add(op{kind: opLink, x: x, y: l.y - st.lead(), w: mw, h: st.lead(), anchor: fnAnchor(r.Number, n)})
		}
	}
}

// sectionHeading prints a heading line (忆及, 责成 ...) with its English
// name and addressee, kept on the page of the clause that follows it.
func (b *builder) sectionHeading(c app.Clause) {
	l := b.l
	// Some headings carry their addressee (进一步责成各研究组): print it once.
	heading := c.Heading
	if c.Addressee != "" && heading != c.Addressee {
		heading = strings.TrimSuffix(heading, c.Addressee)
	}
	english := ""
	if info, ok := app.SectionByKey(c.Section); ok {
		if heading == "" {
			heading = info.Chinese
		}
		if c.Section != "other" && !l.w.zh {
			english = info.English
		}
	}
	addr := l.mentions(c.Addressee)
	addrLines := l.wrapRuns(addr, style{size: 10, color: navy}, bodyW)
	if c.Addressee == "" {
		addrLines = nil
	}
	l.space(2.5)
	l.need(headingStyle.lead() + float64(len(addrLines))*clauseStyle.lead() + 2*clauseStyle.lead())
	l.bookmark(strings.TrimSpace(heading+" "+english), 1)
	h := runText{text: l.clean(heading)}
	for _, ln := range l.wrapRuns(h, headingStyle, bodyW-40) {
		l.drawLine(h, ln, headingStyle, marginL, baseline(l.y, headingStyle))
		if english != "" && ln.end == len(h.text) {
			x := marginL + l.m.width(h.text[ln.start:ln.end], true, headingStyle.size) + 3
			l.add(op{kind: opText, x: x, y: baseline(l.y, headingStyle), text: english, st: style{size: 9, color: grey}})
		}
		l.y += headingStyle.lead()
	}
	if addrLines != nil {
		l.flow(addr, addrLines, style{size: 10, color: navy}, marginL)
	}
	l.y += 0.8
}

// clause prints one clause: label and text indented by depth, mentions of
// ITU-D in bold, a blue bar beside clauses addressed to ITU-D (when the
// pack prints all clauses), then its notes.
func (b *builder) clause(s *resSection, c app.Clause, next *app.Clause) {
	l := b.l
	tx, lines, t := b.clauseLines(c)
	lx := marginL + 4 + float64(c.Depth)*6
	label := l.clean(c.Label)
	// A clause is not split over a page when it is short; one that leads
	// in to its items ("…以便：") stays with the first of them.
	lead := clauseStyle.lead()
	keep := lead * float64(min(2, len(lines)))
	hasItems := next != nil && next.Depth > c.Depth
	if hasItems && leadsIn(c.Text) {
		_, nl, _ := b.clauseLines(*next)
		keep = lead*float64(len(lines)) + 1.6 + lead*float64(min(2, len(nl)))
	}
	if keep > bodyBottom-bodyTop {
		keep = lead * 2
	}
	l.need(keep)
	l.anchor("clause:" + c.ID)
	if label != "" {
		l.add(op{kind: opText, x: lx, y: baseline(l.y, clauseStyle), text: label, st: labelStyle})
	}
	if b.in.Pack.Options.ClauseIDs {
		b.marginID(c.ID, baseline(l.y, clauseStyle))
	}
	frags := l.flowJust(t, lines, clauseStyle, tx, marginL+bodyW-tx)
	if b.in.Pack.Options.Clauses != app.ClausesITUD && c.AddressesITUD() {
		for _, f := range frags {
			pg := l.pages[f.page]
			pg.ops = append(pg.ops, op{kind: opRect, x: marginL, y: f.top + 0.6, w: 1.2, h: f.bottom - f.top - 1.2, fill: ituBlue})
		}
	}
	l.y += 1.6
	for _, n := range s.clauseNotes[c.ID] {
		// A note too tall for the rest of the page never stands between
		// a clause and its items: it goes after the items.
		if hasItems && b.noteHeight(n, marginL+bodyW-tx) > bodyBottom-l.y {
			b.deferred = append(b.deferred, pendingNote{n, c.Depth, tx})
			continue
		}
		b.noteBox(n, tx, marginL+bodyW-tx, "")
	}
}

// clauseLines wraps clause c: where its text starts, its lines, its text.
func (b *builder) clauseLines(c app.Clause) (float64, []line, runText) {
	l := b.l
	lx := marginL + 4 + float64(c.Depth)*6
	label := l.clean(c.Label)
	lw := max(7, l.m.width(label, false, labelStyle.size)+2)
	tx := lx + lw
	if label == "" {
		tx = lx
	}
	t := l.mentions(c.Text)
	return tx, l.wrapRuns(t, clauseStyle, marginL+bodyW-tx), t
}

// leadsIn reports whether a clause's text introduces the items under it:
// it ends with a colon.
func leadsIn(text string) bool {
	text = strings.TrimSpace(text)
	return strings.HasSuffix(text, "：") || strings.HasSuffix(text, ":")
}

// pendingNote is a note put off until after its clause's items.
type pendingNote struct {
	n     app.Note
	depth int
	x     float64
}

// flushNotes prints the notes put off for clauses whose items have ended:
// those of depth at least depth (the next clause is no deeper), or all of
// them when the heading changes (all is true).
func (b *builder) flushNotes(depth int, all bool) {
	keep := b.deferred[:0]
	var out []pendingNote
	for _, p := range b.deferred {
		if all || p.depth >= depth {
			out = append(out, p)
		} else {
			keep = append(keep, p)
		}
	}
	b.deferred = keep
	for _, p := range out {
		b.noteBox(p.n, p.x, marginL+bodyW-p.x, fmt.Sprintf(b.l.w.noteAfterItems, p.n.ClauseID))
	}
}

// gapMark prints "……" where the source's extract leaves clauses out (a
// labelled sequence skips), with the labels it skips, kept on the page of
// the clause that follows.
func (b *builder) gapMark(g app.Gap) {
	l := b.l
	lx := marginL + 4 + float64(g.Depth)*6
	l.need(clauseStyle.lead() * 3)
	st := style{size: clauseStyle.size, color: grey}
	l.add(op{kind: opText, x: lx, y: baseline(l.y, st), text: app.GapMark, st: st})
	x := lx + l.m.width(app.GapMark, false, st.size) + 3
	note := style{size: 8, color: grey}
	l.add(op{kind: opText, x: x, y: baseline(l.y, st), text: l.clean(fmt.Sprintf(l.w.gap, g.Labels())), st: note})
	l.y += st.lead() + 1
}

// noteBox prints a note in a tinted box: stance, author and date, then the
// body and tags. The note's anchor is where "Our positions" points.
func (b *builder) noteBox(n app.Note, x, w float64, hint string) {
	l := b.l
	blocks, info, pad, bar := b.noteBlocks(n, w, hint)
	wd := l.w
	cont := wd.cont
	if n.ClauseID != "" {
		cont = fmt.Sprintf(wd.noteOn, n.ClauseID) + " " + wd.cont
	}
	l.boxed(blocks, x, w, pad, info.bg, info.color, bar, "note:"+n.ID, cont)
	l.y += 1.8
}

// noteHeight is the height of n's box, w mm wide, on one page.
func (b *builder) noteHeight(n app.Note, w float64) float64 {
	blocks, _, pad, _ := b.noteBlocks(n, w, "")
	h := 2 * pad
	for _, bl := range blocks {
		h += float64(len(bl.lines)) * bl.st.lead()
	}
	return h
}

// noteBlocks wraps a note's box for width w: stance, author and date,
// a hint, the body, the tags.
func (b *builder) noteBlocks(n app.Note, w float64, hint string) ([]block, stanceInfo, float64, float64) {
	l := b.l
	wd := l.w
	info := b.stanceOf(n.Stance)
	meta := []string{wd.upper(info.label)}
	who := strings.TrimSpace(n.Author.Name)
	if d := strings.TrimSpace(n.Author.Delegation); d != "" {
		who = strings.TrimSpace(who + " (" + d + ")")
	}
	if who != "" {
		meta = append(meta, who)
	}
	if d := noteDate(n); d != "" {
		meta = append(meta, wd.dateText(d))
	}
	if n.Priority > 0 && n.Priority < len(wd.priorities) {
		meta = append(meta, wd.priorities[n.Priority])
	}
	if n.Origin.Imported {
		meta = append(meta, fmt.Sprintf(wd.from, firstNonEmpty(n.Origin.File, wd.aColleague)))
	}
	switch {
	case b.clauseGone(n):
		meta = append(meta, wd.clauseGone)
	case n.NeedsReanchor:
		meta = append(meta, wd.clauseChanged)
	}
	pad, bar := 2.0, 1.0
	inner := w - bar - 2*pad
	head := runText{text: l.clean(strings.Join(meta, " · "))}
	hst := style{size: 8, bold: true, color: info.color}
	bst := style{size: 9.5, color: black}
	body := runText{text: l.clean(n.Body)}
	blocks := []block{{head, l.wrapRuns(head, hst, inner), hst, 0, nil}}
	if hint != "" {
		h := runText{text: l.clean(hint)}
		blocks = append(blocks, block{h, l.wrapRuns(h, smallStyle, inner), smallStyle, 0, nil})
	}
	if strings.TrimSpace(body.text) != "" {
		blocks = append(blocks, block{body, l.wrapRuns(body, bst, inner), bst, inner, urlRanges(body.text)})
	}
	if len(n.Tags) > 0 {
		tags := runText{text: l.clean("#" + strings.Join(n.Tags, "  #"))}
		blocks = append(blocks, block{tags, l.wrapRuns(tags, smallStyle, inner), smallStyle, 0, nil})
	}
	return blocks, info, pad, bar
}

func noteDate(n app.Note) string {
	t := n.Updated
	if t.IsZero() {
		t = n.Created
	}
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(app.DateLayout)
}

// clauseGone reports whether n is written on a clause its resolution no
// longer has (the source document was loaded again without it).
func (b *builder) clauseGone(n app.Note) bool {
	if n.ClauseID == "" {
		return false
	}
	for _, s := range b.res {
		if s.r.Number == n.Resolution {
			for _, c := range s.r.Clauses {
				if c.ID == n.ClauseID {
					return false
				}
			}
			return true
		}
	}
	return false
}

// clauseName names a clause for a reader: its heading and label
// ("责成 2"), or its ID when the resolution does not have it.
func (b *builder) clauseName(res int, id string) string {
	if heading, labels, ok := b.clauseLabels(res, id); ok {
		name := strings.TrimSpace(heading + " " + labels)
		if name == "" {
			name = id
		}
		return fmt.Sprintf(b.l.w.clause, name)
	}
	return fmt.Sprintf(b.l.w.clause, id)
}

// clauseLabels returns a clause's heading and its label with its
// parents' ("2 ii)": a sub-item's label means little alone).
func (b *builder) clauseLabels(res int, id string) (heading, labels string, ok bool) {
	for _, s := range b.res {
		if s.r.Number != res {
			continue
		}
		var parents []string
		for _, c := range s.r.Clauses {
			parents = append(parents[:min(c.Depth, len(parents))], c.Label)
			if c.ID == id {
				return c.Heading, strings.TrimSpace(strings.Join(parents, " ")), true
			}
		}
	}
	return "", "", false
}

// references lists what the resolution cites, by kind.
func (b *builder) references(r *app.Resolution) {
	if len(r.Refs) == 0 {
		return
	}
	l := b.l
	byKind := map[app.RefKind][]string{}
	seen := map[string]bool{}
	for _, ref := range r.Refs {
		if seen[ref.Key] {
			continue
		}
		seen[ref.Key] = true
		k := ref.Key
		if ref.Edition != "" {
			k += "（" + ref.Edition + "）"
		}
		byKind[ref.Kind] = append(byKind[ref.Kind], k)
	}
	st := style{size: 9, color: black}
	type para struct {
		t     runText
		lines []line
	}
	var paras []para
	keep := 0.0
	for _, kind := range app.RefKinds {
		keys := byKind[kind]
		if len(keys) == 0 {
			continue
		}
		kl := b.l.w.kindLabel(kind)
		lab := kl + b.l.w.colon
		t := runText{text: l.clean(lab + strings.Join(keys, "; ")), bold: [][2]int{{0, len(kl)}}}
		lines := l.wrapRuns(t, st, bodyW-4)
		paras = append(paras, para{t, lines})
		keep += float64(len(lines))*st.lead() + 0.6
	}
	// The list is a few lines: it goes with its heading, whole, so no
	// page starts with its last line alone.
	b.minorHeading(b.l.w.references, keep)
	for _, p := range paras {
		l.flowKept(p.t, p.lines, st, marginL+4)
		l.y += 0.6
	}
}

// footnotes lists the resolution's footnotes with what they hang on.
func (b *builder) footnotes(r *app.Resolution) {
	if len(r.Footnotes) == 0 {
		return
	}
	l := b.l
	b.minorHeading(b.l.w.footnotes, 0)
	st := style{size: 8.5, color: black}
	for _, fn := range r.Footnotes {
		on := b.l.w.onTitle
		if fn.Anchor != "" && fn.Anchor != "title" {
			on = fmt.Sprintf(b.l.w.onClause, b.clauseName(r.Number, fn.Anchor))
		}
		// The footnote's mark, as the title shows it, hangs left of its text.
		l.need(st.lead())
		l.anchor(fnAnchor(r.Number, fn.N))
		l.mark(fmt.Sprint(fn.N), st, marginL+4, baseline(l.y, st))
		open, closing := " (", ")"
		if b.l.w.zh {
			open, closing = "（", "）"
		}
		l.para(runText{text: l.clean(fn.Text + open + on + closing)}, st, marginL+9, bodyW-9)
		l.y += 0.6
	}
}

// minorHeading prints a small ruled heading. keep is the height of what
// follows it that stays with it: when heading and all that fit on a page
// they start one together, otherwise the heading keeps two lines with it.
func (b *builder) minorHeading(s string, keep float64) {
	l := b.l
	st := style{size: 9.5, bold: true, color: navy}
	l.space(3)
	head := 1.2 + st.lead() + 0.5
	least := 2 * style{size: 9}.lead()
	if head+keep > bodyBottom-bodyTop {
		keep = least
	}
	l.need(head + max(keep, least))
	l.add(op{kind: opLine, x: marginL, y: l.y, w: bodyW, h: 0.2, fill: rule})
	l.y += 1.2
	l.text(s, st, marginL, bodyW)
	l.y += 0.5
}
