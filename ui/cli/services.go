package cli

import (
	"context"

	"briefdesk/app"
)

// Store is the database the commands work on: the app services, and the
// two things only the command line does with a database, replacing its
// corpus (load) and closing it.
type Store interface {
	app.CorpusService
	app.NoteService
	app.PackService
	app.SettingsService
	Import(ctx context.Context, c *app.Corpus) (app.ImportStats, error)
	Close() error
}

// Services is what main.go hands the command line: how to open and check
// a database, and the source-document parser. The command line imports
// neither the database nor the parser, so it sees only these.
type Services struct {
	// Path resolves --db: the path given, or the default one for "".
	Path func(path string) (string, error)
	// Open opens the database at path ("" for the default), creating it
	// and importing the built-in corpus when it is new.
	Open func(ctx context.Context, path string) (Store, error)
	// Check checks the database at path as it is, changing nothing.
	Check func(ctx context.Context, path string) (app.CheckReport, error)
	// Parse parses a source document (load FILE); Builtin returns the
	// document built into BriefDesk, named BuiltinName (load --builtin).
	Parse       func(name string, text []byte) (*app.Corpus, error)
	Builtin     func() (*app.Corpus, error)
	BuiltinName string
}
