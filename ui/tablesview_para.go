package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	uiw "briefdesk/ui/widget"
	"briefdesk/ui/wrap"
)

// tablesMeasurers measures text for the side-by-side view (the card's
// measurer: per-rune advances, so wrapping many clauses stays cheap).
var tablesMeasurers = uiw.Measurers{}

// tablesPara is one paragraph of the side-by-side view: a clause with its
// label in a hanging column (or an addressee line, in bold). The text is
// broken with ui/wrap, the line breaker with kinsoku that the card and the
// PDF use, and drawn as one canvas.Text per line, so no line starts with
// "，" and a long clause costs a few texts rather than a RichText layout.
type tablesPara struct {
	widget.BaseWidget
	label, text string
	bold        bool
	depth       int
	indent      float32
	onTapped    func()
	// onSecondary opens a context menu at the pointer (Copy); nil: none.
	onSecondary func(fyne.Position)

	m     *uiw.Measurer
	width float32  // the width lines were broken for
	lines []string // the text's lines at that width
}

func newTablesPara(label, text string, depth int, bold bool, tapped func()) *tablesPara {
	p := &tablesPara{
		label: label, text: text, bold: bold, depth: depth, onTapped: tapped,
		indent: float32(depth) * 2 * theme.TextSize(),
		m:      tablesMeasurers.Get(theme.TextSize()),
	}
	p.ExtendBaseWidget(p)
	return p
}

// SetText shows s (with "\n" breaking lines), wrapped at the width.
func (p *tablesPara) SetText(s string) {
	p.text, p.lines = s, nil
	p.Refresh()
}

// Tapped opens the clause.
func (p *tablesPara) Tapped(*fyne.PointEvent) {
	if p.onTapped != nil {
		p.onTapped()
	}
}

// TappedSecondary opens the paragraph's context menu.
func (p *tablesPara) TappedSecondary(e *fyne.PointEvent) {
	if p.onSecondary != nil {
		p.onSecondary(e.AbsolutePosition)
	}
}

// labelWidth keeps labels up to "iii)" in one column, so clause texts of
// the same depth start at the same x.
func (p *tablesPara) labelWidth() float32 {
	if p.label == "" {
		return 0
	}
	return max(p.m.Width(p.label), p.m.Width("iii)")) + theme.Padding()
}

func (p *tablesPara) textX() float32 { return theme.InnerPadding() + p.indent + p.labelWidth() }

func (p *tablesPara) lineHeight() float32 { return p.m.LineHeight() + theme.LineSpacing() }

// wrapFor breaks the text for a paragraph w wide, once per width.
func (p *tablesPara) wrapFor(w float32) {
	if w == p.width && p.lines != nil {
		return
	}
	p.width = w
	avail := max(w-p.textX()-theme.InnerPadding(), 4*p.m.Han())
	p.lines = wrap.Wrap(p.text, float64(avail), p.m.Measure)
}

// MinSize is the height of the text wrapped at the current width (a
// guess of 320 before the first layout); the grid gives it the width.
func (p *tablesPara) MinSize() fyne.Size {
	w := p.Size().Width
	if w <= 0 {
		w = 320
	}
	p.wrapFor(w)
	h := float32(len(p.lines))*p.lineHeight() + 2*theme.Padding()
	return fyne.NewSize(p.textX()+4*p.m.Han(), h)
}

func (p *tablesPara) CreateRenderer() fyne.WidgetRenderer {
	r := &tablesParaRenderer{p: p}
	r.Refresh()
	return r
}

type tablesParaRenderer struct {
	p       *tablesPara
	label   *canvas.Text
	texts   []*canvas.Text
	objects []fyne.CanvasObject
}

func (r *tablesParaRenderer) Destroy() {}

func (r *tablesParaRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *tablesParaRenderer) MinSize() fyne.Size { return r.p.MinSize() }

// Layout re-breaks the text when the width changed and places the lines.
func (r *tablesParaRenderer) Layout(size fyne.Size) {
	if size.Width != r.p.width || len(r.texts) != len(r.p.lines) {
		r.p.wrapFor(size.Width)
		r.build()
	}
	y := theme.Padding()
	if r.label != nil {
		r.label.Move(fyne.NewPos(theme.InnerPadding()+r.p.indent, y))
	}
	for _, t := range r.texts {
		t.Move(fyne.NewPos(r.p.textX(), y))
		y += r.p.lineHeight()
	}
}

func (r *tablesParaRenderer) Refresh() {
	r.p.wrapFor(max(r.p.Size().Width, 1))
	r.build()
	r.Layout(r.p.Size())
	canvas.Refresh(r.p)
}

// build makes one canvas.Text per line in the theme's colour and size.
func (r *tablesParaRenderer) build() {
	th := r.p.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	style := fyne.TextStyle{Bold: r.p.bold}
	size := th.Size(theme.SizeNameText)
	r.objects = r.objects[:0]
	r.label = nil
	if r.p.label != "" {
		r.label = &canvas.Text{Text: r.p.label, Color: fg, TextSize: size, TextStyle: style}
		r.objects = append(r.objects, r.label)
	}
	r.texts = r.texts[:0]
	for _, l := range r.p.lines {
		t := &canvas.Text{Text: l, Color: fg, TextSize: size, TextStyle: style}
		r.texts = append(r.texts, t)
		r.objects = append(r.objects, t)
	}
}
