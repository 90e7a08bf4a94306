package shell

func open(path string) error { return run("open", path) }

// showInFolder: open -R reveals the file in the Finder.
func showInFolder(path string) error { return run("open", "-R", path) }
