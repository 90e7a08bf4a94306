package cli

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"briefdesk/data"
)

// editNote changes a note's text through the data package, as the window
// would.
func editNote(t *testing.T, db, id, body string) {
	t.Helper()
	d, err := data.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	n, err := d.Note(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	n.Body = body
	if err := d.SaveNote(t.Context(), n); err != nil {
		t.Fatal(err)
	}
}

// conflictSetup: I write a note and export it; a colleague imports it and
// changes it; I change it too; then I import the colleague's file. It
// returns my database and the conflict.
func conflictSetup(t *testing.T) (string, conflictJSON) {
	t.Helper()
	mine, theirs, dir := newDB(t), newDB(t), t.TempDir()
	var saved noteJSON
	runJSON(t, &saved, "--db", mine, "notes", "add", "64", "--clause", "64/instructs/4", "--text", "原来的意见", "--json")
	out := filepath.Join(dir, "mine.briefnotes")
	if code, _, stderr := run(t, "--db", mine, "notes", "export", "-o", out); code != ExitOK {
		t.Fatal(stderr)
	}
	if code, _, stderr := run(t, "--db", theirs, "notes", "import", out); code != ExitOK {
		t.Fatal(stderr)
	}
	editNote(t, theirs, saved.ID, "同事的意见")
	back := filepath.Join(dir, "theirs.briefnotes")
	if code, _, stderr := run(t, "--db", theirs, "notes", "export", "-o", back); code != ExitOK {
		t.Fatal(stderr)
	}
	editNote(t, mine, saved.ID, "我的新意见")
	code, stdout, stderr := run(t, "--db", mine, "notes", "import", back)
	if code != ExitOK || !strings.Contains(stdout, "1 conflicts (changed on both sides)") || strings.Contains(stdout, "newer") {
		t.Fatalf("import: exit %d, %q, %q", code, stdout, stderr)
	}
	var cs []conflictJSON
	runJSON(t, &cs, "--db", mine, "notes", "conflicts", "--json")
	if len(cs) != 1 || cs[0].Local.Text != "我的新意见" || cs[0].Incoming.Text != "同事的意见" {
		t.Fatalf("conflicts %+v", cs)
	}
	return mine, cs[0]
}

// A note changed both here and in a colleague's copy since the version
// both had is a conflict the command line lists with both texts and
// resolves: keep mine, theirs, or both.
func TestNotesConflictsAndResolve(t *testing.T) {
	for _, c := range []struct {
		keep string
		want []string // the texts of the live notes afterwards
		said string
	}{
		{"mine", []string{"我的新意见"}, "kept your version"},
		{"theirs", []string{"同事的意见"}, "kept their version"},
		{"both", []string{"同事的意见", "我的新意见"}, "kept both"},
	} {
		t.Run(c.keep, func(t *testing.T) {
			db, cf := conflictSetup(t)
			code, out, _ := run(t, "--db", db, "notes", "conflicts")
			if code != ExitOK || !strings.Contains(out, "同事的意见") || !strings.Contains(out, "我的新意见") || !strings.Contains(out, "mine|theirs|both") {
				t.Fatalf("conflicts text: %q", out)
			}
			id := strconv.FormatInt(cf.ID, 10)
			for _, bad := range [][]string{{"resolve", id}, {"resolve", "x", "--keep", "mine"}, {"resolve", "--keep", "neither", id}} {
				if code, _, _ := run(t, append([]string{"--db", db, "notes"}, bad...)...); code != ExitUsage {
					t.Errorf("%q: exit %d, want %d", bad, code, ExitUsage)
				}
			}
			// The note's ID (or its start) names the conflict too.
			code, out, stderr := run(t, "--db", db, "notes", "resolve", cf.Local.ID[:8], "--keep", c.keep)
			if code != ExitOK || !strings.Contains(out, c.said) {
				t.Fatalf("resolve: exit %d, %q, %s", code, out, stderr)
			}
			var notes []noteJSON
			runJSON(t, &notes, "--db", db, "notes", "list", "--json")
			var texts []string
			for _, n := range notes {
				texts = append(texts, n.Text)
			}
			if strings.Join(slices.Sorted(slices.Values(texts)), "|") != strings.Join(c.want, "|") {
				t.Fatalf("after keeping %s the notes read %q, want %q", c.keep, texts, c.want)
			}
			if code, out, _ = run(t, "--db", db, "notes", "conflicts", "--json"); code != ExitOK || strings.TrimSpace(out) != "[]" {
				t.Fatalf("conflicts left: %q", out)
			}
		})
	}
}

// A colleague's deletion is listed as a deletion, not as the words it
// deleted (a tombstone keeps them): "keep theirs" would delete the note.
func TestNotesConflictsShowDeletion(t *testing.T) {
	mine, theirs, dir := newDB(t), newDB(t), t.TempDir()
	var saved noteJSON
	runJSON(t, &saved, "--db", mine, "notes", "add", "64", "--clause", "64/instructs/4", "--text", "原来的意见", "--json")
	out := filepath.Join(dir, "mine.briefnotes")
	if code, _, stderr := run(t, "--db", mine, "notes", "export", "-o", out); code != ExitOK {
		t.Fatal(stderr)
	}
	if code, _, stderr := run(t, "--db", theirs, "notes", "import", out); code != ExitOK {
		t.Fatal(stderr)
	}
	d, err := data.Open(t.Context(), theirs)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.DeleteNote(t.Context(), saved.ID); err != nil {
		t.Fatal(err)
	}
	d.Close()
	back := filepath.Join(dir, "theirs.briefnotes")
	if code, _, stderr := run(t, "--db", theirs, "notes", "export", "-o", back); code != ExitOK {
		t.Fatal(stderr)
	}
	editNote(t, mine, saved.ID, "我的新意见")
	if code, stdout, stderr := run(t, "--db", mine, "notes", "import", back); code != ExitOK || !strings.Contains(stdout, "1 conflicts") {
		t.Fatalf("import: exit %d, %q, %q", code, stdout, stderr)
	}
	code, listing, _ := run(t, "--db", mine, "notes", "conflicts")
	mineAt, theirsAt := strings.Index(listing, "mine:"), strings.Index(listing, "theirs:")
	if code != ExitOK || mineAt < 0 || theirsAt < mineAt {
		t.Fatalf("conflicts: exit %d, %q", code, listing)
	}
	if strings.Contains(listing[mineAt:theirsAt], "deleted") || !strings.Contains(listing[theirsAt:], "deletes the note") {
		t.Fatalf("the listing does not say which version deletes the note: %q", listing)
	}
}
