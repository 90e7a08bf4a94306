//go:build linux

package outfile

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"briefdesk/app"
)

// TestWriteRefusesSpecialFiles: a FIFO, a socket and a device are
// refused at once, without blocking and without a byte written.
func TestWriteRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "sock.pdf")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	linkToDev := filepath.Join(dir, "null.pdf")
	os.Symlink("/dev/null", linkToDev)
	for _, tc := range []struct {
		name, path, want string
	}{
		{"FIFO", fifo, "named pipe"},
		{"Socket", sock, "a socket"},
		{"DevFull", "/dev/full", "/dev/full is a device"},
		{"LinkToDevNull", linkToDev, "/dev/null is a device"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Write(tc.path, writeString("%PDF"))
			msg := app.ErrorMessage(err)
			if app.ErrorCode(err) != app.EINVALID || !strings.Contains(msg, tc.want) || !strings.Contains(msg, "nothing was written") {
				t.Fatalf("err %v; want EINVALID saying %q and that nothing was written", err, tc.want)
			}
		})
	}
	if n := names(t, dir); len(n) != 3 {
		t.Fatalf("folder holds %v; want only the fifo, the socket and the link", n)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the FIFO was replaced: %v %v", fi, err)
	}
}

// TestNewFileMode: a new file is 0644 less the umask, not CreateTemp's
// 0600, since outputs are for sharing.
func TestNewFileMode(t *testing.T) {
	for _, mask := range []int{0o022, 0o077, 0o002} {
		old := syscall.Umask(mask)
		p := filepath.Join(t.TempDir(), "t.csv")
		err := Write(p, writeString("a,b\n"))
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		fi, _ := os.Stat(p)
		if got, want := fi.Mode().Perm(), os.FileMode(0o644&^mask); got != want {
			t.Errorf("umask %03o: mode %v, want %v", mask, got, want)
		}
	}
}
