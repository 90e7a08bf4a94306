package tables

import (
	"encoding/csv"
	"slices"
	"strings"
	"testing"
)

func TestTSV(t *testing.T) {
	for _, tc := range []struct {
		name   string
		header []string
		rows   [][]string
		want   string
	}{
		{"Columns", []string{"Reference", "Status"}, [][]string{{"WTSA-20 第2号决议", "修订版"}, {"WTSA-20 第44号决议", "修订版"}},
			"Reference\tStatus\nWTSA-20 第2号决议\t修订版\nWTSA-20 第44号决议\t修订版\n"},
		{"OneColumn", []string{"Reference"}, [][]string{{"WTSA-20 第2号决议"}, {"a\nb"}},
			"WTSA-20 第2号决议\na\nb\n"},
		{"Paragraphs", []string{"No.", "Summary"}, [][]string{{"2", "第一段。\n第二段。"}},
			"No.\tSummary\n2\t\"第一段。\n第二段。\"\n"},
		{"Quotes", []string{"a", "b"}, [][]string{{`"引号"`, "x\ty"}, {`中"间`, "\r\n"}},
			"a\tb\n\"\"\"引号\"\"\"\t\"x\ty\"\n中\"间\t\"\n\"\n"},
		{"NoHeader", nil, [][]string{{"1", "2"}}, "1\t2\n"},
		{"Empty", []string{"a", "b"}, nil, "a\tb\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := TSV(tc.header, tc.rows); got != tc.want {
				t.Errorf("TSV=%q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestTSVReadsBack: what a spreadsheet reads from the copied text (a
// tab-separated reader with Excel's quoting) is the table that was copied.
func TestTSVReadsBack(t *testing.T) {
	rs := corpus(t)
	tab, err := Overview(rs, OverviewOptions{Columns: []string{ColNumber, ColTitle, ColSummary, ColITUDRefs}})
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(TSV(tab.Header(), tab.Rows)))
	r.Comma = '\t'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], tab.Header()) || !slices.EqualFunc(recs[1:], tab.Rows, slices.Equal) {
		t.Fatal("the copied overview does not read back as the table")
	}
	multi := slices.ContainsFunc(tab.Rows, func(r []string) bool { return strings.Contains(r[2], "\n") })
	if !multi {
		t.Fatal("no summary of several paragraphs: the quoting goes untested")
	}
}
