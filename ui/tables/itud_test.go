package tables

import (
	"slices"
	"testing"
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
