package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// windowUnderWine opens BriefDesk's window under Wine on the rig's Xvfb
// display and checks that it stays up and draws what the Linux build
// draws: the same database shown by both, the edges of the two
// screenshots (where brightness jumps between neighbouring pixels: glyph
// strokes, lines) must mostly coincide. Wine's window may take another
// theme (light or dark), which keeps the edges; Chinese drawn as tofu
// boxes or not at all, a blank window, or another layout, would not.
// The screenshots go to $BRIEFDESK_SMOKE_SHOTS if set (look at them), else
// to the test's temp folder.
func windowUnderWine(t *testing.T, r *wineRig, winDB, linDB string) {
	shots := os.Getenv("BRIEFDESK_SMOKE_SHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	wimg, wrect := shootWindow(t, r.display, "BriefDesk.exe under Wine", r.wineCmd("wine", r.exe, "--db", winDB), filepath.Join(shots, "wine-window.png"))
	lcmd := exec.Command(r.linux, "--db", linDB)
	lcmd.Dir = r.linDir
	lcmd.Env = append(os.Environ(), "HOME="+filepath.Join(r.dir, "home"), "DISPLAY="+r.display)
	limg, lrect := shootWindow(t, r.display, "the Linux build", lcmd, filepath.Join(shots, "linux-window.png"))
	if wrect.Size() != lrect.Size() {
		t.Fatalf("window under Wine %v, on Linux %v: want the same size", wrect.Size(), lrect.Size())
	}
	we, le := edgeMap(wimg, wrect), edgeMap(limg, lrect)
	n := 0
	for _, e := range we {
		if e {
			n++
		}
	}
	// Res 2's card and the list of 28 titles: tens of thousands.
	if min := wrect.Dx() * wrect.Dy() / 100; n < min {
		t.Fatalf("the window under Wine has %d edge pixels, want at least %d: it looks empty", n, min)
	}
	if j := jaccard(we, le); j < 0.6 {
		t.Fatalf("the window under Wine draws unlike the Linux one: %.2f of their edges coincide, want ≥ 0.6 (the same screen gives about 0.85, shifted by one pixel 0.3); compare the screenshots in %s", j, shots)
	} else {
		t.Logf("%.2f of the edges of the two windows coincide", j)
	}
}

// shootWindow starts cmd (name says which program it is), waits for its
// BriefDesk window, checks that it stays up, takes a screenshot and stops
// the program. It returns the screenshot and where the window is on it.
func shootWindow(t *testing.T, display, name string, cmd *exec.Cmd, shot string) (image.Image, image.Rectangle) {
	t.Helper()
	// It stays up, and has time to draw the corpus.
	var rect image.Rectangle
	screenshotWindow(t, display, name, cmd, shot, 60*time.Second, 6*time.Second, func() {
		rect = windowRect(t, display, "BriefDesk")
	})
	t.Logf("screenshot of %s: %s", name, shot)
	if rect.Dx() < 400 || rect.Dy() < 300 {
		t.Fatalf("the window of %s is %v: too small to show the corpus", name, rect)
	}
	return readPNG(t, shot), rect
}

// screenshotWindow starts cmd, waits up to appear for its BriefDesk
// window, checks that the program stays up for stay, saves a screenshot of
// the display to shot, runs whileUp (if not nil) and stops the program.
func screenshotWindow(t *testing.T, display, name string, cmd *exec.Cmd, shot string, appear, stay time.Duration, whileUp func()) {
	t.Helper()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		cmd.Process.Kill()
		<-exited
	}()
	deadline := time.Now().Add(appear)
	for !windowShown(display, "BriefDesk") {
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("%s exited before its window appeared (%v):\n%s", name, err, out.String())
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no BriefDesk window of %s after %v:\n%s", name, appear, out.String())
		}
	}
	select {
	case err := <-exited:
		exited <- err
		t.Fatalf("%s exited %v after showing its window:\n%s", name, err, out.String())
	case <-time.After(stay):
	}
	imp := exec.Command("import", "-window", "root", shot)
	imp.Env = append(os.Environ(), "DISPLAY="+display)
	if b, err := imp.CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v\n%s", err, b)
	}
	if whileUp != nil {
		whileUp()
	}
}

// edgeMap marks the pixels of r whose brightness differs from their left
// neighbour's by more than 40 of 255.
func edgeMap(img image.Image, r image.Rectangle) []bool {
	lum := func(x, y int) int {
		cr, cg, cb, _ := img.At(x, y).RGBA()
		return int((299*cr + 587*cg + 114*cb) / 1000 >> 8)
	}
	e := make([]bool, r.Dx()*r.Dy())
	for y := 0; y < r.Dy(); y++ {
		for x := 1; x < r.Dx(); x++ {
			d := lum(r.Min.X+x, r.Min.Y+y) - lum(r.Min.X+x-1, r.Min.Y+y)
			e[y*r.Dx()+x] = d > 40 || d < -40
		}
	}
	return e
}

// jaccard is |a and b| / |a or b|.
func jaccard(a, b []bool) float64 {
	both, either := 0, 0
	for i := range a {
		if a[i] && b[i] {
			both++
		}
		if a[i] || b[i] {
			either++
		}
	}
	if either == 0 {
		return 0
	}
	return float64(both) / float64(either)
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

// windowRect finds a top-level window's place on the screen (xwininfo).
func windowRect(t *testing.T, display, name string) image.Rectangle {
	t.Helper()
	cmd := exec.Command("xwininfo", "-name", name)
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("xwininfo -name %s: %v", name, err)
	}
	num := func(label string) int {
		m := regexp.MustCompile(label + `:\s+(-?\d+)`).FindSubmatch(b)
		if m == nil {
			t.Fatalf("xwininfo printed no %s:\n%s", label, b)
		}
		n, _ := strconv.Atoi(string(m[1]))
		return n
	}
	x, y := num("Absolute upper-left X"), num("Absolute upper-left Y")
	return image.Rect(x, y, x+num("Width"), y+num("Height"))
}
