package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// module is this module's path: every package of ours starts with it.
const module = "briefdesk"

// layer says which of our packages a package may depend on, directly or
// not: the shape STYLE.md and issue 12 describe. app is the domain and
// stands alone; data (SQLite) and seeds (the source document's parser)
// stand on app alone and not on each other; the window, the command line,
// the PDF packs and the tables stand on app (and the leaf helpers assets
// and data/outfile), never on data or seeds; only main, which wires them
// together, imports the window or the command line.
func layer(pkg string) (allowed func(dep string) bool, ok bool) {
	under := func(dep string, roots ...string) bool {
		for _, r := range roots {
			if dep == r || strings.HasPrefix(dep, r+"/") {
				return true
			}
		}
		return false
	}
	switch {
	case pkg == module:
		return func(string) bool { return true }, true
	case pkg == "briefdesk/app", pkg == "briefdesk/assets", pkg == "briefdesk/data/tokenize":
		return func(string) bool { return false }, true
	case pkg == "briefdesk/data/outfile":
		return func(dep string) bool { return dep == "briefdesk/app" }, true
	case under(pkg, "briefdesk/data"):
		return func(dep string) bool { return dep == "briefdesk/app" || under(dep, "briefdesk/data") }, true
	case under(pkg, "briefdesk/seeds"):
		return func(dep string) bool { return dep == "briefdesk/app" || under(dep, "briefdesk/seeds") }, true
	case pkg == "briefdesk/ui":
		return func(dep string) bool {
			return under(dep, "briefdesk/app", "briefdesk/assets", "briefdesk/data/outfile") ||
				under(dep, "briefdesk/ui") && !under(dep, "briefdesk/ui/cli")
		}, true
	case pkg == "briefdesk/ui/cli":
		// The command line: the PDF packs, tables and text wrapping, but not
		// the window (it runs where there is no display).
		return func(dep string) bool {
			return under(dep, "briefdesk/app", "briefdesk/assets", "briefdesk/data/outfile") ||
				under(dep, "briefdesk/ui") && dep != "briefdesk/ui"
		}, true
	case under(pkg, "briefdesk/ui"):
		// Everything else under ui/ (pdf, tables, wrap, shell, widgets …)
		// serves the window and the command line, so it imports neither.
		return func(dep string) bool {
			return under(dep, "briefdesk/app", "briefdesk/assets", "briefdesk/data/outfile") ||
				under(dep, "briefdesk/ui") && dep != "briefdesk/ui" && !under(dep, "briefdesk/ui/cli")
		}, true
	}
	return nil, false
}

// TestLayering runs go list over every package of ours and checks each
// one's dependencies (direct or not, without tests) against layer, so an
// import that breaks the layering fails here rather than in review.
func TestLayering(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "-json", "-tags", "no_emoji,migrated_fynedo", "./...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	seen := 0
	for {
		var p struct {
			ImportPath string
			Deps       []string
		}
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("go list output: %v", err)
		}
		if p.ImportPath != module && !strings.HasPrefix(p.ImportPath, module+"/") {
			continue
		}
		seen++
		allowed, ok := layer(p.ImportPath)
		if !ok {
			t.Errorf("%s has no layer: add it to layer() in layering_test.go", p.ImportPath)
			continue
		}
		for _, d := range p.Deps {
			if (d == module || strings.HasPrefix(d, module+"/")) && !allowed(d) {
				t.Errorf("%s depends on %s, which its layer does not allow", p.ImportPath, d)
			}
		}
	}
	if seen < 10 {
		t.Fatalf("go list named only %d packages of ours", seen)
	}
}

// TestLayerRules: the rules themselves, on the imports that would break
// them, so that a rule too loose to catch anything fails here.
func TestLayerRules(t *testing.T) {
	for _, tc := range []struct {
		pkg, dep string
		want     bool
	}{
		{"briefdesk/app", "briefdesk/data", false},
		{"briefdesk/app", "briefdesk/ui/tables", false},
		{"briefdesk/data", "briefdesk/app", true},
		{"briefdesk/data", "briefdesk/data/briefnotes", true},
		{"briefdesk/data", "briefdesk/seeds", false},
		{"briefdesk/seeds", "briefdesk/data", false},
		{"briefdesk/seeds", "briefdesk/seeds/xref", true},
		{"briefdesk/data/outfile", "briefdesk/data", false},
		{"briefdesk/ui", "briefdesk/data", false},
		{"briefdesk/ui", "briefdesk/seeds", false},
		{"briefdesk/ui", "briefdesk/ui/cli", false},
		{"briefdesk/ui", "briefdesk/ui/pdf", true},
		{"briefdesk/ui", "briefdesk/data/outfile", true},
		{"briefdesk/ui/cli", "briefdesk/ui", false},
		{"briefdesk/ui/cli", "briefdesk/data", false},
		{"briefdesk/ui/cli", "briefdesk/ui/pdf", true},
		{"briefdesk/ui/pdf", "briefdesk/ui", false},
		{"briefdesk/ui/pdf", "briefdesk/ui/cli", false},
		{"briefdesk/ui/widget", "briefdesk/ui", false},
		{"briefdesk/ui/tables", "briefdesk/app", true},
		{"briefdesk", "briefdesk/data", true},
	} {
		allowed, ok := layer(tc.pkg)
		if !ok {
			t.Fatalf("%s has no layer", tc.pkg)
		}
		if got := allowed(tc.dep); got != tc.want {
			t.Errorf("%s may depend on %s: %v, want %v", tc.pkg, tc.dep, got, tc.want)
		}
	}
	if _, ok := layer("briefdesk/newthing"); ok {
		t.Error("a new top-level package got a layer without being added")
	}
}
