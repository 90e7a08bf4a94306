package ui

import (
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/seeds"
)

// TestCardGapRows: the card marks where the source's extract skips, as
// the pack does: a "……" row right before the clause after the gap.
func TestCardGapRows(t *testing.T) {
	c, err := seeds.Default()
	if err != nil {
		t.Fatal(err)
	}
	byNum := map[int]*app.Resolution{}
	for i := range c.Resolutions {
		byNum[c.Resolutions[i].Number] = &c.Resolutions[i]
	}
	for _, tc := range []struct {
		res            int
		skipped, label string // the skipped labels, the label of the clause after
		marks          int    // gap rows in the card
	}{
		{72, "ii)–vi)", "vii)", 3},
		{84, "a)–c)", "d)", 3},
		{18, "", "", 0},
	} {
		rows, _ := cardRows(cardInput{res: byNum[tc.res]}, "")
		marks := 0
		found := tc.skipped == ""
		for i, r := range rows {
			if r.label != app.GapMark {
				continue
			}
			marks++
			if r.kind != rowCaption || i+1 >= len(rows) || rows[i+1].kind != rowClause {
				t.Errorf("Res %d: gap row %d is not a caption before a clause", tc.res, i)
				continue
			}
			if strings.Contains(r.text, tc.skipped) && rows[i+1].label == tc.label {
				found = true
			}
		}
		if marks != tc.marks || !found {
			t.Errorf("Res %d: %d gap rows (want %d), mark for %s before %s found: %v", tc.res, marks, tc.marks, tc.skipped, tc.label, found)
		}
	}
}
