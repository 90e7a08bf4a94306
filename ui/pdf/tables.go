package pdf

import (
	"fmt"
	"slices"
	"strings"

	"briefdesk/app"
)

// partTitle starts a front or back part on a new page.
func (b *builder) partTitle(section, title, anchor, intro string) {
	l := b.l
	l.section = section
	l.newPage()
	l.anchor(anchor)
	l.bookmark(title, 0)
	l.text(title, style{size: 18, bold: true, color: navy}, marginL, bodyW)
	l.y += 1
	if intro != "" {
		l.text(intro, smallStyle, marginL, bodyW)
	}
	l.y += 4
}

// column of the overview table.
type column struct {
	title string
	w     float64
}

// overview prints Table 1 for the pack's resolutions: wrapped cells, the
// header row repeated on each page, rows split only between lines.
func (b *builder) overview() {
	if !b.in.Pack.Options.Overview {
		return
	}
	l := b.l
	w := l.w
	b.partTitle(w.overviewSection, w.overviewTitle, "overview", w.overviewIntro)
	cols := []column{{w.colRes, 10}, {w.colStatus, 21}, {w.colTitle, 36}, {w.colSummary, 0}, {w.colPage, 11}}
	used := 0.0
	for _, c := range cols {
		used += c.w
	}
	cols[3].w = bodyW - used
	const pad = 1.4
	hst := style{size: 8.5, bold: true, color: navy}
	st := style{size: 8.5, color: black}
	header := func() {
		h := hst.lead() + 2*pad
		l.add(op{kind: opRect, x: marginL, y: l.y, w: bodyW, h: h, fill: headShade})
		x := marginL
		for _, c := range cols {
			l.add(op{kind: opText, x: x + pad, y: baseline(l.y+pad, hst), text: c.title, st: hst})
			x += c.w
		}
		l.y += h
	}
	header()
	l.onNewPage = header
	defer func() { l.onNewPage = nil }()

	for _, s := range b.res {
		r := &s.r
		cells := []runText{
			{text: fmt.Sprint(r.Number)},
			{text: l.clean(strings.Replace(w.statusLabel(r.Status), " · ", "\n", 1))},
			{text: l.clean(r.DisplayTitle())},
			l.mentions(r.Summary),
		}
		lines := make([][]line, len(cells))
		rows := 1
		for i, c := range cells {
			cst := st
			if i == 0 {
				cst.bold = true
			}
			lines[i] = l.wrapRuns(c, cst, cols[i].w-2*pad)
			rows = max(rows, len(lines[i]))
		}
		lead := st.lead()
		full := float64(rows)*lead + 2*pad
		room := bodyBottom - bodyTop - (hst.lead() + 2*pad)
		// A row that does not fit moves to the next page whole, unless it
		// is long and a good part of it fits here: then it is split, but
		// only between lines.
		if fit := int((bodyBottom - l.y - 2*pad) / lead); l.y+full > bodyBottom && full <= room && (rows <= 8 || fit < 4) {
			l.newPage()
		}
		for from := 0; from < rows; {
			fit := int((bodyBottom - l.y - 2*pad) / lead)
			if fit < 1 {
				l.newPage()
				continue
			}
			k := min(fit, rows-from)
			if rest := rows - from - k; rest == 1 && k > 2 {
				k-- // no single line left over for the next page
			}
			top := l.y
			if from > 0 {
				cont := style{size: 7, color: grey}
				l.add(op{kind: opText, x: marginL + pad, y: baseline(top+pad+lead, cont), text: w.cont, st: cont})
			}
			x := marginL
			for i, c := range cells {
				cst := st
				if i == 0 {
					cst.bold = true
				}
				if from > 0 && i == 0 {
					// Repeat the number on the page the row continues on.
					l.drawLine(c, lines[0][0], cst, x+pad, baseline(top+pad, cst))
					x += cols[i].w
					continue
				}
				for j := from; j < min(from+k, len(lines[i])); j++ {
					l.drawLine(c, lines[i][j], cst, x+pad, baseline(top+pad+float64(j-from)*lead, cst))
				}
				x += cols[i].w
			}
			if from == 0 {
				l.add(op{kind: opPageRef, x: marginL + bodyW - pad, y: baseline(top+pad, st), anchor: resAnchor(r.Number), st: st})
			}
			l.y = top + float64(k)*lead + 2*pad
			l.add(op{kind: opLine, x: marginL, y: l.y, w: bodyW, h: 0.15, fill: rule})
			l.add(op{kind: opLink, x: marginL, y: top, w: bodyW, h: l.y - top, anchor: resAnchor(r.Number)})
			from += k
			if from < rows {
				l.newPage()
			}
		}
	}
}

func (b *builder) hasAppendix() bool {
	if !b.in.Pack.Options.RefsAppendix {
		return false
	}
	for _, s := range b.res {
		if len(s.r.Refs) > 0 {
			return true
		}
	}
	return false
}

// entity is a referenced thing with the places of this pack that cite it.
type entity struct {
	kind  app.RefKind
	key   string
	cites []cite
}

type cite struct {
	res    int
	clause string // first citing clause in that resolution; "" for title/summary
}

// entities collects what the pack's resolutions cite, kinds in
// app.RefKinds order and keys in natural order (Res 9 before Res 59).
func (b *builder) entities() []entity {
	idx := map[string]int{}
	var out []entity
	for _, s := range b.res {
		for _, ref := range s.r.Refs {
			i, ok := idx[ref.Key]
			if !ok {
				i = len(out)
				idx[ref.Key] = i
				out = append(out, entity{kind: ref.Kind, key: ref.Key})
			}
			e := &out[i]
			if n := len(e.cites); n > 0 && e.cites[n-1].res == s.r.Number {
				continue
			}
			e.cites = append(e.cites, cite{s.r.Number, ref.ClauseID})
		}
	}
	slices.SortStableFunc(out, func(a, b entity) int { return app.CompareRefs(a.kind, a.key, b.kind, b.key) })
	return out
}

// appendix lists every referenced entity with the resolutions and pages
// that cite it. It comes last, so every page it names is already known.
func (b *builder) appendix() {
	if !b.hasAppendix() {
		return
	}
	l := b.l
	w := l.w
	b.partTitle(w.appendixSection, w.appendixTitle, "appendix", w.appendixIntro)
	keyW := 50.0
	kst := style{size: 9, bold: true, color: black}
	cst := style{size: 9, color: black}
	hst := style{size: 11, bold: true, color: navy}
	var kind app.RefKind
	defer func() { l.onNewPage = nil }()
	for _, e := range b.entities() {
		if e.kind != kind {
			kind = e.kind
			l.onNewPage = nil
			l.space(3)
			l.need(hst.lead() + 2*cst.lead())
			l.bookmark(w.kindLabel(kind), 1)
			l.text(w.kindLabel(kind), hst, marginL, bodyW)
			l.y += 0.8
			// A kind's list continued on a new page says whose it is.
			label := w.kindLabel(kind) + " " + w.cont
			l.onNewPage = func() {
				l.capped(label, hst, marginL, bodyW, 1)
				l.y += 0.8
			}
		}
		var parts []string
		var ranges [][2]int
		var anchors []string
		pos := 0
		for i, c := range e.cites {
			a := resAnchor(c.res)
			if _, ok := l.anchors["clause:"+c.clause]; c.clause != "" && ok {
				a = "clause:" + c.clause
			}
			s := fmt.Sprintf(w.citeRes, c.res, l.anchors[a].page+1)
			if i > 0 {
				pos += len("; ")
			}
			parts = append(parts, s)
			ranges = append(ranges, [2]int{pos, pos + len(s)})
			anchors = append(anchors, a)
			pos += len(s)
		}
		key := runText{text: l.clean(e.key)}
		cites := runText{text: strings.Join(parts, "; ")}
		keyLines := l.wrapRuns(key, kst, keyW-3)
		citeLines := l.wrapRuns(cites, cst, bodyW-keyW)
		l.need(cst.lead() * float64(min(max(len(keyLines), len(citeLines)), 6)))
		top, firstPage := l.y, len(l.pages)
		l.flow(key, keyLines, kst, marginL)
		keyEnd, keyPage := l.y, len(l.pages)
		l.y = top
		if keyPage != firstPage {
			l.y = keyEnd // a key longer than the page: put the citations after it
		}
		for _, ln := range citeLines {
			if l.y+cst.lead() > bodyBottom {
				l.newPage()
			}
			lineTop := l.y
			l.drawLine(cites, ln, cst, marginL+keyW, baseline(l.y, cst))
			for i, r := range ranges {
				s, e := max(r[0], ln.start), min(r[1], ln.end)
				if s >= e {
					continue
				}
				x := marginL + keyW + l.m.width(cites.text[ln.start:s], false, cst.size)
				l.add(op{kind: opLink, x: x, y: lineTop, w: l.m.width(cites.text[s:e], false, cst.size), h: cst.lead(), anchor: anchors[i]})
			}
			l.y += cst.lead()
		}
		if len(l.pages) == keyPage {
			l.y = max(l.y, keyEnd)
		}
		l.y += 1
	}
}
