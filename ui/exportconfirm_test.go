package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"briefdesk/ui/shell"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// stubShell records what the confirmation asks the system to open.
func stubShell(t *testing.T) (opened, shown *[]string) {
	t.Helper()
	var o, s []string
	oldOpen, oldShow := shellOpen, shellShow
	shellOpen = func(p string) error { o = append(o, p); return nil }
	shellShow = func(p string) error { s = append(s, p); return nil }
	t.Cleanup(func() { shellOpen, shellShow = oldOpen, oldShow })
	return &o, &s
}

func TestExportConfirmation(t *testing.T) {
	long := filepath.Join(t.TempDir(), strings.Repeat("国际电联 发展部门 简报资料 ", 6), "第44号决议 #1.pdf")
	for _, c := range []struct {
		name, path string
		button     string
		wantOpen   bool
	}{
		{"Open", filepath.Join(t.TempDir(), "简报 #1?.pdf"), "Open", true},
		{"Show folder", filepath.Join(t.TempDir(), "notes.briefnotes"), "Show folder", false},
		{"long path", long, "Open", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			opened, shown := stubShell(t)
			w := test.NewTempWindow(t, widget.NewLabel(""))
			w.Resize(fyne.NewSize(800, 600))
			d := showExported(&screenEnv{Window: w, runAsync: runNow}, "PDF exported", "The pack was written to x.pdf.", c.path)
			if !strings.Contains(dialogText(w), c.path) {
				t.Fatalf("the confirmation does not give the full path %q:\n%s", c.path, dialogText(w))
			}
			for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
				if l, ok := o.(*widget.Label); ok && l.Text == c.path {
					if l.Size().Height < l.MinSize().Height || l.Size().Width > 800 {
						t.Errorf("the path is shown %v, needs %v: cut off", l.Size(), l.MinSize())
					}
				}
			}
			if s := d.MinSize(); s.Width > 800 {
				t.Errorf("the dialog is %v wide, wider than the window", s.Width)
			}
			for _, b := range []string{"Close", "Show folder", "Open"} {
				dialogButton(t, w, lang.L(b))
			}
			test.Tap(dialogButton(t, w, lang.L(c.button)))
			if w.Canvas().Overlays().Top() != nil {
				t.Errorf("%s leaves the confirmation up", c.button)
			}
			got, other := *opened, *shown
			if !c.wantOpen {
				got, other = other, got
			}
			if len(got) != 1 || got[0] != c.path || len(other) != 0 {
				t.Fatalf("%s asked the system to open %q and show %q; want only %q", c.button, *opened, *shown, c.path)
			}
		})
	}
}

// With no xdg-open (PATH empty), Open and Show folder fail, and the
// message gives the file's full path and says what is missing, not a Go
// error.
func TestOpenFailureGivesThePath(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("the shell of Windows and macOS does not depend on PATH")
	}
	oldOpen, oldShow := shellOpen, shellShow
	shellOpen, shellShow = shell.Open, shell.ShowInFolder
	t.Cleanup(func() { shellOpen, shellShow = oldOpen, oldShow })
	t.Setenv("PATH", t.TempDir())
	path := filepath.Join(t.TempDir(), "简报 资料", "第44号决议.pdf")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, button := range []string{"Open", "Show folder"} {
		t.Run(button, func(t *testing.T) {
			w := test.NewTempWindow(t, widget.NewLabel(""))
			w.Resize(fyne.NewSize(800, 600))
			showExported(&screenEnv{Window: w, runAsync: runNow}, "PDF exported", "The pack was written to 第44号决议.pdf.", path)
			test.Tap(dialogButton(t, w, lang.L(button)))
			txt := dialogText(w)
			for _, want := range []string{path, lang.L("This computer has no program set up to open it.")} {
				if !strings.Contains(txt, want) {
					t.Errorf("the message does not say %q:\n%s", want, txt)
				}
			}
			if strings.Contains(txt, "exec:") || strings.Contains(txt, "$PATH") {
				t.Errorf("the message shows an internal error:\n%s", txt)
			}
			dialogButton(t, w, lang.L("Close"))
		})
	}
}
