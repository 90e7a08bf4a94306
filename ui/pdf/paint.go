package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/jung-kurt/gofpdf"
)

// paint prints the laid-out pages with gofpdf, adding the running header
// and footer now that the page count is known, and resolving page
// references and links to anchors.
func paint(f *gofpdf.Fpdf, l *layout, title, date string) {
	links := map[string]int{}
	link := func(anchor string) (int, bool) {
		if id, ok := links[anchor]; ok {
			return id, true
		}
		s, ok := l.anchors[anchor]
		if !ok {
			return 0, false
		}
		id := f.AddLink()
		f.SetLink(id, s.y, s.page+1)
		links[anchor] = id
		return id, true
	}
	var p painter
	p.f, p.m = f, l.m
	title = l.clean(title)
	for i, pg := range l.pages {
		f.AddPage()
		p.cur = style{}
		p.cs = 0 // a new page starts with no character spacing
		p.font(style{size: 9, color: black})
		if !pg.plain {
			p.furniture(l, title, l.clean(pg.section), date, i+1, len(l.pages))
		}
		for _, o := range pg.ops {
			switch o.kind {
			case opText:
				p.font(o.st)
				p.spacing(o.cs)
				f.Text(o.x, o.y, o.text)
			case opRect:
				f.SetFillColor(int(o.fill[0]), int(o.fill[1]), int(o.fill[2]))
				f.Rect(o.x, o.y, o.w, o.h, "F")
			case opLine:
				f.SetDrawColor(int(o.fill[0]), int(o.fill[1]), int(o.fill[2]))
				f.SetLineWidth(o.h)
				f.Line(o.x, o.y, o.x+o.w, o.y)
			case opDots:
				f.SetDrawColor(int(o.fill[0]), int(o.fill[1]), int(o.fill[2]))
				f.SetLineWidth(0.25)
				f.SetDashPattern([]float64{0.25, 1.1}, 0)
				f.Line(o.x, o.y, o.x+o.w, o.y)
				f.SetDashPattern([]float64{}, 0)
			case opLink:
				if id, ok := link(o.anchor); ok {
					f.Link(o.x, o.y, o.w, o.h, id)
				}
			case opPageRef:
				if s, ok := l.anchors[o.anchor]; ok {
					n := strconv.Itoa(s.page + 1)
					w := l.m.width(n, o.st.bold, o.st.size)
					p.font(o.st)
					p.spacing(0)
					f.Text(o.x-w, o.y, n)
				}
			case opPageText:
				if s, ok := l.anchors[o.anchor]; ok {
					p.font(o.st)
					p.spacing(0)
					f.Text(o.x, o.y, fmt.Sprintf(o.text, strconv.Itoa(s.page+1)))
				}
			case opURL:
				f.LinkString(o.x, o.y, o.w, o.h, linkTarget(o.text))
			case opSpanBegin:
				f.RawWriteStr("/Span <</ActualText <" + utf16Hex(o.text) + ">>> BDC")
			case opSpanEnd:
				f.RawWriteStr("EMC")
			case opBookmark:
				p.font(style{size: 9, color: black})
				f.Bookmark(o.text, o.level, o.y)
			}
		}
	}
}

// utf16Hex is s as a PDF text string in hex: UTF-16BE with its byte-order
// mark, which needs no escaping whatever s holds.
func utf16Hex(s string) string {
	var b strings.Builder
	b.WriteString("FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}

// painter remembers the current font and colour, so each is set only
// when it changes (every SetFont call writes to the page).
type painter struct {
	f   *gofpdf.Fpdf
	m   *metrics
	cur style
	cs  float64 // the page's character spacing, mm
}

// spacing sets the character spacing (Tc) a justified run is printed
// with. gofpdf has no call for it; Tc is text state that lasts until
// changed, and gofpdf's Text writes nothing that resets it.
func (p *painter) spacing(cs float64) {
	if cs == p.cs {
		return
	}
	p.f.RawWriteStr(fmt.Sprintf("%.3f Tc", cs*72/25.4))
	p.cs = cs
}

// font makes s current. Measuring a rune not seen before switches gofpdf's
// font behind our back (metrics.switched), so measure before calling font.
func (p *painter) font(s style) {
	if s.size != p.cur.size || s.bold != p.cur.bold || p.m.switched {
		p.f.SetFont(family, styleName(s.bold), s.size)
		p.m.switched = false
	}
	if s.color != p.cur.color {
		p.f.SetTextColor(int(s.color[0]), int(s.color[1]), int(s.color[2]))
	}
	p.cur = s
}

// furniture draws the running header (pack title, section) and footer
// (date, page X of Y).
func (p *painter) furniture(l *layout, title, section, date string, n, total int) {
	st := style{size: 7.5, color: grey}
	headY, footY := 14.0, pageH-12.0
	pg := fmt.Sprintf(l.w.page, n, total)
	secW, pgW := l.m.width(section, false, st.size), l.m.width(pg, false, st.size)
	// The title may be long: cut it to leave room for the section.
	title = fitWidth(l.m, title, st, bodyW-secW-8)
	p.font(st)
	p.f.Text(marginL, headY, title)
	p.f.Text(marginL+bodyW-secW, headY, section)
	p.f.SetDrawColor(int(rule[0]), int(rule[1]), int(rule[2]))
	p.f.SetLineWidth(0.2)
	p.f.Line(marginL, headY+2.2, marginL+bodyW, headY+2.2)
	p.f.Line(marginL, footY-4.2, marginL+bodyW, footY-4.2)
	if date != "" {
		p.f.Text(marginL, footY, date)
	}
	p.f.Text(marginL+bodyW-pgW, footY, pg)
}

// fitWidth cuts s to fit w mm, ending it with "…" when cut.
func fitWidth(m *metrics, s string, st style, w float64) string {
	s, clipped := clip(s, perLine(w, st))
	if !clipped && m.width(s, st.bold, st.size) <= w {
		return s
	}
	return ellipsize(m, s, st, w)
}

// ellipsize ends s with "…", cutting it as far as needed to fit w mm: the
// last line of text that goes on beyond it. It measures each rune once,
// so its time is linear in s.
func ellipsize(m *metrics, s string, st style, w float64) string {
	all := []rune(strings.TrimRightFunc(s, unicode.IsSpace))
	if len(all) > 0 && all[len(all)-1] == '…' {
		all = all[:len(all)-1]
	}
	room := w - m.width("…", st.bold, st.size)
	n, used := 0, 0.0
	for n < len(all) {
		cw := m.rune(st.bold, all[n]) * st.size
		if used+cw > room+1e-9 {
			break
		}
		used += cw
		n++
	}
	rs := all[:n]
	// A cut inside a Latin word goes back to the space before it, when
	// that is near: "preparatory…" reads better than "preparatory meeti…".
	if n > 0 && n < len(all) && latin(rs[n-1]) && latin(all[n]) {
		for i := n - 1; i > 0 && i >= n-20; i-- {
			if rs[i] == ' ' {
				rs = rs[:i]
				break
			}
		}
	}
	return strings.TrimRightFunc(string(rs), unicode.IsSpace) + "…"
}

func latin(r rune) bool { return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
