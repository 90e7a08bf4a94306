package pdf

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteAtomicHalfWritten fails a write half way: the file already at
// the path keeps its content and no temporary file is left.
func TestWriteAtomicHalfWritten(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pack.pdf")
	os.WriteFile(path, []byte("old"), 0o644)
	boom := errors.New("disk full")
	err := writeAtomic(path, func(f *os.File) error {
		f.WriteString("%PDF-1.3 half a file")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err=%v, want the write error", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("existing file changed to %q", b)
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("files left behind: %v", es)
	}
}
