package ui

import (
	"fmt"
	"image"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// The start-up probe (Options.ProbeFirstFrame) and what it can report.
// With BRIEFDESK_PROBE_STATS=1 the probe prints, before exiting, when each
// start-up step finished, the Go heap and the process's resident memory;
// BRIEFDESK_PROBE_CPU=FILE and BRIEFDESK_PROBE_HEAP=FILE write pprof
// profiles of the start-up. None of this runs unless asked for.

// firstFrameProbe is a one-pixel raster: the painter calls its generator
// while drawing a frame, so the first call means the first frame showing
// the corpus is being drawn; the exit waits for the main loop, after that
// frame.
func firstFrameProbe() fyne.CanvasObject {
	var once sync.Once
	r := canvas.NewRaster(func(w, h int) image.Image {
		once.Do(func() {
			go fyne.Do(func() {
				probeStats()
				os.Exit(0)
			})
		})
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
	r.SetMinSize(fyne.NewSize(1, 1))
	r.Resize(fyne.NewSize(1, 1))
	return container.NewWithoutLayout(r)
}

// started is when the process began, near enough: package init.
var started = time.Now()

var (
	phaseMu sync.Mutex
	phases  []string
)

// phase records that start-up reached a step.
func phase(name string) {
	phaseMu.Lock()
	phases = append(phases, fmt.Sprintf("%s %v", name, time.Since(started).Round(time.Millisecond)))
	phaseMu.Unlock()
}

func startCPUProfile() {
	if p := os.Getenv("BRIEFDESK_PROBE_CPU"); p != "" {
		if f, err := os.Create(p); err == nil {
			pprof.StartCPUProfile(f)
		}
	}
}

// stopCPUProfile ends the profile BRIEFDESK_PROBE_CPU started, when the
// window closes without probing: then the profile covers the whole run
// (idle costs, a slow view). Without a profile running it does nothing.
func stopCPUProfile() { pprof.StopCPUProfile() }

// probeStats prints where start-up time and memory went.
func probeStats() {
	pprof.StopCPUProfile()
	if os.Getenv("BRIEFDESK_PROBE_STATS") == "" {
		return
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	phaseMu.Lock()
	fmt.Fprintf(os.Stderr, "probe: first frame %v; steps: %s\n", time.Since(started).Round(time.Millisecond), strings.Join(phases, ", "))
	phaseMu.Unlock()
	fmt.Fprintf(os.Stderr, "probe: Go heap in use %d MB, heap from OS %d MB, Go total %d MB, %d GCs, %d MB allocated\n",
		ms.HeapInuse>>20, ms.HeapSys>>20, ms.Sys>>20, ms.NumGC, ms.TotalAlloc>>20)
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		var mem []string
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "Rss") || strings.HasPrefix(l, "VmHWM") {
				mem = append(mem, strings.Join(strings.Fields(l), " "))
			}
		}
		fmt.Fprintln(os.Stderr, "probe:", strings.Join(mem, ", "))
	}
	if p := os.Getenv("BRIEFDESK_PROBE_HEAP"); p != "" {
		runtime.GC()
		if f, err := os.Create(p); err == nil {
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
}
