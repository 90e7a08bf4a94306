package ui

import (
	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// The Packs editor says why each resolution is in the pack before it is
// printed: the reference or clause that made a preset pick it (a preset
// that picks one resolution, or all of them, says so too), or that it
// was added by hand, so the delegate adds or removes resolutions
// knowingly.

func newReasonLabel() *widget.Label {
	l := widget.NewLabel("")
	l.SizeName = "helperText"
	l.Importance = widget.LowImportance
	l.Truncation = fyne.TextTruncateEllipsis
	l.Hide()
	return l
}

// setReason shows why resolution n is in the pack; "" hides it.
func (e *packEditor) setReason(n int, why string) {
	l := e.why[n]
	if l == nil {
		return
	}
	if e.reasons == nil {
		e.reasons = map[int]string{}
	}
	e.reasons[n] = why
	l.SetText(why)
	if why == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// clearPicks forgets the reasons a preset gave.
func (e *packEditor) clearPicks() {
	for n := range e.why {
		e.setReason(n, "")
	}
	if e.scope != nil {
		e.scope.Hide()
	}
}

// showPicks shows the reason of each resolution a preset picked, and a
// word when it picked one or all.
func (e *packEditor) showPicks(preset string, picks []app.PresetPick) {
	for _, p := range picks {
		e.setReason(p.Number, pickReason(p))
	}
	msg := ""
	switch app.PresetScope(len(picks), len(e.rs)) {
	case "one":
		msg = lang.L("This preset picks only one resolution of {{.T}}: add the others you need below.", map[string]any{"T": len(e.rs)})
	case "all":
		msg = lang.L("This preset picks all {{.T}} resolutions: it narrows nothing. Untick those you do not need.", map[string]any{"T": len(e.rs)})
	case "none":
		msg = lang.L("This preset picks no resolution here.")
	}
	e.scope.SetText(msg)
	if msg == "" {
		e.scope.Hide()
	} else {
		e.scope.Show()
	}
}

// pickReason says why a preset picked a resolution, in the interface's
// language.
func pickReason(p app.PresetPick) string {
	where := lang.L("the title or summary")
	if p.ClauseID != "" {
		where = p.ClauseID
	}
	switch {
	case p.Ref != "":
		return lang.L("Cites {{.Ref}} in {{.Where}}", map[string]any{"Ref": p.Ref, "Where": where})
	case p.ClauseID != "":
		return lang.L("{{.Clause}} asks something of BDT or its Director", map[string]any{"Clause": p.ClauseID})
	}
	return lang.L("Every resolution")
}
