package cli

import (
	"errors"
	"fmt"
	"os"

	"briefdesk/app"
)

var cmdCheck = &command{
	name:     "check",
	synopsis: "[--json]",
	summary:  "check the database for damage (exit 1 when damaged)",
	help: `Runs SQLite's quick_check and foreign-key check, compares the search index
with the text it indexes and the corpus row counts with those recorded at
import. The database is opened read-only, as it is: check never writes,
imports, migrates or repairs; an empty file is reported, not filled.
--json  JSON: {path, ok, resolutions, clauses, footnotes, refs, passages,
        problems: [sentence]}
`,
	run: runCheck,
}

type checkJSON struct {
	Path        string   `json:"path"`
	OK          bool     `json:"ok"`
	Resolutions int      `json:"resolutions"`
	Clauses     int      `json:"clauses"`
	Footnotes   int      `json:"footnotes"`
	Refs        int      `json:"refs"`
	Passages    int      `json:"passages"`
	Problems    []string `json:"problems"`
}

func runCheck(e *env, args []string) error {
	fs := e.flags("check")
	asJSON := fs.Bool("json", false, "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("check", "unexpected argument %q (name the database with --db)", pos[0])
	}
	path, err := e.s.Path(e.g.DB)
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return app.Errorf(app.ENOTFOUND, "there is no database at %s (BriefDesk makes one on first use)", path)
	}
	// Not Open: a check must look at the file as it is, not import the
	// corpus into it first, nor migrate it, nor create a schema in an
	// empty file.
	rep, err := e.s.Check(e.ctx, path)
	if err != nil {
		return err
	}
	if *asJSON {
		problems := rep.Problems
		if problems == nil {
			problems = []string{}
		}
		err := e.writeJSON(checkJSON{path, rep.OK(), rep.Resolutions, rep.Clauses, rep.Footnotes, rep.Refs, rep.Passages, problems})
		if err == nil && !rep.OK() {
			err = damagedError(path, rep)
		}
		return err
	}
	fmt.Fprintf(e.out, "Database %s\n", path)
	if rep.Resolutions+rep.Clauses > 0 {
		fmt.Fprintf(e.out, "  %s, %s, %s, %s, %s\n", plural(rep.Resolutions, "resolution"), plural(rep.Clauses, "clause"),
			plural(rep.Footnotes, "footnote"), plural(rep.Refs, "reference"), plural(rep.Passages, "search passage"))
	}
	if rep.OK() {
		fmt.Fprintln(e.out, "OK: no problems found.")
		return nil
	}
	fmt.Fprintf(e.out, "DAMAGED: %s:\n", plural(len(rep.Problems), "problem"))
	for _, p := range rep.Problems {
		writePara(e.out, 2, "- ", p, e.width)
	}
	return damagedError(path, rep)
}

func damagedError(path string, rep app.CheckReport) error {
	return app.Errorf(app.EDAMAGED, "%s is damaged (%d problem(s)); export your notes if it still opens, then move it aside and BriefDesk will make a fresh one", path, len(rep.Problems))
}
