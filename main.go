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
	"strings"

	"briefdesk/app"
	"briefdesk/data"
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
		os.Exit(cli.Run(ctx, g, rest, stdout, stderr))
	}
	if err := ui.CarryOverPreferences(appID, oldAppIDs...); err != nil {
		log.Printf("briefdesk: %v", err) // the window opens with default preferences
	}
	a := fyneapp.NewWithID(appID)
	os.Exit(ui.Run(a, ui.Options{
		Open:            func(ctx context.Context) (ui.Services, func(), error) { return open(ctx, g) },
		Rebuild:         func(ctx context.Context) (ui.Services, func(), error) { return rebuild(ctx, g) },
		ProbeFirstFrame: g.ProbeFirstFrame,
		Lang:            g.Lang,
		FyneApp:         fyneAppTOML,
	}))
}

// open opens the database for the window and checks it first (SQLite's
// quick_check, the search index, the recorded counts: about 10 ms), so a
// damaged file is met with the rebuild dialog rather than odd failures
// later on.
func open(ctx context.Context, g cli.Global) (ui.Services, func(), error) {
	db, err := cli.OpenStore(ctx, g)
	if err != nil {
		return ui.Services{}, nil, err
	}
	rep, err := db.Check(ctx)
	if err == nil && !rep.OK() {
		err = app.Errorf(app.EDAMAGED, "the database %s failed its integrity check: %s", db.Path(), strings.Join(rep.Problems, "; "))
	}
	if err != nil {
		db.Close()
		return ui.Services{}, nil, err
	}
	return ui.Services{Corpus: db, Notes: db, Packs: db, Settings: db}, func() { db.Close() }, nil
}

// rebuild moves the database aside (never deleting it), starts afresh from
// the embedded corpus, and copies over what it can of the delegate's own
// work (notes, packs, settings) from the old file.
func rebuild(ctx context.Context, g cli.Global) (ui.Services, func(), error) {
	path := g.DB
	if path == "" {
		p, err := data.DefaultPath()
		if err != nil {
			return ui.Services{}, nil, err
		}
		path = p
	}
	moved, err := data.MoveAside(path)
	if err != nil {
		return ui.Services{}, nil, err
	}
	db, err := cli.OpenStore(ctx, g)
	if err != nil {
		return ui.Services{}, nil, err
	}
	rep, err := db.Salvage(ctx, moved)
	if err != nil {
		db.Close()
		return ui.Services{}, nil, err
	}
	log.Printf("briefdesk: rebuilt %s; the old file is %s; carried over %d notes, %d conflicts, %d packs, %d settings",
		path, moved, rep.Notes, rep.Conflicts, rep.Packs, rep.Settings)
	for _, p := range rep.Problems {
		log.Printf("briefdesk: salvage: %s", p)
	}
	return ui.Services{Corpus: db, Notes: db, Packs: db, Settings: db}, func() { db.Close() }, nil
}
