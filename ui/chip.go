package ui

import (
	"image/color"

	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// chipTone says how a chip looks.
type chipTone uint8

const (
	toneLink      chipTone = iota // a reference you can follow
	toneNew                       // status badges
	toneRevised                   //
	toneUnchanged                 //
	toneNote                      // the note button of a clause
	toneNoted                     // the note button of a clause that has notes
)

// chip is a small rounded label: a reference you can follow, a status
// badge, or a clause's note button. Buttons are too tall to sit under every
// clause; a chip is one caption line high. A chip with OnTapped is
// focusable (Tab reaches it; Space or Enter taps it); one without is a
// plain badge that focus skips.
type chip struct {
	widget.BaseWidget
	Text     string
	Icon     fyne.Resource
	Tone     chipTone
	OnTapped func()

	hovered, focused bool
}

func newChip(text string, tone chipTone, tapped func()) *chip {
	c := &chip{Text: text, Tone: tone, OnTapped: tapped}
	c.ExtendBaseWidget(c)
	return c
}

// chipTextSize is the text size of chips, a little below body text.
func chipTextSize() float32 { return theme.TextSize() - 2 }

// chipPadding is the space around a chip's text.
func chipPadding() fyne.Size { return fyne.NewSize(theme.Padding()*1.5, theme.Padding()/2) }

// chipSize is the size a chip with this text and icon takes, computed
// without building one: rows lay chips out before they exist.
func chipSize(m *uiw.Measurer, text string, icon bool) fyne.Size {
	p := chipPadding()
	w := m.Width(text) + 2*p.Width
	if icon {
		w += m.LineHeight()
		if text != "" {
			w += theme.Padding() / 2
		}
	}
	return fyne.NewSize(w+1, m.LineHeight()+2*p.Height)
}

func (c *chip) CreateRenderer() fyne.WidgetRenderer {
	r := &chipRenderer{c: c, bg: &canvas.Rectangle{}, text: &canvas.Text{}, icon: &canvas.Image{FillMode: canvas.ImageFillContain}}
	r.Refresh()
	return r
}

// Tapped runs OnTapped.
func (c *chip) Tapped(*fyne.PointEvent) {
	if c.OnTapped != nil {
		c.OnTapped()
	}
}

// Disabled makes focus traversal skip chips that do nothing.
func (c *chip) Disabled() bool { return c.OnTapped == nil }

func (c *chip) Enable()  {}
func (c *chip) Disable() {}

func (c *chip) FocusGained()   { c.focused = true; c.Refresh() }
func (c *chip) FocusLost()     { c.focused = false; c.Refresh() }
func (c *chip) TypedRune(rune) {}

// TypedKey taps the chip on Space or Enter.
func (c *chip) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		c.Tapped(nil)
	}
}

func (c *chip) MouseIn(*desktop.MouseEvent)    { c.hovered = true; c.Refresh() }
func (c *chip) MouseMoved(*desktop.MouseEvent) {}
func (c *chip) MouseOut()                      { c.hovered = false; c.Refresh() }

// Cursor shows a hand over chips that do something.
func (c *chip) Cursor() desktop.Cursor {
	if c.OnTapped != nil {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

type chipRenderer struct {
	c    *chip
	bg   *canvas.Rectangle
	text *canvas.Text
	icon *canvas.Image
}

func (r *chipRenderer) Destroy() {}

func (r *chipRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.icon, r.text}
}

func (r *chipRenderer) MinSize() fyne.Size {
	p := chipPadding()
	ts := fyne.MeasureText(r.c.Text, chipTextSize(), fyne.TextStyle{})
	w := ts.Width + 2*p.Width
	if r.c.Icon != nil {
		w += ts.Height
	}
	return fyne.NewSize(w, ts.Height+2*p.Height)
}

func (r *chipRenderer) Layout(size fyne.Size) {
	p := chipPadding()
	r.bg.Resize(size)
	x := p.Width
	h := size.Height - 2*p.Height
	if r.c.Icon != nil {
		r.icon.Move(fyne.NewPos(x, p.Height))
		r.icon.Resize(fyne.NewSquareSize(h))
		x += h
		if r.c.Text != "" {
			x += theme.Padding() / 2
		}
	}
	r.text.Move(fyne.NewPos(x, p.Height))
	r.text.Resize(fyne.NewSize(size.Width-x-p.Width, h))
}

func (r *chipRenderer) Refresh() {
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg, bg := chipColors(th, v, r.c.Tone)
	if r.c.hovered && r.c.OnTapped != nil {
		bg = th.Color(theme.ColorNameHover, v)
	}
	r.bg.FillColor = bg
	r.bg.CornerRadius = theme.Padding() * 2
	r.bg.StrokeWidth = 0
	if r.c.focused {
		r.bg.StrokeColor = th.Color(theme.ColorNameFocus, v)
		r.bg.StrokeWidth = 2
	}
	r.text.Text = r.c.Text
	r.text.Color = fg
	r.text.TextSize = chipTextSize()
	if r.c.Icon != nil {
		r.icon.Resource = theme.NewThemedResource(r.c.Icon)
		if r.c.Tone == toneNoted {
			r.icon.Resource = theme.NewPrimaryThemedResource(r.c.Icon)
		}
		r.icon.Show()
	} else {
		r.icon.Hide()
	}
	r.Layout(r.c.Size())
	r.bg.Refresh()
	r.text.Refresh()
	r.icon.Refresh()
}

// chipColors picks a chip's text and background colours for the theme.
func chipColors(th fyne.Theme, v fyne.ThemeVariant, tone chipTone) (fg, bg color.Color) {
	tint := func(c color.Color, a uint8) color.Color {
		r, g, b, _ := c.RGBA()
		return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), a}
	}
	switch tone {
	case toneNew:
		s := th.Color(theme.ColorNameSuccess, v)
		return th.Color(theme.ColorNameForeground, v), tint(s, 0x50)
	case toneRevised:
		p := th.Color(theme.ColorNamePrimary, v)
		return th.Color(theme.ColorNameForeground, v), tint(p, 0x40)
	case toneUnchanged:
		return th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNameDisabledButton, v)
	case toneNote:
		return th.Color(theme.ColorNamePlaceHolder, v), color.Transparent
	case toneNoted:
		return th.Color(theme.ColorNamePrimary, v), tint(th.Color(theme.ColorNamePrimary, v), 0x20)
	}
	return th.Color(theme.ColorNameHyperlink, v), tint(th.Color(theme.ColorNamePrimary, v), 0x24)
}
