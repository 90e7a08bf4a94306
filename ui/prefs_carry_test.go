package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestCarryPrefs(t *testing.T) {
	const oldJSON, newJSON = `{"window.width":1111,"last.view":"Tables"}`, `{"window.width":640}`
	for _, c := range []struct {
		name   string
		files  map[string]string // app ID -> its preferences.json
		oldIDs []string
		want   string // the new ID's file afterwards; "" none
		err    bool
	}{
		{"first start", map[string]string{"old.id": oldJSON}, []string{"old.id"}, oldJSON, false},
		{"already carried", map[string]string{"old.id": oldJSON, "new.id": newJSON}, []string{"old.id"}, newJSON, false},
		{"nothing to carry", nil, []string{"old.id"}, "", false},
		{"the second old ID", map[string]string{"older.id": oldJSON}, []string{"old.id", "older.id"}, oldJSON, false},
		{"the first old ID wins", map[string]string{"old.id": oldJSON, "older.id": newJSON}, []string{"old.id", "older.id"}, oldJSON, false},
		{"empty old file", map[string]string{"old.id": ""}, []string{"old.id"}, "", false},
		{"unreadable old file", map[string]string{"old.id": "<dir>"}, []string{"old.id"}, "", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := filepath.Join(t.TempDir(), "fyne")
			for id, body := range c.files {
				p := filepath.Join(root, id, prefsFile)
				if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
					t.Fatal(err)
				}
				var err error
				if body == "<dir>" {
					err = os.Mkdir(p, 0o700)
				} else {
					err = os.WriteFile(p, []byte(body), 0o600)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			err := carryPrefs(root, "new.id", c.oldIDs)
			if (err != nil) != c.err {
				t.Fatalf("carryPrefs: %v, want an error: %v", err, c.err)
			}
			got, rerr := os.ReadFile(filepath.Join(root, "new.id", prefsFile))
			switch {
			case c.want == "" && c.name == "empty old file":
				if rerr != nil || len(got) != 0 {
					t.Fatalf("new file %q, %v; want an empty copy", got, rerr)
				}
			case c.want == "":
				if !os.IsNotExist(rerr) {
					t.Fatalf("new file %q, %v; want none", got, rerr)
				}
			case rerr != nil || string(got) != c.want:
				t.Fatalf("new file %q, %v; want %q", got, rerr, c.want)
			}
			for id, body := range c.files { // the old files are as they were
				p := filepath.Join(root, id, prefsFile)
				if body == "<dir>" || id == "new.id" {
					continue
				}
				if b, err := os.ReadFile(p); err != nil || string(b) != body {
					t.Fatalf("%s now holds %q, %v; want it unchanged", p, b, err)
				}
			}
			if es, _ := os.ReadDir(filepath.Join(root, "new.id")); len(es) > 1 {
				t.Fatalf("the new folder holds %d files, want only %s", len(es), prefsFile)
			}
		})
	}
}

// On this system, with HOME and XDG_CONFIG_HOME in a temporary folder,
// the preferences move from Fyne's folder for the old ID to its folder
// for the new one.
func TestCarryOverPreferencesHere(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config 配置"))
	root := filepath.Join(home, "config 配置", "fyne")
	switch runtime.GOOS {
	case "windows":
		root = filepath.Join(home, "AppData", "Roaming", "fyne")
	case "darwin":
		root = filepath.Join(home, "Library", "Preferences", "fyne")
	}
	old := filepath.Join(root, "int.itu.briefdesk", prefsFile)
	if err := os.MkdirAll(filepath.Dir(old), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(old, []byte(`{"window.width":1234}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := CarryOverPreferences("invalid.briefdesk", "int.itu.briefdesk"); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(root, "invalid.briefdesk", prefsFile)); err != nil || string(b) != `{"window.width":1234}` {
		t.Fatalf("carried preferences %q, %v", b, err)
	}
}
