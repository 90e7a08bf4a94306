package seeds

import "strings"

// labelKind is the numbering style of an item label. Items of one style
// are siblings; a different style after a line ending in "：" is a list
// nested under that line.
type labelKind int

const (
	kindPara   labelKind = iota // an unlabelled paragraph
	kindNum                     // 1, 2, 3
	kindCJK                     // 二, 三 (annex items of Res 44)
	kindLetter                  // a), b), m)
	kindRoman                   // i), ii), vii)
	kindAnnex                   // A, B, C of 附件A：
)

// kindsOf returns the styles a label can be. A single i), v) or x) is a
// letter or a roman numeral; which one is decided by its neighbours.
func kindsOf(label string) []labelKind {
	switch {
	case label[0] >= '0' && label[0] <= '9':
		return []labelKind{kindNum}
	case label[0] >= 'A' && label[0] <= 'Z':
		return []labelKind{kindAnnex}
	case !strings.HasSuffix(label, ")"):
		return []labelKind{kindCJK}
	}
	l := strings.TrimSuffix(label, ")")
	if strings.Trim(l, "ivx") != "" {
		return []labelKind{kindLetter}
	}
	if len(l) == 1 {
		// A list that opens with i) is roman: a lettered list that
		// reached i) continues from h), found by the search in nest.
		return []labelKind{kindRoman, kindLetter}
	}
	return []labelKind{kindRoman}
}

// nest places an item with label in the list of open items and returns
// the new list; the item is its last element, and its depth is its index.
//
//   - After an item or lead-in paragraph ending in "：", an item of another
//     style opens a sub-list (Res 18 做出决议 2 ...，则： / i); Res 22 1 ...：
//     / m); Res 72 请ITU-T...：/ i)).
//   - Otherwise the item is a sibling of the nearest open item of its
//     style (ii) after i); 3 after iii)).
//   - An item of a style not open at all starts the list afresh at depth 0.
//
// Annex titles (附件A：) never nest.
func nest(stack []level, label string, colon bool) []level {
	kinds := kindsOf(label)
	lv := level{kind: kinds[0], comp: strings.TrimSuffix(label, ")"), colon: colon}
	if lv.kind == kindAnnex {
		return []level{lv}
	}
	if n := len(stack); n > 0 && stack[n-1].colon && !hasKind(kinds, stack[n-1].kind) {
		return append(stack, lv)
	}
	for d := len(stack) - 1; d >= 0; d-- {
		if hasKind(kinds, stack[d].kind) {
			lv.kind = stack[d].kind
			return append(stack[:d:d], lv)
		}
	}
	return []level{lv}
}

func hasKind(kinds []labelKind, k labelKind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}
