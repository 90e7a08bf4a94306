package app

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The source document's Table 2 gives extracts: only the clauses of each
// resolution that concern ITU-D. Where a labelled sequence skips (Res 72's
// resolves goes from i) to vii), Res 84's recalling starts at d)), the
// clauses between were left out by the source, and a reader must be told,
// or an extract is quoted as a whole resolution.

// Gap is a place in a resolution's clauses where a labelled sequence skips
// labels: the clauses labelled First…Last are not in the extract.
type Gap struct {
	Before      int    // index of the clause the gap comes before
	Depth       int    // depth of the skipped labels
	First, Last string // the first and last skipped label, as printed ("ii)", "vi)"); equal for one
}

// Labels returns the skipped labels for a reader: "ii)–vi)", "a)", "1–4".
func (g Gap) Labels() string {
	if g.First == g.Last {
		return g.First
	}
	return g.First + "–" + g.Last
}

// GapMark is what the pack and the card print where a gap is.
const GapMark = "……"

// labelKind is how a sequence of labels counts.
type labelKind uint8

const (
	lkNone    labelKind = iota
	lkNumber            // 1 2 3
	lkLower             // a) b) c)
	lkUpper             // A B C
	lkRoman             // i) ii) iii)
	lkChinese           // 一 二 三
)

// seqPos is a clause's place in its sequence.
type seqPos struct {
	kind   labelKind
	n      int
	suffix string // what follows the counter: ")" or ""
}

// ClauseGaps returns the gaps in a resolution's clauses, in order. A
// sequence is the labelled clauses of one depth under one parent, within
// one heading (section, heading line and addressee); it should count from
// its first value (1, a), i), A, 一) without skipping. An unlabelled
// clause ends the sequence at its depth, and a label counting back (a new
// list) starts a new one. Skips after a sequence's last clause cannot be
// seen and are not reported.
func ClauseGaps(cs []Clause) []Gap {
	var out []Gap
	var open []seqPos // per depth: the last clause's place; kind lkNone when none
	prev := "\x00"
	for i, c := range cs {
		if key := c.Section + "\x00" + c.Heading + "\x00" + c.Addressee; key != prev {
			open, prev = open[:0], key
		}
		d := max(c.Depth, 0)
		if len(open) > d+1 {
			open = open[:d+1]
		}
		for len(open) <= d {
			open = append(open, seqPos{})
		}
		last := open[d]
		p, ok := parseLabel(c.Label, last, d)
		if !ok {
			open[d] = seqPos{}
			continue
		}
		from := 1
		if last.kind == p.kind && p.n > last.n {
			from = last.n + 1
		}
		if p.n > from {
			out = append(out, Gap{Before: i, Depth: d, First: formatLabel(p, from), Last: formatLabel(p, p.n-1)})
		}
		open[d] = p
	}
	return out
}

// parseLabel reads a clause label. An ambiguous letter (i, v, x) counts
// as a Roman numeral when it continues a Roman sequence, or starts a
// sequence below the top level, where the document numbers sub-items
// i), ii) …; otherwise as a letter.
func parseLabel(label string, prev seqPos, depth int) (seqPos, bool) {
	s := strings.TrimSpace(label)
	core, suffix := s, ""
	for _, suf := range []string{")", "）", "."} {
		if strings.HasSuffix(core, suf) {
			core, suffix = strings.TrimSuffix(core, suf), suf
			break
		}
	}
	core = strings.TrimPrefix(strings.TrimPrefix(core, "("), "（")
	if core == "" {
		return seqPos{}, false
	}
	if n, ok := atoiSmall(core); ok {
		return seqPos{lkNumber, n, suffix}, true
	}
	if n := chineseNumeral(core); n > 0 {
		return seqPos{lkChinese, n, suffix}, true
	}
	if r := romanValue(core); r > 0 {
		letter := utf8.RuneCountInString(core) == 1 && core >= "a" && core <= "z"
		switch {
		case !letter, prev.kind == lkRoman:
			return seqPos{lkRoman, r, suffix}, true
		case prev.kind == lkLower:
		case depth > 0:
			return seqPos{lkRoman, r, suffix}, true
		}
	}
	if len(core) == 1 && core[0] >= 'a' && core[0] <= 'z' {
		return seqPos{lkLower, int(core[0]-'a') + 1, suffix}, true
	}
	if len(core) == 1 && core[0] >= 'A' && core[0] <= 'Z' {
		return seqPos{lkUpper, int(core[0]-'A') + 1, suffix}, true
	}
	return seqPos{}, false
}

func formatLabel(p seqPos, n int) string {
	switch p.kind {
	case lkNumber:
		return strconv.Itoa(n) + p.suffix
	case lkLower:
		if n <= 26 {
			return string(rune('a'+n-1)) + p.suffix
		}
	case lkUpper:
		if n <= 26 {
			return string(rune('A'+n-1)) + p.suffix
		}
	case lkRoman:
		return roman(n) + p.suffix
	case lkChinese:
		return chineseFor(n) + p.suffix
	}
	return strconv.Itoa(n) + p.suffix
}

func atoiSmall(s string) (int, bool) {
	if len(s) == 0 || len(s) > 4 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

var romans = []string{"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
	"xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"}

func romanValue(s string) int {
	for i, r := range romans {
		if i > 0 && r == s {
			return i
		}
	}
	return 0
}

func roman(n int) string {
	if n > 0 && n < len(romans) {
		return romans[n]
	}
	return strconv.Itoa(n)
}

const chineseDigits = "一二三四五六七八九十"

func chineseNumeral(s string) int {
	rs := []rune(s)
	switch len(rs) {
	case 1:
		if d := strings.IndexRune(chineseDigits, rs[0]); d >= 0 {
			return d/3 + 1
		}
	case 2:
		if rs[0] == '十' { // 十一 … 十九
			if d := strings.IndexRune(chineseDigits[:27], rs[1]); d >= 0 {
				return 10 + d/3 + 1
			}
		}
	}
	return 0
}

func chineseFor(n int) string {
	ds := []rune(chineseDigits)
	switch {
	case n >= 1 && n <= 10:
		return string(ds[n-1])
	case n > 10 && n < 20:
		return "十" + string(ds[n-11])
	}
	return strconv.Itoa(n)
}
