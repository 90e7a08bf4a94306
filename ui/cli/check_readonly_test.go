package cli

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// dirState is every file in dir with its content, to see that a command
// wrote nothing at all: no byte of the database, no -wal or -shm beside it.
func dirState(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range es {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

// TestCheckNeverWrites: check looks at the file as it is. An empty file
// is reported as not a BriefDesk database, and no file in the folder
// changes by a byte, whatever check finds.
func TestCheckNeverWrites(t *testing.T) {
	for _, tc := range []struct {
		name   string
		make   func(t *testing.T, path string)
		code   int
		stdout string
	}{
		{"ZeroLength", func(t *testing.T, path string) {
			if err := os.WriteFile(path, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}, ExitFailure, "empty (0 bytes), not a BriefDesk database"},
		{"EmptySQLite", func(t *testing.T, path string) {
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec("CREATE TABLE t(x); DROP TABLE t"); err != nil {
				t.Fatal(err)
			}
		}, ExitFailure, "an empty SQLite file, not a BriefDesk database"},
		{"Sound", func(t *testing.T, path string) {
			src, err := os.ReadFile(newDB(t))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(path, src, 0o644)
		}, ExitOK, "OK: no problems found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "briefdesk.db")
			tc.make(t, path)
			before := dirState(t, dir)
			code, stdout, stderr := run(t, "--db", path, "check")
			if code != tc.code || !strings.Contains(stdout, tc.stdout) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want %d and %q", code, stdout, stderr, tc.code, tc.stdout)
			}
			after := dirState(t, dir)
			names := func(m map[string][]byte) []string {
				var s []string
				for k := range m {
					s = append(s, k)
				}
				slices.Sort(s)
				return s
			}
			if !slices.Equal(names(before), names(after)) {
				t.Fatalf("files before %v, after %v", names(before), names(after))
			}
			for k, b := range before {
				if !bytes.Equal(b, after[k]) {
					t.Fatalf("check changed %s (%d -> %d bytes)", k, len(b), len(after[k]))
				}
			}
		})
	}
}
