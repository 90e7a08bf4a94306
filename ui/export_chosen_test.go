package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// chooseInSaveDialog does what Fyne's save dialog does once a file is
// chosen (and replacing it confirmed): it asks storage for a writer. A
// writer that never comes (an open that blocks) fails the test.
func chooseInSaveDialog(t *testing.T, path string) (fyne.URIWriteCloser, error) {
	t.Helper()
	type result struct {
		w   fyne.URIWriteCloser
		err error
	}
	ch := make(chan result, 1)
	go func() {
		w, err := storage.Writer(storage.NewFileURI(path))
		ch <- result{w, err}
	}()
	select {
	case r := <-ch:
		return r.w, r.err
	case <-time.After(5 * time.Second):
		t.Fatalf("the save dialog's writer for %s never opened", path)
		return nil, nil
	}
}

// exportCase is one file chosen in the save dialog over which the export
// must not be written; want is what the error says.
type exportCase struct {
	name  string
	make  func(t *testing.T, path string)
	want  string
	check func(t *testing.T, path string)
}

// keepsOld makes a file with old content and mode, and checks that the
// refused or failed export left it so.
func keepsOld(mode os.FileMode) (func(*testing.T, string), func(*testing.T, string)) {
	return func(t *testing.T, p string) {
			if err := os.WriteFile(p, []byte("old notes"), 0o644); err != nil {
				t.Fatal(err)
			}
			os.Chmod(p, mode)
		}, func(t *testing.T, p string) {
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatalf("the chosen file is gone: %v", err)
			}
			if b, _ := os.ReadFile(p); string(b) != "old notes" || fi.Mode().Perm() != mode {
				t.Fatalf("the chosen file now holds %.20q with mode %v; want it as it was", b, fi.Mode().Perm())
			}
		}
}

func exportCases() []exportCase {
	roMake, roCheck := keepsOld(0o444)
	return []exportCase{
		{name: "ReadOnlyFile", make: roMake, want: "is read-only; nothing was written", check: roCheck},
	}
}

// moreExportCases are added by the tests of one system (a FIFO on Linux).
var moreExportCases []exportCase

// TestExportKeepsChosenFile: notes and CSV exports chosen in the save
// dialog over a file they must not replace leave it exactly as it was
// (Fyne's writer must not have emptied it first, and a failed export
// must not delete it) and say why.
func TestExportKeepsChosenFile(t *testing.T) {
	for _, tc := range append(exportCases(), moreExportCases...) {
		t.Run("Notes"+tc.name, func(t *testing.T) {
			f := newNotesFixture(t)
			addNote(t, f.db, app.Note{Resolution: 2, Body: "mine", Author: app.Author{Name: "Li"}})
			f.v.chooseExportFile(false) // shows the save dialog, as the button does
			dismissOverlays(f.win)
			path := filepath.Join(t.TempDir(), "notes.briefnotes")
			tc.make(t, path)
			w, err := chooseInSaveDialog(t, path)
			f.v.exportChosen(w, err, false)
			if msg := overlayText(f.win); !strings.Contains(msg, tc.want) {
				t.Errorf("message %q does not say %q", msg, tc.want)
			}
			if tc.check != nil {
				tc.check(t, path)
			}
		})
		t.Run("Table"+tc.name, func(t *testing.T) {
			f := newGUIFixture(t)
			v := newTablesView(f.m.env, f.m.corpus)
			f.win.SetContent(v.content())
			v.onExport() // shows the save dialog, as the button does
			dismissOverlays(f.win)
			tb, err := v.panes[v.current].table()
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "table.csv")
			tc.make(t, path)
			w, err := chooseInSaveDialog(t, path)
			if err != nil {
				t.Fatalf("the save dialog's writer failed: %v", err)
			}
			v.saveCSV(w, tb)
			if msg := overlayText(f.win); !strings.Contains(msg, tc.want) {
				t.Errorf("message %q does not say %q", msg, tc.want)
			}
			if tc.check != nil {
				tc.check(t, path)
			}
		})
	}
}
