package ui

import (
	"slices"
	"testing"

	"briefdesk/app"
	"briefdesk/seeds"
	"briefdesk/ui/tables"
)

// TestListFilterAgreesWithTables: the resolution list's filter selects,
// for every reference key in the corpus and with or without a status, the
// resolutions the tables' filter does (which the command line, the
// database and the presets agree with: TestCitesAgreeEverywhere in the
// root package, main_test.go).
func TestListFilterAgreesWithTables(t *testing.T) {
	guiCorpusOnce.Do(func() { guiCorpus, guiCorpusErr = seeds.Default() })
	if guiCorpusErr != nil {
		t.Fatal(guiCorpusErr)
	}
	c := guiCorpus
	keys := map[string]bool{}
	for _, r := range c.Resolutions {
		for _, f := range r.Refs {
			keys[f.Key] = true
		}
	}
	if len(keys) < 50 {
		t.Fatalf("only %d reference keys in the corpus", len(keys))
	}
	for key := range keys {
		for _, st := range []app.Status{"", app.StatusRevised} {
			var want, got []int
			for _, r := range tables.Filter(c.Resolutions, app.ResolutionFilter{Status: st, RefKeys: []string{key}}) {
				want = append(want, r.Number)
			}
			for i := range c.Resolutions {
				if passes(&c.Resolutions[i], st, []string{key}) {
					got = append(got, c.Resolutions[i].Number)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s (status %q): the list shows %v, the tables %v", key, st, got, want)
			}
		}
	}
}
