package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"briefdesk/app"
)

// maxDocument bounds the size of a source document: the real one is 61 KB.
const maxDocument = 20 << 20

var cmdLoad = &command{
	name:     "load",
	synopsis: "FILE | --builtin [--dry-run] [--json]",
	summary:  "load another edition of the source document (notes are kept)",
	help: `Parses FILE — a text export of the WTSA-20 document, in the same form as
the one BriefDesk carries — and replaces the resolutions with it, in one
transaction. Notes, packs and settings are kept; notes whose clause is gone
or whose text changed are marked as needing re-anchoring. A file that is not
a document of this form is refused with what was expected and where parsing
stopped, and nothing is changed. Loading the same text again changes nothing.
--builtin   load the document built into BriefDesk instead of a file
--dry-run   parse and report only; nothing is changed
--json      JSON: {file, dry_run, unchanged, resolutions, clauses, footnotes,
            refs, notes_need_reanchoring}
`,
	run: runLoad,
}

type loadJSON struct {
	File        string `json:"file"`
	DryRun      bool   `json:"dry_run"`
	Unchanged   bool   `json:"unchanged"`
	Resolutions int    `json:"resolutions"`
	Clauses     int    `json:"clauses"`
	Footnotes   int    `json:"footnotes"`
	Refs        int    `json:"refs"`
	NeedAnchor  int    `json:"notes_need_reanchoring"`
}

func runLoad(e *env, args []string) error {
	fs := e.flags("load")
	builtin := fs.Bool("builtin", false, "")
	dry := fs.Bool("dry-run", false, "")
	asJSON := fs.Bool("json", false, "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	var c *app.Corpus
	name := e.s.BuiltinName + " (built in)"
	switch {
	case *builtin && len(pos) == 0:
		c, err = e.s.Builtin()
	case !*builtin && len(pos) == 1:
		name = pos[0]
		c, err = parseDocument(pos[0], e.s.Parse)
	default:
		return usagef("load", "give one document FILE, or --builtin")
	}
	if err != nil {
		return err
	}
	out := loadJSON{File: name, DryRun: *dry}
	for _, r := range c.Resolutions {
		out.Resolutions++
		out.Clauses += len(r.Clauses)
		out.Footnotes += len(r.Footnotes)
		out.Refs += len(r.Refs)
	}
	db, err := e.store()
	if err != nil {
		return err
	}
	if *dry {
		// What the load would do: the same text, and which notes would lose
		// their clause or see its text change.
		src, err := db.Source(e.ctx)
		if err != nil {
			return err
		}
		out.Unchanged = src.Fingerprint == c.Source.Fingerprint
		hashes := map[string]string{}
		for _, r := range c.Resolutions {
			for _, cl := range r.Clauses {
				hashes[cl.ID] = app.ClauseHash(cl.Text)
			}
		}
		notes, err := db.Notes(e.ctx, app.NoteFilter{})
		if err != nil {
			return err
		}
		for _, n := range notes {
			if h, ok := hashes[n.ClauseID]; n.ClauseID != "" && (!ok || h != n.ClauseHash) {
				out.NeedAnchor++
			}
		}
	} else {
		st, err := db.Import(e.ctx, c)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		out.Unchanged = st.Unchanged
		notes, err := db.Notes(e.ctx, app.NoteFilter{})
		if err != nil {
			return err
		}
		for _, n := range notes {
			if n.NeedsReanchor {
				out.NeedAnchor++
			}
		}
	}
	if *asJSON {
		return e.writeJSON(out)
	}
	counts := join(", ", plural(out.Resolutions, "resolution"), plural(out.Clauses, "clause"), plural(out.Footnotes, "footnote"), plural(out.Refs, "reference"))
	switch {
	case *dry:
		fmt.Fprintf(e.out, "%s is a valid document: %s. Nothing was changed (dry run).\n", name, counts)
	case out.Unchanged:
		fmt.Fprintf(e.out, "%s holds the text already loaded (%s); nothing was changed.\n", name, counts)
	default:
		fmt.Fprintf(e.out, "Loaded %s: %s.\n", name, counts)
	}
	if out.NeedAnchor > 0 {
		verb := "need"
		if out.NeedAnchor == 1 {
			verb = "needs"
		}
		if *dry {
			verb = "would need"
		}
		fmt.Fprintf(e.out, "%s %s re-anchoring: their clause is gone or its text changed (briefdesk notes list, or the Notes view).\n", plural(out.NeedAnchor, "note"), verb)
	}
	return nil
}

// parseDocument reads a source document and parses it with parse,
// refusing one that is too large before reading it all.
func parseDocument(path string, parse func(string, []byte) (*app.Corpus, error)) (*app.Corpus, error) {
	f, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxDocument+1))
	if err != nil {
		return nil, &app.Error{Code: app.EINVALID, Message: fmt.Sprintf("cannot read %s (%s); nothing was changed", path, osReason(err)), Err: err}
	}
	if len(b) > maxDocument {
		return nil, app.Errorf(app.EINVALID, "%s is larger than %d MB, far more than a resolutions document; nothing was changed", path, maxDocument>>20)
	}
	c, err := parse(filepath.Base(path), b)
	if err != nil {
		return nil, &app.Error{Code: app.EINVALID, Message: app.ErrorMessage(err) + "; nothing was changed", Err: err}
	}
	return c, nil
}

// osReason is the operating system's reason for a file error, without the
// path it repeats: "no such file or directory", "is a directory".
func osReason(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
