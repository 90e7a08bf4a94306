package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The Windows build is tested on every run under Wine: `make windows-zip`
// cross-builds the zip a delegate downloads (mingw-w64, the same target as
// `make package-windows`), the test unpacks BriefDesk.exe from it and runs
// it in a fresh Wine prefix under Xvfb next to the Linux build, and checks
// that both write the same bytes. Without Wine, mingw or Xvfb the tests are
// skipped with a message, and fail when CI is set; -short skips them (the
// cold cross-build compiles GLFW for Windows: about 10 minutes).
//
// Go programs load ProcessPrng from bcryptprimitives.dll at start, which
// Wine 8 lacks; testdata/wine/bcryptprimitives.c is a stand-in built here
// and copied into the test prefix only. It is never shipped.

// wineRig is the Windows build under Wine and the Linux build, ready to run.
type wineRig struct {
	dir     string   // the test's temp folder
	exe     string   // BriefDesk.exe unpacked from the zip
	cliExe  string   // briefdesk-cli.exe, its console twin
	zip     string   // the zip as `make windows-zip` wrote it
	linux   string   // the Linux build
	prefix  string   // WINEPREFIX
	display string   // the Xvfb display both run on
	env     []string // environment of every wine command
	// The working folders of the Windows and the Linux runs. Windows's
	// has Chinese characters and a space, as a user profile C:\Users\张 伟\
	// may; files the tests write are named relative to them, so both
	// builds print the same.
	winDir, linDir string
}

// wineTools are the programs the rig needs, with the package that has them.
var wineTools = []struct{ prog, pkg string }{
	{"wine", "wine wine64"}, {"wineboot", "wine"}, {"wineserver", "wine"},
	{"x86_64-w64-mingw32-gcc", "gcc-mingw-w64-x86-64"}, {"zip", "zip"}, {"make", "make"},
	{"Xvfb", "xvfb"}, {"xwininfo", "x11-utils"}, {"import", "imagemagick"},
}

// noWine skips the test, or fails it on CI, where the rig cannot be set up.
func noWine(tb testing.TB, format string, args ...any) {
	tb.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") != "" {
		tb.Fatalf("%s (CI is set: the Windows build must be tested; .ci/deps --test installs it)", msg)
	}
	tb.Skipf("%s: the Windows build is not tested here", msg)
}

// newWineRig builds everything and initialises the Wine prefix. The two
// builds and the prefix's initialisation run side by side.
func newWineRig(tb testing.TB) *wineRig {
	tb.Helper()
	if testing.Short() {
		tb.Skip("-short: skipping the Windows build under Wine (the cold cross-build takes about 10 minutes)")
	}
	for _, tool := range wineTools {
		if _, err := exec.LookPath(tool.prog); err != nil {
			noWine(tb, "%s is not installed (apt-get install %s)", tool.prog, tool.pkg)
		}
	}
	start := time.Now()
	dir := tb.TempDir()
	r := &wineRig{dir: dir, prefix: filepath.Join(dir, "wine"), winDir: filepath.Join(dir, "张 伟"), linDir: filepath.Join(dir, "linux")}
	xp, _ := exec.LookPath("Xvfb")
	r.display = xvfb{xp}.start(tb)
	for _, d := range []string{r.winDir, r.linDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			tb.Fatal(err)
		}
	}
	// Wine passes the Unix environment on to Windows programs; the XDG
	// variables would steer BriefDesk's data folder, which Windows never
	// sets. HOME of its own: wineboot links the prefix's user folders
	// (Desktop, Documents) to folders under it. Wine turns file names and
	// arguments into UTF-16 through the Unix locale's character set: it
	// must be UTF-8 for 张 伟 to arrive intact (this test binary has
	// cleared a C.UTF-8 LANG, see ui/posixlocale).
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(k, "XDG_") && !strings.HasPrefix(k, "BRIEFDESK_") && !strings.HasPrefix(k, "WINE") && !strings.HasPrefix(k, "LC_") &&
			k != "HOME" && k != "LANG" && k != "LANGUAGE" {
			r.env = append(r.env, kv)
		}
	}
	r.env = append(r.env, "LANG=C.UTF-8", "HOME="+filepath.Join(dir, "home"), "DISPLAY="+r.display,
		"WINEPREFIX="+r.prefix, "WINEARCH=win64", "WINEDEBUG=-all",
		// No prompts to install Wine's Mono and Gecko: BriefDesk needs neither.
		"WINEDLLOVERRIDES=mscoree,mshtml=")

	var wg sync.WaitGroup
	var buildErr, wineErr error
	var dll string
	var buildTime, wineTime time.Duration
	wg.Add(2)
	go func() {
		defer wg.Done()
		r.zip, buildErr = makeWindowsZip(filepath.Join(dir, "dist"), filepath.Join(dir, "build"))
		if buildErr == nil {
			r.linux, buildErr = buildLinux(dir)
		}
		buildTime = time.Since(start)
	}()
	go func() {
		defer wg.Done()
		dll, wineErr = buildStandInDLL(dir)
		if wineErr == nil {
			wineErr = r.initPrefix()
		}
		wineTime = time.Since(start)
	}()
	wg.Wait()
	tb.Cleanup(r.stopWineserver)
	if buildErr != nil {
		tb.Fatal(buildErr)
	}
	if wineErr != nil {
		tb.Fatal(wineErr)
	}
	if err := copyFile(dll, filepath.Join(r.prefix, "drive_c", "windows", "system32", "bcryptprimitives.dll")); err != nil {
		tb.Fatal(err)
	}
	exe, err := unzipFile(r.zip, "BriefDesk.exe", filepath.Join(dir, "unzipped"))
	if err != nil {
		tb.Fatal(err)
	}
	r.exe = exe
	cli, err := unzipFile(r.zip, "briefdesk-cli.exe", filepath.Join(dir, "unzipped"))
	if err != nil {
		tb.Fatal(err)
	}
	r.cliExe = cli
	tb.Logf("ready in %.1f s: Windows zip and Linux build %.1f s, Wine prefix %.1f s", time.Since(start).Seconds(), buildTime.Seconds(), wineTime.Seconds())
	return r
}

// makeWindowsZip runs the Makefile's target, so the tests run what a
// delegate downloads.
func makeWindowsZip(dist, build string) (string, error) {
	cmd := exec.Command("make", "--no-print-directory", "windows-zip", "DIST="+dist, "WIN_DIR="+build)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("make windows-zip: %v\n%s", err, out)
	}
	zips, _ := filepath.Glob(filepath.Join(dist, "BriefDesk-*-windows-amd64.zip"))
	if len(zips) != 1 {
		return "", fmt.Errorf("make windows-zip wrote %v to %s, want one BriefDesk-<version>-windows-amd64.zip", zips, dist)
	}
	return zips[0], nil
}

func buildLinux(dir string) (string, error) {
	bin := filepath.Join(dir, "briefdesk-linux")
	cmd := exec.Command("go", "build", "-tags", "no_emoji,migrated_fynedo", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build (linux): %v\n%s", err, out)
	}
	return bin, nil
}

// buildStandInDLL compiles testdata/wine/bcryptprimitives.c with mingw.
func buildStandInDLL(dir string) (string, error) {
	dll := filepath.Join(dir, "bcryptprimitives.dll")
	cmd := exec.Command("x86_64-w64-mingw32-gcc", "-shared", "-O2", "-o", dll,
		"testdata/wine/bcryptprimitives.c", "testdata/wine/bcryptprimitives.def", "-ladvapi32")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build the bcryptprimitives.dll stand-in: %v\n%s", err, out)
	}
	return dll, nil
}

// initPrefix creates the Wine prefix with a wineserver that stays up
// between the runs (not started anew for each), until a minute after the
// last one should the cleanup be missed.
func (r *wineRig) initPrefix() error {
	for _, d := range []string{filepath.Join(r.dir, "home"), r.prefix} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	// The persistent wineserver starts after wineboot and the server it
	// started have finished: wineboot under a persistent one takes 100 s
	// instead of 10.
	if out, err := r.wineCmd("wineboot", "-i").CombinedOutput(); err != nil {
		return fmt.Errorf("wineboot -i: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(r.prefix, "drive_c", "windows", "system32")); err != nil {
		return fmt.Errorf("wineboot made no prefix: %v", err)
	}
	r.wineCmd("wineserver", "-w").Run()
	if err := r.wineCmd("wineserver", "-p60").Run(); err != nil {
		return fmt.Errorf("wineserver -p60: %v", err)
	}
	return nil
}

func (r *wineRig) stopWineserver() {
	r.wineCmd("wineserver", "-k").Run()
	r.wineCmd("wineserver", "-w").Run()
}

func (r *wineRig) wineCmd(prog string, args ...string) *exec.Cmd {
	cmd := exec.Command(prog, args...)
	cmd.Env = r.env
	cmd.Dir = r.winDir
	return cmd
}

// result is what a run printed and its exit status.
type result struct {
	stdout, stderr []byte
	code           int
}

func (res result) String() string {
	return fmt.Sprintf("exit %d, stdout %q, stderr %q", res.code, clip(res.stdout), clip(res.stderr))
}

func clip(b []byte) string {
	if len(b) > 400 {
		return string(b[:400]) + "…"
	}
	return string(b)
}

// win runs BriefDesk.exe under Wine.
func (r *wineRig) win(t testing.TB, args ...string) result {
	t.Helper()
	return run(t, r.wineCmd("wine", append([]string{r.exe}, args...)...))
}

// lin runs the Linux build with the same environment as the test.
func (r *wineRig) lin(t testing.TB, args ...string) result {
	t.Helper()
	cmd := exec.Command(r.linux, args...)
	cmd.Dir = r.linDir
	cmd.Env = append(os.Environ(), "HOME="+filepath.Join(r.dir, "home"))
	return run(t, cmd)
}

// runLimit bounds one command: a program hung under Wine (a dialog no one
// answers) fails its test instead of the whole run.
const runLimit = 2 * time.Minute

func run(t testing.TB, cmd *exec.Cmd) result {
	t.Helper()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	// Wine's services, started by the first program, inherit its output
	// pipes and live on with the wineserver: stop waiting for them soon
	// after the program itself has exited.
	cmd.WaitDelay = 3 * time.Second
	if err := cmd.Start(); err != nil {
		t.Fatalf("%s: %v", strings.Join(cmd.Args, " "), err)
	}
	timer := time.AfterFunc(runLimit, func() { cmd.Process.Kill() })
	err := cmd.Wait()
	if !timer.Stop() {
		t.Fatalf("%s did not finish in %v and was stopped:\nstdout %q\nstderr %q", strings.Join(cmd.Args, " "), runLimit, clip(out.Bytes()), clip(errb.Bytes()))
	}
	var ee *exec.ExitError
	// ErrWaitDelay: the program exited and its output was read, but a
	// process it started still holds the pipe.
	if err != nil && !errors.As(err, &ee) && !errors.Is(err, exec.ErrWaitDelay) {
		t.Fatalf("%s: %v", strings.Join(cmd.Args, " "), err)
	}
	return result{out.Bytes(), errb.Bytes(), cmd.ProcessState.ExitCode()}
}

// winPath is how a Windows program names a file of this machine: Wine maps
// drive Z: to /.
func winPath(p string) string { return `Z:` + strings.ReplaceAll(p, "/", `\`) }

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o755)
}

// unzipFile extracts one file of a zip into dir.
func unzipFile(zipPath, name, dir string) (string, error) {
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		return "", err
	}
	defer zr.Close()
	f, err := zr.Open(name)
	if err != nil {
		return "", fmt.Errorf("%s: %v", zipPath, err)
	}
	defer f.Close()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	out := filepath.Join(dir, name)
	w, err := os.OpenFile(out, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(w, f); err != nil {
		w.Close()
		return "", err
	}
	return out, w.Close()
}
