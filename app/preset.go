package app

import (
	"regexp"
	"sort"
	"strings"
)

// Presets lists the preset names in the order menus show them.
var Presets = []string{PresetSG1, PresetSG2, PresetBDT, PresetAll}

// PresetResolutions returns the numbers, in ascending order, of the
// resolutions of rs that a preset chooses for a pack. rs must carry Refs
// (for the study-group presets) and Clauses (for bdt):
//
//   - itu-d-sg1, itu-d-sg2: resolutions citing that ITU-D study group or one
//     of its Questions (Q x/1, Q x/2), in the title, summary or any clause;
//   - bdt: resolutions with a clause that asks something of BDT or its
//     Director (AsksBDT);
//   - all: every resolution.
//
// An unknown preset is an EINVALID error.
func PresetResolutions(preset string, rs []Resolution) ([]int, error) {
	picks, err := PresetPicks(preset, rs)
	if err != nil {
		return nil, err
	}
	out := make([]int, len(picks))
	for i, p := range picks {
		out[i] = p.Number
	}
	return out, nil
}

// PresetPick is a resolution a preset chose, and why: the reference or
// the clause that put it in the pack, so a delegate adds or removes
// resolutions knowingly.
type PresetPick struct {
	Number   int
	Ref      string // the reference that chose it ("ITU-D Q3/1"), or ""
	ClauseID string // where: the citing or asking clause; "" for the title or summary
	Text     string // the asking clause's text (bdt), for showing it
}

// PresetPicks is PresetResolutions with the reason for each resolution:
// the first reference (study-group presets) or clause (bdt) that chose it.
func PresetPicks(preset string, rs []Resolution) ([]PresetPick, error) {
	var pick func(r *Resolution) (PresetPick, bool)
	switch strings.ToLower(strings.TrimSpace(preset)) {
	case PresetSG1:
		pick = func(r *Resolution) (PresetPick, bool) { return studyGroupPick(r, "ITU-D SG1") }
	case PresetSG2:
		pick = func(r *Resolution) (PresetPick, bool) { return studyGroupPick(r, "ITU-D SG2") }
	case PresetBDT:
		pick = func(r *Resolution) (PresetPick, bool) {
			for _, c := range r.Clauses {
				if AsksBDT(c) {
					return PresetPick{Number: r.Number, ClauseID: c.ID, Text: c.Text}, true
				}
			}
			return PresetPick{}, false
		}
	case PresetAll:
		pick = func(r *Resolution) (PresetPick, bool) { return PresetPick{Number: r.Number}, true }
	default:
		return nil, Errorf(EINVALID, "unknown preset %q: want %s", preset, strings.Join(Presets, ", "))
	}
	out := []PresetPick{}
	for i := range rs {
		if p, ok := pick(&rs[i]); ok {
			p.Number = rs[i].Number
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Number < out[j].Number })
	return out, nil
}

// studyGroupPick picks r if it cites the study group key, with the
// reference that does (Resolution.CitingRef).
func studyGroupPick(r *Resolution, key string) (PresetPick, bool) {
	ref, ok := r.CitingRef(key)
	if !ok {
		return PresetPick{}, false
	}
	return PresetPick{Number: r.Number, Ref: ref.Key, ClauseID: ref.ClauseID}, true
}

// PresetScope says whether a preset's choice is worth a word before
// printing: "one" when it picked a single resolution, "all" when it
// picked every one (so it does not narrow anything), "none", or "".
func PresetScope(picked, total int) string {
	switch {
	case picked == 0:
		return "none"
	case picked == 1 && total > 1:
		return "one"
	case picked == total && total > 1:
		return "all"
	}
	return ""
}

// operative lists the sections whose clauses ask something of someone;
// the preamble (recalling, recognizing, considering, noting) asks nothing.
var operative = map[string]bool{
	"resolves": true, "further-resolves": true, "instructs": true, "further-instructs": true,
	"invites": true, "encourages": true, "calls-upon": true,
}

// bdtNamed matches BDT or its Director in running text, also as one of
// "the Directors of the other Bureaux".
var bdtNamed = regexp.MustCompile(`BDT|(?:国际电联)?电信发展局|其[他它](?:两个|各)?局的?(?:主任|局长)|三个局的?主任`)

// AsksBDT reports whether clause c asks something of BDT or its Director:
// an operative clause (resolves, instructs, invites …) addressed to them,
// or one whose text names them. This defines the bdt preset and the
// pack's checklist "What ITU-D is asked to do".
func AsksBDT(c Clause) bool {
	if !operative[c.Section] {
		return false
	}
	return c.AddressedToBDT() || bdtNamed.MatchString(c.Text)
}
