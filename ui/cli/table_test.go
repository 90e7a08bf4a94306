package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefdesk/ui/tables"
)

func TestTableCSV(t *testing.T) {
	db := readDB(t)
	tests := []struct {
		name string
		args []string
		rows int    // at least this many data rows
		has  string // a cell text that must appear
	}{
		{"Overview", []string{"table", "overview"}, 28, "44"},
		{"OverviewRevised", []string{"table", "overview", "--status", "revised"}, 1, ""},
		{"Matrix", []string{"table", "matrix", "--kind", "wtdc-resolution"}, 1, "WTDC Res 59"},
		{"ITUD", []string{"table", "itud"}, 1, ""},
		{"SideBySide", []string{"table", "side-by-side", "--res", "44,50"}, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, append([]string{"--db", db}, tt.args...)...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !strings.HasPrefix(stdout, tables.BOM) {
				t.Fatalf("CSV does not start with the UTF-8 BOM: %q", stdout[:min(len(stdout), 20)])
			}
			recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(stdout, tables.BOM))).ReadAll()
			if err != nil {
				t.Fatalf("not CSV: %v", err)
			}
			if len(recs)-1 < tt.rows {
				t.Errorf("%d data rows, want at least %d", len(recs)-1, tt.rows)
			}
			if tt.has != "" && !strings.Contains(stdout, tt.has) {
				t.Errorf("CSV lacks %q", tt.has)
			}
		})
	}
}

func TestTableToFile(t *testing.T) {
	db := readDB(t)
	out := filepath.Join(t.TempDir(), "overview.csv")
	code, stdout, stderr := run(t, "--db", db, "table", "-o", out, "overview")
	if code != ExitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), tables.BOM) || !strings.Contains(string(b), "\r\n") {
		t.Errorf("file is not Excel CSV with a BOM: %q", b[:min(len(b), 40)])
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm()&0o044 == 0 {
		t.Errorf("file mode %v is private", fi.Mode())
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}

	bad := filepath.Join(t.TempDir(), "no", "such", "dir", "x.csv")
	code, _, stderr = run(t, "--db", db, "table", "overview", "-o", bad)
	if code != ExitFailure || !strings.Contains(stderr, "cannot write") {
		t.Errorf("unwritable -o: exit %d, stderr %q", code, stderr)
	}
}

func TestTableText(t *testing.T) {
	code, stdout, stderr := run(t, "--db", readDB(t), "table", "matrix", "--kind", "bureau", "--text")
	if code != ExitOK || strings.HasPrefix(stdout, tables.BOM) || !strings.Contains(stdout, "BDT") {
		t.Errorf("exit %d, stderr %q, output:\n%s", code, stderr, stdout)
	}
}

func TestTableSideBySideUnknown(t *testing.T) {
	code, _, stderr := run(t, "--db", readDB(t), "table", "side-by-side", "--res", "44,999")
	if code != ExitFailure || !strings.Contains(stderr, "999") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
