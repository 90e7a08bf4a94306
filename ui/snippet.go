package ui

import (
	"strings"

	"briefdesk/app"
)

// snippetRune is one character of a search excerpt, and whether it is
// part of a hit.
type snippetRune struct {
	r   rune
	hit bool
}

// parseSnippet splits an excerpt with « » around its hits into runes.
func parseSnippet(s string) []snippetRune {
	var out []snippetRune
	hit := false
	for _, r := range strings.ReplaceAll(s, "\n", " ") {
		switch string(r) {
		case app.MarkOpen:
			hit = true
		case app.MarkClose:
			hit = false
		default:
			out = append(out, snippetRune{r, hit})
		}
	}
	return out
}

// markSnippet writes runes back with « » around the hits, and "…" at the
// ends where asked.
func markSnippet(rs []snippetRune, left, right bool) string {
	var sb strings.Builder
	if left {
		sb.WriteString(ellipsis)
	}
	in := false
	for _, x := range rs {
		if x.hit != in {
			in = x.hit
			if in {
				sb.WriteString(app.MarkOpen)
			} else {
				sb.WriteString(app.MarkClose)
			}
		}
		sb.WriteRune(x.r)
	}
	if in {
		sb.WriteString(app.MarkClose)
	}
	if right {
		sb.WriteString(ellipsis)
	}
	return sb.String()
}

const ellipsis = "…"

// fitSnippet shortens a search excerpt (hits between « and ») to fit
// maxW, around its first hit: a little text before the hit, the hit
// whole, as much after it as fits, and "…" wherever text was cut. A cut
// never falls inside a later hit, and the excerpt's own leading or
// trailing "…" is kept. width(s, bold) measures text (hits are bold).
func fitSnippet(s string, maxW float32, width func(s string, bold bool) float32) string {
	rs := parseSnippet(s)
	// The excerpt may come cut at either end already.
	cutL := len(rs) > 0 && string(rs[0].r) == ellipsis && !rs[0].hit
	if cutL {
		rs = rs[1:]
	}
	cutR := len(rs) > 0 && string(rs[len(rs)-1].r) == ellipsis && !rs[len(rs)-1].hit
	if cutR {
		rs = rs[:len(rs)-1]
	}
	n := len(rs)
	// x[i] is the width of rs[:i].
	x := make([]float32, n+1)
	for i, c := range rs {
		x[i+1] = x[i] + width(string(c.r), c.hit)
	}
	e := width(ellipsis, false)
	// fits reports whether rs[a:b] fits with the "…" it would need.
	fits := func(a, b int) bool {
		w := x[b] - x[a]
		if a > 0 || cutL {
			w += e
		}
		if b < n || cutR {
			w += e
		}
		return w <= maxW
	}
	if n == 0 || fits(0, n) {
		return markSnippet(rs, cutL, cutR)
	}
	// The first hit [h0, h1), or the start when there is none.
	h0 := 0
	for h0 < n && !rs[h0].hit {
		h0++
	}
	if h0 == n {
		h0 = 0
	}
	h1 := h0 + 1
	for h1 < n && rs[h0].hit && rs[h1].hit {
		h1++
	}
	a, b := h0, h1
	if !fits(a, b) { // the hit alone is too long: as much of it as fits
		b = a + 1
		for b < n && fits(a, b+1) {
			b++
		}
		return markSnippet(rs[a:b], a > 0 || cutL, true)
	}
	// A little context before the hit: a quarter of the room at most.
	for a > 0 && x[h0]-x[a-1] <= maxW/4 && fits(a-1, b) {
		a--
	}
	for b < n && fits(a, b+1) {
		b++
	}
	// Never end inside a later hit: end before it.
	if b < n && rs[b].hit {
		for b > h1 && rs[b-1].hit {
			b--
		}
	}
	// Room left at the end (the text ended): more context before.
	for a > 0 && fits(a-1, b) {
		a--
	}
	return markSnippet(rs[a:b], a > 0 || cutL, b < n || cutR)
}
