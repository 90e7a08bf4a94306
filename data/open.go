package data

import (
	"context"
	"strings"

	"briefdesk/app"
)

// ResolvePath returns path, or DefaultPath when path is "": the one place
// that decides which file "the database" is, for the window and the
// command line alike.
func ResolvePath(path string) (string, error) {
	if path != "" {
		return path, nil
	}
	p, err := DefaultPath()
	if err != nil {
		return "", &app.Error{Code: app.EINTERNAL, Message: "cannot find a place for the database; name one with --db PATH", Err: err}
	}
	return p, nil
}

// OpenStore opens the database at path ("" for DefaultPath), creating it
// where needed, and makes sure it holds a corpus, importing the one load
// returns on first run so that BriefDesk works with no set-up. load is
// the embedded document's parser, which main.go passes in: seeds and data
// both stand on app alone and do not import each other.
func OpenStore(ctx context.Context, path string, load func() (*app.Corpus, error)) (*DB, error) {
	path, err := ResolvePath(path)
	if err != nil {
		return nil, err
	}
	db, err := Open(ctx, path)
	if err != nil {
		return nil, err
	}
	if err := db.EnsureCorpus(ctx, load); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// CheckFile checks the database at path as it is (OpenReadOnly, then
// Check), never importing, migrating or creating anything, and closes it.
// A file too damaged to open is reported as a problem, like any other
// damage; the error is for a check that could not run.
func CheckFile(ctx context.Context, path string) (app.CheckReport, error) {
	db, err := OpenReadOnly(ctx, path)
	var rep app.CheckReport
	if err == nil {
		rep, err = db.Check(ctx)
		db.Close()
	}
	if app.ErrorCode(err) == app.EDAMAGED {
		return app.CheckReport{Problems: []string{app.ErrorMessage(err)}}, nil
	}
	return rep, err
}

// OpenChecked is OpenStore followed by Check, for the window: a database
// that fails its check (SQLite's quick_check, the search index, the
// recorded counts: about 10 ms) is closed and refused with EDAMAGED, so
// that a damaged file is met with the offer to rebuild rather than with
// odd failures later on.
func OpenChecked(ctx context.Context, path string, load func() (*app.Corpus, error)) (*DB, error) {
	db, err := OpenStore(ctx, path, load)
	if err != nil {
		return nil, err
	}
	rep, err := db.Check(ctx)
	if err == nil && !rep.OK() {
		err = app.Errorf(app.EDAMAGED, "the database %s failed its integrity check: %s", db.Path(), strings.Join(rep.Problems, "; "))
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Rebuild moves the database at path ("" for DefaultPath) aside, never
// deleting it, opens a fresh one there with the corpus load returns, and
// salvages what it can of the delegate's own work (notes, packs,
// settings) from the old file, whose new name it returns.
func Rebuild(ctx context.Context, path string, load func() (*app.Corpus, error)) (_ *DB, moved string, _ SalvageReport, _ error) {
	path, err := ResolvePath(path)
	if err != nil {
		return nil, "", SalvageReport{}, err
	}
	if moved, err = MoveAside(path); err != nil {
		return nil, "", SalvageReport{}, err
	}
	db, err := OpenStore(ctx, path, load)
	if err != nil {
		return nil, moved, SalvageReport{}, err
	}
	rep, err := db.Salvage(ctx, moved)
	if err != nil {
		db.Close()
		return nil, moved, SalvageReport{}, err
	}
	return db, moved, rep, nil
}
