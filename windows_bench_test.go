package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkWindowsStartup measures start to first frame and peak resident
// memory of the Windows build under Wine next to the Linux build, in the
// same run on the same Xvfb display, with the probe flag the GUI start-up
// benchmark uses (the program exits once its first frame shows the
// corpus). Wine is not Windows: the figures say how far the Windows build
// is from the Linux one here, not what a delegate's laptop does. The
// Wine figure is the BriefDesk process alone; the wineserver, kept up
// between runs, is not counted.
//
//	go test -run '^$' -bench WindowsStartup -benchtime 5x .
func BenchmarkWindowsStartup(b *testing.B) {
	r := newWineRig(b)
	winDB := filepath.Join(r.dir, "张 伟", "bench.db")
	linDB := filepath.Join(r.dir, "linux", "bench.db")
	// measure and runProbe (gui_bench_test.go) add benchEnv to their
	// environment: the rig's HOME, locale and Wine prefix.
	benchEnv = nil
	for _, kv := range r.env {
		if strings.HasPrefix(kv, "HOME=") || strings.HasPrefix(kv, "LANG=") || strings.HasPrefix(kv, "WINE") {
			benchEnv = append(benchEnv, kv)
		}
	}
	defer func() { benchEnv = nil }()
	// timeout(1) stops a run that never draws; its rusage includes the
	// peak memory of the program it waited for.
	winArgs := []string{"120", "wine", r.exe, "--db", winPath(winDB), "--probe-first-frame"}
	linArgs := []string{"--db", linDB, "--probe-first-frame"}
	// The first runs create the databases; the benchmark measures the
	// everyday start.
	if out, err := runProbe(r.display, "timeout", winArgs); err != nil {
		b.Fatalf("first run of BriefDesk.exe under Wine: %v\n%s", err, out)
	}
	if out, err := runProbe(r.display, r.linux, linArgs); err != nil {
		b.Fatalf("first run of the Linux build: %v\n%s", err, out)
	}
	var wins, lins []startupRun
	for b.Loop() {
		l, err := measure(r.display, r.linux, linArgs)
		if err != nil {
			b.Fatalf("linux: %v", err)
		}
		w, err := measure(r.display, "timeout", winArgs)
		if err != nil {
			b.Fatalf("wine: %v", err)
		}
		lins, wins = append(lins, l), append(wins, w)
	}
	lm, wm := median(lins), median(wins)
	b.ReportMetric(float64(lm.wall.Milliseconds()), "linux-ms")
	b.ReportMetric(float64(wm.wall.Milliseconds()), "wine-ms")
	b.ReportMetric(float64(lm.rss)/(1<<20), "linux-MB")
	b.ReportMetric(float64(wm.rss)/(1<<20), "wine-MB")
	b.ReportMetric(0, "ns/op") // the per-op time mixes both programs: not a figure
}
