package data_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

// oddNames are file names that mean something in a URI: each must open
// the file of exactly that name, and no other.
var oddNames = []string{"a?b.db", "a#b.db", "100%.db", "a%3Fb.db", "my notes.db", "简报 资料.db", "x?y#z%20w &k=v.db"}

func TestOpenOddPaths(t *testing.T) {
	ctx := context.Background()
	for _, name := range oddNames {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, name)
			db, err := data.Open(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.SetSetting(ctx, app.SettingAuthorName, name); err != nil {
				t.Fatal(err)
			}
			db.Close()
			if got := dirNames(t, dir); !slices.Equal(got, []string{name}) {
				t.Fatalf("files in the folder: %q, want only %q", got, name)
			}
			db, err = data.Open(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if got, err := db.Setting(ctx, app.SettingAuthorName); err != nil || got != name {
				t.Fatalf("reopened: setting %q, %v; want %q", got, err, name)
			}
		})
	}
}

func TestSalvageOddPaths(t *testing.T) {
	ctx := context.Background()
	for _, name := range oddNames {
		t.Run(name, func(t *testing.T) {
			old := filepath.Join(t.TempDir(), name)
			db, err := data.Open(ctx, old)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.SetSetting(ctx, app.SettingAuthorName, "王芳"); err != nil {
				t.Fatal(err)
			}
			db.Close()
			fresh := MustOpen(t)
			rep, err := fresh.Salvage(ctx, old)
			if err != nil || rep.Settings != 1 || len(rep.Problems) > 0 {
				t.Fatalf("Salvage(%q) = %+v, %v; want 1 setting and no problems", old, rep, err)
			}
			if got, _ := fresh.Setting(ctx, app.SettingAuthorName); got != "王芳" {
				t.Fatalf("salvaged setting %q", got)
			}
		})
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}
