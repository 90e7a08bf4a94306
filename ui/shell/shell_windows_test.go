package shell

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"briefdesk/app"
)

// Run under Wine by cross-compiling the test (GOOS=windows go test -c).
// Neither case starts a program: nothing opens a file of an unknown kind,
// and a missing file is refused before anything starts.
func TestOpenFailures(t *testing.T) {
	// Not t.TempDir: under Wine the shell may hold the file a moment
	// after the failed open, so the removal is best-effort.
	base, err := os.MkdirTemp("", "shell")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	dir := filepath.Join(base, "简报 资料")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	unknown := filepath.Join(dir, "第44号决议.zzqq-briefdesk")
	if err := os.WriteFile(unknown, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = Open(unknown)
	if !errors.Is(err, ErrNoProgram) || app.ErrorMessage(err) != "Windows has no program set up to open this kind of file" {
		t.Errorf("Open(%q) = %v; want ErrNoProgram with a plain message", unknown, err)
	}
	missing := filepath.Join(dir, "missing.pdf")
	if err := Open(missing); err == nil || errors.Is(err, ErrNoProgram) {
		t.Errorf("Open(%q) = %v; want a failure other than a missing program", missing, err)
	}
}
