package ui

import (
	"briefdesk/app"

	"fyne.io/fyne/v2/lang"
)

// gapsBefore returns, by clause index, the row marking a gap in the
// source's extract before that clause: "……" in the label column and the
// labels left out (Res 72's resolves goes from i) to vii)), so nobody
// quotes an extract as a whole resolution. The rule is app.ClauseGaps.
func gapsBefore(cs []app.Clause) map[int][]docRow {
	out := map[int][]docRow{}
	for _, g := range app.ClauseGaps(cs) {
		out[g.Before] = append(out[g.Before], docRow{
			kind: rowCaption, label: app.GapMark, depth: g.Depth,
			text: lang.L("{{.Labels}} not in the source's extract", map[string]any{"Labels": g.Labels()}),
		})
	}
	return out
}
