package cli

import (
	"flag"
	"fmt"
	"strings"

	"briefdesk/app"
)

// The note actions besides add: edit, delete and restore, as the window
// offers them. Each takes a note's ID, or enough of its start to name one
// note ("notes list" shows the first eight characters).

// minIDPrefix is the shortest start of an ID taken for the whole.
const minIDPrefix = 4

// findNote returns the note arg names: a whole ID, or the start of exactly
// one note's ID (deleted notes included, so that restore finds them).
func findNote(e *env, ns app.NoteService, arg string) (*app.Note, error) {
	arg = strings.ToLower(strings.TrimSpace(arg))
	if len(arg) == 36 {
		return ns.Note(e.ctx, arg)
	}
	if len(arg) < minIDPrefix {
		return nil, usagef("notes", "%q is too short for a note ID: give at least %d characters of it (notes list shows them)", arg, minIDPrefix)
	}
	all, err := ns.Notes(e.ctx, app.NoteFilter{IncludeDeleted: true})
	if err != nil {
		return nil, err
	}
	var found []app.Note
	for _, n := range all {
		if strings.HasPrefix(n.ID, arg) {
			found = append(found, n)
		}
	}
	switch len(found) {
	case 0:
		return nil, app.Errorf(app.ENOTFOUND, "no note has an ID starting %q (notes list --deleted shows them all); nothing was changed", arg)
	case 1:
		return &found[0], nil
	}
	return nil, usagef("notes", "%d notes have an ID starting %q: give more of it", len(found), arg)
}

// oneNoteArg is the single ID argument of edit, delete and restore.
func oneNoteArg(verb string, pos []string) (string, error) {
	if len(pos) != 1 {
		return "", usagef("notes", "notes %s takes one note ID (notes list shows them)", verb)
	}
	return pos[0], nil
}

func notesEdit(e *env, args []string) error {
	fs := e.flags("notes edit")
	text := fs.String("text", "", "")
	stance := fs.String("stance", "", "")
	priority := fs.Int("priority", 0, "")
	var tags stringList
	fs.Var(&tags, "tag", "")
	asJSON := fs.Bool("json", false, "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	arg, err := oneNoteArg("edit", pos)
	if err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if !set["text"] && !set["stance"] && !set["priority"] && !set["tag"] {
		return usagef("notes", "what should change? give --text, --stance, --tag or --priority")
	}
	var st app.Stance
	if set["stance"] {
		if st, err = app.ParseStance(*stance); err != nil {
			return usagef("notes", "%s", app.ErrorMessage(err))
		}
	}
	if set["priority"] && (*priority < 0 || *priority > 3) {
		return usagef("notes", "--priority is 0 (none), 1 (high), 2 (medium) or 3 (low)")
	}
	ns, err := e.notes()
	if err != nil {
		return err
	}
	n, err := findNote(e, ns, arg)
	if err != nil {
		return err
	}
	if n.Deleted {
		return app.Errorf(app.EINVALID, "note %s is deleted; restore it first (briefdesk notes restore %s); nothing was changed", n.ID, shortID(n.ID))
	}
	if set["text"] {
		n.Body = *text
	}
	if set["stance"] {
		n.Stance = st
	}
	if set["priority"] {
		n.Priority = *priority
	}
	if set["tag"] {
		n.Tags = tags // --tag "" alone removes them all: empty tags are dropped
	}
	if err := ns.SaveNote(e.ctx, n); err != nil {
		return err
	}
	if *asJSON {
		return e.writeJSON(newNoteJSON(*n))
	}
	fmt.Fprintf(e.out, "Updated note %s.\n", n.ID)
	return nil
}

func notesDelete(e *env, args []string) error {
	return setNoteDeleted(e, "delete", args, true)
}

func notesRestore(e *env, args []string) error {
	return setNoteDeleted(e, "restore", args, false)
}

// setNoteDeleted deletes (tombstones) or restores a note. Doing what is
// already done is no error: the note is as asked.
func setNoteDeleted(e *env, verb string, args []string, deleted bool) error {
	fs := e.flags("notes " + verb)
	asJSON := fs.Bool("json", false, "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	arg, err := oneNoteArg(verb, pos)
	if err != nil {
		return err
	}
	ns, err := e.notes()
	if err != nil {
		return err
	}
	n, err := findNote(e, ns, arg)
	if err != nil {
		return err
	}
	already := n.Deleted == deleted
	if !already {
		if deleted {
			err = ns.DeleteNote(e.ctx, n.ID)
		} else {
			err = ns.RestoreNote(e.ctx, n.ID)
		}
		if err != nil {
			return err
		}
		if n, err = ns.Note(e.ctx, n.ID); err != nil {
			return err
		}
	}
	if *asJSON {
		return e.writeJSON(newNoteJSON(*n))
	}
	switch {
	case already && deleted:
		fmt.Fprintf(e.out, "Note %s was already deleted; nothing changed.\n", n.ID)
	case already:
		fmt.Fprintf(e.out, "Note %s is not deleted; nothing changed.\n", n.ID)
	case deleted:
		fmt.Fprintf(e.out, "Deleted note %s. Colleagues who import your next export see it deleted too; undo with: briefdesk notes restore %s\n", n.ID, shortID(n.ID))
	default:
		fmt.Fprintf(e.out, "Restored note %s.\n", n.ID)
	}
	return nil
}

// shortID is the start of an ID that notes list shows and findNote takes.
func shortID(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}
