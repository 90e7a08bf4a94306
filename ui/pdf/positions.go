package pdf

import (
	"fmt"
	"strings"

	"briefdesk/app"
)

// Lines an entry of "Our positions" gives a note's body. The full note is
// printed beside its clause, which the entry points to; a summary that
// printed a long note whole would run to pages.
const positionLines = 6

// positions lists the notes that take a stance, grouped by stance across
// resolutions, each with the page of the clause it is written beside.
func (b *builder) positions() {
	if len(b.stanced) == 0 {
		return
	}
	l := b.l
	w := l.w
	b.partTitle(w.positions, w.positions, "positions", w.positionsIntro)
	for _, st := range []app.Stance{app.StanceSupport, app.StanceConcern, app.StanceWatch} {
		var es []posEntry
		info := b.stanceOf(st)
		for _, n := range b.stanced {
			if n.Stance == st {
				es = append(es, b.posEntry(n, info))
			}
		}
		if len(es) == 0 {
			continue
		}
		hst := style{size: 12, bold: true, color: info.color}
		l.space(3)
		// The heading stays with (the start of) its first entry.
		l.need(hst.lead() + 1 + es[0].keep())
		l.bookmark(info.label, 1)
		l.text(fmt.Sprintf(l.w.counted, info.label, len(es)), hst, marginL, bodyW)
		l.y += 1
		for _, e := range es {
			b.positionEntry(e)
		}
	}
}

// posEntry is one note of "Our positions", wrapped: where it stands, the
// start of its body, and who wrote it when.
type posEntry struct {
	n                              app.Note
	info                           stanceInfo
	ref, body, meta                runText
	refLines, bodyLines, metaLines []line
	cut                            bool // the body goes on beyond bodyLines
}

var (
	posRefStyle  = style{size: 9.5, bold: true, color: black}
	posBodyStyle = style{size: 9.5, color: black}
)

// posX and posW are where an entry's text goes: right of its stance bar,
// left of its page number.
const posX, posW = marginL + 4, bodyW - 4 - 14

func (b *builder) posEntry(n app.Note, info stanceInfo) posEntry {
	l := b.l
	where := fmt.Sprintf(l.w.resolutionN, n.Resolution)
	if n.ClauseID != "" {
		where += " · " + b.clauseName(n.Resolution, n.ClauseID)
		if b.clauseGone(n) {
			where += l.w.noLongerExists
		}
	}
	meta := strings.TrimSpace(n.Author.Name)
	if d := noteDate(n); d != "" {
		meta = strings.TrimPrefix(meta+" · "+l.w.dateText(d), " · ")
	}
	e := posEntry{n: n, info: info}
	e.ref, e.refLines, _ = l.wrapCapped(l.clean(where), posRefStyle, posW, 2)
	e.body, e.bodyLines, e.cut = l.wrapCapped(l.clean(n.Body), posBodyStyle, posW, positionLines)
	e.meta, e.metaLines, _ = l.wrapCapped(l.clean(meta), smallStyle, posW, 2)
	return e
}

// height is the height of the whole entry.
func (e *posEntry) height() float64 {
	h := float64(len(e.refLines))*posRefStyle.lead() + float64(len(e.bodyLines))*posBodyStyle.lead() +
		float64(len(e.metaLines))*smallStyle.lead()
	if e.cut {
		h += smallStyle.lead()
	}
	return h
}

// keep is the height an entry needs on the page it starts on: all of it,
// or, if it is longer than a page, where it stands and two lines.
func (e *posEntry) keep() float64 {
	if h := e.height(); h <= bodyBottom-bodyTop {
		return h
	}
	return float64(len(e.refLines))*posRefStyle.lead() + float64(min(2, len(e.bodyLines)))*posBodyStyle.lead()
}

func (b *builder) positionEntry(e posEntry) {
	l := b.l
	anchor := "note:" + e.n.ID
	l.need(e.keep())
	top := l.y
	l.add(op{kind: opPageRef, x: marginL + bodyW, y: baseline(l.y, posRefStyle), anchor: anchor, st: posRefStyle})
	frags := l.flow(e.ref, e.refLines, posRefStyle, posX)
	l.add(op{kind: opLink, x: marginL, y: top, w: bodyW, h: frags[0].bottom - top, anchor: anchor})
	frags = append(frags, l.flow(e.body, e.bodyLines, posBodyStyle, posX)...)
	if e.cut {
		more := style{size: smallStyle.size, color: ituBlue}
		l.need(more.lead())
		l.add(op{kind: opPageText, x: posX, y: baseline(l.y, more), text: l.w.fullNote, anchor: anchor, st: more})
		l.add(op{kind: opLink, x: posX, y: l.y, w: posW, h: more.lead(), anchor: anchor})
		frags = append(frags, frag{len(l.pages) - 1, l.y, l.y + more.lead()})
		l.y += more.lead()
	}
	frags = append(frags, l.flow(e.meta, e.metaLines, smallStyle, posX)...)
	// The stance bar runs beside the entry on every page it is on.
	for i := 0; i < len(frags); {
		f := frags[i]
		for i++; i < len(frags) && frags[i].page == f.page; i++ {
			f.bottom = frags[i].bottom
		}
		pg := l.pages[f.page]
		pg.ops = append(pg.ops, op{kind: opRect, x: marginL, y: f.top + 0.8, w: 1, h: f.bottom - f.top - 1.6, fill: e.info.color})
	}
	l.y += 2.5
}
