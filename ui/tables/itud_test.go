package tables

import (
	"slices"
	"testing"

	"briefdesk/app"
)

func TestITUD(t *testing.T) {
	gs := ITUD(sample())
	want := map[int][]string{
		54:  {"54/instructs.2/1", "54/instructs.2/2", "54/calls-upon/1"},
		64:  {"64/recognizing/d", "64/instructs/1"},
		96:  {"96/recognizing/h", "96/instructs/1", "96/instructs.2/1"},
		100: {"100/resolves/1"},
	}
	if len(gs) != len(want) {
		t.Fatalf("%d groups, want %d", len(gs), len(want))
	}
	for _, g := range gs {
		var ids []string
		for _, c := range g.Clauses {
			ids = append(ids, c.ID)
		}
		if !slices.Equal(ids, want[g.Number]) {
			t.Errorf("Res %d: %q, want %q", g.Number, ids, want[g.Number])
		}
	}
	tab := ITUDTable(gs)
	row := tab.Rows[3] // 64/recognizing/d
	wantRow := []string{"64", "互联网协议地址分配以及推进向IPv6的过渡及其部署", "64/recognizing/d", "recognizing 认识到", "", "d)", "将继续由国际电联电信发展局（BDT）牵头开展未来的IPv6人员能力建设工作；"}
	if !slices.Equal(row, wantRow) {
		t.Fatalf("row=%q\nwant %q", row, wantRow)
	}
	if got, want := tab.Res[3], 64; got != want {
		t.Fatalf("Res[3]=%d, want %d", got, want)
	}
}

func TestFilterITUD(t *testing.T) {
	gs := ITUD(sample())
	ids := func(gs []ITUDGroup) []string {
		var out []string
		for _, g := range gs {
			for _, c := range g.Clauses {
				out = append(out, c.ID)
			}
		}
		return out
	}
	all := ids(gs)
	for _, tc := range []struct {
		a    Addressee
		want []string
	}{
		{AddresseeAll, all},
		// Addressed to the BDT Director together with TSB's, or named in the addressee.
		{AddresseeBDT, []string{"54/instructs.2/1", "54/instructs.2/2", "64/instructs/1", "96/instructs/1", "96/instructs.2/1", "100/resolves/1"}},
		// Named in the text only: Res 54's calls-upon is addressed to
		// TSB's Director; the recognizing clauses have no addressee.
		{AddresseeOthers, []string{"54/calls-upon/1", "64/recognizing/d", "96/recognizing/h"}},
	} {
		t.Run(string(tc.a)+"_", func(t *testing.T) {
			got := FilterITUD(gs, tc.a)
			if g := ids(got); !slices.Equal(g, tc.want) {
				t.Errorf("FilterITUD(%q)=%q\nwant %q", tc.a, g, tc.want)
			}
			if CountClauses(got) != len(tc.want) {
				t.Errorf("CountClauses=%d, want %d", CountClauses(got), len(tc.want))
			}
			for _, g := range got {
				if len(g.Clauses) == 0 {
					t.Errorf("Res %d kept with no clause", g.Number)
				}
			}
		})
	}
	if got := ids(gs); !slices.Equal(got, all) {
		t.Errorf("FilterITUD changed its input: %q", got)
	}
}

// TestFilterITUDCorpus: on the document, the BDT Director's clauses and
// the others split the ITU-D table between them, and the Director's are
// far fewer than all of them but not none.
func TestFilterITUDCorpus(t *testing.T) {
	gs := ITUD(corpus(t))
	all, bdt, others := CountClauses(gs), CountClauses(FilterITUD(gs, AddresseeBDT)), CountClauses(FilterITUD(gs, AddresseeOthers))
	if bdt == 0 || others == 0 || bdt+others != all {
		t.Fatalf("all %d, BDT Director %d, others %d", all, bdt, others)
	}
	for _, g := range FilterITUD(gs, AddresseeBDT) {
		for _, c := range g.Clauses {
			if c.Addressee == "" || !c.AddressedToBDT() {
				t.Errorf("%s kept for the BDT Director, addressee %q", c.ID, c.Addressee)
			}
		}
	}
}

func TestParseAddressee(t *testing.T) {
	for in, want := range map[string]Addressee{"": AddresseeAll, "all": AddresseeAll, " BDT ": AddresseeBDT, "others": AddresseeOthers} {
		if got, err := ParseAddressee(in); err != nil || got != want {
			t.Errorf("ParseAddressee(%q)=%q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseAddressee("tsb"); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("ParseAddressee(tsb) err=%v, want EINVALID", err)
	}
}
