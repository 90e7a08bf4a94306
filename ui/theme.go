package ui

import (
	"image/color"

	"briefdesk/assets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// briefTheme is Fyne's default theme with the bundled Noto Sans SC faces
// for text, so no machine shows boxes for Chinese; colours that meet WCAG
// 2.1 AA (see accessibleColors); the look the person chose in Settings
// (light, dark or the system's) and the zoom, which scales every size the
// theme gives: text, padding, icons, so the whole layout grows with it.
//
// Memory: Fyne parses the font of every text style it meets, once per style,
// and go-text keeps each parsed face (the whole glyf table as Go structs,
// about 3.5x the file: 8.8 MB per Noto face). So the theme serves only two
// faces: Bold gets the bold face, every other proportional style (regular,
// italic, bold-italic falls back to bold) the regular one. Italic and
// bold-italic would each cost another parse if used, so BriefDesk never
// uses them; monospace and symbols keep Fyne's small Latin faces, which are
// what code and key symbols want. The font bytes are the embedded slices
// themselves (fyne.NewStaticResource does not copy them).
type briefTheme struct {
	fyne.Theme
	regular, bold fyne.Resource
	look          look
}

// look is what Settings chooses about the theme.
type look struct {
	// variant is themeSystem, themeLight or themeDark.
	variant string
	// zoom scales every size; 1 is 100 %.
	zoom float32
}

// The theme choices, as kept in the preferences.
const (
	themeSystem = ""
	themeLight  = "light"
	themeDark   = "dark"
)

// The resources are built once: Fyne caches parsed fonts by style, but a
// theme that returned a new resource each time would still make every
// scoped cache miss.
var (
	fontRegular = fyne.NewStaticResource("NotoSansSC-Regular.ttf", assets.FontRegular)
	fontBold    = fyne.NewStaticResource("NotoSansSC-Bold.ttf", assets.FontBold)
)

// newTheme is the theme as the system wants it, at 100 %.
func newTheme() fyne.Theme { return newThemeFor(look{zoom: 1}) }

// newThemeFor is the theme with a chosen look.
func newThemeFor(l look) *briefTheme {
	if l.zoom <= 0 {
		l.zoom = 1
	}
	return &briefTheme{Theme: theme.DefaultTheme(), regular: fontRegular, bold: fontBold, look: l}
}

// Font serves the bundled faces; see the type comment for why only two.
func (t *briefTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace, s.Symbol:
		return t.Theme.Font(s)
	case s.Bold:
		return t.bold
	}
	return t.regular
}

// Color answers in the chosen variant whatever variant the caller passes
// (widgets pass the system's), with the accessible colours where Fyne's
// fall short.
func (t *briefTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	if c, ok := accessibleColors[v][n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}

// Size scales Fyne's sizes by the zoom.
func (t *briefTheme) Size(n fyne.ThemeSizeName) float32 {
	return t.Theme.Size(n) * t.look.zoom
}

// variant is the variant the theme draws in when the system asks for v.
func (t *briefTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.look.variant {
	case themeLight:
		return theme.VariantLight
	case themeDark:
		return theme.VariantDark
	}
	return v
}

// isDark reports whether th draws dark when the system asks for v: for
// colours a theme does not name (search highlights).
func isDark(th fyne.Theme, v fyne.ThemeVariant) bool {
	if b, ok := th.(*briefTheme); ok {
		v = b.variant(v)
	}
	return v == theme.VariantDark
}

func rgb(r, g, b uint8) color.NRGBA     { return color.NRGBA{R: r, G: g, B: b, A: 0xff} }
func rgba(r, g, b, a uint8) color.NRGBA { return color.NRGBA{R: r, G: g, B: b, A: a} }

// accessibleColors replace Fyne's default colours that fail WCAG 2.1 AA:
// 4.5:1 for text against what it is drawn on, 3:1 for the parts of a
// control that say what it is or what state it is in (the ring of a radio
// button or check box, an input's border, the keyboard focus). Fyne's
// light theme draws unchecked radio buttons and check boxes and input
// borders in #e3e3e3 on white (1.3:1), the focus as a 16 % blue wash
// (1.2:1), placeholders at 3.2:1, white on its blue primary at 4.47:1 and on
// red, green and orange at 3.7, 1.3 and 2.1:1. theme_contrast_test.go checks
// every pair against the thresholds, reading the colours from the theme.
//
// The focus stays a translucent wash, since Fyne blends it over buttons,
// selects and menu items of any colour; it is strong enough to stand 3:1
// from the background, so text drawn over it is near-black in the light
// theme (#1f1f1f rather than Fyne's #565656 grey).
var accessibleColors = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameForeground:          rgb(0x1f, 0x1f, 0x1f),
		theme.ColorNamePlaceHolder:         rgb(0x6b, 0x6b, 0x6b),
		theme.ColorNameDisabled:            rgb(0x8a, 0x8a, 0x8a),
		theme.ColorNameInputBorder:         rgb(0x80, 0x80, 0x80),
		theme.ColorNamePrimary:             rgb(0x1d, 0x5b, 0xd1),
		theme.ColorNameHyperlink:           rgb(0x1d, 0x5b, 0xd1),
		theme.ColorNameForegroundOnPrimary: rgb(0xff, 0xff, 0xff),
		theme.ColorNameFocus:               rgba(0x0b, 0x3a, 0xa8, 0x94),
		theme.ColorNameSelection:           rgba(0x1d, 0x6c, 0xf0, 0x40),
		theme.ColorNameError:               rgb(0xc6, 0x28, 0x28),
		theme.ColorNameForegroundOnError:   rgb(0xff, 0xff, 0xff),
		theme.ColorNameSuccess:             rgb(0x2e, 0x7d, 0x32),
		theme.ColorNameForegroundOnSuccess: rgb(0xff, 0xff, 0xff),
		theme.ColorNameWarning:             rgb(0x9c, 0x57, 0x00),
		theme.ColorNameForegroundOnWarning: rgb(0xff, 0xff, 0xff),
	},
	theme.VariantDark: {
		theme.ColorNameDisabled:            rgb(0x78, 0x78, 0x78),
		theme.ColorNameInputBorder:         rgb(0x80, 0x80, 0x80),
		theme.ColorNamePrimary:             rgb(0x5c, 0x9d, 0xff),
		theme.ColorNameHyperlink:           rgb(0x5c, 0x9d, 0xff),
		theme.ColorNameForegroundOnPrimary: rgb(0x17, 0x17, 0x18),
		theme.ColorNameFocus:               rgba(0x4d, 0x8f, 0xf5, 0xa8),
		theme.ColorNameSelection:           rgba(0x1d, 0x6c, 0xf0, 0x50),
		theme.ColorNameError:               rgb(0xf4, 0x5b, 0x50),
		theme.ColorNameForegroundOnError:   rgb(0x17, 0x17, 0x18),
	},
}
