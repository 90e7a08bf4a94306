//go:build linux

package data_test

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/data"
)

// TestOpenRefusesSpecialFiles: Open and OpenReadOnly refuse a FIFO (which
// would block the open for ever with no writer), a device and a folder at
// once, before opening them.
func TestOpenRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "db.fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{fifo, "named pipe (FIFO)"},
		{"/dev/null", "a device"},
		{dir, "a folder"},
	} {
		for name, open := range map[string]func(context.Context, string) (*data.DB, error){"Open": data.Open, "OpenReadOnly": data.OpenReadOnly} {
			t.Run(name+filepath.Base(tc.path), func(t *testing.T) {
				done := make(chan error, 1)
				go func() {
					db, err := open(context.Background(), tc.path)
					if db != nil {
						db.Close()
					}
					done <- err
				}()
				select {
				case err := <-done:
					if app.ErrorCode(err) != app.EINVALID || !strings.Contains(app.ErrorMessage(err), tc.want) {
						t.Fatalf("err %v; want EINVALID saying %q", err, tc.want)
					}
				case <-time.After(20 * time.Second):
					t.Fatal("still opening after 20 s")
				}
			})
		}
	}
}
