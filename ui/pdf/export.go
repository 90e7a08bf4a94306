package pdf

import (
	"context"
	"io"

	"briefdesk/app"
	"briefdesk/data/outfile"
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

// Export prints pack p to the file at path through outfile.Write: the
// PDF is renamed into place only when it is whole and synced, so a failed
// export leaves no broken PDF behind and an existing file at path stays as
// it was; a device, a FIFO, a folder or a read-only file is refused.
func Export(ctx context.Context, corpus app.CorpusService, notes app.NoteService, p *app.Pack, me app.Author, path string) error {
	in, err := Gather(ctx, corpus, notes, p, me)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return outfile.Write(path, func(w io.Writer) error { return Render(w, in) })
}
