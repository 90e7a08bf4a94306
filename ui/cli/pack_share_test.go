package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackTravelsWithItsLanguage: a pack saved with its language and its
// optional parts, exported in a .briefnotes file and imported into a
// second database, prints there the very bytes it prints here (same
// --date), so a colleague handed a Chinese pack prints a Chinese pack.
// A pack that keeps the defaults is written without the new members.
func TestPackTravelsWithItsLanguage(t *testing.T) {
	for _, c := range []struct {
		name    string
		options []string // given to pack --save
		members []string // in the exported file
		absent  []string // not in the exported file
	}{
		{"ZHChecklistClauseIDs", []string{"--lang", "zh", "--checklist", "--clause-ids"},
			[]string{`"lang":"zh"`, `"checklist":true`, `"clause_ids":true`}, nil},
		{"ENClauseIDs", []string{"--lang", "en", "--clause-ids"},
			[]string{`"lang":"en"`, `"clause_ids":true`}, []string{`"checklist"`}},
		{"Defaults", nil, nil, []string{`"lang"`, `"checklist"`, `"clause_ids"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			mine, theirs := newDB(t), newDB(t)
			save := append([]string{"--db", mine, "pack", "--preset", "itu-d-sg1", "--title", "研究组1简报",
				"--date", "2026-12-07", "--save", "sg1"}, c.options...)
			if code, _, stderr := run(t, save...); code != ExitOK {
				t.Fatalf("save: exit %d, %s", code, stderr)
			}
			file := filepath.Join(dir, "sg1.briefnotes")
			if code, _, stderr := run(t, "--db", mine, "notes", "export", "--pack", "sg1", "-o", file); code != ExitOK {
				t.Fatalf("export: exit %d, %s", code, stderr)
			}
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range c.members {
				if !bytes.Contains(raw, []byte(m)) {
					t.Errorf("the file lacks %s:\n%s", m, raw)
				}
			}
			for _, m := range c.absent {
				if bytes.Contains(raw, []byte(m)) {
					t.Errorf("the file has %s, which a pack with the defaults leaves out:\n%s", m, raw)
				}
			}
			code, stdout, stderr := run(t, "--db", theirs, "notes", "import", file)
			if code != ExitOK || !strings.Contains(stdout, "1 added") {
				t.Fatalf("import: exit %d, %s%s", code, stdout, stderr)
			}

			print := func(db, name string, args ...string) []byte {
				t.Helper()
				out := filepath.Join(dir, name)
				args = append([]string{"--db", db, "pack"}, append(args, "--date", "2026-12-07", "-o", out)...)
				if code, _, stderr := run(t, args...); code != ExitOK {
					t.Fatalf("%v: exit %d, %s", args, code, stderr)
				}
				b, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
			here := print(mine, "mine.pdf", "--saved", "sg1")
			there := print(theirs, "theirs.pdf", "--saved", "sg1")
			if !bytes.Equal(here, there) {
				t.Errorf("the imported pack prints %d bytes that differ from the %d it prints where it was saved", len(there), len(here))
			}
			// The comparison means something only if the options change
			// the PDF: the same pack without them prints other bytes.
			if len(c.options) > 0 {
				plain := print(mine, "plain.pdf", "--preset", "itu-d-sg1", "--title", "研究组1简报", "--lang", "en")
				if bytes.Equal(plain, here) {
					t.Errorf("%v made no difference to the PDF", c.options)
				}
			}
		})
	}
}
