package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkListProcess times `briefdesk --db X list` as a whole process on
// an existing database, the way a script or a shell user meets it (target:
// under 100 ms). It builds the real binary once; until main.go dispatches
// the command line it skips, saying so.
func BenchmarkListProcess(b *testing.B) {
	bin := buildBinary(b)
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
		if code := Run(context.Background(), testServices, g, []string{"list"}, io.Discard, io.Discard); code != ExitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkShowJSONInProcess times the biggest read: one resolution with
// all its clauses and references, as JSON.
func BenchmarkShowJSONInProcess(b *testing.B) {
	g := Global{DB: readDB(b)}
	for b.Loop() {
		if code := Run(context.Background(), testServices, g, []string{"show", "44", "--json"}, io.Discard, io.Discard); code != ExitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

// buildBinary builds the real briefdesk binary once per benchmark. A
// failed build fails the benchmark: a skip would hide a regression.
func buildBinary(b *testing.B) string {
	b.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		b.Fatalf("module root not found at %s", root)
	}
	bin := filepath.Join(b.TempDir(), "briefdesk")
	build := exec.Command("go", "build", "-tags", "no_emoji,migrated_fynedo", "-o", bin, ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("cannot build briefdesk: %v\n%s", err, out)
	}
	help, err := exec.Command(bin, "--help").Output()
	if err != nil || !strings.Contains(string(help), "search") {
		b.Fatalf("briefdesk --help does not list the commands (%v): %q", err, firstLine(help))
	}
	return bin
}

// BenchmarkPackProcess times `briefdesk pack` printing all 28 resolutions
// with every note as a whole process (target: under 500 ms, file under
// 2 MB), on a database holding three notes per resolution.
func BenchmarkPackProcess(b *testing.B) {
	bin := buildBinary(b)
	dir := b.TempDir()
	db := filepath.Join(dir, "pack.db")
	g := Global{DB: db}
	stances := []string{"support", "concern", "watch"}
	for _, n := range []int{2, 18, 22, 29, 44, 50, 52, 54, 58, 64, 69, 70, 72, 73, 76, 78, 79, 83, 84, 86, 88, 89, 92, 95, 96, 97, 98, 100} {
		for i, st := range stances {
			args := []string{"notes", "add", strconv.Itoa(n), "--stance", st, "--author", "Delegate " + strconv.Itoa(i),
				"--text", "我国代表团" + st + "：建议BDT在区域层面组织讲习班，并与ITU-T研究组协调，避免工作重复。"}
			var errBuf bytes.Buffer
			if code := Run(context.Background(), testServices, g, args, io.Discard, &errBuf); code != ExitOK {
				b.Fatalf("notes add: exit %d: %s", code, errBuf.String())
			}
		}
	}
	// Both pack languages: Chinese headings and English ones.
	for _, lang := range []string{"zh", "en"} {
		b.Run(lang, func(b *testing.B) {
			out := filepath.Join(dir, lang+".pdf")
			var stdout, stderr bytes.Buffer
			pack := func() {
				stdout.Reset()
				stderr.Reset()
				cmd := exec.Command(bin, "--db", db, "pack", "--preset", "all", "--notes", "all", "--lang", lang, "--date", "2026-05-18", "-o", out)
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				if err := cmd.Run(); err != nil {
					b.Fatalf("briefdesk pack: %v\n%s", err, stderr.String())
				}
			}
			pack()
			var res, pages, size int
			if _, err := fmt.Sscanf(stdout.String()[strings.Index(stdout.String(), ": ")+2:], "%d resolutions, %d pages, %d bytes", &res, &pages, &size); err != nil || res != 28 {
				b.Fatalf("unexpected output %q (%v)", stdout.String(), err)
			}
			start := time.Now()
			for b.Loop() {
				pack()
			}
			b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "ms/process")
			b.ReportMetric(float64(pages), "pages")
			b.ReportMetric(float64(size), "bytes")
		})
	}
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(string(b), "\n")
	return s
}
