package cli

import (
	"context"

	"briefdesk/data"
	"briefdesk/seeds"
)

// testServices are the real database and parser, as main.go wires them
// (main_test.go runs the binary's own wiring end to end).
var testServices = Services{
	Path: data.ResolvePath,
	Open: func(ctx context.Context, path string) (Store, error) {
		if db, err := data.OpenStore(ctx, path, seeds.Default); err != nil {
			return nil, err
		} else {
			return db, nil
		}
	},
	Check:       data.CheckFile,
	Parse:       seeds.Parse,
	Builtin:     seeds.Default,
	BuiltinName: seeds.DocumentName,
}
