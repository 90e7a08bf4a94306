package cli

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

// damageNotesTable gives the database at path more than a page of notes,
// then spoils the cells of the notes table's first leaf page, as in
// issue 9 §4.
func damageNotesTable(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	db, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 60 {
		n := app.Note{Resolution: 44, Author: app.Author{Name: "A"}, Body: fmt.Sprintf("note %d %s", i, strings.Repeat("支持", 200))}
		if err := db.SaveNote(ctx, &n); err != nil {
			t.Fatal(err)
		}
	}
	var page, size int64
	err = db.SQL().QueryRow("SELECT pageno, pgsize FROM dbstat WHERE name = 'notes' AND pagetype = 'leaf' ORDER BY path LIMIT 1").Scan(&page, &size)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	junk := make([]byte, size-8)
	r := rand.New(rand.NewPCG(3, 4))
	for i := range junk {
		junk[i] = byte(r.Uint32())
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(junk, (page-1)*size+8); err != nil {
		t.Fatal(err)
	}
}

// savedPacks lists the names of the packs saved in db.
func savedPacks(t *testing.T, db string) []string {
	t.Helper()
	var list []packJSON
	runJSON(t, &list, "--db", db, "pack", "--list", "--json")
	var names []string
	for _, p := range list {
		names = append(names, p.Name)
	}
	return names
}

// TestPackSaveAndPrint: `pack --save NAME -o FILE` saves the pack only
// when the PDF was printed, so that a failed print (a damaged notes
// table, an output that is a folder, a bad name) exits 1 or 2 having
// changed nothing, as its message says; and with "-o -" standard output
// holds the PDF alone, the report going to standard error.
func TestPackSaveAndPrint(t *testing.T) {
	for _, tc := range []struct {
		name    string
		damaged bool
		args    func(dir string) []string
		code    int
		stderr  string
		saved   bool
	}{
		{name: "Printed", args: func(dir string) []string { return []string{"-o", filepath.Join(dir, "p.pdf")} }, code: ExitOK, saved: true},
		{name: "DamagedNotes", damaged: true, args: func(dir string) []string {
			return []string{"--notes", "all", "-o", filepath.Join(dir, "p.pdf")}
		}, code: ExitFailure, stderr: "damaged"},
		{name: "OutputIsFolder", args: func(dir string) []string { return []string{"-o", dir} }, code: ExitFailure, stderr: "is a folder"},
		{name: "BadName", args: func(dir string) []string {
			return []string{"--save", "a\u202eb", "-o", filepath.Join(dir, "p.pdf")}
		}, code: ExitUsage, stderr: "the pack name contains U+202E"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := newDB(t)
			if tc.damaged {
				damageNotesTable(t, db)
			}
			dir := t.TempDir()
			args := append([]string{"--db", db, "pack", "--preset", "all", "--save", "mine"}, tc.args(dir)...)
			code, stdout, stderr := run(t, args...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, tc.stderr)
			}
			if got := len(savedPacks(t, db)) == 1; got != tc.saved {
				t.Errorf("pack saved: %v, want %v (stdout %q)", got, tc.saved, stdout)
			}
			if tc.code != ExitOK {
				if strings.Contains(stdout, "Saved") {
					t.Errorf("stdout %q says the pack was saved", stdout)
				}
				if n, _ := os.ReadDir(dir); len(n) != 0 {
					t.Errorf("the failed print left %v", n)
				}
			}
		})
	}
	t.Run("StandardOutput", func(t *testing.T) {
		db := newDB(t)
		code, stdout, stderr := run(t, "--db", db, "pack", "--preset", "all", "--save", "mine", "-o", "-")
		if code != ExitOK || !strings.HasPrefix(stdout, "%PDF-") {
			t.Fatalf("exit %d; stdout starts %.40q; want a PDF and nothing before it (stderr %q)", code, stdout, stderr)
		}
		if !strings.Contains(stderr, `Saved pack "mine"`) {
			t.Errorf("stderr %q does not say the pack was saved", stderr)
		}
	})
}
