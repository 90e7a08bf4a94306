// Command briefdesk is BriefDesk: the WTSA-20 resolutions for ITU-D
// delegates, offline. With no subcommand it opens the desktop window;
// subcommands (list, show, search, notes, pack, ...) work on the command
// line without opening any window.
package main

import (
	"context"
	_ "embed"
	"fmt"
	"log"
	"os"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/seeds"
	"briefdesk/ui"
	"briefdesk/ui/cli"
	"briefdesk/ui/cli/console"
	_ "briefdesk/ui/posixlocale" // before Fyne's init: see its package comment

	fyneapp "fyne.io/fyne/v2/app"
)

// appID names the app to Fyne (the folder of its preferences) and to
// packages; it must match FyneApp.toml. An app ID is a domain name
// reversed, and BriefDesk has no domain of its own: "invalid" is reserved
// (RFC 2606) so that no one can ever hold briefdesk.invalid, where any
// registrable name might be, or become, someone else's.
const appID = "invalid.briefdesk"

// oldAppIDs are the IDs earlier versions used, newest first; their
// preferences are carried over on the first start under appID.
var oldAppIDs = []string{"int.itu.briefdesk"}

// fyneAppTOML gives About the version when the binary is built with plain
// `go build` rather than the fyne tool.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

func main() {
	ctx := context.Background()
	g, rest, err := cli.ParseGlobal(os.Args[1:])
	if err != nil || len(rest) > 0 {
		stdout, stderr := console.Streams()
		if err != nil {
			fmt.Fprintln(stderr, "briefdesk:", app.ErrorMessage(err))
			os.Exit(cli.ExitUsage)
		}
		os.Exit(cli.Run(ctx, cliServices(), g, rest, stdout, stderr))
	}
	if err := ui.CarryOverPreferences(appID, oldAppIDs...); err != nil {
		log.Printf("briefdesk: %v", err) // the window opens with default preferences
	}
	a := fyneapp.NewWithID(appID)
	os.Exit(ui.Run(a, ui.Options{
		Open:            func(ctx context.Context) (ui.Services, func(), error) { return open(ctx, g.DB) },
		Rebuild:         func(ctx context.Context) (ui.Services, func(), error) { return rebuild(ctx, g.DB) },
		ProbeFirstFrame: g.ProbeFirstFrame,
		Lang:            g.Lang,
		FyneApp:         fyneAppTOML,
	}))
}

// cliServices is what the command line works on: the database and the
// source document's parser.
func cliServices() cli.Services {
	return cli.Services{
		Path: data.ResolvePath,
		Open: func(ctx context.Context, path string) (cli.Store, error) {
			db, err := data.OpenStore(ctx, path, seeds.Default)
			if err != nil {
				return nil, err // not a nil *data.DB in a non-nil interface
			}
			return db, nil
		},
		Check:       data.CheckFile,
		Parse:       seeds.Parse,
		Builtin:     seeds.Default,
		BuiltinName: seeds.DocumentName,
	}
}

// windowServices is what the window works on: db's services.
func windowServices(db *data.DB) ui.Services {
	return ui.Services{Corpus: db, Notes: db, Packs: db, Settings: db}
}

// open opens the database at path ("" for the default) for the window,
// checked (data.OpenChecked).
func open(ctx context.Context, path string) (ui.Services, func(), error) {
	db, err := data.OpenChecked(ctx, path, seeds.Default)
	if err != nil {
		return ui.Services{}, nil, err
	}
	return windowServices(db), func() { db.Close() }, nil
}

// rebuild starts afresh from the embedded corpus, keeping the old file
// and what can be salvaged from it (data.Rebuild).
func rebuild(ctx context.Context, path string) (ui.Services, func(), error) {
	db, moved, rep, err := data.Rebuild(ctx, path, seeds.Default)
	if err != nil {
		return ui.Services{}, nil, err
	}
	log.Printf("briefdesk: rebuilt %s; the old file is %s; carried over %d notes, %d conflicts, %d packs, %d settings",
		db.Path(), moved, rep.Notes, rep.Conflicts, rep.Packs, rep.Settings)
	for _, p := range rep.Problems {
		log.Printf("briefdesk: salvage: %s", p)
	}
	return windowServices(db), func() { db.Close() }, nil
}
