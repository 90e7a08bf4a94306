package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A note changed at the same moment here and in a file is a conflict the
// command line can list and resolve.
func TestNotesConflictsAndResolve(t *testing.T) {
	db := newDB(t)
	dir := t.TempDir()
	if code, _, stderr := run(t, "--db", db, "notes", "add", "64", "--clause", "64/instructs/4", "--text", "原来的意见"); code != ExitOK {
		t.Fatal(stderr)
	}
	file := filepath.Join(dir, "mine.briefnotes")
	if code, _, stderr := run(t, "--db", db, "notes", "export", "-o", file); code != ExitOK {
		t.Fatal(stderr)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// Same note, same update time, other words: what a colleague's copy
	// edited at the same moment looks like.
	theirs := filepath.Join(dir, "theirs.briefnotes")
	if err := os.WriteFile(theirs, []byte(strings.Replace(string(b), "原来的意见", "同事的意见", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "--db", db, "notes", "import", theirs)
	if code != ExitOK || !strings.Contains(out, "1 conflicts") {
		t.Fatalf("import: exit %d, %q, %q", code, out, stderr)
	}

	var cs []conflictJSON
	code, out, _ = run(t, "--db", db, "notes", "conflicts", "--json")
	if code != ExitOK || json.Unmarshal([]byte(out), &cs) != nil || len(cs) != 1 {
		t.Fatalf("conflicts: exit %d, %q", code, out)
	}
	if cs[0].Local.Text != "原来的意见" || cs[0].Incoming.Text != "同事的意见" {
		t.Fatalf("conflict versions %+v", cs[0])
	}
	if code, out, _ = run(t, "--db", db, "notes", "conflicts"); code != ExitOK || !strings.Contains(out, "同事的意见") || !strings.Contains(out, "原来的意见") {
		t.Fatalf("conflicts text: %q", out)
	}

	id := strconv.FormatInt(cs[0].ID, 10)
	for _, bad := range [][]string{{"resolve", id}, {"resolve", "x", "--keep", "mine"}, {"resolve", "--keep", "both", id}} {
		if code, _, _ := run(t, append([]string{"--db", db, "notes"}, bad...)...); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", bad, code, ExitUsage)
		}
	}
	// The note's ID (or its start) names the conflict too.
	if code, _, stderr = run(t, "--db", db, "notes", "resolve", cs[0].Local.ID[:8], "--keep", "theirs"); code != ExitOK {
		t.Fatalf("resolve: %s", stderr)
	}
	if code, out, _ = run(t, "--db", db, "notes", "list"); code != ExitOK || !strings.Contains(out, "同事的意见") {
		t.Fatalf("after keeping theirs the note reads %q", out)
	}
	if code, out, _ = run(t, "--db", db, "notes", "conflicts", "--json"); code != ExitOK || strings.TrimSpace(out) != "[]" {
		t.Fatalf("conflicts left: %q", out)
	}
}
