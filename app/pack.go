package app

import "time"

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
