package tables

import (
	"slices"
	"testing"

	"briefdesk/app"
)

func TestSortKeys(t *testing.T) {
	for _, tc := range []struct {
		name     string
		in, want []string
	}{
		{"WTDC", []string{"WTDC Res 59", "WTDC Res 9", "WTDC Res 37"}, []string{"WTDC Res 9", "WTDC Res 37", "WTDC Res 59"}},
		{"Questions by study group", []string{"ITU-D Q1/2", "ITU-D Q10/1", "ITU-D Q3/1"}, []string{"ITU-D Q3/1", "ITU-D Q10/1", "ITU-D Q1/2"}},
		{"Study groups", []string{"ITU-T SG20", "ITU-T SG3", "ITU-T SG17"}, []string{"ITU-T SG3", "ITU-T SG17", "ITU-T SG20"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := slices.Clone(tc.in)
			SortKeys(got)
			if !slices.Equal(got, tc.want) {
				t.Fatalf("SortKeys(%q)=%q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"短文本", 10, "短文本"},
		{"一二三四五六", 4, "一二三…"},
		{"一二三四", 4, "一二三四"},
		{"first line\nsecond", 40, "first line…"},
		{"", 5, ""},
	} {
		if got := Truncate(tc.in, tc.n); got != tc.want {
			t.Errorf("Truncate(%q, %d)=%q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestTableSort(t *testing.T) {
	tab := func() *Table {
		return &Table{
			Name:    "t",
			Columns: []Column{{ID: "n"}, {ID: "refs"}},
			Rows:    [][]string{{"100", "WTDC Res 34"}, {"2", ""}, {"18", "WTDC Res 9"}, {"54", ""}},
			Res:     []int{100, 2, 18, 54},
		}
	}
	for _, tc := range []struct {
		col  string
		desc bool
		want []int
	}{
		{"n", false, []int{2, 18, 54, 100}},
		{"n", true, []int{100, 54, 18, 2}},
		// Empty cells last both ways; ties keep their order.
		{"refs", false, []int{18, 100, 2, 54}},
		{"refs", true, []int{100, 18, 2, 54}},
	} {
		tb := tab()
		if err := tb.Sort(tc.col, tc.desc); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(tb.Res, tc.want) {
			t.Errorf("Sort(%s, %v): Res=%v, want %v", tc.col, tc.desc, tb.Res, tc.want)
		}
		for i, row := range tb.Rows {
			if row[0] == "" || row[0] != itoa(tb.Res[i]) {
				t.Errorf("Sort(%s, %v): row %d is %q but Res says %d", tc.col, tc.desc, i, row, tb.Res[i])
			}
		}
	}
	if err := tab().Sort("nope", false); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("Sort(nope)=%v, want EINVALID", err)
	}
}

func TestBuild(t *testing.T) {
	rs := sample()
	for _, tc := range []struct {
		name string
		kind app.RefKind
		rs   []app.Resolution
		rows int
		code string
	}{
		{NameOverview, "", rs, 4, ""},
		{NameMatrix, app.RefWTDCResolution, rs, 3, ""},
		{NameMatrix, "planets", rs, 0, app.EINVALID},
		{NameSideBySide, "", rs[:2], 3, ""}, // recognizing, instructs, calls-upon
		{NameSideBySide, "", rs[:1], 0, app.EINVALID},
		{NameITUD, "", rs, 9, ""},
		{"pie", "", rs, 0, app.EINVALID},
	} {
		got, err := Build(tc.name, tc.kind, tc.rs)
		if code := app.ErrorCode(err); code != tc.code {
			t.Errorf("Build(%s, %s): err=%v, want code %q", tc.name, tc.kind, err, tc.code)
			continue
		}
		if err == nil && len(got.Rows) != tc.rows {
			t.Errorf("Build(%s, %s): %d rows, want %d", tc.name, tc.kind, len(got.Rows), tc.rows)
		}
	}
}

func itoa(n int) string {
	return overviewCell(&app.Resolution{Number: n}, ColNumber)
}
