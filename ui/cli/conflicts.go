package cli

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"briefdesk/app"
)

// conflictJSON is one entry of `notes conflicts --json`.
type conflictJSON struct {
	ID       int64    `json:"id"`
	Local    noteJSON `json:"local"`
	Incoming noteJSON `json:"incoming"`
}

// notesConflicts lists the notes that were changed both here and in an
// imported file since the version both had, with both versions, so the
// command line can resolve what the import told the person about.
func notesConflicts(e *env, args []string) error {
	fs := e.flags("notes conflicts")
	asJSON := fs.Bool("json", false, "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("notes", "unexpected argument %q", pos[0])
	}
	ns, err := e.notes()
	if err != nil {
		return err
	}
	cs, err := ns.Conflicts(e.ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]conflictJSON, len(cs))
		for i, c := range cs {
			out[i] = conflictJSON{c.ID, newNoteJSON(c.Local), newNoteJSON(c.Incoming)}
		}
		return e.writeJSON(out)
	}
	if len(cs) == 0 {
		fmt.Fprintln(e.out, e.L("no conflicts"))
		return nil
	}
	for _, c := range cs {
		where := join(" ", strconv.Itoa(c.Local.Resolution), c.Local.ClauseID)
		fmt.Fprintf(e.out, "Conflict %d, on note %s (resolution %s):\n", c.ID, c.Local.ID, where)
		for _, v := range []struct {
			label string
			n     app.Note
		}{{"  mine:  ", c.Local}, {"  theirs:", c.Incoming}} {
			head := v.label + " " + join(", ", v.n.Author.Name, v.n.Author.Delegation,
				e.L(string(v.n.Stance)), v.n.Updated.Local().Format("2006-01-02 15:04"))
			if v.n.Origin.File != "" {
				head += ", from " + v.n.Origin.File
			}
			fmt.Fprintln(e.out, clean(head, false))
			body := v.n.Body
			if v.n.Deleted {
				// A tombstone keeps the words it deleted: without this the
				// listing shows a deletion as if it were text to keep.
				body = "[deleted: this version deletes the note] " + body
			}
			writePara(e.out, 12, "", body, e.width)
		}
	}
	fmt.Fprintln(e.out, "\nKeep one version, or both, with: briefdesk notes resolve NUMBER --keep mine|theirs|both (NUMBER: the conflict's number above; both: theirs becomes a new note)")
	return nil
}

// notesResolve keeps one version of a conflicting note, or both.
func notesResolve(e *env, args []string) error {
	fs := e.flags("notes resolve")
	keep := fs.String("keep", "", "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("notes", "resolve one conflict: notes resolve ID --keep mine|theirs|both (IDs from notes conflicts)")
	}
	choice, err := app.ParseKeep(strings.ToLower(strings.TrimSpace(*keep)))
	if err != nil {
		return usagef("notes", "--keep mine, --keep theirs or --keep both")
	}
	ns, err := e.notes()
	if err != nil {
		return err
	}
	id, err := conflictNumber(e, ns, pos[0])
	if err != nil {
		return err
	}
	if err := ns.ResolveConflict(e.ctx, id, choice); err != nil {
		return err
	}
	which := map[app.Keep]string{
		app.KeepMine:   "kept your version",
		app.KeepTheirs: "kept their version",
		app.KeepBoth:   "kept both: yours as it is, theirs as a new note",
	}[choice]
	fmt.Fprintf(e.out, "Conflict %d resolved: %s.\n", id, which)
	return nil
}

// conflictNumber takes a conflict's number, or the ID (or the start of the
// ID) of the note it is about when that note has exactly one conflict.
func conflictNumber(e *env, ns app.NoteService, arg string) (int64, error) {
	cs, err := ns.Conflicts(e.ctx)
	if err != nil {
		return 0, err
	}
	// A note ID's start can be all digits ("41063051"): a number is the
	// conflict's only when such a conflict exists.
	num, numErr := strconv.ParseInt(arg, 10, 64)
	if numErr == nil && num > 0 && slices.ContainsFunc(cs, func(c app.Conflict) bool { return c.ID == num }) {
		return num, nil
	}
	prefix := strings.ToLower(strings.TrimSpace(arg))
	if len(prefix) >= 4 {
		var found []int64
		for _, c := range cs {
			if strings.HasPrefix(c.Local.ID, prefix) {
				found = append(found, c.ID)
			}
		}
		if len(found) == 1 {
			return found[0], nil
		}
		if len(found) > 1 {
			return 0, usagef("notes", "note %s has %d conflicts: give the conflict's number (notes conflicts lists them)", arg, len(found))
		}
	}
	if numErr == nil && num > 0 {
		return num, nil // no such conflict: the service says so
	}
	return 0, usagef("notes", "%q is not a conflict: give its number, or its note's ID, from notes conflicts", arg)
}
