package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkListProcess times `briefdesk --db X list` as a whole process on
// an existing database, the way a script or a shell user meets it (target:
// under 100 ms). It builds the real binary once; until main.go dispatches
// the command line it skips, saying so.
func BenchmarkListProcess(b *testing.B) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		b.Skipf("module root not found at %s", root)
	}
	bin := filepath.Join(b.TempDir(), "briefdesk")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		b.Skipf("cannot build briefdesk: %v\n%s", err, out)
	}
	help, err := exec.Command(bin, "--help").Output()
	if err != nil || !strings.Contains(string(help), "search") {
		b.Skipf("main.go does not dispatch the command line yet (briefdesk --help: %v, %q)", err, firstLine(help))
	}
	db := readDB(b)
	var stdout, stderr bytes.Buffer
	list := func() {
		stdout.Reset()
		stderr.Reset()
		cmd := exec.Command(bin, "--db", db, "list")
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("briefdesk list: %v\n%s", err, stderr.String())
		}
	}
	list() // the first run pays for the page cache, as no repeated use does
	if n := strings.Count(stdout.String(), "\n"); n != 29 {
		b.Fatalf("briefdesk list printed %d lines, want 29:\n%s", n, stdout.String())
	}
	if stderr.Len() > 0 {
		// Fyne logs locale trouble while initialising (see package
		// posixlocale): a command that worked says nothing on stderr.
		b.Errorf("briefdesk list wrote to stderr: %s", stderr.String())
	}
	start := time.Now()
	for b.Loop() {
		list()
	}
	b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "ms/process")
}

// BenchmarkListInProcess is the command's own share of that: opening the
// database, the query and the output, without process start-up.
func BenchmarkListInProcess(b *testing.B) {
	g := Global{DB: readDB(b)}
	for b.Loop() {
		if code := Run(context.Background(), g, []string{"list"}, io.Discard, io.Discard); code != ExitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkShowJSONInProcess times the biggest read: one resolution with
// all its clauses and references, as JSON.
func BenchmarkShowJSONInProcess(b *testing.B) {
	g := Global{DB: readDB(b)}
	for b.Loop() {
		if code := Run(context.Background(), g, []string{"show", "44", "--json"}, io.Discard, io.Discard); code != ExitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(string(b), "\n")
	return s
}
