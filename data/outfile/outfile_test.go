package outfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"briefdesk/app"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// names lists the folder's entries, to see that nothing was left behind.
func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestWriteNewAndReplace(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		perm fs.FileMode // of an existing file; 0: none
	}{
		{"New", 0},
		{"Replace0644", 0o644},
		{"Replace0600", 0o600},
		{"Replace0755", 0o755},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name+".pdf")
			if tc.perm != 0 {
				if err := os.WriteFile(p, []byte("old content, longer than the new"), tc.perm); err != nil {
					t.Fatal(err)
				}
				os.Chmod(p, tc.perm) // WriteFile's mode went through the umask
			}
			if err := Write(p, writeString("new")); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(p)
			if err != nil || string(b) != "new" {
				t.Fatalf("content %q, %v; want \"new\"", b, err)
			}
			fi, _ := os.Stat(p)
			if tc.perm != 0 && fi.Mode().Perm() != tc.perm {
				t.Fatalf("mode %v, want the replaced file's %v", fi.Mode().Perm(), tc.perm)
			}
		})
	}
	for _, n := range names(t, dir) {
		if strings.HasSuffix(n, tmpSuffix) {
			t.Fatalf("temporary file %s left behind", n)
		}
	}
}

// TestWriteFailureLeavesNothing: a write that fails half way leaves the
// old file as it was, no temporary file, and returns write's error.
func TestWriteFailureLeavesNothing(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		code string
	}{
		{"PlainError", errors.New("boom"), app.EINTERNAL},
		{"NoSpace", &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, app.EINTERNAL},
		{"AppError", app.Errorf(app.EINVALID, "bad table"), app.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "out.csv")
			os.WriteFile(p, []byte("old"), 0o644)
			err := Write(p, func(w io.Writer) error {
				io.WriteString(w, strings.Repeat("half a file ", 100000))
				return tc.err
			})
			if !errors.Is(err, tc.err) || app.ErrorCode(err) != tc.code {
				t.Fatalf("err=%v (code %s), want %v with code %s", err, app.ErrorCode(err), tc.err, tc.code)
			}
			if tc.code == app.EINTERNAL && !strings.Contains(app.ErrorMessage(err), "left as it was") {
				t.Fatalf("message %q does not say the file was left as it was", app.ErrorMessage(err))
			}
			if msg := app.ErrorMessage(err); tc.name == "NoSpace" && (!strings.Contains(msg, "disk is full") || !strings.Contains(msg, "free some space")) {
				t.Fatalf("message %q does not say the disk is full and what to do", msg)
			}
			if b, _ := os.ReadFile(p); string(b) != "old" {
				t.Fatalf("file changed to %.20q", b)
			}
			if n := names(t, dir); len(n) != 1 {
				t.Fatalf("files left behind: %v", n)
			}
		})
	}
}

// TestWriteRefuses: what is not a regular file we may write is refused,
// says why, and is left as it was.
func TestWriteRefuses(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "folder")
	os.Mkdir(folder, 0o755)
	ro := filepath.Join(dir, "ro.pdf")
	os.WriteFile(ro, []byte("keep"), 0o444)
	os.Chmod(ro, 0o444)
	linkToRO := filepath.Join(dir, "link-to-ro.pdf")
	os.Symlink("ro.pdf", linkToRO)
	loop := filepath.Join(dir, "loop")
	os.Symlink("loop", loop)
	for _, tc := range []struct {
		name, path, want string
	}{
		{"Folder", folder, "is a folder"},
		{"ReadOnly", ro, ro + " is read-only; nothing was written"},
		{"LinkToReadOnly", linkToRO, ro + " is read-only; nothing was written"},
		{"LinkLoop", loop, "loop of links"},
		{"MissingFolder", filepath.Join(dir, "nowhere", "x.pdf"), "cannot write in the folder"},
		{"Empty", "", "no output file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := names(t, dir)
			called := false
			err := Write(tc.path, func(w io.Writer) error { called = true; return nil })
			if err == nil {
				t.Fatal("no error")
			}
			if msg := app.ErrorMessage(err); !strings.Contains(msg, tc.want) || !strings.Contains(msg, "nothing was written") {
				t.Fatalf("message %q; want it to say %q and that nothing was written", msg, tc.want)
			}
			if app.ErrorCode(err) != app.EINVALID {
				t.Fatalf("code %s, want EINVALID", app.ErrorCode(err))
			}
			if called {
				t.Fatal("the content was produced for a refused target")
			}
			if after := names(t, dir); strings.Join(after, "|") != strings.Join(before, "|") {
				t.Fatalf("folder changed: %v -> %v", before, after)
			}
		})
	}
	if b, _ := os.ReadFile(ro); string(b) != "keep" {
		t.Fatalf("read-only file changed to %q", b)
	}
	if fi, _ := os.Stat(ro); fi.Mode().Perm() != 0o444 {
		t.Fatalf("read-only file's mode changed to %v", fi.Mode().Perm())
	}
}

// TestWriteThroughSymlink: a link stays a link and its target gets the
// content, also when the target does not exist yet.
func TestWriteThroughSymlink(t *testing.T) {
	for _, tc := range []struct {
		name     string
		existing bool
		rel      bool
	}{
		{"Existing", true, false},
		{"ExistingRelative", true, true},
		{"Dangling", false, false},
		{"DanglingRelative", false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			sub := filepath.Join(dir, "real")
			os.Mkdir(sub, 0o755)
			target := filepath.Join(sub, "pack.pdf")
			if tc.existing {
				os.WriteFile(target, []byte("old"), 0o600)
				os.Chmod(target, 0o600)
			}
			link := filepath.Join(dir, "pack.pdf")
			dest := target
			if tc.rel {
				dest = filepath.Join("real", "pack.pdf")
			}
			if err := os.Symlink(dest, link); err != nil {
				if os.Getenv("CI") != "" {
					t.Fatal("CI's Linux has symbolic links:", err)
				}
				t.Skip("no symbolic links here:", err)
			}
			if err := Write(link, writeString("new")); err != nil {
				t.Fatal(err)
			}
			if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
				t.Fatalf("the link was replaced: %v %v", fi, err)
			}
			if b, _ := os.ReadFile(target); string(b) != "new" {
				t.Fatalf("target holds %q", b)
			}
			if fi, _ := os.Stat(target); tc.existing && fi.Mode().Perm() != 0o600 {
				t.Fatalf("target's mode %v, want 0600 kept", fi.Mode().Perm())
			}
			if n := names(t, sub); len(n) != 1 {
				t.Fatalf("left in the target's folder: %v", n)
			}
		})
	}
}

// TestRemoveStale: temporary files that a killed write left are removed
// by the next write to the same name once they are old; other files are
// not. A young one nobody holds is a dead write's too where locks tell
// (TestLiveWriteNotCleaned has a live one), and is kept elsewhere.
func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * StaleAfter)
	files := []struct {
		name string
		old  bool
		gone bool
	}{
		{".pack.pdf.0a1b2c3d4e5f.tmp", true, true},
		{".pack.pdf.123456789.tmp", true, true}, // os.CreateTemp's, from earlier versions
		{".pack.pdf.0a1b2c3d4e60.tmp", false, locksTell},
		{".other.pdf.0a1b2c3d4e5f.tmp", true, false},
		{".pack.pdf.notours.tmp", true, false},
		{"pack.pdf.0a1b2c3d4e5f.tmp", true, false},
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		os.WriteFile(p, nil, 0o600)
		if f.old {
			os.Chtimes(p, old, old)
		}
	}
	if err := Write(filepath.Join(dir, "pack.pdf"), writeString("%PDF")); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		_, err := os.Stat(filepath.Join(dir, f.name))
		if gone := errors.Is(err, fs.ErrNotExist); gone != f.gone {
			t.Errorf("%s: gone=%v, want %v", f.name, gone, f.gone)
		}
	}
}

// TestHeldByOther checks the Windows mapping on every system, with the
// error numbers Windows returns.
func TestHeldByOther(t *testing.T) {
	link := func(errno syscall.Errno) error {
		return &os.LinkError{Op: "rename", Old: "a", New: "b", Err: errno}
	}
	for _, tc := range []struct {
		name    string
		err     error
		existed bool
		want    bool
	}{
		{"SharingViolation", link(32), true, true},
		{"SharingViolationNew", link(32), false, true},
		{"LockViolation", link(33), true, true},
		{"AccessDeniedExisting", link(5), true, true},
		{"AccessDeniedNew", link(5), false, false},
		{"DiskFull", link(112), true, false},
		{"NotErrno", errors.New("access denied"), true, false},
		{"Nil", nil, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := heldByOther(tc.err, tc.existed); got != tc.want {
				t.Fatalf("heldByOther=%v, want %v", got, tc.want)
			}
		})
	}
	p := filepath.Join("C:", "Users", "a", "pack.pdf")
	msg := app.ErrorMessage(inUse(p, link(32)))
	if want := p + " is open in another program (a PDF viewer?); close it and try again; nothing was written"; msg != want {
		t.Fatalf("message %q, want %q", msg, want)
	}
}
