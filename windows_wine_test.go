package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestWindowsBuildUnderWine runs the packaged BriefDesk.exe under Wine next
// to the Linux build (see windows_rig_test.go) and checks that a delegate
// on Windows gets the same results, files and exit codes as one on Linux.
func TestWindowsBuildUnderWine(t *testing.T) {
	start := time.Now()
	r := newWineRig(t)
	// Windows keeps its database in a folder named with Chinese characters
	// and a space, given as a drive-letter path with backslashes.
	winDB := filepath.Join(r.winDir, "briefdesk.db")
	linDB := filepath.Join(r.linDir, "briefdesk.db")
	win := func(t *testing.T, args ...string) result {
		t.Helper()
		return r.win(t, append([]string{"--db", winPath(winDB)}, args...)...)
	}
	lin := func(t *testing.T, args ...string) result {
		t.Helper()
		return r.lin(t, append([]string{"--db", linDB}, args...)...)
	}

	t.Run("Package", func(t *testing.T) { checkWindowsZip(t, r.zip) })

	// The same commit gives the same zip, byte for byte (a second build
	// with a warm cache only links: seconds).
	t.Run("Reproducible", func(t *testing.T) {
		again, err := makeWindowsZip(filepath.Join(t.TempDir(), "dist"), filepath.Join(t.TempDir(), "build"))
		if err != nil {
			t.Fatal(err)
		}
		sameFile(t, again, r.zip, "PK")
	})

	t.Run("ChineseFolderWithSpaces", func(t *testing.T) {
		// The first command makes the database and loads the corpus.
		if res := win(t, "list", "--json"); res.code != 0 {
			t.Fatalf("list on a new database in %s: %v", winPath(winDB), res)
		}
		if res := win(t, "check"); res.code != 0 {
			t.Fatalf("check of the database in %s: %v", winPath(winDB), res)
		}
		head := make([]byte, 16)
		f, err := os.Open(winDB)
		if err != nil {
			t.Fatalf("the Windows build made no database at %s: %v", winDB, err)
		}
		defer f.Close()
		if _, err := f.Read(head); err != nil || string(head) != "SQLite format 3\x00" {
			t.Fatalf("%s is not a SQLite database", winDB)
		}
	})

	// Byte for byte the same output on both systems: no CRLF, no
	// backslashes, the same JSON.
	t.Run("SameOutput", func(t *testing.T) {
		for _, args := range [][]string{
			{"list", "--json"},
			{"show", "44", "--json"},
			{"search", "电信发展局主任", "--json"},
			{"refs", "--json"},
			{"list"},
			{"show", "44"},
			{"overview"},
		} {
			t.Run(strings.Join(args, "_"), func(t *testing.T) {
				w, l := win(t, args...), lin(t, args...)
				if l.code != 0 || len(l.stdout) == 0 {
					t.Fatalf("linux: %v", l)
				}
				sameRun(t, w, l)
			})
		}
	})

	t.Run("SameFiles", func(t *testing.T) {
		for _, c := range []struct {
			name string
			args []string
			head string
		}{
			{"简报 pack.pdf", []string{"pack", "--preset", "itu-d-sg2", "--date", "2026-05-18", "--author", "张伟"}, "%PDF-"},
			{"matrix.csv", []string{"table", "matrix", "--kind", "itu-d-question"}, "\ufeff"},
			{"side by side.csv", []string{"table", "side-by-side", "--res", "44,50"}, "\ufeff"},
		} {
			t.Run(c.name, func(t *testing.T) {
				args := append(c.args, "-o", c.name)
				sameRun(t, win(t, args...), lin(t, args...))
				sameFile(t, filepath.Join(r.winDir, c.name), filepath.Join(r.linDir, c.name), c.head)
			})
		}
	})

	t.Run("NotesRoundTrip", func(t *testing.T) {
		shared := notesRoundTrip(t, r, win, lin)
		// Two new databases that import the same file hold the same notes
		// (each note also records the file it came from): a pack with
		// them is the same file too.
		args := []string{"pack", "--preset", "all", "--notes", "all", "--date", "2026-05-18", "-o", "notes.pdf"}
		winDB2, linDB2 := filepath.Join(r.winDir, "pack.db"), filepath.Join(r.linDir, "pack.db")
		for _, res := range []result{
			r.win(t, "--db", winPath(winDB2), "notes", "import", shared),
			r.lin(t, "--db", linDB2, "notes", "import", filepath.Join(r.winDir, shared)),
		} {
			if res.code != 0 {
				t.Fatalf("notes import into a new database: %v", res)
			}
		}
		sameRun(t, r.win(t, append([]string{"--db", winPath(winDB2)}, args...)...), r.lin(t, append([]string{"--db", linDB2}, args...)...))
		sameFile(t, filepath.Join(r.winDir, "notes.pdf"), filepath.Join(r.linDir, "notes.pdf"), "%PDF-")
	})

	t.Run("ExitCodes", func(t *testing.T) {
		for _, c := range []struct {
			name string
			args []string
			want int
			// osText: the message quotes the system's own words for the
			// error ("File not found." / "no such file or directory"),
			// which rightly differ.
			osText bool
		}{
			{"Done", []string{"list", "--status", "new"}, 0, false},
			{"Failed", []string{"show", "9999"}, 1, false},
			{"FailedFile", []string{"notes", "import", "no such file.briefnotes"}, 1, true},
			{"WrongUsage", []string{"list", "--bogus"}, 2, false},
			{"UnknownCommand", []string{"lsit"}, 2, false},
		} {
			t.Run(c.name, func(t *testing.T) {
				w, l := win(t, c.args...), lin(t, c.args...)
				if l.code != c.want {
					t.Fatalf("linux exits %d, want %d: %v", l.code, c.want, l)
				}
				if c.osText {
					w.stderr = osErrText.ReplaceAll(w.stderr, []byte("(…)"))
					l.stderr = osErrText.ReplaceAll(l.stderr, []byte("(…)"))
				}
				sameRun(t, w, l)
			})
		}
	})

	// The console twin prints, fails and exits as the window program does.
	t.Run("ConsoleTwin", func(t *testing.T) {
		for _, args := range [][]string{{"show", "44", "--json"}, {"show", "9999"}, {"list", "--bogus"}} {
			t.Run(strings.Join(args, "_"), func(t *testing.T) {
				cli := run(t, r.wineCmd("wine", append([]string{r.cliExe, "--db", winPath(winDB)}, args...)...))
				sameRun(t, cli, lin(t, args...))
			})
		}
	})

	// --db as Windows users write it: forward slashes after a drive
	// letter, a relative path with a backslash, a \\?\ long path. (UNC
	// paths \\server\share cannot be tried: Wine has no shares.)
	t.Run("DBPathForms", func(t *testing.T) {
		for _, c := range []struct{ name, arg, file string }{
			{"ForwardSlashes", "Z:" + filepath.Join(r.winDir, "fwd.db"), "fwd.db"},
			{"RelativeBackslash", `sub\rel.db`, filepath.Join("sub", "rel.db")},
			{"LongPathPrefix", `\\?\` + winPath(filepath.Join(r.winDir, "long.db")), "long.db"},
		} {
			t.Run(c.name, func(t *testing.T) {
				if err := os.MkdirAll(filepath.Join(r.winDir, "sub"), 0o755); err != nil {
					t.Fatal(err)
				}
				w, l := r.win(t, "--db", c.arg, "list", "--status", "new"), lin(t, "list", "--status", "new")
				sameRun(t, w, l)
				if _, err := os.Stat(filepath.Join(r.winDir, c.file)); err != nil {
					t.Fatalf("--db %s made no database at %s: %v", c.arg, c.file, err)
				}
			})
		}
	})

	// With no --db the database goes to the user's AppData (Wine's
	// drive_c/users/<name>/AppData/Roaming), never next to the exe.
	t.Run("AppDataByDefault", func(t *testing.T) {
		if res := r.win(t, "list", "--json"); res.code != 0 {
			t.Fatalf("list with the default database: %v", res)
		}
		found, _ := filepath.Glob(filepath.Join(r.prefix, "drive_c", "users", "*", "AppData", "Roaming", "BriefDesk", "briefdesk.db"))
		if len(found) != 1 {
			t.Fatalf("no database in AppData\\Roaming\\BriefDesk: found %v", found)
		}
		if fi, err := os.Stat(filepath.Join(filepath.Dir(r.exe), "briefdesk.db")); err == nil {
			t.Fatalf("a database was made next to the exe (%d bytes)", fi.Size())
		}
	})

	t.Run("Window", func(t *testing.T) { windowUnderWine(t, r, winPath(winDB), linDB) })

	t.Logf("the Windows tests took %.0f s", time.Since(start).Seconds())
}

// osErrText is the system's error text that a message quotes in brackets.
var osErrText = regexp.MustCompile(`\([^()]*\)`)

// sameRun checks that the Windows run printed what the Linux run printed,
// byte for byte, and exited the same way.
func sameRun(t *testing.T, w, l result) {
	t.Helper()
	if w.code != l.code {
		t.Errorf("exit code: windows %d, linux %d\nwindows: %v\nlinux:   %v", w.code, l.code, w, l)
	}
	for _, s := range []struct {
		name string
		w, l []byte
	}{{"stdout", w.stdout, l.stdout}, {"stderr", w.stderr, l.stderr}} {
		if !bytes.Equal(s.w, s.l) {
			i := firstDiff(s.w, s.l)
			t.Errorf("%s differs at byte %d of %d/%d:\nwindows: %q\nlinux:   %q", s.name, i, len(s.w), len(s.l), around(s.w, i), around(s.l, i))
		}
	}
}

// sameFile checks that the Windows build wrote the same bytes as Linux.
func sameFile(t *testing.T, w, l, head string) {
	t.Helper()
	wb, err := os.ReadFile(w)
	if err != nil {
		t.Fatalf("the Windows build wrote no file: %v", err)
	}
	lb, err := os.ReadFile(l)
	if err != nil {
		t.Fatalf("the Linux build wrote no file: %v", err)
	}
	if !strings.HasPrefix(string(lb), head) {
		t.Fatalf("%s does not start with %q", l, head)
	}
	if !bytes.Equal(wb, lb) {
		i := firstDiff(wb, lb)
		t.Fatalf("%s (%d bytes) differs from Linux's (%d bytes) at byte %d:\nwindows: %q\nlinux:   %q", filepath.Base(w), len(wb), len(lb), i, around(wb, i), around(lb, i))
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func around(b []byte, i int) string {
	return string(b[max(0, i-40):min(len(b), i+60)])
}

// notesRoundTrip: a .briefnotes file exported on Windows, imported on
// Linux and exported again, imports back on Windows as unchanged; and the
// other way round. It returns the name of the last file Windows exported
// (in r.winDir), which holds both notes.
func notesRoundTrip(t *testing.T, r *wineRig, win, lin func(*testing.T, ...string) result) string {
	t.Helper()
	must := func(who string, res result) result {
		t.Helper()
		if res.code != 0 {
			t.Fatalf("%s: %v", who, res)
		}
		return res
	}
	must("windows notes add", win(t, "notes", "add", "64", "--clause", "64/instructs/4", "--text", "支持，并建议在第2研究组讨论。\n第二段：“引号”与 IPv6", "--stance", "support", "--tag", "SG2", "--author", "张伟", "--delegation", "中国"))
	must("linux notes add", lin(t, "notes", "add", "44", "--text", "Concern: budget — see §3.", "--stance", "concern", "--priority", "1", "--author", "Ana Pérez"))

	// Windows → Linux → Windows.
	w1 := "张伟 的笔记.briefnotes"
	must("windows export", win(t, "notes", "export", "-o", w1))
	imp := importCounts(t, must("linux import", lin(t, "notes", "import", filepath.Join(r.winDir, w1), "--json")))
	if imp.Added != 1 || imp.Conflicts != 0 {
		t.Fatalf("linux import of the Windows file: %+v, want 1 added", imp)
	}
	l1 := filepath.Join(r.linDir, "back.briefnotes")
	must("linux export", lin(t, "notes", "export", "-o", l1))
	imp = importCounts(t, must("windows import", win(t, "notes", "import", winPath(l1), "--json")))
	if imp.Added != 1 || imp.Unchanged != 1 || imp.Updated != 0 || imp.Conflicts != 0 {
		t.Fatalf("windows import after the round trip: %+v, want Ana's note added and 张伟's unchanged", imp)
	}

	// Linux → Windows → Linux: now both hold both notes.
	l2 := filepath.Join(r.linDir, "all.briefnotes")
	must("linux export", lin(t, "notes", "export", "-o", l2))
	imp = importCounts(t, must("windows import", win(t, "notes", "import", winPath(l2), "--json")))
	if imp.Unchanged != 2 || imp.Added+imp.Updated+imp.Conflicts != 0 {
		t.Fatalf("windows import of Linux's export: %+v, want 2 unchanged", imp)
	}
	w2 := "all.briefnotes"
	must("windows export", win(t, "notes", "export", "-o", w2))
	imp = importCounts(t, must("linux import", lin(t, "notes", "import", filepath.Join(r.winDir, w2), "--json")))
	if imp.Unchanged != 2 || imp.Added+imp.Updated+imp.Conflicts != 0 {
		t.Fatalf("linux import of the Windows export: %+v, want 2 unchanged", imp)
	}
	return w2
}

type importJSONCounts struct {
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Conflicts int `json:"conflicts"`
}

func importCounts(t *testing.T, res result) importJSONCounts {
	t.Helper()
	var c importJSONCounts
	if err := json.Unmarshal(res.stdout, &c); err != nil {
		t.Fatalf("notes import --json printed %q: %v", res.stdout, err)
	}
	return c
}
