package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The idle benchmark: what an idle window costs while a text field has the
// keyboard focus (its cursor blinking), BriefDesk with its search box
// focused (Ctrl+F, typed through xdotool as a person would) against the
// hello-world with a focused entry (testdata/hello -entry), same Xvfb
// display, same run, one after the other. Target: BriefDesk at most 1.5x
// the hello-world's CPU.
//
//	go test -run '^$' -bench GUIIdleFocused .
//
// BRIEFDESK_IDLE_SECONDS sets the measured span (default 20 s).

// idleSettle is how long a program gets to show its window before the
// focus key, and the measurement starts this long after the key.
const (
	idleSettle = 4 * time.Second
	idleAfter  = time.Second
)

func BenchmarkGUIIdleFocused(b *testing.B) {
	xvfb := needXvfb(b)
	if _, err := exec.LookPath("xdotool"); err != nil {
		if os.Getenv("CI") != "" {
			b.Fatal("xdotool is not installed (apt-get install xdotool): the search box cannot be focused")
		}
		b.Skip("xdotool is not installed (apt-get install xdotool): the search box cannot be focused")
	}
	span := 20 * time.Second
	if v := os.Getenv("BRIEFDESK_IDLE_SECONDS"); v != "" {
		s, err := strconv.Atoi(v)
		if err != nil || s <= 0 {
			b.Fatalf("BRIEFDESK_IDLE_SECONDS=%q: want a number of seconds", v)
		}
		span = time.Duration(s) * time.Second
	}
	dir := b.TempDir()
	app := goBuild(b, dir, "briefdesk", ".", "no_emoji,migrated_fynedo")
	hello := goBuild(b, dir, "hello", "./testdata/hello", "")
	display := xvfb.start(b)
	home := filepath.Join(dir, "home")
	benchEnv = []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"), "XDG_CACHE_HOME=" + filepath.Join(home, ".cache"), "XDG_DATA_HOME=" + filepath.Join(home, ".local/share")}
	db := filepath.Join(dir, "idle.db")
	// The first run creates the database and the font index.
	if out, err := runProbe(display, app, []string{"--db", db, "--probe-first-frame"}); err != nil {
		b.Fatalf("first run of %s: %v\n%s", app, err, out)
	}
	// One measurement of each, whatever -benchtime says: `make bench`
	// runs every benchmark 20 times, and each span is 20 s of wall time.
	helloPct, err := idleCPU(display, hello, []string{"-entry"}, "", span)
	if err != nil {
		b.Fatalf("hello: %v", err)
	}
	appPct, err := idleCPU(display, app, []string{"--db", db}, "ctrl+f", span)
	if err != nil {
		b.Fatalf("briefdesk: %v", err)
	}
	for b.Loop() {
	}
	b.ReportMetric(helloPct, "hello-cpu%")
	b.ReportMetric(appPct, "app-cpu%")
	if helloPct > 0 {
		b.ReportMetric(appPct/helloPct, "cpu-ratio")
	}
	b.ReportMetric(0, "ns/op") // the time per op is the measured span: not a figure
}

// idleCPU starts bin, presses key (if any) once its window is up, and
// returns the share of one core (percent) it used over span afterwards.
func idleCPU(display, bin string, args []string, key string, span time.Duration) (float64, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(append(os.Environ(), "DISPLAY="+display), benchEnv...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	time.Sleep(idleSettle)
	if key != "" {
		k := exec.Command("xdotool", "key", key)
		k.Env = append(os.Environ(), "DISPLAY="+display)
		if o, err := k.CombinedOutput(); err != nil {
			return 0, fmt.Errorf("xdotool key %s: %v\n%s", key, err, o)
		}
	}
	time.Sleep(idleAfter)
	t0, err := cpuTicks(cmd.Process.Pid)
	if err != nil {
		return 0, &runError{err, out.String()}
	}
	start := time.Now()
	time.Sleep(span)
	t1, err := cpuTicks(cmd.Process.Pid)
	if err != nil {
		return 0, &runError{err, out.String()}
	}
	// /proc counts in clock ticks of 1/100 s (USER_HZ on Linux).
	return float64(t1-t0) / 100 / time.Since(start).Seconds() * 100, nil
}

// cpuTicks is the user and system CPU time of process pid and all its
// threads (the GL rasteriser works in threads of its own), from
// /proc/PID/stat, in clock ticks.
func cpuTicks(pid int) (int64, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, err
	}
	// The command name (field 2) may hold spaces; fields count from after it.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, fmt.Errorf("unexpected /proc stat: %q", s)
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0, fmt.Errorf("unexpected /proc stat: %q", s)
	}
	// utime and stime are fields 14 and 15, i.e. 11 and 12 after the name.
	u, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("unexpected /proc stat: %q", s)
	}
	return u + st, nil
}
