package data_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"briefdesk/data"
)

// openerEnv names the database the child of TestOpenRaceProcesses opens.
const openerEnv = "BRIEFDESK_OPEN_RACE"

// TestOpenRace opens one new database from several goroutines at once,
// each with a pool of its own, as two windows or a window and a command
// would: every Open must succeed and the schema must be whole.
func TestOpenRace(t *testing.T) {
	ctx := context.Background()
	for round := range 5 {
		p := filepath.Join(t.TempDir(), fmt.Sprintf("race%d.db", round))
		const n = 6
		errs := make([]error, n)
		var start, done sync.WaitGroup
		start.Add(1)
		for i := range n {
			done.Add(1)
			go func() {
				defer done.Done()
				start.Wait()
				db, err := data.Open(ctx, p)
				if err == nil {
					err = db.SetSetting(ctx, fmt.Sprintf("k%d", i), "v")
					db.Close()
				}
				errs[i] = err
			}()
		}
		start.Done()
		done.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, opener %d: %v", round, i, err)
			}
		}
		wantWholeSchema(t, p, n)
	}
}

// TestOpenRaceProcesses is TestOpenRace with processes: SQLite's locks,
// not Go's, must keep them apart.
func TestOpenRaceProcesses(t *testing.T) {
	if p := os.Getenv(openerEnv); p != "" {
		db, err := data.Open(context.Background(), p)
		if err == nil {
			err = db.SetSetting(context.Background(), "pid", fmt.Sprint(os.Getpid()))
			db.Close()
		}
		if err != nil {
			fmt.Println("ERROR", err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	for round := range 3 {
		p := filepath.Join(t.TempDir(), fmt.Sprintf("race%d.db", round))
		const n = 4
		cmds := make([]*exec.Cmd, n)
		outs := make([]strings.Builder, n)
		for i := range cmds {
			cmd := exec.Command(os.Args[0], "-test.run=^TestOpenRaceProcesses$")
			cmd.Env = append(os.Environ(), openerEnv+"="+p)
			cmd.Stdout, cmd.Stderr = &outs[i], &outs[i]
			cmds[i] = cmd
		}
		for _, cmd := range cmds {
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
		}
		for i, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				t.Fatalf("round %d, process %d: %v\n%s", round, i, err, outs[i].String())
			}
		}
		wantWholeSchema(t, p, 0)
	}
}

// wantWholeSchema checks that the file at p has every migration and the
// settings the openers wrote.
func wantWholeSchema(t *testing.T, p string, settings int) {
	t.Helper()
	db, err := data.Open(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var version, n int
	if err := db.SQL().QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	migrations, _ := filepath.Glob("migrations/*.sql")
	if version != len(migrations) {
		t.Fatalf("user_version %d, want %d", version, len(migrations))
	}
	if err := db.SQL().QueryRow("SELECT count(*) FROM settings WHERE key LIKE 'k%'").Scan(&n); err != nil || n != settings {
		t.Fatalf("%d settings (%v), want %d", n, err, settings)
	}
	if rep, err := db.Check(context.Background()); err != nil || strings.Join(rep.Problems, "") != "no corpus has been imported" {
		t.Fatalf("Check: %q, %v", rep.Problems, err)
	}
}

// TestMigrationsNumbered: a database records how many migrations it has
// (PRAGMA user_version), so the files must be numbered 0001, 0002, …
// without a gap or a repeat: a file numbered into a gap later would be
// skipped by every database that already counted past it.
func TestMigrationsNumbered(t *testing.T) {
	entries, err := os.ReadDir("migrations")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		n++
		if want := fmt.Sprintf("%04d_", n); !strings.HasPrefix(e.Name(), want) {
			t.Errorf("migration %s is number %d: name it %s…", e.Name(), n, want)
		}
	}
	if n == 0 {
		t.Fatal("no migrations found")
	}
}
