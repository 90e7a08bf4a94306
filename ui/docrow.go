package ui

import (
	"image/color"

	uiw "briefdesk/ui/widget"
	"briefdesk/ui/wrap"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// rowKind says how a row of a document view looks.
type rowKind uint8

const (
	rowTitle      rowKind = iota // "Resolution 44", large and bold
	rowHeading                   // a resolution title, bold
	rowSection                   // a section heading (忆及, 责成 ...), bold, coloured
	rowSubSection                // a further line of a section heading (做出决议 / 责成…)
	rowAddressee                 // who a section addresses, bold
	rowText                      // a paragraph
	rowClause                    // a clause: label, text, references, note button
	rowCaption                   // small grey text: Table 1 title, footnotes, counts
	rowCitation                  // entity view: a citing clause you can open
	rowGap                       // vertical space between groups
)

// docRow is one row of a document view (a resolution card, an entity's
// citations, the overview). Rows are plain data; docView wraps and draws
// only those on screen.
type docRow struct {
	kind    rowKind
	text    string
	label   string   // clause label ("1", "b)", "ii)") or a bullet
	depth   int      // indentation level
	hits    [][2]int // byte ranges of text to highlight
	context string   // small line above the text (citations: where it is)
	chips   []chipSpec
	badge   *chipSpec // at the end of the first line (status)

	res      int
	clauseID string
	noteBtn  bool // has a note button
	notes    int  // notes on this clause (marker)
	onTap    func()

	// copy is what the row copies (Ctrl+C, its context menu, its copy
	// button); nil for a row with nothing to copy. A row with copy can
	// take the keyboard focus.
	copy *rowCopy
	// notePreviews are the notes on this clause, one line each, under
	// its text and references.
	notePreviews []notePreview
	// extra is more height for a gap row: the card's last one leaves room
	// to scroll its end above the floating hit bar.
	extra float32
}

// chipSpec is a chip before it is built.
type chipSpec struct {
	text  string
	tone  chipTone
	onTap func()
}

// rowStyle is what a kind of row looks like.
type rowStyle struct {
	size    float32
	bold    bool
	color   fyne.ThemeColorName
	gapTop  float32 // extra space above
	spacing float32 // extra space between lines
}

func styleOf(k rowKind) rowStyle {
	text := theme.TextSize()
	switch k {
	case rowTitle:
		return rowStyle{size: theme.TextSubHeadingSize(), bold: true, color: theme.ColorNameForeground, gapTop: theme.Padding()}
	case rowHeading:
		return rowStyle{size: text + 2, bold: true, color: theme.ColorNameForeground, spacing: 3}
	case rowSection:
		return rowStyle{size: text + 1, bold: true, color: theme.ColorNamePrimary, gapTop: theme.Padding() * 2}
	case rowSubSection:
		return rowStyle{size: text + 1, bold: true, color: theme.ColorNamePrimary, spacing: 3}
	case rowAddressee:
		return rowStyle{size: text, bold: true, color: theme.ColorNameForeground, spacing: 3}
	case rowCaption:
		return rowStyle{size: text - 1, color: theme.ColorNamePlaceHolder, spacing: 2}
	case rowGap:
		return rowStyle{size: text}
	}
	return rowStyle{size: text, color: theme.ColorNameForeground, spacing: 4}
}

// laidRow is a row broken into lines for one width.
type laidRow struct {
	height   float32
	textX    float32
	textY    float32
	lineH    float32 // line advance (text height + spacing)
	lines    []wrap.Span
	contextY float32
	labelX   float32
	chips    []fyne.Position // top-left of each chip
	chipSz   []fyne.Size
	notes    []fyne.Position // top-left of each note preview
	noteSz   []fyne.Size
	noteText []string // each preview cut to its line
	badgePos fyne.Position
	// noteBtn is where the note button goes: its y, and in x its right
	// edge, for the button grows with its count ("✎ 12") after layout.
	noteBtn fyne.Position
}

// Row geometry, in units of the theme padding.
const (
	indentStep = 6  // per depth level
	labelRoom  = 10 // label column
)

// scrollRoom is the right margin every row keeps clear: the list's scroll
// bar is drawn over its content, as wide as theme.ScrollBarSize when the
// pointer is on it.
func scrollRoom() float32 { return theme.ScrollBarSize() + theme.Padding() }

// noteRoom is the right margin of a row with a note button: the scroll bar
// and the widest button the row keeps room for (two-digit counts).
func noteRoom(cm *uiw.Measurer) float32 {
	return scrollRoom() + chipSize(cm, "99", true).Width + theme.Padding() + copyRoom(cm)
}

// copyRoom is the room of the copy button left of the note button.
func copyRoom(cm *uiw.Measurer) float32 {
	return chipSize(cm, "", true).Width + theme.Padding()/2
}

// layoutRow breaks r into lines for width w. ms gives the measurers.
func layoutRow(r *docRow, w float32, ms uiw.Measurers) laidRow {
	st := styleOf(r.kind)
	pad := theme.Padding()
	m := ms.Get(st.size)
	var lr laidRow
	if r.kind == rowGap {
		lr.height = pad*2 + r.extra
		return lr
	}
	lr.lineH = m.LineHeight() + st.spacing
	left := pad*2 + float32(r.depth)*pad*indentStep
	lr.labelX = left
	if r.label != "" {
		left += max(pad*labelRoom, m.Width(r.label)+pad*2)
	}
	right := w - scrollRoom()
	if r.noteBtn {
		right = w - noteRoom(ms.Get(chipTextSize()))
	}
	lr.textX = left
	y := pad + st.gapTop
	if r.context != "" {
		cm := ms.Get(styleOf(rowCaption).size)
		lr.contextY = y
		y += cm.LineHeight() + 2
	}
	lr.textY = y
	maxW := right - left
	// The badge sits after the title, on the first line, when the whole
	// title fits beside it or leaves it a fair width; else (a narrow card,
	// large zoom) on a line of its own below, so that it neither runs
	// into the buttons nor breaks "第2号决议" a character a line.
	badgeBelow := false
	if r.badge != nil {
		bw := chipSize(ms.Get(chipTextSize()), r.badge.text, false).Width + pad*2
		if maxW-bw >= m.Width(r.text) || maxW-bw >= m.Han()*6 {
			maxW -= bw
		} else {
			badgeBelow = true
		}
	}
	if maxW < m.Han()*2 {
		maxW = m.Han() * 2
	}
	lr.lines = wrap.Spans(r.text, float64(maxW), m.Measure)
	y += float32(len(lr.lines))*lr.lineH - st.spacing
	if r.badge != nil && len(lr.lines) > 0 {
		first := lr.lines[0]
		cm := ms.Get(chipTextSize())
		bs := chipSize(cm, r.badge.text, false)
		if badgeBelow {
			y += pad
			lr.badgePos = fyne.NewPos(left, y)
			y += bs.Height
		} else {
			lr.badgePos = fyne.NewPos(left+m.Width(r.text[first.Start:first.End])+pad*2, lr.textY+(m.LineHeight()-bs.Height)/2)
		}
	}
	if r.noteBtn {
		cm := ms.Get(chipTextSize())
		lr.noteBtn = fyne.NewPos(w-scrollRoom(), lr.textY+(m.LineHeight()-chipSize(cm, "", true).Height)/2)
	}
	if len(r.chips) > 0 {
		cm := ms.Get(chipTextSize())
		y += pad
		x := left
		var rowH float32
		for _, c := range r.chips {
			sz := chipSize(cm, c.text, false)
			if x > left && x+sz.Width > right {
				x = left
				y += rowH + pad
			}
			lr.chips = append(lr.chips, fyne.NewPos(x, y))
			lr.chipSz = append(lr.chipSz, sz)
			x += sz.Width + pad
			rowH = max(rowH, sz.Height)
		}
		y += rowH
	}
	if len(r.notePreviews) > 0 {
		cm := ms.Get(chipTextSize())
		for _, np := range r.notePreviews {
			y += pad
			room := max(right-left, cm.Han()*6)
			t := fitLine(cm, np.text, room-chipSize(cm, "", true).Width-theme.Padding()/2)
			sz := chipSize(cm, t, true)
			lr.notes = append(lr.notes, fyne.NewPos(left, y))
			lr.noteSz = append(lr.noteSz, sz)
			lr.noteText = append(lr.noteText, t)
			y += sz.Height
		}
	}
	lr.height = y + pad
	return lr
}

// hitColor is the background behind a highlighted search hit.
func hitColor(th fyne.Theme, v fyne.ThemeVariant) color.Color {
	if isDark(th, v) {
		return color.NRGBA{0x8a, 0x6d, 0x00, 0xb0}
	}
	return color.NRGBA{0xff, 0xe0, 0x66, 0xd0}
}

// currentHitColor is the background of the hit F3 moved to, orange
// against the other hits' yellow, as browsers mark the current match.
func currentHitColor(th fyne.Theme, v fyne.ThemeVariant) color.Color {
	if v == theme.VariantDark {
		return color.NRGBA{0xc0, 0x50, 0x00, 0xd0}
	}
	return color.NRGBA{0xff, 0x96, 0x32, 0xe0}
}

// fitLine cuts s to one line no wider than w, ending in "…" when cut.
func fitLine(m *uiw.Measurer, s string, w float32) string {
	if m.Width(s) <= w {
		return s
	}
	room := w - m.Width(ellipsis)
	var x float32
	for i, r := range s {
		x += m.RuneWidth(r)
		if x > room {
			return s[:i] + ellipsis
		}
	}
	return s
}
