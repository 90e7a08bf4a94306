package ui

import (
	"briefdesk/assets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// briefTheme is Fyne's default theme (light and dark, following the system
// or FYNE_THEME) with the bundled Noto Sans SC faces for text, so no machine
// shows boxes for Chinese.
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
}

// The resources are built once: Fyne caches parsed fonts by style, but a
// theme that returned a new resource each time would still make every
// scoped cache miss.
var (
	fontRegular = fyne.NewStaticResource("NotoSansSC-Regular.ttf", assets.FontRegular)
	fontBold    = fyne.NewStaticResource("NotoSansSC-Bold.ttf", assets.FontBold)
)

func newTheme() fyne.Theme {
	return &briefTheme{Theme: theme.DefaultTheme(), regular: fontRegular, bold: fontBold}
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
