package data_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/data/briefnotes"
)

// crashEnv carries "db|file|stopAt" to the child process.
const crashEnv = "BRIEFDESK_IMPORT_CRASH"

// TestHelperProcess is the child of TestImportCrash: it imports a file
// and, with stopAt > 0, blocks inside the transaction after stopAt notes.
func TestHelperProcess(t *testing.T) {
	spec := os.Getenv(crashEnv)
	if spec == "" {
		t.Skip("the child process of TestImportCrash")
	}
	parts := strings.Split(spec, "|")
	stopAt, _ := strconv.Atoi(parts[2])
	db, err := data.Open(context.Background(), parts[0])
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(2)
	}
	if stopAt > 0 {
		data.SetImportHook(func(written int) {
			if written == stopAt {
				fmt.Println("INSIDE")
				time.Sleep(time.Hour) // until killed
			}
		})
	}
	f, err := os.Open(parts[1])
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(2)
	}
	fmt.Println("START")
	res, err := db.ImportNotes(context.Background(), f, filepath.Base(parts[1]), false)
	fmt.Println("DONE", res, err)
	os.Exit(0)
}

// TestImportCrash kills (SIGKILL) a process in the middle of importing a
// large file and checks that the database then holds all of the import or
// none of it, and is intact.
func TestImportCrash(t *testing.T) {
	if testing.Short() {
		if os.Getenv("CI") != "" {
			t.Fatal("CI runs every test: drop -short")
		}
		t.Skip("starts child processes")
	}
	const local, total = 50, 5000
	ctx := context.Background()
	dir := t.TempDir()
	basePath := filepath.Join(dir, "base.db")
	filePath := filepath.Join(dir, "big.briefnotes")

	// The base database has 50 notes of its own; the file updates them all
	// and adds 4,950 more.
	base, err := data.Open(ctx, basePath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := base.Import(ctx, notesCorpus(t)); err != nil {
		t.Fatal(err)
	}
	res, c1, _ := twoClauses(t)
	var notes []app.Note
	for i := range local {
		notes = append(notes, mustSave(t, base, app.Note{Resolution: res, ClauseID: c1.ID, Body: fmt.Sprint("local ", i)}))
	}
	src, _ := base.Source(ctx)
	base.Close()
	later := notes[0].Updated.Add(time.Hour)
	for i := range notes {
		// A colleague's edit of the version exported from here.
		notes[i].History = []string{notes[i].Revision()}
		notes[i].Body += " (updated)"
		notes[i].Updated = later
	}
	for i := local; i < total; i++ {
		n := notes[i%local]
		n.ID = fakeID(i)
		n.Body = fmt.Sprint("new ", i)
		notes = append(notes, n)
	}
	out, err := os.Create(filePath)
	if err != nil {
		t.Fatal(err)
	}
	if err := briefnotes.Encode(out, briefnotes.File{ExportedAt: later, Corpus: src, Notes: notes}); err != nil {
		t.Fatal(err)
	}
	out.Close()

	// Run 0 completes and says how long an import takes; run 1 is killed
	// inside the transaction for certain; the others at random moments.
	var full time.Duration
	outcomes := map[string]int{}
	for run := range 6 {
		p := filepath.Join(dir, fmt.Sprintf("run%d.db", run))
		copyFile(t, basePath, p)
		stopAt, delay := 0, time.Duration(-1)
		switch run {
		case 0:
		case 1:
			stopAt = total / 2
		default:
			// Up to a little longer than a whole run, so some kills come
			// too late and the import must then be there in full.
			delay = time.Duration(rand.Int64N(int64(full)*13/10 + 1))
		}
		start := time.Now()
		state := runChild(t, p, filePath, stopAt, delay)
		if run == 0 {
			full = time.Since(start)
			if state != "done" {
				t.Fatalf("the uninterrupted import did not finish: %s", state)
			}
		}
		got := checkAllOrNone(t, p, local, total)
		if run <= 1 && got != map[int]string{0: "all", 1: "none"}[run] {
			t.Fatalf("run %d: the database holds %s of the import", run, got)
		}
		outcomes[got]++
		t.Logf("run %d: child %s after %v; the database holds %s of the import", run, state, time.Since(start).Round(time.Millisecond), got)
	}
	t.Logf("outcomes %v; one import takes %v", outcomes, full)
}

// runChild starts the helper process and kills it: when it reports it is
// inside the transaction (stopAt > 0) or after delay (delay >= 0). It
// returns "killed" or "done".
func runChild(t *testing.T, db, file string, stopAt int, delay time.Duration) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s|%s|%d", crashEnv, db, file, stopAt))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 16)
	go func() {
		s := bufio.NewScanner(stdout)
		for s.Scan() {
			lines <- s.Text()
		}
		close(lines)
	}()
	var timer <-chan time.Time
	killed := false
	for line := range lines {
		switch {
		case strings.HasPrefix(line, "START") && delay >= 0:
			timer = time.After(delay)
		case strings.HasPrefix(line, "INSIDE"):
			cmd.Process.Kill()
			killed = true
		case strings.HasPrefix(line, "ERROR"), strings.HasPrefix(line, "DONE") && strings.Contains(line, "error"):
			t.Fatalf("child: %s", line)
		}
		if timer != nil {
			break
		}
	}
	if timer != nil {
		select {
		case <-timer:
			killed = cmd.Process.Kill() == nil
		case <-waitLines(lines):
		}
	}
	io.Copy(io.Discard, stdout)
	cmd.Wait()
	if killed && cmd.ProcessState.Exited() {
		return "done" // it finished before the kill arrived
	}
	if killed {
		return "killed"
	}
	return "done"
}

func waitLines(lines <-chan string) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		for range lines {
		}
		close(done)
	}()
	return done
}

// checkAllOrNone opens a database after a crash and returns "all" or
// "none"; anything in between, or damage, fails the test.
func checkAllOrNone(t *testing.T, path string, local, total int) string {
	t.Helper()
	db, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("the database does not open after the crash: %v", err)
	}
	defer db.Close()
	var check string
	if err := db.SQL().QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q, %v", check, err)
	}
	var all, imported, updated int
	q := db.SQL()
	q.QueryRow("SELECT count(*) FROM notes").Scan(&all)
	q.QueryRow("SELECT count(*) FROM notes WHERE origin_file = 'big.briefnotes'").Scan(&imported)
	q.QueryRow("SELECT count(*) FROM notes WHERE body LIKE '%(updated)'").Scan(&updated)
	switch {
	case all == local && imported == 0 && updated == 0:
		return "none"
	case all == total && imported == total-local && updated == local:
		// The local notes the file updates stay "written here".
		return "all"
	}
	t.Fatalf("half an import: %d notes, %d imported, %d updated", all, imported, updated)
	return ""
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(from + "-wal"); err == nil {
		t.Fatalf("%s still has a write-ahead log; close it first", from)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
