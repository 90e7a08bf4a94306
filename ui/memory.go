package ui

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// limitMemory keeps the Go heap near what BriefDesk really uses.
//
// The live heap is small (about 35 MB, half of it the two parsed Noto
// faces) but start-up and text drawing allocate in bursts (fonts parsed
// from copied tables, each text rasterised into a fresh image), and with
// the default GOGC=100 the heap grows to twice the live size before the
// collector runs; those pages stay resident. A soft limit of 48 MiB makes
// the collector run sooner during the burst (measured: peak RSS 20 MB
// lower, start-up time unchanged). Afterwards the limit follows the live
// heap (1.5x plus 8 MB), so a bigger working set (the Tables view, a PDF
// export) never makes the collector run non-stop. GOMEMLIMIT, if set,
// wins.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	limitOnce.Do(startLimit)
}

var limitOnce sync.Once

func startLimit() {
	const floor = 48 << 20
	debug.SetMemoryLimit(floor)
	go func() {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for range time.Tick(2 * time.Second) {
			metrics.Read(sample)
			if sample[0].Value.Kind() != metrics.KindUint64 {
				return
			}
			live := int64(sample[0].Value.Uint64())
			debug.SetMemoryLimit(max(floor, live*3/2+8<<20))
		}
	}()
}
