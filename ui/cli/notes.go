package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"briefdesk/app"
)

var cmdNotes = &command{
	name:     "notes",
	synopsis: "add|edit|delete|restore|list|export|import|conflicts|resolve ...",
	summary:  "write, change, delete, list, export and import notes",
	help: `notes add N [--clause ID] --text TEXT [--stance S] [--tag T]... [--priority P]
          [--author NAME] [--delegation D] [--json]
    a note on resolution N, or on one of its clauses (IDs as "show N --ids"
    prints them: 44/instructs/9, or just instructs/9). Stance: support,
    concern, watch or none. Priority: 1 high, 2 medium, 3 low. The author
    defaults to the name saved in the settings, else $USER.
notes edit ID [--text T] [--stance S] [--tag T]... [--priority P] [--json]
    change a note (ID: the whole ID, or its first characters as notes list
    shows them); --tag replaces the note's tags (--tag "" removes them all)
notes delete ID [--json]
    delete a note; the deletion travels in your next export
notes restore ID [--json]
    bring a deleted note back (notes list --deleted shows deleted notes)
notes list [--author A] [--res N] [--stance S] [--tag T] [--mine|--others]
           [--deleted] [--json]
notes export [--author A] [--res N] [--mine] [--pack NAME]... [-o FILE]
    a .briefnotes file for colleagues (default: standard output)
notes import FILE [--dry-run] [--json]
    merge a colleague's .briefnotes file; --dry-run only says what would
    happen. A rejected file exits 1 and changes nothing.
notes conflicts [--json]
    notes changed both here and in an imported file since the version both
    had: both versions
notes resolve NUMBER --keep mine|theirs|both
    keep one version of a conflicting note, or both (theirs becomes a new
    note); NUMBER from notes conflicts, or the note's ID
`,
	run: runNotes,
}

func runNotes(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("notes", "notes what? add, edit, delete, restore, list, export, import, conflicts or resolve")
	}
	switch args[0] {
	case "add":
		return notesAdd(e, args[1:])
	case "edit":
		return notesEdit(e, args[1:])
	case "delete", "rm":
		return notesDelete(e, args[1:])
	case "restore":
		return notesRestore(e, args[1:])
	case "list", "ls":
		return notesList(e, args[1:])
	case "export":
		return notesExport(e, args[1:])
	case "import":
		return notesImport(e, args[1:])
	case "conflicts":
		return notesConflicts(e, args[1:])
	case "resolve":
		return notesResolve(e, args[1:])
	case "-h", "--help", "help":
		return errHelp
	}
	return usagef("notes", "unknown notes command %q: want add, edit, delete, restore, list, export, import, conflicts or resolve", args[0])
}

// notes is the note service of the database.
func (e *env) notes() (app.NoteService, error) {
	db, err := e.store()
	if err != nil {
		return nil, err
	}
	return db, nil
}

// author is who writes here: the saved name and delegation, else the
// login name.
func (e *env) author() (app.Author, error) {
	db, err := e.store()
	if err != nil {
		return app.Author{}, err
	}
	var a app.Author
	if a.Name, err = db.Setting(e.ctx, app.SettingAuthorName); err != nil {
		return a, err
	}
	if a.Delegation, err = db.Setting(e.ctx, app.SettingAuthorDelegation); err != nil {
		return a, err
	}
	if a.Name == "" {
		a.Name = os.Getenv("USER")
	}
	if a.Name == "" {
		a.Name = os.Getenv("USERNAME") // Windows
	}
	if a.Name == "" {
		// Services and containers often set no $USER; a note needs a name.
		if u, err := user.Current(); err == nil {
			a.Name = u.Username
		}
	}
	return a, nil
}

func notesAdd(e *env, args []string) error {
	fs := e.flags("notes add")
	clause := fs.String("clause", "", "")
	text := fs.String("text", "", "")
	stance := fs.String("stance", "", "")
	priority := fs.Int("priority", 0, "")
	var tags stringList
	fs.Var(&tags, "tag", "")
	name := fs.String("author", "", "")
	delegation := fs.String("delegation", "", "")
	asJSON := fs.Bool("json", false, "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	n, err := oneNumber("notes", pos)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*text) == "" {
		return usagef("notes", "a note needs --text")
	}
	st, err := app.ParseStance(*stance)
	if err != nil {
		return usagef("notes", "%s", app.ErrorMessage(err))
	}
	if *priority < 0 || *priority > 3 {
		return usagef("notes", "--priority is 1 (high), 2 (medium) or 3 (low)")
	}
	clauseID, err := clauseRef(n, *clause)
	if err != nil {
		return err
	}
	ns, err := e.notes()
	if err != nil {
		return err
	}
	a, err := e.author()
	if err != nil {
		return err
	}
	if *name != "" {
		a.Name = *name
	}
	if *delegation != "" {
		a.Delegation = *delegation
	}
	note := &app.Note{Resolution: n, ClauseID: clauseID, Author: a, Body: *text, Stance: st, Priority: *priority, Tags: tags}
	if err := ns.SaveNote(e.ctx, note); err != nil {
		return err
	}
	if *asJSON {
		return e.writeJSON(newNoteJSON(*note))
	}
	where := fmt.Sprintf("%s %d", e.L("Resolution"), n)
	if clauseID != "" {
		where = clauseID
	}
	fmt.Fprintf(e.out, "Saved note %s on %s.\n", note.ID, where)
	return nil
}

// clauseRef completes a clause ID given for resolution n ("instructs/9"
// becomes "44/instructs/9") and refuses one of another resolution.
func clauseRef(n int, id string) (string, error) {
	id = strings.TrimSpace(id)
	if id == "" {
		return "", nil
	}
	prefix := strconv.Itoa(n) + "/"
	if strings.HasPrefix(id, prefix) {
		return id, nil
	}
	if first, _, ok := strings.Cut(id, "/"); ok {
		if _, err := strconv.Atoi(first); err == nil {
			return "", usagef("notes", "clause %s is not in resolution %d", id, n)
		}
	}
	return prefix + id, nil
}

// noteJSON is a note in `notes list --json`.
type noteJSON struct {
	ID            string     `json:"id"`
	Resolution    int        `json:"resolution"`
	ClauseID      string     `json:"clause_id"`
	Author        string     `json:"author"`
	Delegation    string     `json:"delegation"`
	Text          string     `json:"text"`
	Stance        app.Stance `json:"stance"`
	Priority      int        `json:"priority"`
	Tags          []string   `json:"tags"`
	Created       string     `json:"created"`
	Updated       string     `json:"updated"`
	Deleted       bool       `json:"deleted"`
	Imported      bool       `json:"imported"`
	File          string     `json:"file,omitempty"`
	NeedsReanchor bool       `json:"needs_reanchor"`
}

func newNoteJSON(n app.Note) noteJSON {
	tags := n.Tags
	if tags == nil {
		tags = []string{}
	}
	return noteJSON{
		ID: n.ID, Resolution: n.Resolution, ClauseID: n.ClauseID,
		Author: n.Author.Name, Delegation: n.Author.Delegation, Text: n.Body,
		Stance: n.Stance, Priority: n.Priority, Tags: tags,
		Created: n.Created.UTC().Format(time.RFC3339), Updated: n.Updated.UTC().Format(time.RFC3339),
		Deleted: n.Deleted, Imported: n.Origin.Imported, File: n.Origin.File, NeedsReanchor: n.NeedsReanchor,
	}
}

// noteFilterFlags adds the options that select notes.
func noteFilterFlags(fs *flag.FlagSet) func() (app.NoteFilter, error) {
	author := fs.String("author", "", "")
	res := fs.String("res", "", "")
	mine := fs.Bool("mine", false, "")
	others := fs.Bool("others", false, "")
	return func() (app.NoteFilter, error) {
		f := app.NoteFilter{Author: *author, Mine: *mine, Others: *others}
		if *mine && *others {
			return f, usagef("notes", "--mine and --others exclude each other")
		}
		if *res != "" {
			n, ok := parseNumber(*res)
			if !ok {
				return f, usagef("notes", "--res %q is not a resolution number", *res)
			}
			f.Resolution = n
		}
		return f, nil
	}
}

func notesList(e *env, args []string) error {
	fs := e.flags("notes list")
	filter := noteFilterFlags(fs)
	stance := fs.String("stance", "", "")
	tag := fs.String("tag", "", "")
	deleted := fs.Bool("deleted", false, "")
	asJSON := fs.Bool("json", false, "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("notes", "unexpected argument %q", pos[0])
	}
	f, err := filter()
	if err != nil {
		return err
	}
	if *stance != "" {
		if f.Stance, err = app.ParseStance(*stance); err != nil {
			return usagef("notes", "%s", app.ErrorMessage(err))
		}
	}
	f.Tag, f.IncludeDeleted = *tag, *deleted
	ns, err := e.notes()
	if err != nil {
		return err
	}
	notes, err := ns.Notes(e.ctx, f)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]noteJSON, len(notes))
		for i, n := range notes {
			out[i] = newNoteJSON(n)
		}
		return e.writeJSON(out)
	}
	if len(notes) == 0 {
		fmt.Fprintln(e.out, e.L("no notes"))
		return nil
	}
	t := textTable{Header: []string{"ID", e.L("Resolution"), e.L("Clause"), e.L("Author"), e.L("Stance"), e.L("Updated"), e.L("Note")}}
	for _, n := range notes {
		where := n.ClauseID
		if n.NeedsReanchor {
			where += " (!)"
		}
		text := n.Body
		if n.Deleted {
			text = "[deleted] " + text
		}
		if len(n.Tags) > 0 {
			text += "  #" + strings.Join(n.Tags, " #")
		}
		t.Rows = append(t.Rows, []string{shortID(n.ID), strconv.Itoa(n.Resolution), where, join(", ", n.Author.Name, n.Author.Delegation),
			e.L(string(n.Stance)), n.Updated.Local().Format("2006-01-02 15:04"), text})
	}
	if e.width > 0 {
		t.Max = []int{0, 0, 0, 20, 0, 0, max(e.width-80, 30)}
	}
	return t.Write(e.out)
}

func notesExport(e *env, args []string) error {
	fs := e.flags("notes export")
	filter := noteFilterFlags(fs)
	var packs stringList
	fs.Var(&packs, "pack", "")
	var outPath string
	fs.StringVar(&outPath, "o", "", "")
	fs.StringVar(&outPath, "output", "", "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("notes", "unexpected argument %q (the file goes after -o)", pos[0])
	}
	f, err := filter()
	if err != nil {
		return err
	}
	ns, err := e.notes()
	if err != nil {
		return err
	}
	me, err := e.author()
	if err != nil {
		return err
	}
	f.IncludeDeleted = true // tombstones travel, so deletions reach colleagues
	notes, err := ns.Notes(e.ctx, f)
	if err != nil {
		return err
	}
	err = e.writeOutput(outPath, func(w io.Writer) error {
		return ns.ExportNotes(e.ctx, w, f, me, packs)
	})
	if err != nil {
		return err
	}
	if outPath != "" && outPath != "-" {
		fmt.Fprintf(e.out, "Exported %d notes to %s.\n", len(notes), outPath)
	}
	return nil
}

// importJSON is `notes import --json`.
type importJSON struct {
	File        string `json:"file"`
	DryRun      bool   `json:"dry_run"`
	Added       int    `json:"added"`
	Updated     int    `json:"updated"`
	Unchanged   int    `json:"unchanged"`
	Conflicts   int    `json:"conflicts"`
	NeedsAnchor int    `json:"needs_reanchor"`
	Kept        int    `json:"kept"`
	PacksAdded  int    `json:"packs_added"`
	PacksUpdate int    `json:"packs_updated"`
}

func notesImport(e *env, args []string) error {
	fs := e.flags("notes import")
	dry := fs.Bool("dry-run", false, "")
	asJSON := fs.Bool("json", false, "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("notes", "import one .briefnotes file at a time")
	}
	path := pos[0]
	f, err := openInput(path)
	if err != nil {
		return err
	}
	defer f.Close()
	ns, err := e.notes()
	if err != nil {
		return err
	}
	res, err := ns.ImportNotes(e.ctx, f, filepath.Base(path), *dry)
	if err != nil {
		return rejected(path, err)
	}
	if *asJSON {
		return e.writeJSON(importJSON{path, res.DryRun, res.Added, res.Updated, res.Unchanged, res.Conflicts, res.NeedsAnchor, res.Kept, res.PacksAdded, res.PacksUpdated})
	}
	counts := fmt.Sprintf("%d added, %d updated (changed only in the file), %d unchanged, %d conflicts (changed on both sides), %d needing re-anchoring, %d kept (changed only here)",
		res.Added, res.Updated, res.Unchanged, res.Conflicts, res.NeedsAnchor, res.Kept)
	if res.PacksAdded+res.PacksUpdated > 0 {
		counts += fmt.Sprintf("; briefing packs: %d added, %d updated", res.PacksAdded, res.PacksUpdated)
	}
	if *dry {
		fmt.Fprintf(e.out, "Dry run of %s: it would give %s. Nothing was changed.\n", path, counts)
	} else {
		fmt.Fprintf(e.out, "Imported %s: %s.\n", path, counts)
	}
	if res.Conflicts > 0 && !*dry {
		fmt.Fprintln(e.out, "Both versions of each conflicting note were kept; choose mine, theirs or both in the Notes view, or with briefdesk notes conflicts and notes resolve.")
	}
	return nil
}

// rejected makes sure the message of a refused import says that nothing
// changed, which is what a person most needs to know.
func rejected(path string, err error) error {
	msg := app.ErrorMessage(err)
	if !strings.Contains(strings.ToLower(msg), "nothing") {
		msg += "; nothing was changed"
	}
	// The data layer names the file by its base name; say it once.
	msg = strings.TrimPrefix(msg, filepath.Base(path)+": ")
	return &app.Error{Code: app.ErrorCode(err), Message: fmt.Sprintf("%s was not imported: %s", path, msg), Err: err}
}
