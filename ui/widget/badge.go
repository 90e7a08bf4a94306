package widget

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// Badge is a small coloured label: a note's stance, a tag, or a warning.
// It is drawn with canvas objects rather than a widget so that a list
// of many rows, each with a few badges, stays cheap to refresh.
type Badge struct {
	bg   *canvas.Rectangle
	text *canvas.Text
	box  *fyne.Container
}

// NewBadge makes an empty badge; Set gives it text and colour.
func NewBadge() *Badge {
	b := &Badge{bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", nil)}
	b.text.TextSize = theme.CaptionTextSize()
	b.text.TextStyle.Bold = true
	pad := theme.Padding()
	b.box = container.NewStack(b.bg, container.New(&Inset{H: pad * 1.5, V: pad / 2}, b.text))
	return b
}

// Object is what to put in a container (and Show or Hide).
func (b *Badge) Object() fyne.CanvasObject { return b.box }

// Text is what the badge says.
func (b *Badge) Text() string { return b.text.Text }

// Set shows text on a background tinted with the theme colour c.
func (b *Badge) Set(text string, c fyne.ThemeColorName) {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	th := fyne.CurrentApp().Settings().Theme()
	r, g, bl, _ := th.Color(c, v).RGBA()
	b.bg.FillColor = color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), 0x48}
	b.bg.CornerRadius = theme.Padding() * 2
	b.text.Text = text
	b.text.Color = th.Color(theme.ColorNameForeground, v)
	b.box.Refresh()
}
