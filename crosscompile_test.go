package main

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestCrossCompileWithoutCgo type-checks and vets, for macOS and Windows,
// every package of BriefDesk that needs no cgo (all but the GUI, which
// needs GLFW: macOS cannot be built here without Apple's SDK, and the
// Windows GUI is built and run under Wine by TestWindowsBuildUnderWine).
// An OS-specific file that does not compile elsewhere, or a package that
// starts to need cgo, fails here rather than on a delegate's laptop.
func TestCrossCompileWithoutCgo(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the compile check for macOS and Windows (a cold one compiles SQLite twice)")
	}
	for _, target := range []struct{ goos, goarch string }{{"darwin", "arm64"}, {"windows", "amd64"}} {
		t.Run(target.goos, func(t *testing.T) {
			env := append(os.Environ(), "GOOS="+target.goos, "GOARCH="+target.goarch)
			pkgs, cgo := noCgoPackages(t, env)
			t.Logf("checked without cgo: %s; needing cgo (GUI): %s", strings.Join(pkgs, " "), strings.Join(cgo, " "))
			// The packages a port depends on most must stay free of cgo.
			for _, want := range []string{"briefdesk/app", "briefdesk/data", "briefdesk/seeds", "briefdesk/ui/cli", "briefdesk/ui/pdf", "briefdesk/ui/tables", "briefdesk/data/briefnotes"} {
				if !slices.Contains(pkgs, want) {
					t.Errorf("%s now needs cgo on %s (through a dependency): the command line and the PDF must build without it", want, target.goos)
				}
			}
			cmd := exec.Command("go", append([]string{"vet", "-tags", "no_emoji,migrated_fynedo"}, pkgs...)...)
			cmd.Env = append(env, "CGO_ENABLED=0")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("GOOS=%s GOARCH=%s CGO_ENABLED=0 go vet: %v\n%s", target.goos, target.goarch, err, out)
			}
		})
	}
}

// noCgoPackages splits the module's packages into those with no cgo
// package among their dependencies on the target that env names (outside
// the standard library, whose cgo parts have pure Go fallbacks) and those
// with one. Which depend on cgo differs by system: Fyne's widgets use cgo
// on macOS only.
func noCgoPackages(t *testing.T, env []string) (without, with []string) {
	t.Helper()
	env = append(env, "CGO_ENABLED=1")
	cmd := exec.Command("go", "list", "-tags", "no_emoji,migrated_fynedo", "-deps", "-f", "{{if and .CgoFiles (not .Standard)}}{{.ImportPath}}{{end}}", "./...")
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	cgo := strings.Fields(string(out))
	cmd = exec.Command("go", "list", "-tags", "no_emoji,migrated_fynedo", "-f", "{{.ImportPath}} {{join .Deps \" \"}}", "./...")
	cmd.Env = env
	out, err = cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if slices.ContainsFunc(f, func(p string) bool { return slices.Contains(cgo, p) }) {
			with = append(with, f[0])
		} else {
			without = append(without, f[0])
		}
	}
	if len(cgo) == 0 || len(with) == 0 {
		t.Fatalf("no package needs cgo, yet the GUI does (GLFW): go list found %v", cgo)
	}
	return without, with
}
