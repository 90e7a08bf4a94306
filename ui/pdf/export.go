package pdf

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"briefdesk/app"
)

// Gather reads what pack p prints through the services: the source, the
// pack's resolutions in pack order (a number the corpus lacks is an
// ENOTFOUND error), and, if notes is not nil and the pack prints notes,
// the notes on those resolutions.
//
// A pack printed without being saved (briefdesk pack --preset ...) needs
// no name; everything else Pack.Validate checks must hold.
func Gather(ctx context.Context, corpus app.CorpusService, notes app.NoteService, p *app.Pack, me app.Author) (Input, error) {
	check := *p
	if check.Name == "" {
		check.Name = "unsaved"
	}
	if err := check.Validate(); err != nil {
		return Input{}, err
	}
	if len(p.Resolutions) == 0 {
		return Input{}, app.Errorf(app.EINVALID, "pack %q has no resolutions to print", p.Name)
	}
	in := Input{Pack: *p, Me: me}
	var err error
	if in.Source, err = corpus.Source(ctx); err != nil {
		return Input{}, err
	}
	all, err := corpus.Resolutions(ctx, app.ResolutionFilter{Full: true})
	if err != nil {
		return Input{}, err
	}
	byNum := make(map[int]*app.Resolution, len(all))
	for i := range all {
		byNum[all[i].Number] = &all[i]
	}
	for _, n := range p.Resolutions {
		r, ok := byNum[n]
		if !ok {
			return Input{}, app.Errorf(app.ENOTFOUND, "resolution %d is not in the corpus; remove it from pack %q", n, p.Name)
		}
		in.Resolutions = append(in.Resolutions, *r)
	}
	if notes != nil && (p.Options.Notes == app.NotesMine || p.Options.Notes == app.NotesAll) {
		ns, err := notes.Notes(ctx, app.NoteFilter{Mine: p.Options.Notes == app.NotesMine})
		if err != nil {
			return Input{}, err
		}
		in.Notes = ns
	}
	return in, nil
}

// Export prints pack p to the file at path. It renders into a temporary
// file in the same folder and renames it into place only when the whole
// PDF is written and synced, so a failed export leaves no broken PDF
// behind, and an existing file at path stays as it was.
func Export(ctx context.Context, corpus app.CorpusService, notes app.NoteService, p *app.Pack, me app.Author, path string) error {
	in, err := Gather(ctx, corpus, notes, p, me)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return writeAtomic(path, func(f *os.File) error {
		w := bufio.NewWriterSize(f, 256<<10)
		if err := Render(w, in); err != nil {
			return err
		}
		return w.Flush()
	})
}

// writeAtomic writes a file through a temporary sibling and a rename.
func writeAtomic(path string, write func(*os.File) error) (err error) {
	dir := filepath.Dir(path)
	if fi, statErr := os.Stat(path); statErr == nil && fi.IsDir() {
		return app.Errorf(app.EINVALID, "%s is a folder; choose a file name for the PDF", path)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return &app.Error{Code: app.EINVALID, Message: fmt.Sprintf("cannot write in folder %s", dir), Err: err}
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	// CreateTemp makes the file 0600; a PDF is for sharing.
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return &app.Error{Code: app.EINVALID, Message: fmt.Sprintf("cannot write %s; nothing was changed", path), Err: err}
	}
	return nil
}
