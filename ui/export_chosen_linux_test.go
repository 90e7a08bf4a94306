package ui

import (
	"os"
	"syscall"
	"testing"
)

func init() {
	moreExportCases = append(moreExportCases, exportCase{
		name: "FIFO",
		make: func(t *testing.T, p string) {
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Fatal(err)
			}
		},
		want: "named pipe (FIFO)",
		check: func(t *testing.T, p string) {
			if fi, err := os.Lstat(p); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
				t.Fatalf("the FIFO was replaced: %v", err)
			}
		},
	})
}
