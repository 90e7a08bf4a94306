package tables

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"briefdesk/app"
)

var update = flag.Bool("update", false, "rewrite the golden CSV files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, got)
	}
}

// readCSV reads back what WriteCSV wrote, checking the BOM on the way.
func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rest, ok := bytes.CutPrefix(b, []byte(BOM))
	if !ok {
		t.Fatalf("CSV does not start with the UTF-8 BOM: % x", b[:min(len(b), 8)])
	}
	recs, err := csv.NewReader(bytes.NewReader(rest)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestWriteCSVGolden(t *testing.T) {
	rs := sample()
	side, err := NewSideBySide([]app.Resolution{rs[0], rs[2]})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file  string
		table func() (*Table, error)
	}{
		{"sample_overview.csv", func() (*Table, error) {
			return Overview(rs, OverviewOptions{Columns: []string{ColNumber, ColStatus, ColTitle, ColSummary, ColITUDRefs, ColWTDC, ColBureaus, ColITUD, ColBDT}})
		}},
		{"sample_matrix_wtdc.csv", func() (*Table, error) { return Build(NameMatrix, app.RefWTDCResolution, rs) }},
		{"sample_side_54_96.csv", func() (*Table, error) { return side.Table(), nil }},
		{"sample_itud.csv", func() (*Table, error) { return Build(NameITUD, "", rs) }},
	} {
		t.Run(tc.file, func(t *testing.T) {
			tab, err := tc.table()
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := WriteCSV(&b, tab); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.file, b.Bytes())
			// Round trip: header then rows, Chinese and line breaks intact.
			recs := readCSV(t, b.Bytes())
			if !slices.Equal(recs[0], tab.Header()) {
				t.Fatalf("header=%q, want %q", recs[0], tab.Header())
			}
			if !slices.EqualFunc(recs[1:], tab.Rows, slices.Equal) {
				t.Fatalf("rows read back=%q\nwant %q", recs[1:], tab.Rows)
			}
		})
	}
}

func TestWriteCSVQuoting(t *testing.T) {
	tab := &Table{
		Columns: []Column{{ID: "a", Title: "甲"}, {ID: "b", Title: "b,\"c\""}},
		Rows:    [][]string{{"第一行\n第二行", `说"是"`}, {"", "，、；"}},
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, tab); err != nil {
		t.Fatal(err)
	}
	want := BOM + "甲,\"b,\"\"c\"\"\"\r\n\"第一行\r\n第二行\",\"说\"\"是\"\"\"\r\n,，、；\r\n"
	if got := b.String(); got != want {
		t.Fatalf("csv=%q\nwant %q", got, want)
	}
	recs := readCSV(t, b.Bytes())
	if got, want := recs[1][0], "第一行\n第二行"; got != want {
		t.Fatalf("cell read back=%q, want %q", got, want)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteCSVError(t *testing.T) {
	tab := &Table{Columns: []Column{{Title: strings.Repeat("长", 5000)}}}
	if err := WriteCSV(failWriter{}, tab); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err=%v, want the writer's error", err)
	}
}
