package ui

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"briefdesk/data/outfile"
)

// CarryOverPreferences copies the preferences Fyne kept for an earlier
// app ID (window size, last view, export folder...) to where it keeps
// them for newID, on the first start under newID: only when newID has no
// preferences file yet, from the first of oldIDs that has one. The old
// file is never changed or deleted, so an older BriefDesk still finds its
// own. Call it before the Fyne app is made: Fyne reads the file then.
func CarryOverPreferences(newID string, oldIDs ...string) error {
	root, err := fynePrefsRoot(runtime.GOOS, os.UserHomeDir, os.UserConfigDir)
	if err != nil {
		return err
	}
	return carryPrefs(root, newID, oldIDs)
}

// prefsFile is Fyne's preferences file name in an app's folder.
const prefsFile = "preferences.json"

// fynePrefsRoot is the folder that holds Fyne's per-app folders on the
// system goos, as fyne.io/fyne/v2/internal/app's rootConfigDir (v2.7)
// has it: on Windows under the home folder's AppData\Roaming (not
// %APPDATA%), on macOS under ~/Library/Preferences, elsewhere under
// os.UserConfigDir ($XDG_CONFIG_HOME or ~/.config).
func fynePrefsRoot(goos string, home, config func() (string, error)) (string, error) {
	switch goos {
	case "windows":
		h, err := home()
		return filepath.Join(h, "AppData", "Roaming", "fyne"), err
	case "darwin":
		h, err := home()
		return filepath.Join(h, "Library", "Preferences", "fyne"), err
	}
	c, err := config()
	return filepath.Join(c, "fyne"), err
}

// carryPrefs copies root/OLD/preferences.json to root/newID/ for the
// first OLD in oldIDs that has one, unless root/newID/ has one already.
// The copy is written with outfile.Write (a temporary file, renamed), so
// an interrupted start never leaves newID half a file (which Fyne would
// take for empty preferences and never copy again).
func carryPrefs(root, newID string, oldIDs []string) error {
	dst := filepath.Join(root, newID, prefsFile)
	if _, err := os.Lstat(dst); !errors.Is(err, fs.ErrNotExist) {
		return err // there already (nil), or cannot tell: leave it
	}
	for _, old := range oldIDs {
		b, err := os.ReadFile(filepath.Join(root, old, prefsFile))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("carry over the preferences of %s: %w", old, err)
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
			return fmt.Errorf("carry over the preferences of %s: %w", old, err)
		}
		if err := outfile.Write(dst, func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
			return fmt.Errorf("carry over the preferences of %s: %w", old, err)
		}
		return nil
	}
	return nil
}
