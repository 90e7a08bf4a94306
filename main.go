// Command briefdesk is BriefDesk: the WTSA-20 resolutions for ITU-D
// delegates, offline. With no subcommand it opens the desktop window;
// subcommands (list, show, search, ...) work on the command line.
package main

import (
	"fmt"
	"os"

	_ "briefdesk/ui"

	fyneapp "fyne.io/fyne/v2/app"
)

func main() {
	_ = fyneapp.New
	fmt.Fprintln(os.Stderr, "briefdesk: under construction")
	os.Exit(2)
}
