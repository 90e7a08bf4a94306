package app

import "strings"

// Cites reports whether r cites the reference key (as Ref.Key spells it:
// "WTDC Res 59", "ITU-D SG2") in a clause, its title or its summary.
//
// A study group is cited through its Questions too: ITU-D Q3/2 is a
// Question of ITU-D study group 2, so a resolution that cites it is about
// ITU-D SG2's work even where it never names the group. Filters, tables,
// presets and the command line all ask this, so "ITU-D SG2" selects the
// same resolutions everywhere.
func (r *Resolution) Cites(key string) bool {
	_, ok := r.CitingRef(key)
	return ok
}

// CitingRef returns the first of r's references that cites key in Cites'
// sense (the key itself, or for an ITU-D study group one of its
// Questions), so that a pack can say why it chose a resolution.
func (r *Resolution) CitingRef(key string) (Ref, bool) {
	sg, isSG := strings.CutPrefix(key, "ITU-D SG")
	for _, ref := range r.Refs {
		if ref.Key == key {
			return ref, true
		}
		if isSG && ref.Kind == RefITUDQuestion && QuestionStudyGroup(ref.Key) == sg {
			return ref, true
		}
	}
	return Ref{}, false
}

// CitesAll reports whether r cites every key (true for none).
func (r *Resolution) CitesAll(keys []string) bool {
	for _, k := range keys {
		if !r.Cites(k) {
			return false
		}
	}
	return true
}

// QuestionStudyGroup returns the study group of an ITU-D Question key
// ("ITU-D Q3/2" -> "2", "ITU-D Q14-3/2" -> "2"), or "" for any other key.
func QuestionStudyGroup(key string) string {
	rest, ok := strings.CutPrefix(key, "ITU-D Q")
	if !ok {
		return ""
	}
	_, sg, ok := strings.Cut(rest, "/")
	if !ok {
		return ""
	}
	return sg
}

// Selects reports whether f selects r: r has f.Status (if set) and cites
// every key of f.RefKeys (Resolution.Cites). The database, the window's
// list, the tables and the command line all filter by it.
func (f ResolutionFilter) Selects(r *Resolution) bool {
	return (f.Status == "" || r.Status == f.Status) && r.CitesAll(f.RefKeys)
}
