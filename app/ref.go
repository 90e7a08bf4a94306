package app

import (
	"strconv"
	"strings"
)

// RefKind is the kind of thing a clause refers to.
type RefKind string

// The reference kinds BriefDesk extracts.
const (
	RefWTDCResolution RefKind = "wtdc-resolution" // key "WTDC Res 59"
	RefPPResolution   RefKind = "pp-resolution"   // key "PP Res 196"
	RefWTSAResolution RefKind = "wtsa-resolution" // key "WTSA Res 44"
	RefITUTSG         RefKind = "itu-t-sg"        // key "ITU-T SG17"
	RefITUDSG         RefKind = "itu-d-sg"        // key "ITU-D SG2"
	RefITUDQuestion   RefKind = "itu-d-question"  // key "ITU-D Q3/2"
	RefRecommendation RefKind = "recommendation"  // key "ITU-T E.161.1"
	RefBureau         RefKind = "bureau"          // key "BDT", "TSB", "BR"
	RefGroup          RefKind = "group"           // key "TSAG", "TDAG", "RAG", ...
	RefOrganization   RefKind = "organization"    // key "WHO", "WTO", "IETF", ...
)

// RefKinds lists every kind, in the order tables and menus show them.
var RefKinds = []RefKind{
	RefWTSAResolution, RefWTDCResolution, RefPPResolution,
	RefITUDSG, RefITUDQuestion, RefITUTSG, RefRecommendation,
	RefBureau, RefGroup, RefOrganization,
}

// Order is k's place in RefKinds, the order in which cards, tables,
// menus, packs and the command line list kinds; an unknown kind comes last.
func (k RefKind) Order() int {
	for i, x := range RefKinds {
		if x == k {
			return i
		}
	}
	return len(RefKinds)
}

// CompareRefs orders references as every list of them does: by kind
// (RefKind.Order), then by key (CompareRefKeys), so WTDC Res 9 comes
// before WTDC Res 59 and ITU-D SG2 before ITU-D Q1/1, and Q14-3/1 (study group 1) before Q3/2.
func CompareRefs(kindA RefKind, keyA string, kindB RefKind, keyB string) int {
	if a, b := kindA.Order(), kindB.Order(); a != b {
		return a - b
	}
	return CompareRefKeys(keyA, keyB)
}

// CompareRefKeys orders reference keys in NaturalCompare's order, except
// that ITU-D Questions go by study group first, as the groups list them:
// ITU-D Q3/1, ITU-D Q10/1, ITU-D Q1/2.
func CompareRefKeys(a, b string) int {
	if qa, qb := QuestionStudyGroup(a), QuestionStudyGroup(b); qa != "" && qb != "" {
		if c := NaturalCompare(qa, qb); c != 0 {
			return c
		}
	}
	return NaturalCompare(a, b)
}

// Valid reports whether k is a known kind.
func (k RefKind) Valid() bool {
	for _, x := range RefKinds {
		if x == k {
			return true
		}
	}
	return false
}

// Label is a short English name for the kind, for headers and menus.
func (k RefKind) Label() string {
	switch k {
	case RefWTDCResolution:
		return "WTDC resolutions"
	case RefPPResolution:
		return "PP resolutions"
	case RefWTSAResolution:
		return "WTSA resolutions"
	case RefITUTSG:
		return "ITU-T study groups"
	case RefITUDSG:
		return "ITU-D study groups"
	case RefITUDQuestion:
		return "ITU-D Questions"
	case RefRecommendation:
		return "Recommendations"
	case RefBureau:
		return "Bureaus"
	case RefGroup:
		return "Groups"
	case RefOrganization:
		return "Organizations"
	}
	return string(k)
}

// ParseRefKind maps a command-line word to a RefKind.
func ParseRefKind(s string) (RefKind, error) {
	k := RefKind(strings.ToLower(strings.TrimSpace(s)))
	if !k.Valid() {
		names := make([]string, len(RefKinds))
		for i, x := range RefKinds {
			names[i] = string(x)
		}
		return "", Errorf(EINVALID, "unknown reference kind %q: want one of %s", s, strings.Join(names, ", "))
	}
	return k, nil
}

// Ref is one reference from a clause (or a title) to something else.
type Ref struct {
	Kind RefKind
	Key  string // canonical key, e.g. "WTDC Res 59"
	// Edition is the edition text for resolution references as the
	// document gives it, e.g. 2017年，布宜诺斯艾利斯，修订版; "" if none.
	Edition  string
	ClauseID string // the citing clause; "" when the reference is in the title or summary
	Text     string // the matched surface text, for highlighting
}

// WTSANumber returns the resolution number of a wtsa-resolution key
// ("WTSA Res 44" -> 44), and false for any other ref.
func (r Ref) WTSANumber() (int, bool) {
	if r.Kind != RefWTSAResolution {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(r.Key, "WTSA Res "))
	return n, err == nil
}

// Entity is one referenced thing with every clause that cites it.
type Entity struct {
	Kind      RefKind
	Key       string
	Citations []Citation
}

// Citation is one place an entity is cited.
type Citation struct {
	Number   int    // citing resolution
	ClauseID string // citing clause, "" for title/summary
	Edition  string
}
