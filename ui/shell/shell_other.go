//go:build !windows && !darwin

package shell

import "path/filepath"

func open(path string) error { return run("xdg-open", path) }

// showInFolder opens the folder: xdg-open has no way to select a file in
// it.
func showInFolder(path string) error { return run("xdg-open", filepath.Dir(path)) }
