package widget

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"briefdesk/ui/wrap"
)

// clampedRunes caps what a few lines of text ever break: far more than
// three lines of the widest window hold, and little enough that a note
// of 20,000 characters costs no more to show than a short one.
const clampedRunes = 600

// ClampedText shows the start of a text in at most maxLines lines, broken
// with ui/wrap (kinsoku included) and ending in "…" when the text goes
// on. It is the few-line cell of a table and the excerpt of a note row:
// a label that wrapped the whole text would lay out a paragraph just to
// show its first lines.
type ClampedText struct {
	widget.BaseWidget
	// Bold draws the text in bold; set it before the widget is shown.
	Bold bool

	text               string
	minLines, maxLines int
	color              fyne.ThemeColorName

	m     *Measurer
	width float32  // the width lines were broken for
	lines []string // the shown lines at that width
}

// NewClampedText shows text measured by m in minLines to maxLines lines.
func NewClampedText(m *Measurer, minLines, maxLines int) *ClampedText {
	t := &ClampedText{minLines: minLines, maxLines: maxLines, color: theme.ColorNameForeground, m: m}
	t.ExtendBaseWidget(t)
	return t
}

// SetText shows s.
func (t *ClampedText) SetText(s string) {
	if s == t.text && t.lines != nil {
		return
	}
	t.text, t.lines = s, nil
	t.Refresh()
}

// SetTextNoRefresh sets the text to show at the next Refresh: for a list
// row that refreshes as a whole, where SetText would shape the text twice.
func (t *ClampedText) SetTextNoRefresh(s string) {
	t.text, t.lines = s, nil
}

// SetMaxLines changes how many lines the text may take; SetText or
// Refresh shows the change.
func (t *ClampedText) SetMaxLines(n int) {
	if n != t.maxLines {
		t.maxLines, t.lines = n, nil
	}
}

// Text is the whole text, shown or not.
func (t *ClampedText) Text() string { return t.text }

// Lines are the lines shown at the widget's current width.
func (t *ClampedText) Lines() []string { return t.lines }

// ClampedHeight is the height of n lines with the padding a label has, so
// a one-line ClampedText is as tall as a label beside it.
func ClampedHeight(m *Measurer, n int) float32 {
	n = max(n, 1)
	return 2*theme.InnerPadding() + float32(n)*m.lineH + float32(n-1)*theme.LineSpacing()
}

// MinSize is minLines tall whatever the text, so list rows and table
// templates keep one height; it is narrow, as the text is cut to fit.
func (t *ClampedText) MinSize() fyne.Size {
	return fyne.NewSize(2*theme.InnerPadding()+4*t.m.han, ClampedHeight(t.m, t.minLines))
}

// breakFor breaks the text for a widget w wide, once per width and text.
func (t *ClampedText) breakFor(w float32) {
	if w == t.width && t.lines != nil {
		return
	}
	t.width = w
	t.lines = ClampLines(t.text, w-2*theme.InnerPadding(), t.maxLines, t.m)
}

// ClampLines breaks s into lines at most avail wide and keeps the first
// maxLines, the last of them ending in "…" when anything was left out.
func ClampLines(s string, avail float32, maxLines int, m *Measurer) []string {
	avail = max(avail, 4*m.han)
	cut := false
	if utf8.RuneCountInString(s) > clampedRunes {
		s, cut = string([]rune(s)[:clampedRunes]), true
	}
	lines := wrap.Wrap(s, float64(avail), m.Measure)
	if len(lines) > maxLines {
		lines, cut = lines[:maxLines], true
	}
	if cut {
		last := strings.TrimRight(lines[len(lines)-1], " ")
		r := []rune(last)
		for len(r) > 0 && m.Width(string(r)+"…") > avail {
			r = r[:len(r)-1]
		}
		lines[len(lines)-1] = strings.TrimRight(string(r), " ") + "…"
	}
	return lines
}

// ClampedLinesNeeded is how many lines (1 to maxLines) s takes at width
// avail.
func ClampedLinesNeeded(s string, avail float32, maxLines int, m *Measurer) int {
	return max(1, len(ClampLines(s, avail, maxLines, m)))
}

// CreateRenderer is part of fyne.Widget.
func (t *ClampedText) CreateRenderer() fyne.WidgetRenderer {
	r := &clampedTextRenderer{t: t}
	r.Refresh()
	return r
}

type clampedTextRenderer struct {
	t     *ClampedText
	texts []*canvas.Text
	objs  []fyne.CanvasObject
}

func (r *clampedTextRenderer) Destroy() {}

func (r *clampedTextRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *clampedTextRenderer) MinSize() fyne.Size { return r.t.MinSize() }

func (r *clampedTextRenderer) Layout(size fyne.Size) {
	if size.Width != r.t.width || r.t.lines == nil {
		r.t.breakFor(size.Width)
		r.build()
	}
	y := theme.InnerPadding()
	for _, c := range r.texts {
		c.Move(fyne.NewPos(theme.InnerPadding(), y))
		y += r.t.m.lineH + theme.LineSpacing()
	}
}

func (r *clampedTextRenderer) Refresh() {
	r.t.breakFor(max(r.t.Size().Width, 1))
	r.build()
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}

// build makes one canvas.Text per line, reusing the texts it has.
func (r *clampedTextRenderer) build() {
	th := r.t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(r.t.color, v)
	size := th.Size(theme.SizeNameText)
	for len(r.texts) < len(r.t.lines) {
		r.texts = append(r.texts, &canvas.Text{})
	}
	r.texts = r.texts[:len(r.t.lines)]
	r.objs = r.objs[:0]
	for i, l := range r.t.lines {
		c := r.texts[i]
		c.Text, c.Color, c.TextSize, c.TextStyle.Bold = l, fg, size, r.t.Bold
		c.Refresh()
		r.objs = append(r.objs, c)
	}
}
