package pdf

import (
	"fmt"
	"strings"

	"briefdesk/app"
)

// hasChecklist reports whether the pack prints "What ITU-D is asked to
// do": the option is on and some printed clause asks something of BDT.
func (b *builder) hasChecklist() bool {
	if !b.in.Pack.Options.Checklist {
		return false
	}
	for _, s := range b.res {
		for _, c := range s.clauses {
			if app.AsksBDT(c) {
				return true
			}
		}
	}
	return false
}

// checklist prints "What ITU-D is asked to do": one line per printed
// clause that asks something of ITU-D, BDT or its Director (app.AsksBDT)
// — a box to tick, the resolution, the clause, the addressee, the start
// of its text and the page it is on, linked to it — so the whole list
// takes a page or two to carry into the room.
func (b *builder) checklist() {
	if !b.hasChecklist() {
		return
	}
	l, w := b.l, b.l.w
	b.partTitle(w.checklistSection, w.checklistTitle, "checklist", w.checklistIntro)
	// 7.5 points: the hundred-odd clauses of all 28 resolutions take two pages.
	st := style{size: 7.5, color: black}
	hst := style{size: 7.5, bold: true, color: navy}
	lead := st.lead()
	cols := []column{{"", 4}, {w.colRes, 10}, {w.colClause, 22}, {w.colAddressee, 38}, {w.colText, 0}, {w.colPage, 9}}
	used := 0.0
	for _, c := range cols {
		used += c.w
	}
	cols[4].w = bodyW - used
	header := func() {
		x := marginL
		for _, c := range cols {
			l.add(op{kind: opText, x: x, y: baseline(l.y, hst), text: c.title, st: hst})
			x += c.w
		}
		l.y += lead
		l.add(op{kind: opLine, x: marginL, y: l.y, w: bodyW, h: 0.2, fill: rule})
		l.y += 0.4
	}
	header()
	l.onNewPage = header
	defer func() { l.onNewPage = nil }()
	cell := func(s string, x, width float64, cst style) {
		t, lines, _ := l.wrapCapped(l.clean(s), cst, width-1.5, 1)
		if len(lines) > 0 {
			l.drawLine(t, lines[0], cst, x, baseline(l.y, cst))
		}
	}
	prev := 0
	for _, s := range b.res {
		for _, c := range s.clauses {
			if !app.AsksBDT(c) {
				continue
			}
			l.need(lead)
			if prev != 0 && prev != s.r.Number && l.y > bodyTop+lead*2 {
				l.add(op{kind: opLine, x: marginL, y: l.y, w: bodyW, h: 0.1, fill: rule})
			}
			x := marginL
			l.add(op{kind: opText, x: x, y: baseline(l.y, st), text: "□", st: style{size: st.size, color: grey}})
			x += cols[0].w
			if prev != s.r.Number {
				l.add(op{kind: opText, x: x, y: baseline(l.y, st), text: fmt.Sprint(s.r.Number), st: style{size: st.size, bold: true, color: navy}})
			}
			x += cols[1].w
			cell(b.clauseShort(c), x, cols[2].w, st)
			x += cols[2].w
			cell(c.Addressee, x, cols[3].w, style{size: st.size, color: grey})
			x += cols[3].w
			cell(c.Text, x, cols[4].w, st)
			a := "clause:" + c.ID
			l.add(op{kind: opPageRef, x: marginL + bodyW, y: baseline(l.y, st), anchor: a, st: st})
			l.add(op{kind: opLink, x: marginL, y: l.y, w: bodyW, h: lead, anchor: a})
			l.y += lead
			prev = s.r.Number
		}
	}
}

// clauseShort names a clause in a narrow column: its section heading and
// its label with its parents' ("做出决议 2 i)", "resolves 2 i)").
func (b *builder) clauseShort(c app.Clause) string {
	head := ""
	if info, ok := app.SectionByKey(c.Section); ok && c.Section != "other" {
		head = info.Chinese
		if !b.l.w.zh {
			head = info.English
		}
	}
	if head == "" {
		head = strings.SplitN(c.Heading, app.HeadingSep, 2)[0]
	}
	_, name, _ := b.clauseLabels(c.Resolution, c.ID)
	return strings.TrimSpace(head + " " + name)
}
