package tables

import (
	"slices"
	"testing"

	"briefdesk/app"
)

func TestMatrix(t *testing.T) {
	for _, tc := range []struct {
		kind app.RefKind
		keys []string
		rows []int
		// cells maps "number key" to the expected citing clauses.
		cells map[string][]string
	}{
		{
			kind: app.RefWTDCResolution,
			keys: []string{"WTDC Res 9", "WTDC Res 34", "WTDC Res 63", "WTDC Res 79"},
			rows: []int{64, 96, 100},
			cells: map[string][]string{
				"64 WTDC Res 63":  {"64/instructs/1"},
				"96 WTDC Res 9":   {""},
				"96 WTDC Res 79":  {"96/recalling/c"},
				"96 WTDC Res 63":  nil,
				"100 WTDC Res 34": {"100/recalling/c"},
			},
		},
		{
			kind: app.RefBureau,
			keys: []string{"BDT", "BR", "TSB"},
			rows: []int{54, 64},
			cells: map[string][]string{
				"54 BDT": {"54/instructs.2/1", "54/calls-upon/1"},
				"54 BR":  {"54/calls-upon/1"},
				"64 BR":  nil,
			},
		},
		{
			kind:  app.RefRecommendation,
			keys:  []string{"ITU-T E.161.1"},
			rows:  []int{100},
			cells: map[string][]string{"100 ITU-T E.161.1": {"100/resolves/1"}},
		},
		{kind: app.RefOrganization},
	} {
		t.Run(string(tc.kind), func(t *testing.T) {
			m, err := NewMatrix(sample(), tc.kind)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(m.Keys, tc.keys) {
				t.Fatalf("keys=%q, want %q", m.Keys, tc.keys)
			}
			var rows []int
			for _, r := range m.Rows {
				rows = append(rows, r.Number)
			}
			if !slices.Equal(rows, tc.rows) {
				t.Fatalf("rows=%v, want %v", rows, tc.rows)
			}
			for _, r := range m.Rows {
				for i, k := range m.Keys {
					want, ok := tc.cells[itoa(r.Number)+" "+k]
					if ok && !slices.Equal(r.Cells[i], want) {
						t.Errorf("cell %d x %s=%q, want %q", r.Number, k, r.Cells[i], want)
					}
				}
			}
			tab := m.Table()
			if got, want := len(tab.Columns), 2+len(tc.keys); got != want {
				t.Fatalf("table has %d columns, want %d", got, want)
			}
		})
	}
}

func TestMatrixTableCells(t *testing.T) {
	m, err := NewMatrix(sample(), app.RefWTDCResolution)
	if err != nil {
		t.Fatal(err)
	}
	tab := m.Table()
	want := []string{"96", "ITU-T有关打击假冒电信/信息通信技术设备的研究", "title", "", "", "96/recalling/c"}
	if got := tab.Rows[1]; !slices.Equal(got, want) {
		t.Fatalf("row of Res 96=%q, want %q", got, want)
	}
	if got, want := tab.Header()[2:], m.Keys; !slices.Equal(got, want) {
		t.Fatalf("header=%q, want %q", got, want)
	}
}

func TestMatrixUnknownKind(t *testing.T) {
	if _, err := NewMatrix(sample(), "planets"); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("err=%v, want EINVALID", err)
	}
}
