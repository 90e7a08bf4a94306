package pdf

import (
	"regexp"
	"strings"
)

// webAddress matches a web address in a note: http(s):// or www., up to
// white space or full-width punctuation (a Chinese sentence goes straight
// on after an address, with no space).
var webAddress = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s\x{3000}-\x{303F}\x{FF00}-\x{FFEF}<>"]+`)

// urlRanges returns the byte ranges of the web addresses in s, without
// the punctuation that ends a sentence after one ("see https://itu.int.").
func urlRanges(s string) [][2]int {
	var out [][2]int
	for _, m := range webAddress.FindAllStringIndex(s, -1) {
		e := m[1]
		for e > m[0] && strings.ContainsRune(".,;:!?)]}'", rune(s[e-1])) {
			// A closing bracket belongs to the address if it opened one.
			if s[e-1] == ')' && strings.Count(s[m[0]:e], "(") >= strings.Count(s[m[0]:e], ")") {
				break
			}
			e--
		}
		if e > m[0] {
			out = append(out, [2]int{m[0], e})
		}
	}
	return out
}

// linkTarget is what a matched address links to: "www." gets a scheme.
func linkTarget(u string) string {
	if strings.HasPrefix(strings.ToLower(u), "www.") {
		return "https://" + u
	}
	return u
}
