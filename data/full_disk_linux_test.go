//go:build linux

package data_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

// TestOpenOnFullDisk: on a disk with no byte left (a tmpfs filled to the
// end), opening a database in WAL mode fails before any write, because
// SQLite cannot size its -shm file; SQLite reports an I/O error without
// saying why. The message must still say that the disk is full, what to
// do and that nothing changed, not ask whether the disk is still there;
// and the file must be as it was. Mounting needs root; elsewhere the test
// skips.
func TestOpenOnFullDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	ctx := context.Background()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=4m"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("root in CI and cannot mount a tmpfs:", err) // CI is root: the test must run
		}
		t.Skip("cannot mount a tmpfs here:", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	path := filepath.Join(dir, "full.db")
	src, err := os.ReadFile(corpusFile(t, "src.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	// Fill the disk to its last byte.
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	block := make([]byte, 4096)
	for n := len(block); n > 0; {
		if _, err := f.Write(block[:n]); errors.Is(err, syscall.ENOSPC) {
			n /= 2
		} else if err != nil {
			t.Fatal(err)
		}
	}
	f.Close()

	db, err := data.Open(ctx, path)
	if err == nil {
		err = db.SaveNote(ctx, &app.Note{Resolution: 44, Author: app.Author{Name: "A"}, Body: strings.Repeat("满", 3000)})
		db.Close()
	}
	wantCode(t, err, app.EINTERNAL, "the disk holding "+path+" is full", "free some space", "nothing was changed")
	if msg := app.ErrorMessage(err); strings.Contains(msg, "still there") {
		t.Errorf("message %q blames the disk, not the lack of room", msg)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, src) {
		t.Error("the database file changed")
	}
}
