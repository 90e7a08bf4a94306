package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefdesk/data"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, path string)
		code   int
		stdout string
		stderr string
	}{
		{name: "Sound", code: ExitOK, stdout: "OK: no problems found"},
		{
			name: "NotSQLite",
			damage: func(t *testing.T, path string) {
				if err := os.WriteFile(path, []byte("these are my meeting notes, not a database\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			},
			code: ExitFailure, stdout: "DAMAGED", stderr: "is damaged",
		},
		{
			name: "CorruptPages",
			damage: func(t *testing.T, path string) {
				f, err := os.OpenFile(path, os.O_RDWR, 0)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				fi, _ := f.Stat()
				junk := bytes.Repeat([]byte{0xA5}, int(fi.Size()/3))
				if _, err := f.WriteAt(junk, fi.Size()/3); err != nil {
					t.Fatal(err)
				}
			},
			code: ExitFailure, stdout: "DAMAGED", stderr: "is damaged",
		},
		{
			name: "RowsDeleted",
			damage: func(t *testing.T, path string) {
				db, err := data.Open(context.Background(), path)
				if err != nil {
					t.Fatal(err)
				}
				defer db.Close()
				if _, err := db.SQL().Exec("DELETE FROM footnotes"); err != nil {
					t.Fatal(err)
				}
			},
			code: ExitFailure, stdout: "DAMAGED", stderr: "is damaged",
		},
		{
			name: "Missing",
			damage: func(t *testing.T, path string) {
				if err := os.Remove(path); err != nil {
					t.Fatal(err)
				}
			},
			code: ExitFailure, stderr: "there is no database",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := newDB(t)
			if tt.damage != nil {
				tt.damage(t, path)
			}
			before, _ := os.ReadFile(path)
			code, stdout, stderr := run(t, "--db", path, "check")
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stdout %q, stderr %q; want %q and %q", stdout, stderr, tt.stdout, tt.stderr)
			}
			if strings.Contains(stderr, "goroutine") {
				t.Errorf("stderr shows a Go stack: %s", stderr)
			}
			if tt.code != ExitOK && before != nil {
				after, _ := os.ReadFile(path)
				if !bytes.Equal(before, after) {
					t.Errorf("check changed a damaged database")
				}
			}
		})
	}
}

func TestCheckJSON(t *testing.T) {
	var rep checkJSON
	runJSON(t, &rep, "--db", readDB(t), "check", "--json")
	if !rep.OK || rep.Resolutions != 28 || rep.Clauses == 0 || rep.Problems == nil || len(rep.Problems) != 0 {
		t.Errorf("check --json = %+v", rep)
	}

	path := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(path, []byte("junk"), 0o644)
	code, stdout, _ := run(t, "--db", path, "check", "--json")
	if code != ExitFailure || !strings.Contains(stdout, `"ok": false`) {
		t.Errorf("damaged check --json: exit %d\n%s", code, stdout)
	}
}

// TestDamagedDatabase checks that every command reports a damaged file
// without a Go stack and without touching it.
func TestDamagedDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "junk.db")
	junk := []byte("SQLite format 3\x00" + strings.Repeat("\xff", 4080))
	os.WriteFile(path, junk, 0o644)
	for _, args := range [][]string{{"list"}, {"show", "44"}, {"search", "电磁"}} {
		code, _, stderr := run(t, append([]string{"--db", path}, args...)...)
		if code != ExitFailure || stderr == "" || strings.Contains(stderr, "goroutine") {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, junk) {
		t.Errorf("a command changed the damaged file")
	}
}
