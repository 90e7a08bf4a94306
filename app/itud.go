package app

import (
	"regexp"
	"sort"
)

// itudExplicit matches the ways the document names ITU-D or its bureau:
// the sector, the bureau (BDT, 电信发展局 and its Director), its study
// groups and advisory group. It deliberately does not match 世界电信发展大会
// (WTDC): recalling a WTDC resolution asks nothing of ITU-D.
var itudExplicit = regexp.MustCompile(`ITU-D|BDT|TDAG|(?:国际电联)?(?:电信)?发展部门|(?:国际电联)?电信发展局(?:主任)?|电信发展(?:研究组|顾问组)`)

// itudImplicit matches addressees that include the BDT Director without
// naming it: "the Directors of the other two Bureaux", "the three Bureaux".
var itudImplicit = regexp.MustCompile(`其[他它](?:两个|各)?局|三个局|各局`)

// itudImplicitText is itudImplicit in running text, where only "the
// Directors of the other Bureaux" counts: Res 83 puts its addressee
// (电信标准化局主任与其他各局主任协作) inside the sentence.
var itudImplicitText = regexp.MustCompile(`其[他它](?:两个|各)?局的?(?:主任|局长)|三个局的?主任`)

// ITUDMentions returns the byte ranges of text that name ITU-D, BDT or the
// Director of BDT, in order and without overlaps, for bold printing and
// highlighting.
func ITUDMentions(text string) [][2]int {
	locs := itudExplicit.FindAllStringIndex(text, -1)
	out := make([][2]int, 0, len(locs))
	for _, l := range locs {
		out = append(out, [2]int{l[0], l[1]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// NamesITUD reports whether text names ITU-D, BDT or its Director.
func NamesITUD(text string) bool {
	return itudExplicit.MatchString(text)
}

// AddressesITUD reports whether a clause is addressed to ITU-D / BDT (its
// addressee names them, or "the other Bureaux") or names them in its text:
// the clauses that say what ITU-D is asked to do.
func (c Clause) AddressesITUD() bool {
	return c.AddressedToBDT() || NamesITUD(c.Text) || itudImplicitText.MatchString(c.Text)
}

// AddressedToBDT reports whether the clause's addressee includes ITU-D or
// the Director of BDT, explicitly or as one of "the other Bureaux".
func (c Clause) AddressedToBDT() bool {
	a := c.Addressee
	return a != "" && (NamesITUD(a) || itudImplicit.MatchString(a))
}
