package tables

import (
	"slices"
	"testing"

	"briefdesk/app"
)

func TestOverview(t *testing.T) {
	all := []string{ColNumber, ColStatus, ColITUDRefs, ColWTDC, ColBureaus, ColClauses, ColITUD, ColBDT}
	for _, tc := range []struct {
		name string
		o    OverviewOptions
		want [][]string
		code string
	}{
		{
			name: "DerivedColumns",
			o:    OverviewOptions{Columns: all},
			want: [][]string{
				{"54", "revised", "", "", "BDT; BR; TSB", "5", "3", "2"},
				{"64", "revised", "", "WTDC Res 63", "BDT; TSB", "2", "2", "1"},
				{"96", "unchanged", "ITU-D SG2", "WTDC Res 9; WTDC Res 79", "", "4", "3", "2"},
				{"100", "new", "ITU-D Q3/1; ITU-D Q5/1; ITU-D Q1/2", "WTDC Res 34", "", "2", "1", "1"},
			},
		},
		{
			name: "FilterStatus",
			o:    OverviewOptions{Columns: []string{ColNumber}, Filter: app.ResolutionFilter{Status: app.StatusRevised}},
			want: [][]string{{"54"}, {"64"}},
		},
		{
			name: "FilterRefKeysAll",
			o:    OverviewOptions{Columns: []string{ColNumber}, Filter: app.ResolutionFilter{RefKeys: []string{"BDT", "TSB"}}},
			want: [][]string{{"54"}, {"64"}},
		},
		{
			name: "FilterRefKeyInTitle",
			o:    OverviewOptions{Columns: []string{ColNumber}, Filter: app.ResolutionFilter{RefKeys: []string{"WTDC Res 9"}}},
			want: [][]string{{"96"}},
		},
		{
			name: "SortWTDCNaturally",
			o:    OverviewOptions{Columns: []string{ColNumber, ColWTDC}, SortBy: ColWTDC},
			want: [][]string{{"96", "WTDC Res 9; WTDC Res 79"}, {"100", "WTDC Res 34"}, {"64", "WTDC Res 63"}, {"54", ""}},
		},
		{
			name: "SortCountDesc",
			o:    OverviewOptions{Columns: []string{ColNumber, ColClauses}, SortBy: ColClauses, Desc: true},
			want: [][]string{{"54", "5"}, {"96", "4"}, {"64", "2"}, {"100", "2"}},
		},
		{
			name: "SortNumberDesc",
			o:    OverviewOptions{Columns: []string{ColNumber}, SortBy: ColNumber, Desc: true},
			want: [][]string{{"100"}, {"96"}, {"64"}, {"54"}},
		},
		{
			// Latin before Chinese, Chinese by code point: 各 < 有, 互 < 非.
			name: "SortTitleByCodePoint",
			o:    OverviewOptions{Columns: []string{ColNumber}, SortBy: ColTitle},
			want: [][]string{{"54"}, {"96"}, {"64"}, {"100"}},
		},
		{name: "ErrUnknownColumn", o: OverviewOptions{Columns: []string{"colour"}}, code: app.EINVALID},
		{name: "ErrNoColumns", o: OverviewOptions{Columns: []string{}}, code: app.EINVALID},
		{name: "ErrUnknownSort", o: OverviewOptions{SortBy: "colour"}, code: app.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Overview(sample(), tc.o)
			if code := app.ErrorCode(err); code != tc.code {
				t.Fatalf("err=%v, want code %q", err, tc.code)
			}
			if err != nil {
				return
			}
			if !slices.EqualFunc(got.Rows, tc.want, slices.Equal) {
				t.Fatalf("rows=%q\nwant %q", got.Rows, tc.want)
			}
			for i, row := range got.Rows {
				if row[0] != itoa(got.Res[i]) {
					t.Errorf("row %d shows %s but Res says %d", i, row[0], got.Res[i])
				}
			}
		})
	}
}

func TestOverviewDefaultColumns(t *testing.T) {
	got, err := Overview(sample(), OverviewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range got.Columns {
		ids = append(ids, c.ID)
	}
	if !slices.Equal(ids, DefaultOverviewColumns) {
		t.Fatalf("columns=%q, want %q", ids, DefaultOverviewColumns)
	}
	if got, want := got.Rows[3][got.Col(ColTitle)], "非洲通用应急号码"; got != want {
		t.Fatalf("title of Res 100=%q, want %q", got, want)
	}
}

func TestOverviewTitleTable1(t *testing.T) {
	rs := []app.Resolution{
		{Number: 1, Title: "表2标题", TitleTable1: "表1标题"},
		{Number: 2, Title: "同一标题"},
	}
	got, err := Overview(rs, OverviewOptions{Columns: []string{ColTitle, ColTitleTable1}})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"表2标题", "表1标题"}, {"同一标题", "同一标题"}}
	if !slices.EqualFunc(got.Rows, want, slices.Equal) {
		t.Fatalf("rows=%q, want %q", got.Rows, want)
	}
}

// TestFilterCitesStudyGroupThroughQuestions: filtering the overview by an
// ITU-D study group keeps the resolutions citing one of its Questions
// (Res 50 cites ITU-D Q3/2 only), as the study-group pack presets do.
func TestFilterCitesStudyGroupThroughQuestions(t *testing.T) {
	rs := corpus(t)
	for preset, key := range map[string]string{app.PresetSG1: "ITU-D SG1", app.PresetSG2: "ITU-D SG2"} {
		var got []int
		for _, r := range Filter(rs, app.ResolutionFilter{RefKeys: []string{key}}) {
			got = append(got, r.Number)
		}
		want, err := app.PresetResolutions(preset, rs)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("overview filtered by %s: %v; preset %s: %v", key, got, preset, want)
		}
	}
	got := Filter(rs, app.ResolutionFilter{RefKeys: []string{"ITU-D SG2"}})
	if !slices.ContainsFunc(got, func(r app.Resolution) bool { return r.Number == 50 }) {
		t.Error("Res 50 (ITU-D Q3/2) left out of ITU-D SG2")
	}
}
