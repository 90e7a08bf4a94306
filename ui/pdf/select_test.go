package pdf

import (
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/seeds"
)

// parentOf returns the index of the clause cs[i] hangs from (the nearest
// clause before it under the same heading at a lower depth), or -1.
func parentOf(cs []app.Clause, i int) int {
	key := func(c app.Clause) string { return c.Section + "\x00" + c.Heading + "\x00" + c.Addressee }
	for j := i - 1; j >= 0 && key(cs[j]) == key(cs[i]); j-- {
		if cs[j].Depth < cs[i].Depth {
			return j
		}
	}
	return -1
}

// TestKeptClausesAncestors selects the ITU-D clauses of every resolution
// of the real corpus: each clause that addresses ITU-D is kept, with the
// lead-in clauses it hangs from, in the corpus order, and nothing else.
func TestKeptClausesAncestors(t *testing.T) {
	c, err := seeds.Default()
	if err != nil {
		t.Fatal(err)
	}
	leadIns := 0
	for _, r := range c.Resolutions {
		kept := keptClauses(r.Clauses, true)
		in := map[string]bool{}
		for _, k := range kept {
			in[k.ID] = true
		}
		// want: the ITU-D clauses and, transitively, their parents.
		want := map[string]bool{}
		for i, cl := range r.Clauses {
			if !cl.AddressesITUD() {
				continue
			}
			for j := i; j >= 0; j = parentOf(r.Clauses, j) {
				want[r.Clauses[j].ID] = true
			}
		}
		var order []string
		for _, cl := range r.Clauses {
			if want[cl.ID] {
				order = append(order, cl.ID)
				if !cl.AddressesITUD() {
					leadIns++
				}
			}
		}
		var got []string
		for _, k := range kept {
			got = append(got, k.ID)
		}
		if strings.Join(got, " ") != strings.Join(order, " ") {
			t.Errorf("Res %d: kept %v, want %v", r.Number, got, order)
		}
		if all := keptClauses(r.Clauses, false); len(all) != len(r.Clauses) {
			t.Errorf("Res %d: all clauses gives %d of %d", r.Number, len(all), len(r.Clauses))
		}
	}
	if leadIns == 0 {
		t.Error("no lead-in clause kept anywhere: the test checks nothing")
	}

	// Res 18 做出决议 2 is the lead-in of ii), which names ITU-D.
	for _, r := range c.Resolutions {
		if r.Number != 18 {
			continue
		}
		var labels []string
		for _, k := range keptClauses(r.Clauses, true) {
			if k.Section == "resolves" {
				labels = append(labels, k.Label)
			}
		}
		if got := strings.Join(labels, " "); got != "1 2 ii)" {
			t.Errorf("Res 18 resolves prints %q, want \"1 2 ii)\"", got)
		}
	}
}
