//go:build linux

package data_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

// TestBackupNoRoom puts a database on a tiny file system (a tmpfs) with
// too little room left for the backup an import makes first: the import
// says there is no room for the backup, writes no note and leaves no
// half-written backup. Mounting needs root; elsewhere the test skips,
// since no other way makes a real disk full without privileges.
func TestBackupNoRoom(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	ctx := context.Background()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=16m"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("root in CI and cannot mount a tmpfs:", err) // CI is root: the test must run
		}
		t.Skip("cannot mount a tmpfs here:", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })

	alice := notesDB(t)
	mustSave(t, alice, app.Note{Resolution: 44, Author: app.Author{Name: "Alice"}, Body: "from alice"})
	file := mustExport(t, alice, app.NoteFilter{})

	path := filepath.Join(dir, "bob.db")
	bob, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer bob.Close()
	if _, err := bob.Import(ctx, notesCorpus(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := bob.SQL().Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	// Leave a quarter of the database's size free: less than its copy.
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	free := int64(st.Bavail) * st.Bsize
	if err := os.WriteFile(filepath.Join(dir, "filler"), make([]byte, free-fi.Size()/4), 0o644); err != nil {
		t.Fatal(err)
	}
	before := noteRows(t, bob.SQL())
	_, err = importData(bob, file, "alice.briefnotes", false)
	wantCode(t, err, app.EINTERNAL, "no room on the disk for the backup", path, "free some space", "nothing was changed")
	if msg := app.ErrorMessage(err); strings.Contains(msg, "(13)") {
		t.Fatalf("message %q shows SQLite's words", msg)
	}
	if noteRows(t, bob.SQL()) != before {
		t.Fatal("notes were imported without a backup")
	}
	for _, p := range []string{bob.BackupPath(1), path + ".backup-new"} {
		if _, err := os.Stat(p); err == nil {
			t.Fatalf("%s was left behind", p)
		}
	}
}
