//go:build !windows && !darwin

package shell

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefdesk/app"
)

// fakeOpener puts an xdg-open running script in a folder of its own and
// makes that folder the whole PATH.
func fakeOpener(t *testing.T, script string) (log string) {
	t.Helper()
	bin := t.TempDir()
	log = filepath.Join(t.TempDir(), "args")
	body := "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + log + "'\n" + script + "\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	return log
}

func TestOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "简报 #1")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "第44号决议?.pdf")
	old := settle
	settle = 300 * time.Millisecond
	t.Cleanup(func() { settle = old })
	for _, c := range []struct {
		name     string
		script   string // the fake xdg-open's work; "-" no xdg-open at all
		show     bool
		wantArg  string
		noProg   bool
		wantFail string // in the message; "" it works
	}{
		{"open", "exit 0", false, file, false, ""},
		{"show folder", "exit 0", true, dir, false, ""},
		{"opener stays", "/bin/sleep 2", false, file, false, ""},
		{"no xdg-open", "-", false, "", true, "xdg-open, which opens files on this computer, is not installed"},
		{"no tool", "echo 'xdg-open: no method available for opening' >&2; exit 3", false, file, true, "xdg-open failed: xdg-open: no method available for opening"},
		{"fails", "echo 'gio: file not found' >&2; exit 4", true, dir, false, "xdg-open failed: gio: file not found"},
	} {
		t.Run(c.name, func(t *testing.T) {
			log := ""
			if c.script == "-" {
				t.Setenv("PATH", t.TempDir())
			} else {
				log = fakeOpener(t, c.script)
			}
			f := Open
			if c.show {
				f = ShowInFolder
			}
			start := time.Now()
			err := f(file)
			if time.Since(start) > 2*time.Second {
				t.Errorf("took %v: an opener that stays must not hold the caller", time.Since(start))
			}
			if c.wantFail == "" {
				if err != nil {
					t.Fatalf("err %v, want none", err)
				}
			} else if got := app.ErrorMessage(err); got != c.wantFail {
				t.Fatalf("message %q, want %q", got, c.wantFail)
			}
			if got := errors.Is(err, ErrNoProgram); got != c.noProg {
				t.Errorf("errors.Is(err, ErrNoProgram) = %v, want %v (%v)", got, c.noProg, err)
			}
			if log != "" {
				b, err := os.ReadFile(log)
				if err != nil || strings.TrimSuffix(string(b), "\n") != c.wantArg {
					t.Fatalf("xdg-open was given %q (%v), want %q", b, err, c.wantArg)
				}
			}
		})
	}
}
