package main

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestSmokeGUI builds the real binary (cgo, GLFW), starts it under Xvfb on
// a new database and on a damaged one, and checks that a BriefDesk window
// appears, that the process stays up, and that a screenshot of the screen
// shows something. The screenshots go to $BRIEFDESK_SMOKE_SHOTS (a
// directory) if set, else to the test's temp dir. Needs Xvfb, xwininfo
// (x11-utils) and ImageMagick's import; skipped with a message without
// them, and with -short (the cold cgo build takes minutes).
func TestSmokeGUI(t *testing.T) {
	if testing.Short() {
		if os.Getenv("CI") != "" {
			t.Fatal("CI runs every test: drop -short")
		}
		t.Skip("-short: skipping the GUI smoke test (it builds the cgo binary)")
	}
	x := needXvfb(t)
	for _, tool := range []string{"xwininfo", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is not installed: CI must install x11-utils and imagemagick (.ci/deps --test)", tool)
			}
			t.Skipf("%s is not installed (apt-get install x11-utils imagemagick): cannot check the window", tool)
		}
	}
	dir := t.TempDir()
	shots := os.Getenv("BRIEFDESK_SMOKE_SHOTS")
	if shots == "" {
		shots = dir
	}
	bin := goBuild(t, dir, "briefdesk", ".", "no_emoji,migrated_fynedo")
	display := x.start(t)

	t.Run("NewDatabase", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "new.db")
		runSmoke(t, display, bin, db, filepath.Join(shots, "smoke-new.png"))
		head := make([]byte, 16)
		f, err := os.Open(db)
		if err != nil {
			t.Fatalf("no database was created: %v", err)
		}
		defer f.Close()
		if _, err := f.Read(head); err != nil || string(head) != "SQLite format 3\x00" {
			t.Fatalf("%s is not a SQLite file", db)
		}
	})
	t.Run("DamagedDatabase", func(t *testing.T) {
		// The window must come up with its dialog, not crash.
		db := filepath.Join(t.TempDir(), "damaged.db")
		if err := os.WriteFile(db, bytes.Repeat([]byte("not a database "), 100), 0o644); err != nil {
			t.Fatal(err)
		}
		runSmoke(t, display, bin, db, filepath.Join(shots, "smoke-damaged.png"))
		b, err := os.ReadFile(db)
		if err != nil || !bytes.HasPrefix(b, []byte("not a database")) {
			t.Fatalf("the damaged file was changed or removed before anyone chose to rebuild")
		}
	})
}

// runSmoke starts bin on db, waits for its window, checks it stays up and
// saves a screenshot to shot.
func runSmoke(t *testing.T, display, bin, db, shot string) {
	t.Helper()
	cmd := exec.Command(bin, "--db", db)
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "HOME="+t.TempDir())
	screenshotWindow(t, display, "briefdesk", cmd, shot, 30*time.Second, 4*time.Second, nil)
	if n := colours(t, shot); n < 16 {
		t.Fatalf("the screenshot %s has %d colours: the window looks empty", shot, n)
	}
	t.Logf("screenshot: %s", shot)
}

// windowShown reports whether a top-level window with this exact name
// exists on the display.
func windowShown(display, name string) bool {
	cmd := exec.Command("xwininfo", "-root", "-tree")
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	b, err := cmd.Output()
	return err == nil && bytes.Contains(b, []byte(`"`+name+`"`))
}

// colours counts the distinct colours of a PNG (up to 1,000).
func colours(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot %s: %v", path, err)
	}
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y && len(seen) < 1000; y += 3 {
		for x := b.Min.X; x < b.Max.X && len(seen) < 1000; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}
