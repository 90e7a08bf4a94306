package app

import (
	"strings"
	"time"
)

// Pack targets: the group a briefing pack is prepared for.
const (
	TargetSG1    = "itu-d-sg1"
	TargetSG2    = "itu-d-sg2"
	TargetTDAG   = "tdag"
	TargetWTDC   = "wtdc"
	TargetCustom = "custom"
)

// Presets that choose a pack's resolutions.
const (
	PresetSG1 = "itu-d-sg1" // resolutions citing ITU-D SG1 or its Questions
	PresetSG2 = "itu-d-sg2" // resolutions citing ITU-D SG2 or its Questions
	PresetBDT = "bdt"       // resolutions with a clause addressing BDT / ITU-D
	PresetAll = "all"       // all resolutions
)

// Clause selections and note selections of a pack.
const (
	ClausesAll  = "all"
	ClausesITUD = "itu-d"
	NotesNone   = "none"
	NotesMine   = "mine"
	NotesAll    = "all"
)

// Languages a pack is printed in: its headings, labels, dates and
// bookmarks. The resolutions' text is Chinese in both.
const (
	LangZH = "zh"
	LangEN = "en"
)

// PackLangs lists the pack languages in the order menus show them.
var PackLangs = []string{LangZH, LangEN}

// Pack is a saved definition of a printable briefing pack.
type Pack struct {
	Name        string // unique; what `briefdesk pack --saved NAME` takes
	Title       string
	Target      string // one of the Target constants
	TargetLabel string // shown for custom targets, e.g. "Regional preparatory meeting"
	Delegation  string
	Author      string
	Meeting     string // meeting line, e.g. "ITU-D SG1, Geneva, 2026-05"
	Date        string // YYYY-MM-DD; printed in the pack, never the clock
	// Lang is the language the pack is printed in (LangZH, LangEN); ""
	// means the interface language at the time of printing.
	Lang        string
	Resolutions []int
	Options     PackOptions
	Updated     time.Time
}

// PackOptions chooses what a pack prints.
type PackOptions struct {
	Clauses      string // ClausesAll or ClausesITUD
	Notes        string // NotesNone, NotesMine or NotesAll
	Overview     bool   // include the overview table
	RefsAppendix bool   // include the references appendix
	// Checklist adds the part "What ITU-D is asked to do": one row per
	// clause addressed to ITU-D, BDT or its Director.
	Checklist bool
	// ClauseIDs prints each clause's ID (44/resolves/2) in the margin, so
	// a delegate can cite it aloud.
	ClauseIDs bool
}

// TargetName is how a target is printed on a cover.
func (p *Pack) TargetName() string {
	switch p.Target {
	case TargetSG1:
		return "ITU-D SG1"
	case TargetSG2:
		return "ITU-D SG2"
	case TargetTDAG:
		return "TDAG"
	case TargetWTDC:
		return "WTDC preparation"
	}
	if p.TargetLabel != "" {
		return p.TargetLabel
	}
	return "Custom"
}

// ParsePackLang checks a pack language: "zh" or "en" (also "zh-CN",
// "zh_Hans", "en-GB" and the like), or "" for the interface language. It
// returns the canonical form.
func ParsePackLang(s string) (string, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch {
	case t == "":
		return "", nil
	case t == LangZH || strings.HasPrefix(t, "zh-") || strings.HasPrefix(t, "zh_"):
		return LangZH, nil
	case t == LangEN || strings.HasPrefix(t, "en-") || strings.HasPrefix(t, "en_"):
		return LangEN, nil
	}
	return "", Errorf(EINVALID, "unknown pack language %q: want zh or en", s)
}

// PackLang returns the language pack p prints in: its own, or ui (the
// interface language, "zh" or "en") when it has none.
func (p *Pack) PackLang(ui string) string {
	if l, err := ParsePackLang(p.Lang); err == nil && l != "" {
		return l
	}
	if l, _ := ParsePackLang(ui); l != "" {
		return l
	}
	return LangEN
}
