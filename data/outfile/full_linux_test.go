//go:build linux

package outfile

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"briefdesk/app"
)

// TestRealDiskFull writes to a real full disk (a tiny tmpfs): a new file
// and a file replaced both end in a message that says the disk is full,
// what to do and that nothing was written, the old file is intact and no
// temporary file is left. Mounting needs root; elsewhere the test skips.
func TestRealDiskFull(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=64k"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("root in CI and cannot mount a tmpfs:", err) // CI is root: the test must run
		}
		t.Skip("cannot mount a tmpfs here:", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	old := filepath.Join(dir, "old.pdf")
	if err := os.WriteFile(old, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("%PDF page ", 20000) // 200 KB: more than the disk
	for _, tc := range []struct{ name, path, want string }{
		{"New", filepath.Join(dir, "new.pdf"), "nothing was written"},
		{"Replace", old, "left as it was"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Write(tc.path, writeString(big))
			msg := app.ErrorMessage(err)
			for _, w := range []string{tc.path, "the disk is full", "free some space", tc.want} {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q does not say %q", msg, w)
				}
			}
			if n := names(t, dir); strings.Join(n, " ") != "old.pdf" {
				t.Errorf("folder holds %v; want only old.pdf", n)
			}
			if b, _ := os.ReadFile(old); string(b) != "old" {
				t.Errorf("old.pdf changed to %.20q", b)
			}
		})
	}
}
