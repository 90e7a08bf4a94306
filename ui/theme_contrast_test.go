package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// luminance is the WCAG 2.1 relative luminance of an opaque colour.
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

// contrast is the WCAG contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	x, y := luminance(a), luminance(b)
	if x < y {
		x, y = y, x
	}
	return (x + 0.05) / (y + 0.05)
}

// over draws c over an opaque bg as the GL painter blends (in sRGB).
func over(c, bg color.Color) color.Color {
	f := color.NRGBAModel.Convert(c).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xff}
}

func TestContrastRatioKnownValues(t *testing.T) {
	// Independent oracle: values from the WCAG definition (black on white
	// is 21:1, equal colours 1:1) and WebAIM's checker (#777 on white
	// 4.48:1).
	for _, c := range []struct {
		a, b color.Color
		want float64
	}{
		{color.Black, color.White, 21},
		{color.White, color.White, 1},
		{rgb(0x77, 0x77, 0x77), color.White, 4.48},
	} {
		if got := contrast(c.a, c.b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrast(%v, %v) = %.2f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// TestThemeContrast reads the colours the theme gives Fyne's widgets and
// BriefDesk's own (chips, search hits) and checks WCAG 2.1 AA in both
// variants: 4.5:1 for text, 3:1 for what marks a control or its state.
// Translucent colours are drawn over what they lie on first.
func TestThemeContrast(t *testing.T) {
	a := test.NewTempApp(t)
	for _, variant := range []string{themeLight, themeDark} {
		th := newThemeFor(look{variant: variant, zoom: 1})
		a.Settings().SetTheme(th)
		v := a.Settings().ThemeVariant() // the system's: the theme must override it
		c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
		bg, input, button, menu, overlay := c(theme.ColorNameBackground), c(theme.ColorNameInputBackground), c(theme.ColorNameButton), c(theme.ColorNameMenuBackground), c(theme.ColorNameOverlayBackground)
		fg, primary := c(theme.ColorNameForeground), c(theme.ColorNamePrimary)
		focus := c(theme.ColorNameFocus)
		const text, control = 4.5, 3.0
		pairs := []struct {
			name   string
			fg, bg color.Color
			min    float64
		}{
			{"text on background", fg, bg, text},
			{"text in an input", fg, input, text},
			{"text on a button", fg, button, text},
			{"text in a menu", fg, menu, text},
			{"text in a dialog", fg, overlay, text},
			{"text on a table header", fg, c(theme.ColorNameHeaderBackground), text},
			{"placeholder in an input", c(theme.ColorNamePlaceHolder), input, text},
			{"caption (placeholder colour) on background", c(theme.ColorNamePlaceHolder), bg, text},
			{"link / primary text on background", c(theme.ColorNameHyperlink), bg, text},
			{"primary headings on background", primary, bg, text},
			{"text on a primary button", c(theme.ColorNameForegroundOnPrimary), primary, text},
			{"text on a danger button", c(theme.ColorNameForegroundOnError), c(theme.ColorNameError), text},
			{"text on a success button", c(theme.ColorNameForegroundOnSuccess), c(theme.ColorNameSuccess), text},
			{"text on a warning button", c(theme.ColorNameForegroundOnWarning), c(theme.ColorNameWarning), text},
			{"error text on background", c(theme.ColorNameError), bg, text},
			{"warning text on background", c(theme.ColorNameWarning), bg, text},
			{"text on the selection", fg, over(c(theme.ColorNameSelection), bg), text},
			{"text on a focused button", fg, over(focus, button), text},
			{"text on a focused select", fg, over(focus, bg), text},
			{"text on a focused menu item", fg, over(focus, menu), text},
			{"text on a focused primary button", c(theme.ColorNameForegroundOnPrimary), over(focus, primary), text},
			{"search hit text", fg, over(hitColor(th, v), bg), text},
			{"unchecked radio / check box ring on background", c(theme.ColorNameInputBorder), bg, control},
			{"input border on background", c(theme.ColorNameInputBorder), bg, control},
			{"input border against the input", c(theme.ColorNameInputBorder), input, control},
			{"checked radio / check box on background", primary, bg, control},
			{"keyboard focus on background", over(focus, bg), bg, control},
			{"keyboard focus on a dialog", over(focus, overlay), overlay, control},
			// Disabled controls are exempt from WCAG; BriefDesk still keeps
			// their labels readable.
			{"disabled text on background", c(theme.ColorNameDisabled), bg, control},
		}
		for _, tone := range []chipTone{toneLink, toneNew, toneRevised, toneUnchanged, toneNote, toneNoted} {
			cf, cb := chipColors(th, v, tone)
			pairs = append(pairs, struct {
				name   string
				fg, bg color.Color
				min    float64
			}{"chip text, tone " + string('0'+rune(tone)), cf, over(cb, bg), text})
		}
		for _, p := range pairs {
			if got := contrast(p.fg, p.bg); got < p.min {
				t.Errorf("%s theme: %s: %.2f:1, want at least %.1f:1 (%v on %v)", variant, p.name, got, p.min, p.fg, p.bg)
			}
		}
	}
}

// TestThemeVariantApplies: choosing light or dark changes the colours at
// once, whatever the system prefers.
func TestThemeVariantApplies(t *testing.T) {
	a := test.NewTempApp(t)
	sys := a.Settings().ThemeVariant()
	var got [2]color.Color
	for i, variant := range []string{themeLight, themeDark} {
		a.Settings().SetTheme(newThemeFor(look{variant: variant, zoom: 1}))
		got[i] = theme.Color(theme.ColorNameBackground) // what widgets read
		if d := isDark(a.Settings().Theme(), sys); d != (variant == themeDark) {
			t.Errorf("%s: isDark = %v", variant, d)
		}
	}
	if luminance(got[0]) < 0.8 || luminance(got[1]) > 0.1 {
		t.Errorf("background light %v, dark %v: want a light and a dark one", got[0], got[1])
	}
}
