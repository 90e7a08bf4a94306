package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// addNote adds a note with the command line and returns it.
func addNote(t *testing.T, db string, args ...string) noteJSON {
	t.Helper()
	var n noteJSON
	runJSON(t, &n, append([]string{"--db", db, "notes", "add", "--json"}, args...)...)
	return n
}

func noteByID(t *testing.T, db, id string) noteJSON {
	t.Helper()
	for _, n := range listNotes(t, db, "--deleted") {
		if n.ID == id {
			return n
		}
	}
	t.Fatalf("note %s not listed", id)
	return noteJSON{}
}

func TestNotesEdit(t *testing.T) {
	db := newDB(t)
	n := addNote(t, db, "44", "--text", "原文", "--stance", "watch", "--tag", "a", "--author", "Li")
	other := addNote(t, db, "72", "--text", "other", "--author", "Li")
	for _, tc := range []struct {
		name  string
		args  []string
		check func(got noteJSON) bool
	}{
		{"Text", []string{"--text", "新的文字"}, func(g noteJSON) bool { return g.Text == "新的文字" && g.Stance == "watch" }},
		{"Stance", []string{"--stance", "support"}, func(g noteJSON) bool { return g.Stance == "support" && g.Text == "新的文字" }},
		{"Tags", []string{"--tag", "x", "--tag", "y"}, func(g noteJSON) bool { return slices.Equal(g.Tags, []string{"x", "y"}) }},
		{"ClearTags", []string{"--tag", ""}, func(g noteJSON) bool { return len(g.Tags) == 0 }},
		{"Priority", []string{"--priority", "2"}, func(g noteJSON) bool { return g.Priority == 2 && g.Stance == "support" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got noteJSON
			// By the start of the ID, as notes list shows it.
			runJSON(t, &got, append([]string{"--db", db, "notes", "edit", n.ID[:8], "--json"}, tc.args...)...)
			if got.ID != n.ID || !tc.check(got) {
				t.Fatalf("edited note %+v", got)
			}
			if stored := noteByID(t, db, n.ID); !tc.check(stored) || stored.Updated < n.Updated {
				t.Fatalf("stored note %+v", stored)
			}
		})
	}
	if o := noteByID(t, db, other.ID); o.Text != "other" {
		t.Fatalf("another note changed: %+v", o)
	}
	code, stdout, _ := run(t, "--db", db, "notes", "edit", n.ID, "--text", "whole ID")
	if code != ExitOK || !strings.Contains(stdout, "Updated note "+n.ID) {
		t.Fatalf("edit by whole ID: exit %d, %q", code, stdout)
	}
}

// TestNotesEditRefuses: wrong usage exits 2, a missing or invalid note
// exits 1, and neither changes the note.
func TestNotesEditRefuses(t *testing.T) {
	db := newDB(t)
	n := addNote(t, db, "44", "--text", "keep", "--author", "Li")
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"NoChange", []string{"edit", n.ID}, ExitUsage, "what should change"},
		{"NoID", []string{"edit", "--text", "x"}, ExitUsage, "one note ID"},
		{"TwoIDs", []string{"delete", n.ID, n.ID}, ExitUsage, "one note ID"},
		{"ShortPrefix", []string{"edit", n.ID[:2], "--text", "x"}, ExitUsage, "too short"},
		{"BadStance", []string{"edit", n.ID, "--stance", "oppose"}, ExitUsage, "unknown stance"},
		{"BadPriority", []string{"edit", n.ID, "--priority", "7"}, ExitUsage, "--priority"},
		{"Unknown", []string{"edit", "ffffffff", "--text", "x"}, ExitFailure, "no note has an ID starting"},
		{"UnknownDelete", []string{"delete", "ffffffff-ffff-4fff-bfff-ffffffffffff"}, ExitFailure, "no note"},
		{"EmptyText", []string{"edit", n.ID, "--text", " "}, ExitFailure, "text is empty"},
		{"BELTag", []string{"edit", n.ID, "--tag", "a\ab"}, ExitFailure, "control character"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, append([]string{"--db", db, "notes"}, tc.args...)...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, tc.stderr)
			}
			if got := noteByID(t, db, n.ID); got.Text != "keep" || got.Updated != n.Updated || got.Deleted {
				t.Fatalf("note changed: %+v", got)
			}
		})
	}
}

func TestNotesDeleteRestore(t *testing.T) {
	db := newDB(t)
	n := addNote(t, db, "44", "--text", "to delete", "--author", "Li")
	steps := []struct {
		args    []string
		stdout  string
		deleted bool
	}{
		{[]string{"delete", n.ID[:6]}, "Deleted note " + n.ID, true},
		{[]string{"delete", n.ID}, "already deleted", true},
		{[]string{"restore", n.ID[:6]}, "Restored note " + n.ID, false},
		{[]string{"restore", n.ID}, "is not deleted", false},
		{[]string{"rm", n.ID}, "Deleted note", true},
	}
	for _, s := range steps {
		code, stdout, stderr := run(t, append([]string{"--db", db, "notes"}, s.args...)...)
		if code != ExitOK || !strings.Contains(stdout, s.stdout) {
			t.Fatalf("%q: exit %d, stdout %q, stderr %q", s.args, code, stdout, stderr)
		}
		live := listNotes(t, db)
		if got := noteByID(t, db, n.ID); got.Deleted != s.deleted || got.Text != "to delete" {
			t.Fatalf("%q: note %+v", s.args, got)
		}
		if (len(live) == 0) != s.deleted {
			t.Fatalf("%q: notes list shows %d notes", s.args, len(live))
		}
	}
	// A deleted note is not edited: restore first.
	code, _, stderr := run(t, "--db", db, "notes", "edit", n.ID, "--text", "x")
	if code != ExitFailure || !strings.Contains(stderr, "restore it first") {
		t.Fatalf("edit of a deleted note: exit %d, %q", code, stderr)
	}
	var j noteJSON
	runJSON(t, &j, "--db", db, "notes", "restore", n.ID, "--json")
	if j.ID != n.ID || j.Deleted {
		t.Fatalf("restore --json gave %+v", j)
	}
	runJSON(t, &j, "--db", db, "notes", "delete", n.ID, "--json")
	if !j.Deleted {
		t.Fatalf("delete --json gave %+v", j)
	}
	// The deletion travels: the export carries the tombstone.
	code, stdout, _ := run(t, "--db", db, "notes", "export")
	if code != ExitOK || !strings.Contains(stdout, `"deleted": true`) && !strings.Contains(stdout, `"deleted":true`) {
		t.Fatalf("export does not carry the deletion:\n%.300s", stdout)
	}
}

// TestNotesAmbiguousPrefix: a start of ID two notes share names neither.
func TestNotesAmbiguousPrefix(t *testing.T) {
	src := newDB(t)
	addNote(t, src, "44", "--text", "one", "--author", "Li")
	addNote(t, src, "72", "--text", "two", "--author", "Li")
	_, stdout, _ := run(t, "--db", src, "notes", "export")
	var m map[string]any
	if err := json.Unmarshal([]byte(stdout), &m); err != nil {
		t.Fatal(err)
	}
	for i, n := range m["notes"].([]any) {
		n.(map[string]any)["id"] = "abcd0000-0000-4000-8000-00000000000" + string(rune('1'+i))
	}
	b, _ := json.Marshal(m)
	file := filepath.Join(t.TempDir(), "x.briefnotes")
	os.WriteFile(file, b, 0o644)
	db := newDB(t)
	if code, _, stderr := run(t, "--db", db, "notes", "import", file); code != ExitOK {
		t.Fatal(stderr)
	}
	code, _, stderr := run(t, "--db", db, "notes", "delete", "abcd")
	if code != ExitUsage || !strings.Contains(stderr, "2 notes have an ID starting") {
		t.Fatalf("exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "--db", db, "notes", "delete", "abcd0000-0000-4000-8000-000000000002"); code != ExitOK {
		t.Fatal(stderr)
	}
	if live := listNotes(t, db); len(live) != 1 || live[0].ID != "abcd0000-0000-4000-8000-000000000001" {
		t.Fatalf("live notes %+v", live)
	}
}

func TestNotesHelpListsActions(t *testing.T) {
	code, stdout, _ := run(t, "help", "notes")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	for _, w := range []string{"notes edit ID", "notes delete ID", "notes restore ID"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("help notes does not list %q:\n%s", w, stdout)
		}
	}
}
