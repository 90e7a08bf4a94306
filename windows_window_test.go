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
// display, checks that it stays up, and that a screenshot of it shows
// text: many small strokes in the window, as the corpus list of Chinese
// titles draws, where a window without glyphs (or only tofu boxes) has
// few. The screenshot goes to $BRIEFDESK_SMOKE_SHOTS if set (look at it),
// else to the test's temp folder.
func windowUnderWine(t *testing.T, r *wineRig, db string) {
	shots := os.Getenv("BRIEFDESK_SMOKE_SHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	cmd := r.wineCmd("wine", r.exe, "--db", db)
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

	deadline := time.Now().Add(60 * time.Second)
	for !windowShown(r.display, "BriefDesk") {
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("BriefDesk.exe exited before its window appeared (%v):\n%s", err, out.String())
		case <-time.After(250 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no BriefDesk window under Wine after 60 s:\n%s", out.String())
		}
	}
	// It stays up (and has time to draw the corpus).
	select {
	case err := <-exited:
		exited <- err
		t.Fatalf("BriefDesk.exe exited %v after showing its window:\n%s", err, out.String())
	case <-time.After(6 * time.Second):
	}
	shot := filepath.Join(shots, "wine-window.png")
	imp := exec.Command("import", "-window", "root", shot)
	imp.Env = append(os.Environ(), "DISPLAY="+r.display)
	if b, err := imp.CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v\n%s", err, b)
	}
	t.Logf("screenshot of the window under Wine: %s", shot)
	img := readPNG(t, shot)
	win := windowRect(t, r.display, "BriefDesk")
	if win.Dx() < 400 || win.Dy() < 300 {
		t.Fatalf("the window is %v: too small to show the corpus", win)
	}
	if n := colours(t, shot); n < 16 {
		t.Fatalf("the screenshot %s has %d colours: the window looks empty", shot, n)
	}
	if n := inkRuns(img, win); n < 2000 {
		t.Fatalf("the window %v has %d short strokes: no text drawn (the Chinese titles of the corpus draw thousands); see %s", win, n, shot)
	}
}

// inkRuns counts short horizontal runs of pixels that stand out from the
// pixel before them: glyph strokes. A blank or boxy window has few.
func inkRuns(img image.Image, r image.Rectangle) int {
	r = r.Intersect(img.Bounds())
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		run := 0
		var prev uint32
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			l := (299*cr + 587*cg + 114*cb) / 1000 >> 8
			if x > r.Min.X && absDiff(l, prev) > 40 {
				run++
			} else if run > 0 {
				if run <= 3 {
					n++
				}
				run = 0
			}
			prev = l
		}
	}
	return n
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
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
