package ui

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// TestOutputWriter: an export chosen in the save dialog is written as the
// command line writes -o: through a symlink to its target, keeping the
// replaced file's mode, and whole.
func TestOutputWriter(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "real.csv")
	if err := os.WriteFile(target, []byte("old content"), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Chmod(target, 0o600)
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink("real.csv", link); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI's Linux has symbolic links:", err)
		}
		t.Skip("no symbolic links:", err)
	}
	fw, err := storage.Writer(storage.NewFileURI(link))
	if err != nil {
		t.Fatal(err)
	}
	w := outputWriter(fw)
	if _, ok := w.(*fileOutput); !ok {
		t.Fatalf("a file URI is written by %T, not through outfile", w)
	}
	io.WriteString(w, "a,b\n1,2\n")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced by a file")
	}
	b, _ := os.ReadFile(target)
	fi, _ := os.Stat(target)
	if string(b) != "a,b\n1,2\n" || fi.Mode().Perm() != 0o600 {
		t.Fatalf("target holds %q with mode %v", b, fi.Mode().Perm())
	}
	if es, _ := os.ReadDir(dir); len(es) != 2 {
		t.Fatalf("files left in the folder: %v", es)
	}
}
