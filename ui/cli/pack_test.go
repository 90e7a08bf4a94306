package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

func packDry(t *testing.T, db string, args ...string) packJSON {
	t.Helper()
	var p packJSON
	runJSON(t, &p, append([]string{"--db", db, "pack", "--dry-run", "--json"}, args...)...)
	return p
}

func TestPackSelection(t *testing.T) {
	db := readDB(t)
	d, err := data.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := d.Resolutions(t.Context(), app.ResolutionFilter{Full: true})
	d.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, preset := range app.Presets {
		t.Run(preset, func(t *testing.T) {
			want, err := app.PresetResolutions(preset, rs)
			if err != nil {
				t.Fatal(err)
			}
			p := packDry(t, db, "--preset", preset, "--date", "2026-05-01")
			if !slices.Equal(p.Resolutions, want) {
				t.Errorf("resolutions = %v, want %v", p.Resolutions, want)
			}
			if p.Date != "2026-05-01" || p.Title == "" || !p.Overview || !p.RefsAppendix || p.Notes != app.NotesNone {
				t.Errorf("pack = %+v", p)
			}
			// Add 44 and remove the first of the preset's own.
			mod := packDry(t, db, "--preset", preset, "--res", "44,-"+joinInts(want[:1]))
			if !slices.Contains(mod.Resolutions, 44) && want[0] != 44 {
				t.Errorf("--res 44 did not add 44: %v", mod.Resolutions)
			}
			if slices.Contains(mod.Resolutions, want[0]) {
				t.Errorf("--res -%d did not remove it: %v", want[0], mod.Resolutions)
			}
			if !slices.IsSorted(mod.Resolutions) {
				t.Errorf("not sorted: %v", mod.Resolutions)
			}
		})
	}
	if p := packDry(t, db, "--preset", "all"); len(p.Resolutions) != 28 {
		t.Errorf("preset all has %d resolutions", len(p.Resolutions))
	}
	if p := packDry(t, db, "--res", "50,44,50", "--notes", "mine", "--clauses", "itu-d", "--overview=false"); !slices.Equal(p.Resolutions, []int{44, 50}) ||
		p.Notes != "mine" || p.Clauses != "itu-d" || p.Overview {
		t.Errorf("hand-made pack = %+v", p)
	}
}

func TestPackSaved(t *testing.T) {
	db := newDB(t)
	code, stdout, stderr := run(t, "--db", db, "pack", "--preset", "bdt", "--res=-44", "--title", "SG1 brief",
		"--notes", "all", "--date", "2026-05-01", "--save", "sg1-may")
	if code != ExitOK || !strings.Contains(stdout, `Saved pack "sg1-may"`) {
		t.Fatalf("save: exit %d, %s%s", code, stdout, stderr)
	}
	var list []packJSON
	runJSON(t, &list, "--db", db, "pack", "--list", "--json")
	if len(list) != 1 || list[0].Name != "sg1-may" || list[0].Title != "SG1 brief" || slices.Contains(list[0].Resolutions, 44) {
		t.Fatalf("saved packs = %+v", list)
	}
	p := packDry(t, db, "--saved", "sg1-may")
	if p.Title != "SG1 brief" || p.Notes != "all" || p.Date != "2026-05-01" || !slices.Equal(p.Resolutions, list[0].Resolutions) {
		t.Errorf("--saved = %+v", p)
	}
	// Options override the saved pack for this print only.
	if p := packDry(t, db, "--saved", "sg1-may", "--notes", "none", "--res", "44"); p.Notes != "none" || !slices.Contains(p.Resolutions, 44) {
		t.Errorf("override = %+v", p)
	}
	if p := packDry(t, db, "--saved", "sg1-may"); p.Notes != "all" {
		t.Errorf("an override was saved: %+v", p)
	}
	code, _, stderr = run(t, "--db", db, "pack", "--saved", "nope", "-o", filepath.Join(t.TempDir(), "x.pdf"))
	if code != ExitFailure || !strings.Contains(stderr, "nope") {
		t.Errorf("unknown saved pack: exit %d, %q", code, stderr)
	}
}

func TestPackUsage(t *testing.T) {
	db := readDB(t)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"Nothing", []string{"-o", "x.pdf"}, ExitUsage, "which resolutions?"},
		{"NoOutput", []string{"--preset", "bdt"}, ExitUsage, "give -o FILE.pdf"},
		{"BadPreset", []string{"--preset", "sg3", "-o", "x.pdf"}, ExitUsage, `unknown preset "sg3"`},
		{"Both", []string{"--preset", "bdt", "--saved", "x", "-o", "x.pdf"}, ExitUsage, "exclude each other"},
		{"BadRes", []string{"--res", "44,abc", "--dry-run"}, ExitUsage, `"abc" is not a resolution number`},
		{"BadDate", []string{"--preset", "all", "--date", "1/5/2026", "--dry-run"}, ExitUsage, "not YYYY-MM-DD"},
		{"BadNotes", []string{"--preset", "all", "--notes", "some", "--dry-run"}, ExitUsage, "unknown notes selection"},
		{"BadClauses", []string{"--preset", "all", "--clauses", "few", "--dry-run"}, ExitUsage, "unknown clause selection"},
		{"NoSuchRes", []string{"--res", "999", "--dry-run"}, ExitFailure, "no resolution 999"},
		{"Empty", []string{"--res", "44,-44", "--dry-run"}, ExitFailure, "no resolutions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, append([]string{"--db", db, "pack"}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.stderr)
			}
		})
	}
}

func TestPackPDF(t *testing.T) {
	db := newDB(t)
	run(t, "--db", db, "notes", "add", "44", "--text", "我们支持", "--stance", "support")
	out := filepath.Join(t.TempDir(), "pack.pdf")
	code, stdout, stderr := run(t, "--db", db, "pack", "--preset", "all", "--notes", "all", "--date", "2026-05-01", "-o", out)
	if code != ExitOK || !strings.Contains(stdout, "Wrote "+out) || !strings.Contains(stdout, " pages, ") {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("not a PDF: %v %q", err, b[:min(len(b), 8)])
	}
	// The same pack and data give the same file.
	out2 := filepath.Join(t.TempDir(), "again.pdf")
	run(t, "--db", db, "pack", "--preset", "all", "--notes", "all", "--date", "2026-05-01", "-o", out2)
	if b2, _ := os.ReadFile(out2); !bytes.Equal(b, b2) {
		t.Errorf("printing the same pack twice gave different files")
	}
	// "-o -" sends the same bytes to standard output.
	code, stdout, stderr = run(t, "--db", db, "pack", "--preset", "all", "--notes", "all", "--date", "2026-05-01", "-o", "-")
	if code != ExitOK || stdout != string(b) {
		t.Errorf("-o -: exit %d, %d bytes (want %d), stderr %q", code, len(stdout), len(b), stderr)
	}
	// A failed export leaves nothing behind and an existing file as it was.
	code, _, stderr = run(t, "--db", db, "pack", "--res", "44", "-o", filepath.Join(t.TempDir(), "missing", "x.pdf"))
	if code != ExitFailure || stderr == "" {
		t.Errorf("unwritable -o: exit %d, stderr %q", code, stderr)
	}
}

// TestPackReasonsAndLang: --dry-run says why each resolution is in and
// warns about a preset that picks one or all; --lang is the pack's
// language, saved with it and printed in it.
func TestPackReasonsAndLang(t *testing.T) {
	db := readDB(t)
	code, stdout, stderr := run(t, "--db", db, "pack", "--preset", "itu-d-sg1", "--res", "44", "--dry-run")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Res 84: preset itu-d-sg1: cites ITU-D SG1 in 84/", "Res 44: added with --res", "picks only one of the 28"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("dry run lacks %q:\n%s", want, stdout)
		}
	}
	_, stdout, _ = run(t, "--db", db, "pack", "--res", "44,50", "--dry-run")
	if strings.Contains(stdout, "Note:") || !strings.Contains(stdout, "Res 50: added with --res") {
		t.Errorf("a pack of --res alone:\n%s", stdout)
	}
	_, stdout, _ = run(t, "--db", db, "pack", "--preset", "all", "--dry-run")
	if !strings.Contains(stdout, "picks all 28") {
		t.Errorf("preset all does not say it picks all:\n%s", stdout)
	}
	_, stdout, _ = run(t, "--db", db, "pack", "--preset", "bdt", "--dry-run")
	if !strings.Contains(stdout, "asks something of BDT") || strings.Contains(stdout, "picks all") {
		t.Errorf("bdt reasons:\n%s", stdout)
	}

	p := packDry(t, db, "--preset", "bdt", "--lang", "zh", "--checklist", "--clause-ids")
	if p.Lang != app.LangZH || !p.Checklist || !p.ClauseIDs {
		t.Errorf("--lang zh --checklist --clause-ids: %+v", p)
	}
	if len(p.Reasons) != len(p.Resolutions) || len(p.Reasons) == 0 {
		t.Fatalf("--json reasons: %+v for %v", p.Reasons, p.Resolutions)
	}
	for i, r := range p.Reasons {
		if r.Resolution != p.Resolutions[i] || r.ClauseID == "" || !strings.HasPrefix(r.ClauseID, fmt.Sprint(r.Resolution)+"/") {
			t.Errorf("reason %+v", r)
		}
	}
	code, _, stderr = run(t, "--db", db, "pack", "--preset", "bdt", "--lang", "fr", "--dry-run")
	if code != 2 || !strings.Contains(stderr, "fr") {
		t.Errorf("--lang fr: exit %d, %q", code, stderr)
	}
	if code, _, stderr = run(t, "--db", db, "pack", "--preset", "itu-d-sg1", "--lang", "zh", "--save", "zh-pack"); code != 0 {
		t.Fatalf("save: %s", stderr)
	}
	// The saved pack keeps its language when printed with another
	// interface language.
	out := filepath.Join(t.TempDir(), "zh.pdf")
	if code, _, stderr = run(t, "--db", db, "pack", "--saved", "zh-pack", "--date", "2026-12-07", "-o", out); code != 0 {
		t.Fatalf("print: %s", stderr)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte("/Lang (zh-CN)")) {
		t.Error("a pack saved with --lang zh did not print in Chinese")
	}
	if code, _, _ = run(t, "--db", db, "pack", "--saved", "zh-pack", "--lang", "en", "-o", out); code != 0 {
		t.Fatal("print in English failed")
	}
	if raw, _ = os.ReadFile(out); !bytes.Contains(raw, []byte("/Lang (en)")) {
		t.Error("--lang en did not override the saved language for this print")
	}
}

// joinInts lists resolution numbers as --res takes them.
func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}
