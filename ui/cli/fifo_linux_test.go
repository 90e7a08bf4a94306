//go:build linux

package cli

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runQuick runs a command line and fails the test if it has not ended
// within a few seconds: what these tests guard against is waiting for ever.
func runQuick(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		c, o, e := run(t, args...)
		done <- result{c, o, e}
	}()
	select {
	case r := <-done:
		return r.code, r.stdout, r.stderr
	case <-time.After(20 * time.Second):
		t.Fatalf("%q still runs after 20 s: it waits on the file", args)
		return 0, "", ""
	}
}

// TestSpecialInputs: a FIFO with no writer, a socket or a folder given as
// an input file or as the database is refused at once, saying what it is.
func TestSpecialInputs(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "notes.briefnotes")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "sock.db")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	db := newDB(t)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"ImportFIFO", []string{"--db", db, "notes", "import", fifo}, "named pipe (FIFO)"},
		{"ImportFIFODryRun", []string{"--db", db, "notes", "import", "--dry-run", fifo}, "named pipe (FIFO)"},
		{"ImportFolder", []string{"--db", db, "notes", "import", dir}, "a folder"},
		{"LoadFIFO", []string{"--db", db, "load", fifo}, "named pipe (FIFO)"},
		{"DBFIFO", []string{"--db", fifo, "list"}, "named pipe (FIFO)"},
		{"DBFIFONotes", []string{"--db", fifo, "notes", "add", "44", "--text", "x"}, "named pipe (FIFO)"},
		{"DBSocket", []string{"--db", sock, "list"}, "a socket"},
		{"DBFolder", []string{"--db", dir, "list"}, "a folder"},
		{"CheckFIFO", []string{"--db", fifo, "check"}, "named pipe (FIFO)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runQuick(t, tc.args...)
			if code != ExitFailure || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "nothing was changed") {
				t.Fatalf("exit %d, stderr %q; want 1 and %q, nothing was changed", code, stderr, tc.want)
			}
		})
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the FIFO is gone or changed: %v %v", fi, err)
	}
}

// TestOutputRefusesSpecialFiles: -o naming a device, a FIFO or a folder
// writes nothing and says why; through a symlink, the target is written.
func TestOutputRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	ro := filepath.Join(dir, "ro.csv")
	os.WriteFile(ro, []byte("old"), 0o444)
	os.Chmod(ro, 0o444)
	db := newDB(t)
	for _, out := range []struct{ path, want string }{
		{"/dev/full", "/dev/full is a device"},
		{fifo, "named pipe (FIFO)"},
		{dir, "is a folder"},
		{ro, ro + " is read-only; nothing was written"},
	} {
		for _, args := range [][]string{
			{"table", "overview", "-o", out.path},
			{"notes", "export", "-o", out.path},
			{"pack", "--preset", "itu-d-sg2", "--date", "2026-05-18", "-o", out.path},
		} {
			t.Run(args[0]+filepath.Base(out.path), func(t *testing.T) {
				code, _, stderr := runQuick(t, append([]string{"--db", db}, args...)...)
				if code != ExitFailure || !strings.Contains(stderr, out.want) || !strings.Contains(stderr, "nothing was written") {
					t.Fatalf("exit %d, stderr %q; want 1, %q and nothing was written", code, stderr, out.want)
				}
			})
		}
	}
	if b, _ := os.ReadFile(ro); string(b) != "old" {
		t.Fatalf("the read-only file now holds %.20q", b)
	}
	// Through a link: the link stays, its target gets the CSV.
	target := filepath.Join(dir, "real.csv")
	link := filepath.Join(dir, "link.csv")
	os.Symlink("real.csv", link)
	if code, _, stderr := run(t, "--db", db, "table", "overview", "-o", link); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced by a file")
	}
	if b, _ := os.ReadFile(target); !strings.HasPrefix(string(b), "\ufeff") {
		t.Fatalf("the link's target holds %.20q, not the CSV", b)
	}
}
