package pdf

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"briefdesk/app"
	"briefdesk/assets"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
	"github.com/jung-kurt/gofpdf"
)

// Placeholder is printed for a character the bundled font cannot show (an
// emoji in a note, a rare character beyond U+FFFF, a control character):
// visible, so a reader knows something was there, and never a crash
// (gofpdf panics on runes above U+FFFF).
const Placeholder = "□"

// family is the name the bundled font is registered under in gofpdf. It
// is long on purpose: see tagSubsets.
const family = "briefdesk-notosanssc-subset"

// coverage is the set of runes both bundled faces map to a glyph, read
// once from their cmap tables.
var coverage = sync.OnceValues(func() (func(rune) bool, error) {
	var cmaps []font.Cmap
	for _, b := range [][]byte{assets.FontRegular, assets.FontBold} {
		cm, err := readCmap(b)
		if err != nil {
			return nil, err
		}
		cmaps = append(cmaps, cm)
	}
	return func(r rune) bool {
		for _, cm := range cmaps {
			if _, ok := cm.Lookup(r); !ok {
				return false
			}
		}
		return true
	}, nil
})

func readCmap(ttf []byte) (font.Cmap, error) {
	ld, err := ot.NewLoader(bytes.NewReader(ttf))
	if err != nil {
		return nil, err
	}
	raw, err := ld.RawTable(ot.MustNewTag("cmap"))
	if err != nil {
		return nil, err
	}
	t, _, err := tables.ParseCmap(raw)
	if err != nil {
		return nil, err
	}
	cm, _, err := font.ProcessCmap(t, 0)
	return cm, err
}

// printable reports whether r can reach gofpdf as it is. gofpdf reads only
// the font's BMP cmap, so anything above U+FFFF is out whatever the font has.
func printable(covered func(rune) bool, r rune) bool {
	if r > 0xFFFF || r == utf8.RuneError || unicode.IsControl(r) {
		return false
	}
	return r == ' ' || covered(r)
}

// clean makes s safe to hand to gofpdf: app.SafeText removes bidi controls
// and turns other controls into U+FFFD, tabs become spaces, and any rune
// the font lacks becomes Placeholder. "\n" is kept for the wrapper, which
// treats it as a forced break.
func clean(covered func(rune) bool, s string) string {
	s = app.SafeText(s)
	ok := true
	for _, r := range s {
		if r != '\n' && !printable(covered, r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t':
			b.WriteByte(' ')
		case printable(covered, r):
			b.WriteRune(r)
		default:
			b.WriteString(Placeholder)
		}
	}
	return b.String()
}

// metrics measures text in millimetres. gofpdf's widths are additive (no
// kerning), so a width per rune and style, asked of gofpdf once, gives the
// exact width of any string without switching fonts while laying out.
type metrics struct {
	f      *gofpdf.Fpdf
	widths [2]map[rune]float64 // regular, bold: mm per point of font size
	// switched is set when measuring changed gofpdf's current font.
	switched bool
	// calls counts runes measured, for the tests of linear layout.
	calls int
}

const refSize = 100.0 // the font size widths are asked at

func newMetrics(f *gofpdf.Fpdf) *metrics {
	return &metrics{f: f, widths: [2]map[rune]float64{{}, {}}}
}

func (m *metrics) rune(bold bool, r rune) float64 {
	m.calls++
	i := 0
	if bold {
		i = 1
	}
	w, ok := m.widths[i][r]
	if !ok {
		m.f.SetFont(family, styleName(bold), refSize)
		m.switched = true
		w = m.f.GetStringWidth(string(r)) / refSize
		m.widths[i][r] = w
	}
	return w
}

// width is the width of s in mm at size points, adjacent punctuation
// paired at half width as setLine prints it.
func (m *metrics) width(s string, bold bool, size float64) float64 {
	w := 0.0
	prev, pw := rune(0), 0.0
	for _, r := range s {
		rw := m.rune(bold, r)
		w += rw
		// 0.3528 mm per point: the em is size*0.3528 mm, and rw is in mm per point.
		if halfPair(prev, r, pw, rw, 0.3528) {
			w -= 0.5 * 0.3528
		}
		prev, pw = r, rw
	}
	return w * size
}

func styleName(bold bool) string {
	if bold {
		return "B"
	}
	return ""
}
