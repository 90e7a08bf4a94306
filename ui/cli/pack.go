package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/ui/pdf"
)

var cmdPack = &command{
	name:     "pack",
	synopsis: "--preset itu-d-sg1|itu-d-sg2|bdt|all [--res 44,50] [options] -o FILE.pdf\n       briefdesk pack --saved NAME [options] -o FILE.pdf\n       briefdesk pack --list [--json]",
	summary:  "print a PDF briefing pack",
	help: `--preset P       choose the resolutions: itu-d-sg1 / itu-d-sg2 (citing that
                 study group or its Questions), bdt (a clause addresses BDT or
                 ITU-D), all (all 28)
--res LIST       add resolutions to the preset, comma-separated; a leading "-"
                 removes one: --res 44,50  --res=-44  --res 2,-44
                 (--res alone, without --preset, makes a pack of just those)
--saved NAME     print a pack saved in the database (the GUI's Packs view);
                 the options below override its settings for this print only
--notes none|mine|all   which notes to print (default none)
--clauses all|itu-d     full text, or only the clauses that name ITU-D / BDT
--title T, --meeting M, --target itu-d-sg1|itu-d-sg2|tdag|wtdc|custom
--author NAME, --delegation D   printed on the cover (default: the settings)
--date YYYY-MM-DD       the date printed in the pack (default today); the same
                        pack and data with the same date give the same file
--overview=false, --refs-appendix=false  leave those parts out
-o FILE.pdf      where to write (written whole, then renamed into place;
                 "-o -" writes the PDF to standard output)
--save NAME      also save this pack definition in the database
--dry-run        say what would be printed, write nothing (with --json: the
                 pack definition as JSON)
--list           list the saved packs
`,
	run: runPack,
}

func runPack(e *env, args []string) error {
	fs := e.flags("pack")
	preset := fs.String("preset", "", "")
	res := fs.String("res", "", "")
	saved := fs.String("saved", "", "")
	notes := fs.String("notes", "", "")
	clauses := fs.String("clauses", "", "")
	title := fs.String("title", "", "")
	meeting := fs.String("meeting", "", "")
	authorName := fs.String("author", "", "")
	delegation := fs.String("delegation", "", "")
	target := fs.String("target", "", "")
	date := fs.String("date", "", "")
	overview := fs.Bool("overview", true, "")
	refsAppendix := fs.Bool("refs-appendix", true, "")
	out := fs.String("o", "", "")
	fs.StringVar(out, "output", "", "")
	save := fs.String("save", "", "")
	dry := fs.Bool("dry-run", false, "")
	list := fs.Bool("list", false, "")
	asJSON := fs.Bool("json", false, "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("pack", "unexpected argument %q (the file goes after -o)", pos[0])
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *list {
		return listPacks(e, *asJSON)
	}

	// Check everything that does not need the database first.
	switch {
	case *saved != "" && *preset != "":
		return usagef("pack", "--saved and --preset exclude each other")
	case *saved == "" && *preset == "" && *res == "":
		return usagef("pack", "which resolutions? give --preset, --res or --saved")
	case *out == "" && *save == "" && !*dry:
		return usagef("pack", "where to? give -o FILE.pdf")
	case *preset != "" && !slices.Contains(app.Presets, *preset):
		return usagef("pack", "unknown preset %q: want one of %s", *preset, strings.Join(app.Presets, ", "))
	}
	add, remove, err := parseResList(*res)
	if err != nil {
		return usagef("pack", "--res: %v", err)
	}
	if *date != "" {
		if _, err := time.Parse(app.DateLayout, *date); err != nil {
			return usagef("pack", "--date %q is not YYYY-MM-DD", *date)
		}
	}
	db, err := e.store()
	if err != nil {
		return err
	}
	var p *app.Pack
	if *saved != "" {
		if p, err = db.Pack(e.ctx, *saved); err != nil {
			return err
		}
	} else {
		p = newPack(*preset)
		a, err := e.author()
		if err != nil {
			return err
		}
		p.Author, p.Delegation = a.Name, a.Delegation
		if *preset != "" {
			rs, err := db.Resolutions(e.ctx, app.ResolutionFilter{Full: true})
			if err != nil {
				return err
			}
			if p.Resolutions, err = app.PresetResolutions(*preset, rs); err != nil {
				return err
			}
		}
	}
	if err := adjustResolutions(e, p, add, remove); err != nil {
		return err
	}
	// Options given on the command line win over the saved ones.
	strOpts := []struct {
		name string
		val  string
		dst  *string
	}{
		{"notes", *notes, &p.Options.Notes}, {"clauses", *clauses, &p.Options.Clauses},
		{"title", *title, &p.Title}, {"meeting", *meeting, &p.Meeting},
		{"target", *target, &p.Target}, {"date", *date, &p.Date},
		{"author", *authorName, &p.Author}, {"delegation", *delegation, &p.Delegation},
	}
	for _, o := range strOpts {
		if set[o.name] {
			*o.dst = o.val
		}
	}
	if set["overview"] || *saved == "" {
		p.Options.Overview = *overview
	}
	if set["refs-appendix"] || *saved == "" {
		p.Options.RefsAppendix = *refsAppendix
	}
	if p.Date == "" {
		p.Date = time.Now().Format(app.DateLayout)
	}
	if *save != "" {
		// Checked with the rest, before anything is printed or saved.
		p.Name = *save
	}
	if err := p.Validate(); err != nil {
		return usagef("pack", "%s", app.ErrorMessage(err))
	}
	if len(p.Resolutions) == 0 {
		return app.Errorf(app.EINVALID, "the pack has no resolutions; nothing was written")
	}

	if *dry {
		if *asJSON {
			return e.writeJSON(newPackJSON(p))
		}
		fmt.Fprintf(e.out, "%s (%s, %s): %s: %s\n", p.Title, p.TargetName(), p.Date,
			plural(len(p.Resolutions), "resolution"), joinInts(p.Resolutions))
		return nil
	}
	// Print first, then save: a print that fails (a damaged notes table,
	// an output that cannot be written) must not leave a pack saved
	// behind a message that says nothing changed.
	if *out != "" {
		if err := printPack(e, db, p, set, *authorName, *delegation, *out); err != nil {
			return err
		}
	}
	if *save != "" {
		if err := db.SavePack(e.ctx, p); err != nil {
			return err
		}
		report := e.out
		if *out == "-" {
			report = e.errw // standard output holds the PDF alone
		}
		fmt.Fprintf(report, "Saved pack %q (%s).\n", p.Name, plural(len(p.Resolutions), "resolution"))
	}
	return nil
}

// printPack writes the PDF of p to out ("-": standard output); the
// author and delegation given on the command line win over the settings.
func printPack(e *env, db *data.DB, p *app.Pack, set map[string]bool, authorName, delegation, out string) error {
	me, err := e.author()
	if err != nil {
		return err
	}
	if set["author"] {
		me.Name = authorName
	}
	if set["delegation"] {
		me.Delegation = delegation
	}
	if out == "-" {
		in, err := pdf.Gather(e.ctx, db, db, p, me)
		if err != nil {
			return err
		}
		return e.writeOutput("-", func(w io.Writer) error { return pdf.Render(w, in) })
	}
	if err := pdf.Export(e.ctx, db, db, p, me, out); err != nil {
		return err
	}
	if b, err := os.ReadFile(out); err == nil {
		fmt.Fprintf(e.out, "Wrote %s: %s, %s, %d bytes.\n", out, plural(len(p.Resolutions), "resolution"),
			plural(len(pdfPage.FindAll(b, -1)), "page"), len(b))
	}
	return nil
}

// pdfPage matches the dictionary of each page object gofpdf writes (not
// the /Pages tree), to tell a person how long the pack came out.
var pdfPage = regexp.MustCompile(`/Type /Page\b[^s]`)

// newPack starts a pack for a preset (or for a hand-made list when preset
// is ""): its target and a title that says what it is.
func newPack(preset string) *app.Pack {
	p := &app.Pack{Name: "briefdesk pack", Options: app.PackOptions{Clauses: app.ClausesAll, Notes: app.NotesNone}}
	switch preset {
	case app.PresetSG1:
		p.Target, p.Title = app.TargetSG1, "WTSA-20 resolutions for ITU-D Study Group 1"
	case app.PresetSG2:
		p.Target, p.Title = app.TargetSG2, "WTSA-20 resolutions for ITU-D Study Group 2"
	case app.PresetBDT:
		p.Target, p.TargetLabel, p.Title = app.TargetCustom, "BDT / ITU-D", "WTSA-20 resolutions addressing BDT and ITU-D"
	default:
		p.Target, p.TargetLabel, p.Title = app.TargetCustom, "WTSA-20", "WTSA-20 resolutions"
	}
	return p
}

// adjustResolutions applies --res to p: adds (checking they exist) and
// removes, keeping the list sorted and without repeats.
func adjustResolutions(e *env, p *app.Pack, add, remove []int) error {
	if len(add) > 0 {
		rs, err := e.db.Resolutions(e.ctx, app.ResolutionFilter{})
		if err != nil {
			return err
		}
		for _, n := range add {
			if !slices.ContainsFunc(rs, func(r app.Resolution) bool { return r.Number == n }) {
				return app.Errorf(app.ENOTFOUND, "there is no resolution %d; nothing was written", n)
			}
		}
	}
	out := slices.Concat(p.Resolutions, add)
	out = slices.DeleteFunc(out, func(n int) bool { return slices.Contains(remove, n) })
	slices.Sort(out)
	p.Resolutions = slices.Compact(out)
	return nil
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}

// packJSON is a pack definition in `pack --list --json` and
// `pack --dry-run --json`.
type packJSON struct {
	Name         string `json:"name"`
	Title        string `json:"title"`
	Target       string `json:"target"`
	TargetLabel  string `json:"target_label,omitempty"`
	Author       string `json:"author"`
	Delegation   string `json:"delegation"`
	Meeting      string `json:"meeting"`
	Date         string `json:"date"`
	Resolutions  []int  `json:"resolutions"`
	Notes        string `json:"notes"`
	Clauses      string `json:"clauses"`
	Overview     bool   `json:"overview"`
	RefsAppendix bool   `json:"refs_appendix"`
	Updated      string `json:"updated,omitempty"`
}

func newPackJSON(p *app.Pack) packJSON {
	rs := p.Resolutions
	if rs == nil {
		rs = []int{}
	}
	j := packJSON{p.Name, p.Title, p.Target, p.TargetLabel, p.Author, p.Delegation, p.Meeting, p.Date, rs,
		p.Options.Notes, p.Options.Clauses, p.Options.Overview, p.Options.RefsAppendix, ""}
	if !p.Updated.IsZero() {
		j.Updated = p.Updated.UTC().Format(time.RFC3339)
	}
	return j
}

func listPacks(e *env, asJSON bool) error {
	db, err := e.store()
	if err != nil {
		return err
	}
	packs, err := db.Packs(e.ctx)
	if err != nil {
		return err
	}
	if asJSON {
		out := make([]packJSON, len(packs))
		for i := range packs {
			out[i] = newPackJSON(&packs[i])
		}
		return e.writeJSON(out)
	}
	if len(packs) == 0 {
		fmt.Fprintln(e.out, "No saved packs. Save one with: briefdesk pack --preset itu-d-sg1 --save NAME")
		return nil
	}
	t := Table{Header: []string{"Name", "Title", "Target", "Resolutions"}}
	for _, p := range packs {
		t.Rows = append(t.Rows, []string{p.Name, p.Title, p.TargetName(), strconv.Itoa(len(p.Resolutions))})
	}
	return t.Write(e.out)
}
