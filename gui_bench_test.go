package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// The GUI start-up benchmark compares BriefDesk with a hello-world Fyne
// window (testdata/hello: default theme, one label), both built here and
// run in the same benchmark under the same Xvfb display, each with a probe
// flag that exits once the first frame is drawn; for BriefDesk that is the
// first frame showing the corpus. Targets: start-up at most 2x the
// hello-world's, peak resident memory at most 60 MB above it.
//
//	go test -run '^$' -bench GUIStartup -benchtime 5x .
//
// BRIEFDESK_BENCH_TAGS sets the build tags of the BriefDesk binary (default
// no_emoji, as `make` builds it); BRIEFDESK_BENCH_PKG builds another main
// package in its place.

// benchEnv is added to the environment of every measured program.
var benchEnv []string

// startupRun is one measured run of a program.
type startupRun struct {
	wall time.Duration
	rss  int64 // peak resident set, bytes
}

func BenchmarkGUIStartup(b *testing.B) {
	xvfb := needXvfb(b)
	dir := b.TempDir()
	tags := os.Getenv("BRIEFDESK_BENCH_TAGS")
	if _, set := os.LookupEnv("BRIEFDESK_BENCH_TAGS"); !set {
		tags = "no_emoji"
	}
	pkg := os.Getenv("BRIEFDESK_BENCH_PKG")
	if pkg == "" {
		pkg = "."
	}
	app := goBuild(b, dir, "briefdesk", pkg, tags)
	hello := goBuild(b, dir, "hello", "./testdata/hello", "")
	display := xvfb.start(b)

	// A home of its own: Fyne keeps preferences and its font index there,
	// and the benchmark must not change the user's (nor depend on them).
	home := filepath.Join(dir, "home")
	benchEnv = []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"), "XDG_CACHE_HOME=" + filepath.Join(home, ".cache"), "XDG_DATA_HOME=" + filepath.Join(home, ".local/share")}
	db := filepath.Join(dir, "bench.db")
	appArgs := []string{"--db", db, "--probe-first-frame"}
	// The first runs create the database (importing the corpus) and the
	// font index; the benchmark measures the everyday start.
	if _, err := runProbe(display, hello, []string{"-probe"}); err != nil {
		b.Fatalf("first run of hello: %v", err)
	}
	if out, err := runProbe(display, app, appArgs); err != nil {
		b.Fatalf("first run of %s: %v\n%s", app, err, out)
	}
	var apps, hellos []startupRun
	for b.Loop() {
		h, err := measure(display, hello, []string{"-probe"})
		if err != nil {
			b.Fatalf("hello: %v", err)
		}
		a, err := measure(display, app, appArgs)
		if err != nil {
			b.Fatalf("briefdesk: %v", err)
		}
		hellos, apps = append(hellos, h), append(apps, a)
	}
	ha, aa := median(hellos), median(apps)
	b.ReportMetric(float64(ha.wall.Milliseconds()), "hello-ms")
	b.ReportMetric(float64(aa.wall.Milliseconds()), "app-ms")
	b.ReportMetric(float64(aa.wall)/float64(ha.wall), "time-ratio")
	b.ReportMetric(float64(ha.rss)/(1<<20), "hello-MB")
	b.ReportMetric(float64(aa.rss)/(1<<20), "app-MB")
	b.ReportMetric(float64(aa.rss-ha.rss)/(1<<20), "extra-MB")
	b.ReportMetric(0, "ns/op") // the per-op time mixes both programs: not a figure
}

// median takes the median wall time and median peak RSS separately.
func median(runs []startupRun) startupRun {
	w := make([]time.Duration, len(runs))
	r := make([]int64, len(runs))
	for i, x := range runs {
		w[i], r[i] = x.wall, x.rss
	}
	sort.Slice(w, func(i, j int) bool { return w[i] < w[j] })
	sort.Slice(r, func(i, j int) bool { return r[i] < r[j] })
	return startupRun{wall: w[len(w)/2], rss: r[len(r)/2]}
}

// measure runs a probe once and reads its wall time and peak RSS
// (getrusage's ru_maxrss, which Linux reports in KiB).
func measure(display, bin string, args []string) (startupRun, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(append(os.Environ(), "DISPLAY="+display), benchEnv...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return startupRun{}, &runError{err, out.String()}
	}
	wall := time.Since(start)
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return startupRun{}, &runError{os.ErrInvalid, "no rusage"}
	}
	return startupRun{wall: wall, rss: ru.Maxrss * 1024}, nil
}

func runProbe(display, bin string, args []string) (string, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(append(os.Environ(), "DISPLAY="+display), benchEnv...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

type runError struct {
	err error
	out string
}

func (e *runError) Error() string { return e.err.Error() + "\n" + e.out }

// goBuild builds a main package with cgo (the real GLFW driver).
func goBuild(tb testing.TB, dir, name, pkg, tags string) string {
	tb.Helper()
	bin := filepath.Join(dir, name)
	args := []string{"build", "-o", bin}
	if tags != "" {
		args = append(args, "-tags", tags)
	}
	cmd := exec.Command("go", append(args, pkg)...)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build %s: %v\n%s", pkg, err, out)
	}
	return bin
}

// xvfb finds the Xvfb server.
type xvfb struct{ path string }

func needXvfb(tb testing.TB) xvfb {
	tb.Helper()
	p, err := exec.LookPath("Xvfb")
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatal("Xvfb is not installed: CI must install xvfb (.ci/deps --test)")
		}
		tb.Skip("Xvfb is not installed (apt-get install xvfb): the GUI cannot be started here")
	}
	return xvfb{p}
}

// start runs a private Xvfb display for the test and returns its name.
func (x xvfb) start(tb testing.TB) string {
	tb.Helper()
	n := 90 + os.Getpid()%400
	for ; n < 1000; n++ {
		if _, err := os.Stat("/tmp/.X11-unix/X" + strconv.Itoa(n)); err != nil {
			if _, err := os.Stat("/tmp/.X" + strconv.Itoa(n) + "-lock"); err != nil {
				break
			}
		}
	}
	display := ":" + strconv.Itoa(n)
	// -noreset: by default the server resets when its last client leaves,
	// and a program connecting during the reset fails with "Failed to open
	// display" (seen in CI between two smoke runs on one display).
	cmd := exec.Command(x.path, display, "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset")
	if err := cmd.Start(); err != nil {
		tb.Fatalf("start Xvfb: %v", err)
	}
	tb.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	for i := 0; i < 100; i++ {
		if _, err := os.Stat("/tmp/.X11-unix/X" + strconv.Itoa(n)); err == nil {
			return display
		}
		time.Sleep(50 * time.Millisecond)
	}
	tb.Fatalf("Xvfb did not start on %s", display)
	return ""
}
