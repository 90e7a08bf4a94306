package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

// clauseOf returns the ID of the first clause of resolution n.
func clauseOf(t *testing.T, db string, n string) string {
	t.Helper()
	var s showJSON
	runJSON(t, &s, "--db", db, "show", n, "--json")
	return s.Clauses[0].ID
}

func listNotes(t *testing.T, db string, args ...string) []noteJSON {
	t.Helper()
	var ns []noteJSON
	runJSON(t, &ns, append([]string{"--db", db, "notes", "list", "--json"}, args...)...)
	return ns
}

func TestNotesAdd(t *testing.T) {
	t.Setenv("USER", "login-name")
	db := newDB(t)
	clause := clauseOf(t, db, "44")
	_, short, _ := strings.Cut(clause, "/")

	var saved noteJSON
	runJSON(t, &saved, "--db", db, "notes", "add", "44", "--clause", short, "--text", "支持加强对发展中国家的援助",
		"--stance", "support", "--tag", "capacity", "--tag", "SG1", "--priority", "1", "--json")
	if saved.ID == "" || saved.Resolution != 44 || saved.ClauseID != clause || saved.Stance != app.StanceSupport ||
		len(saved.Tags) != 2 || saved.Priority != 1 || saved.Author != "login-name" || saved.Imported {
		t.Errorf("saved note = %+v", saved)
	}

	// The author saved in the settings wins over the login name; --author over both.
	d, err := data.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	d.SetSetting(t.Context(), app.SettingAuthorName, "Li Wei")
	d.SetSetting(t.Context(), app.SettingAuthorDelegation, "China")
	d.Close()
	code, stdout, stderr := run(t, "--db", db, "notes", "add", "72", "--text", "watch EMF limits", "--stance", "watch")
	if code != ExitOK || !strings.Contains(stdout, "Saved note") {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	run(t, "--db", db, "notes", "add", "--author", "Ana", "2", "--text", "x")

	all := listNotes(t, db)
	if len(all) != 3 {
		t.Fatalf("%d notes, want 3", len(all))
	}
	byAuthor := map[string]noteJSON{}
	for _, n := range all {
		byAuthor[n.Author] = n
	}
	if n, ok := byAuthor["Li Wei"]; !ok || n.Delegation != "China" || n.Resolution != 72 || n.ClauseID != "" {
		t.Errorf("settings author not used: %+v", all)
	}
	if _, ok := byAuthor["Ana"]; !ok {
		t.Errorf("--author not used: %+v", all)
	}
	if got := listNotes(t, db, "--author", "Li Wei"); len(got) != 1 || got[0].Resolution != 72 {
		t.Errorf("--author filter gave %+v", got)
	}
	if got := listNotes(t, db, "--res", "44", "--stance", "support"); len(got) != 1 || got[0].ID != saved.ID {
		t.Errorf("--res/--stance filter gave %+v", got)
	}

	code, stdout, _ = run(t, "--db", db, "notes", "list")
	if code != ExitOK || !strings.Contains(stdout, "支持加强") || !strings.Contains(stdout, "#capacity") {
		t.Errorf("text list:\n%s", stdout)
	}
}

func TestNotesAddErrors(t *testing.T) {
	db := newDB(t)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"NoText", []string{"notes", "add", "44"}, ExitUsage, "needs --text"},
		{"NoNumber", []string{"notes", "add", "--text", "x"}, ExitUsage, "which resolution?"},
		{"BadStance", []string{"notes", "add", "44", "--text", "x", "--stance", "love"}, ExitUsage, `unknown stance "love"`},
		{"BadPriority", []string{"notes", "add", "44", "--text", "x", "--priority", "9"}, ExitUsage, "--priority"},
		{"OtherResClause", []string{"notes", "add", "44", "--clause", "50/resolves/1", "--text", "x"}, ExitUsage, "not in resolution 44"},
		{"NoSuchClause", []string{"notes", "add", "44", "--clause", "instructs/999", "--text", "x"}, ExitFailure, "44/instructs/999"},
		{"NoSuchResolution", []string{"notes", "add", "999", "--text", "x"}, ExitFailure, "999"},
		{"NoSubcommand", []string{"notes"}, ExitUsage, "notes what?"},
		{"BadSubcommand", []string{"notes", "erase"}, ExitUsage, `unknown notes command "erase"`},
		{"MineOthers", []string{"notes", "list", "--mine", "--others"}, ExitUsage, "exclude each other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, append([]string{"--db", db}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.stderr)
			}
		})
	}
	if n := listNotes(t, db); len(n) != 0 {
		t.Errorf("failed adds saved %d notes", len(n))
	}
}

func TestNotesRoundTrip(t *testing.T) {
	mine := newDB(t)
	clause := clauseOf(t, mine, "44")
	run(t, "--db", mine, "notes", "add", "44", "--clause", clause, "--text", "第一条备注", "--author", "Li Wei", "--stance", "concern")
	run(t, "--db", mine, "notes", "add", "72", "--text", "second note", "--author", "Li Wei", "--tag", "emf")
	run(t, "--db", mine, "notes", "add", "2", "--text", "someone else's", "--author", "Ana")

	file := filepath.Join(t.TempDir(), "li.briefnotes")
	code, stdout, stderr := run(t, "--db", mine, "notes", "export", "--author", "Li Wei", "-o", file)
	if code != ExitOK || !strings.Contains(stdout, "Exported 2 notes") {
		t.Fatalf("export: exit %d, %s%s", code, stdout, stderr)
	}
	raw, err := os.ReadFile(file)
	if err != nil || !json.Valid(raw) {
		t.Fatalf("export did not write JSON: %v", err)
	}

	theirs := newDB(t)
	code, stdout, stderr = run(t, "--db", theirs, "notes", "import", file, "--dry-run")
	if code != ExitOK || !strings.Contains(stdout, "2 added") || !strings.Contains(stdout, "Nothing was changed") {
		t.Fatalf("dry run: exit %d, %s%s", code, stdout, stderr)
	}
	if n := listNotes(t, theirs); len(n) != 0 {
		t.Fatalf("dry run imported %d notes", len(n))
	}

	var res importJSON
	runJSON(t, &res, "--db", theirs, "notes", "import", "--json", file)
	if res.Added != 2 || res.DryRun {
		t.Errorf("import = %+v", res)
	}
	got := listNotes(t, theirs)
	if len(got) != 2 {
		t.Fatalf("%d notes after import, want 2", len(got))
	}
	for _, n := range got {
		if !n.Imported || n.Author != "Li Wei" || n.File != "li.briefnotes" {
			t.Errorf("imported note = %+v", n)
		}
	}
	code, stdout, _ = run(t, "--db", theirs, "notes", "import", file)
	if code != ExitOK || !strings.Contains(stdout, "0 added") || !strings.Contains(stdout, "2 unchanged") {
		t.Errorf("second import: exit %d, %s", code, stdout)
	}

	// Export to standard output gives the same kind of file.
	code, stdout, _ = run(t, "--db", mine, "notes", "export", "--author", "Ana")
	if code != ExitOK || !json.Valid([]byte(stdout)) || !strings.Contains(stdout, "someone else's") {
		t.Errorf("export to stdout: exit %d\n%s", code, stdout)
	}
}

func TestNotesImportRejected(t *testing.T) {
	db := newDB(t)
	run(t, "--db", db, "notes", "add", "44", "--text", "keep me")
	dir := t.TempDir()
	files := map[string]string{
		"NotJSON":   "this is not a notes file",
		"Truncated": `{"format": "briefnotes", "version": 1, "notes": [`,
		"Other":     `{"format": "something-else", "version": 1}`,
	}
	for name, content := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name+".briefnotes")
			os.WriteFile(path, []byte(content), 0o644)
			code, stdout, stderr := run(t, "--db", db, "notes", "import", path)
			if code != ExitFailure || stdout != "" || !strings.Contains(strings.ToLower(stderr), "nothing") ||
				!strings.Contains(stderr, "not imported") {
				t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
		})
	}
	code, _, stderr := run(t, "--db", db, "notes", "import", filepath.Join(dir, "missing.briefnotes"))
	if code != ExitFailure || !strings.Contains(stderr, "cannot read") {
		t.Errorf("missing file: exit %d, stderr %q", code, stderr)
	}
	if n := listNotes(t, db); len(n) != 1 || n[0].Text != "keep me" {
		t.Errorf("rejected imports changed the notes: %+v", n)
	}
}
