package data_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

// TestCheckReadOnly checks a sound database through a read-only
// connection: Check must not write, so it finds nothing wrong, and the
// file is unchanged.
func TestCheckReadOnly(t *testing.T) {
	ctx := context.Background()
	p := corpusFile(t, "ro.db")
	before, _ := os.ReadFile(p)

	ro, err := data.OpenReadOnlyForTest(p)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.SQL().Exec("INSERT INTO settings VALUES ('k', 'v')"); err == nil || !strings.Contains(err.Error(), "readonly") {
		t.Fatalf("a write through the read-only pool: %v; the test proves nothing", err)
	}
	rep, err := ro.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || rep.Resolutions != 28 {
		t.Fatalf("Check of a sound read-only database: %+v", rep)
	}
	if after, _ := os.ReadFile(p); !bytes.Equal(before, after) {
		t.Fatal("Check changed the file")
	}
}

// TestOpenReadOnlyFile: Open of a file BriefDesk cannot write says so,
// rather than failing later or calling it unreadable.
func TestOpenReadOnlyFile(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "ro.db")
	db, err := data.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetSetting(ctx, app.SettingAuthorName, "李明"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	makeReadOnly(t, p)
	before, _ := os.ReadFile(p)
	db, err = data.Open(ctx, p)
	if err == nil {
		db.Close()
	}
	msg := app.ErrorMessage(err)
	if app.ErrorCode(err) != app.EACCESS || !strings.Contains(msg, "is read-only; BriefDesk needs to write to it") || !strings.Contains(msg, "nothing was changed") {
		t.Fatalf("Open of a read-only file: %v; want EACCESS saying it is read-only", err)
	}
	if after, _ := os.ReadFile(p); !bytes.Equal(before, after) {
		t.Fatal("Open changed the read-only file")
	}
}

// makeReadOnly makes p unwritable for this process: by permissions for a
// normal user, with the immutable attribute for root, whom permissions do
// not stop.
func makeReadOnly(t *testing.T, p string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(p, 0o444); err != nil {
			t.Fatal(err)
		}
		return
	}
	// CI runs as root on a file system with the immutable attribute: there
	// the test must run, not skip.
	if out, err := exec.Command("chattr", "+i", p).CombinedOutput(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("running as root in CI and cannot make the file immutable: %v %s", err, out)
		}
		t.Skipf("running as root and cannot make the file immutable: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", p).Run() })
	if f, err := os.OpenFile(p, os.O_WRONLY, 0); err == nil {
		f.Close()
		if os.Getenv("CI") != "" {
			t.Fatal("the immutable file is still writable in CI")
		}
		t.Skip("the immutable file is still writable here")
	}
}
