package app

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NaturalCompare orders strings as a person reads reference keys and table
// cells: runs of ASCII digits compare by their value, leading zeros
// ignored ("WTDC Res 9" < "WTDC Res 59", "PP Res 007" < "PP Res 8",
// "ITU-T E.161" < "ITU-T E.161.1"); everything else compares rune by rune
// ignoring case, which puts Chinese in code-point order: not pinyin, but
// stable and the same on every machine. A string that runs out first is
// the smaller. Strings equal under these rules ("7" and "007", "BDT" and
// "bdt") fall back to byte order, so the result is a total order and a
// sort gives the same output whatever its input order.
func NaturalCompare(a, b string) int {
	x, y := a, b
	for x != "" && y != "" {
		dx, dy := leadingDigits(x), leadingDigits(y)
		if dx != "" && dy != "" {
			if c := compareDigits(dx, dy); c != 0 {
				return c
			}
			x, y = x[len(dx):], y[len(dy):]
			continue
		}
		rx, nx := utf8.DecodeRuneInString(x)
		ry, ny := utf8.DecodeRuneInString(y)
		if rx, ry = unicode.ToLower(rx), unicode.ToLower(ry); rx != ry {
			if rx < ry {
				return -1
			}
			return 1
		}
		x, y = x[nx:], y[ny:]
	}
	switch {
	case x == "" && y != "":
		return -1
	case x != "" && y == "":
		return 1
	}
	return strings.Compare(a, b)
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// compareDigits compares two digit strings by value, whatever their length.
func compareDigits(a, b string) int {
	a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		if len(a) < len(b) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}
