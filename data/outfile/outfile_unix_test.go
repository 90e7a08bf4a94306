//go:build linux

package outfile

import (
	"bufio"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

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

// helperEnv names the target a helper process (this test binary run
// again) writes, for the tests of writes killed midway.
const helperEnv = "OUTFILE_TEST_HELPER_TARGET"

// TestHelperWriter is not a test of its own: run by startWriter in a
// child process, it starts a write to the named target and never
// finishes it, as a pack being printed when kill -9 comes.
func TestHelperWriter(t *testing.T) {
	target := os.Getenv(helperEnv)
	if target == "" {
		t.Skip("only run as a helper process")
	}
	Write(target, func(w io.Writer) error {
		io.WriteString(w, "%PDF-1.3 half")
		// The temporary file is made and locked: say so to startWriter.
		os.Stdout.WriteString("writing\n")
		select {}
	})
}

// startWriter starts a child process writing target, waits until it is
// writing its temporary file, and returns the process and that file's
// name.
func startWriter(t *testing.T, target string) (*exec.Cmd, string) {
	t.Helper()
	dir := filepath.Dir(target)
	before := map[string]bool{}
	for _, n := range names(t, dir) {
		before[n] = true
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$")
	cmd.Env = append(os.Environ(), helperEnv+"="+target)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	if line, err := bufio.NewReader(out).ReadString('\n'); line != "writing\n" {
		t.Fatalf("the helper process did not start writing: %q, %v", line, err)
	}
	for _, n := range names(t, dir) {
		if !before[n] && strings.HasSuffix(n, tmpSuffix) {
			return cmd, n
		}
	}
	t.Fatal("the helper process made no temporary file")
	return nil, ""
}

// TestKilledWriteCleanedNextTime: a write killed with kill -9 leaves its
// temporary file; the very next write to the same name removes it at
// once, not only a minute later, so that pack, kill, pack leaves
// nothing but the PDF.
func TestKilledWriteCleanedNextTime(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "pack.pdf")
	for range 3 {
		cmd, _ := startWriter(t, target)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
	}
	// Each killed write removed the one before it; the last one's stays.
	if n := names(t, dir); len(n) != 1 || !strings.HasSuffix(n[0], tmpSuffix) {
		t.Fatalf("after three killed writes the folder holds %v; want the last one's temporary file", n)
	}
	if err := Write(target, writeString("%PDF whole")); err != nil {
		t.Fatal(err)
	}
	if n := names(t, dir); !slices.Equal(n, []string{"pack.pdf"}) {
		t.Fatalf("after the next write the folder holds %v; want only pack.pdf", n)
	}
}

// TestLiveWriteNotCleaned: the temporary file of a write still in
// progress in another process is left alone by a write to the same name,
// however young or old it is.
func TestLiveWriteNotCleaned(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "pack.pdf")
	_, tmp := startWriter(t, target)
	old := time.Now().Add(-2 * StaleAfter)
	os.Chtimes(filepath.Join(dir, tmp), old, old)
	if err := Write(target, writeString("%PDF whole")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, tmp)); err != nil {
		t.Fatalf("the live write's temporary file was removed: %v", err)
	}
}

// TestReplaceKeepsOwner: root replacing a delegate's file (sudo briefdesk
// pack -o ~/sg2.pdf) leaves it theirs, with its mode: a 0600 file that
// came back owned by root would be one they can no longer open. Changing
// a file's owner needs root; elsewhere the test skips.
func TestReplaceKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("giving a file to another user needs root")
	}
	for _, mode := range []os.FileMode{0o600, 0o640} {
		p := filepath.Join(t.TempDir(), "sg2.pdf")
		if err := os.WriteFile(p, []byte("old"), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(p, 1000, 1000); err != nil {
			t.Fatal(err)
		}
		if err := Write(p, writeString("%PDF new")); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		st := fi.Sys().(*syscall.Stat_t)
		if st.Uid != 1000 || st.Gid != 1000 || fi.Mode().Perm() != mode {
			t.Errorf("mode %v: replaced file is %d:%d %v; want 1000:1000 %v", mode, st.Uid, st.Gid, fi.Mode().Perm(), mode)
		}
	}
}
