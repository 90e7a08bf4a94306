package main

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"testing"

	"briefdesk/ui"

	fyneapp "fyne.io/fyne/v2/app"
)

// FyneApp.toml (read by fyne package) and appID (used when the program
// runs) name the same app.
func TestAppIDMatchesFyneAppToml(t *testing.T) {
	b, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^ID\s*=\s*"([^"]*)"`).FindSubmatch(b)
	if m == nil {
		t.Fatal("FyneApp.toml has no ID")
	}
	if got := string(m[1]); got != appID {
		t.Fatalf("FyneApp.toml ID %q, main.go appID %q", got, appID)
	}
	for _, old := range oldAppIDs {
		if old == appID {
			t.Fatalf("appID %q is among the old IDs", old)
		}
	}
}

// A delegate's window size, saved under the old ID, is what Fyne reads
// under the new one after the first start; the old file stays.
func TestPreferencesCarriedOverToFyne(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("Fyne's preferences folder is set here through XDG_CONFIG_HOME")
	}
	// Not t.TempDir: the Fyne app made below goes on writing in its
	// folder, so the removal is best-effort.
	home, err := os.MkdirTemp("", "briefdesk-prefs")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(home) })
	t.Setenv("HOME", home)
	cfg := filepath.Join(home, "config 配置")
	t.Setenv("XDG_CONFIG_HOME", cfg)
	old := filepath.Join(cfg, "fyne", oldAppIDs[0], "preferences.json")
	if err := os.MkdirAll(filepath.Dir(old), 0o700); err != nil {
		t.Fatal(err)
	}
	const saved = `{"window.width":1234,"last.view":"Tables"}`
	if err := os.WriteFile(old, []byte(saved), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := ui.CarryOverPreferences(appID, oldAppIDs...); err != nil {
		t.Fatal(err)
	}
	a := fyneapp.NewWithID(appID)
	if got := a.Preferences().Float("window.width"); got != 1234 {
		t.Errorf("Fyne reads window.width %v under %s, want 1234", got, appID)
	}
	if got := a.Preferences().String("last.view"); got != "Tables" {
		t.Errorf("Fyne reads last.view %q, want Tables", got)
	}
	if b, err := os.ReadFile(old); err != nil || string(b) != saved {
		t.Errorf("the old file now holds %q, %v", b, err)
	}
}
