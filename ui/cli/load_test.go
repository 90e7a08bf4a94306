package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefdesk/seeds"
)

// rowsDump is every resolution and clause as `show --json` gives them: the
// text a person sees, to compare before and after a refused load.
func rowsDump(t *testing.T, db string) string {
	t.Helper()
	var b strings.Builder
	for _, n := range []string{"2", "44", "72", "100"} {
		code, out, stderr := run(t, "--db", db, "show", n, "--json")
		if code != ExitOK {
			t.Fatalf("show %s: exit %d: %s", n, code, stderr)
		}
		b.WriteString(out)
	}
	return b.String()
}

func TestLoadRefusesWhatIsNotTheDocument(t *testing.T) {
	db := newDB(t)
	dir := t.TempDir()
	before := rowsDump(t, db)
	half := seeds.Document[:len(seeds.Document)/2]
	for _, c := range []struct {
		name, content, want string
	}{
		{"Prose", "Just a letter.\nDear colleagues,\n", "line 1: expected"},
		{"Truncated", string(half), "line"},
		{"Binary", "\x00\x01\x02PK\x03\x04", ""},
		{"Empty", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, c.name+".txt")
			if err := os.WriteFile(p, []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := run(t, "--db", db, "load", p)
			if code != ExitFailure {
				t.Fatalf("exit %d, want %d (stderr %q)", code, ExitFailure, stderr)
			}
			if !strings.Contains(stderr, "nothing was changed") || !strings.Contains(stderr, c.want) {
				t.Fatalf("stderr %q should say what was expected (%q) and that nothing changed", stderr, c.want)
			}
		})
	}
	if after := rowsDump(t, db); after != before {
		t.Fatal("a refused load changed the resolutions")
	}
	if code, _, _ := run(t, "--db", db, "load", filepath.Join(dir, "missing.txt")); code != ExitFailure {
		t.Fatalf("a missing file: exit %d", code)
	}
	if code, _, _ := run(t, "--db", db, "load"); code != ExitUsage {
		t.Fatalf("no file: exit %d, want %d", code, ExitUsage)
	}
}

// A new edition replaces the text, keeps the notes and marks the one whose
// clause changed; loading the built-in text again re-anchors it.
func TestLoadNewEditionKeepsNotes(t *testing.T) {
	db := newDB(t)
	if code, _, stderr := run(t, "--db", db, "notes", "add", "72", "--clause", "72/instructs/4", "--text", "支持"); code != ExitOK {
		t.Fatalf("notes add: %s", stderr)
	}
	old := "任命评估和测量EMF暴露领域的专家"
	if !strings.Contains(string(seeds.Document), old) {
		t.Fatal("the document changed; pick another clause to edit")
	}
	edition := strings.Replace(string(seeds.Document), old, "任命评估EMF暴露领域的专家", 1)
	p := filepath.Join(t.TempDir(), "edition2.txt")
	if err := os.WriteFile(p, []byte(edition), 0o644); err != nil {
		t.Fatal(err)
	}

	var dry loadJSON
	code, out, stderr := run(t, "--db", db, "load", p, "--dry-run", "--json")
	if code != ExitOK || json.Unmarshal([]byte(out), &dry) != nil || !dry.DryRun || dry.Resolutions != 28 {
		t.Fatalf("dry run: exit %d, %q, %q", code, out, stderr)
	}
	if dry.Unchanged || dry.NeedAnchor != 1 {
		t.Fatalf("dry run of a new edition: %+v, want a change with 1 note to re-anchor", dry)
	}

	var got loadJSON
	code, out, stderr = run(t, "--db", db, "load", p, "--json")
	if code != ExitOK || json.Unmarshal([]byte(out), &got) != nil {
		t.Fatalf("load: exit %d, %q, %q", code, out, stderr)
	}
	if got.Unchanged || got.NeedAnchor != 1 {
		t.Fatalf("load of a new edition: %+v, want replaced with 1 note to re-anchor", got)
	}
	code, out, _ = run(t, "--db", db, "show", "72", "--json")
	if code != ExitOK || !strings.Contains(out, "任命评估EMF暴露领域的专家") {
		t.Fatal("the new text is not shown")
	}
	code, out, _ = run(t, "--db", db, "load", p, "--json")
	if code != ExitOK || json.Unmarshal([]byte(out), &got) != nil || !got.Unchanged {
		t.Fatalf("loading the same edition again: %q", out)
	}
	code, out, _ = run(t, "--db", db, "load", "--builtin", "--json")
	if code != ExitOK || json.Unmarshal([]byte(out), &got) != nil || got.Unchanged || got.NeedAnchor != 0 {
		t.Fatalf("back to the built-in text: %q", out)
	}
}
