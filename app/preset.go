package app

import (
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
//   - bdt: resolutions with a clause addressed to ITU-D / BDT or naming them;
//   - all: every resolution.
//
// An unknown preset is an EINVALID error.
func PresetResolutions(preset string, rs []Resolution) ([]int, error) {
	var keep func(r *Resolution) bool
	switch strings.ToLower(strings.TrimSpace(preset)) {
	case PresetSG1:
		keep = func(r *Resolution) bool { return citesStudyGroup(r, "1") }
	case PresetSG2:
		keep = func(r *Resolution) bool { return citesStudyGroup(r, "2") }
	case PresetBDT:
		keep = func(r *Resolution) bool {
			for _, c := range r.Clauses {
				if c.AddressesITUD() {
					return true
				}
			}
			return false
		}
	case PresetAll:
		keep = func(*Resolution) bool { return true }
	default:
		return nil, Errorf(EINVALID, "unknown preset %q: want %s", preset, strings.Join(Presets, ", "))
	}
	out := []int{}
	for i := range rs {
		if keep(&rs[i]) {
			out = append(out, rs[i].Number)
		}
	}
	sort.Ints(out)
	return out, nil
}

// citesStudyGroup reports whether r cites ITU-D study group sg ("1", "2")
// or one of its Questions ("ITU-D Q3/1").
func citesStudyGroup(r *Resolution, sg string) bool {
	for _, ref := range r.Refs {
		switch ref.Kind {
		case RefITUDSG:
			if ref.Key == "ITU-D SG"+sg {
				return true
			}
		case RefITUDQuestion:
			if strings.HasPrefix(ref.Key, "ITU-D Q") && strings.HasSuffix(ref.Key, "/"+sg) {
				return true
			}
		}
	}
	return false
}
