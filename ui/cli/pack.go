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
--checklist      add the part "What ITU-D is asked to do" (one row per clause
                 that asks something of ITU-D, BDT or its Director)
--clause-ids     print each clause's ID (44/resolves/2) small in the margin
--lang zh|en     the pack's language: headings, labels, dates, bookmarks
                 (default: the saved pack's, else the interface language)
-o FILE.pdf      where to write (written whole, then renamed into place;
                 "-o -" writes the PDF to standard output)
--save NAME      also save this pack definition in the database
--dry-run        say what would be printed and why each resolution is in it,
                 write nothing (with --json: the pack definition as JSON)
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
	checklist := fs.Bool("checklist", false, "")
	clauseIDs := fs.Bool("clause-ids", false, "")
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
	var picks []app.PresetPick // why a preset chose each resolution
	total := 0
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
			if picks, err = app.PresetPicks(*preset, rs); err != nil {
				return err
			}
			total = len(rs)
			for _, pk := range picks {
				p.Resolutions = append(p.Resolutions, pk.Number)
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
	if set["checklist"] || *saved == "" {
		p.Options.Checklist = *checklist
	}
	if set["clause-ids"] || *saved == "" {
		p.Options.ClauseIDs = *clauseIDs
	}
	// --lang names the pack's language; without it a saved pack keeps
	// its own and a new one takes the interface language when printed.
	if set["lang"] {
		p.Lang = e.g.Lang
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

	// Print in the pack's language, or the interface's; a saved pack
	// without one keeps it that way (the pack saved below is p as given,
	// not this copy).
	printed := *p
	printed.Lang = p.PackLang(e.lang())
	if *saved == "" && !set["title"] && printed.Lang == app.LangZH {
		printed.Title = zhTitles[*preset]
	}
	if *dry {
		if *asJSON {
			j := newPackJSON(p)
			// For programs: the reasons stay English whatever the
			// interface language, so a script reads the same words.
			j.Reasons = reasons(&packWordsEN, *preset, picks, p.Resolutions, add)
			return e.writeJSON(j)
		}
		w := wordsFor(e.lang())
		fmt.Fprintf(e.out, w.header, printed.Title, p.TargetName(), p.Date, printed.Lang,
			w.count(len(p.Resolutions)), w.numbers(p.Resolutions))
		writeReasons(e.out, w, *preset, picks, total, p.Resolutions, add)
		return nil
	}
	// Print first, then save: a print that fails (a damaged notes table,
	// an output that cannot be written) must not leave a pack saved
	// behind a message that says nothing changed.
	if *out != "" {
		if err := printPack(e, db, &printed, set, *authorName, *delegation, *out); err != nil {
			return err
		}
		if msg := scopeNote(wordsFor(e.lang()), *preset, len(picks), total); msg != "" && *out != "-" {
			fmt.Fprintln(e.out, msg)
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
func printPack(e *env, db Store, p *app.Pack, set map[string]bool, authorName, delegation, out string) error {
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

// writeReasons says why each resolution is in the pack: the reference or
// clause that made the preset choose it, or that --res added it; and
// warns when a preset chose one resolution or all of them, so the
// delegate adds or removes resolutions knowingly; in the words of ws,
// the command line's language.
func writeReasons(w io.Writer, ws *packWords, preset string, picks []app.PresetPick, total int, nums, added []int) {
	for _, r := range reasons(ws, preset, picks, nums, added) {
		fmt.Fprintf(w, ws.res, r.Resolution, r.Reason)
	}
	if msg := scopeNote(ws, preset, len(picks), total); msg != "" {
		fmt.Fprintln(w, msg)
	}
}

// reasonJSON says why a resolution is in a pack.
type reasonJSON struct {
	Resolution int    `json:"resolution"`
	Reason     string `json:"reason"`
	Ref        string `json:"ref,omitempty"`
	ClauseID   string `json:"clause_id,omitempty"`
}

// reasons says why each of nums is in the pack: the reference or clause
// that made the preset pick it, --res, or the saved pack.
func reasons(ws *packWords, preset string, picks []app.PresetPick, nums, added []int) []reasonJSON {
	by := map[int]reasonJSON{}
	for _, pk := range picks {
		by[pk.Number] = reasonJSON{pk.Number, ws.pickReason(preset, pk), pk.Ref, pk.ClauseID}
	}
	for _, n := range added {
		if _, ok := by[n]; !ok {
			by[n] = reasonJSON{Resolution: n, Reason: ws.added}
		}
	}
	out := make([]reasonJSON, 0, len(nums))
	for _, n := range nums {
		r, ok := by[n]
		if !ok {
			r = reasonJSON{Resolution: n, Reason: ws.saved}
		}
		out = append(out, r)
	}
	return out
}

// scopeNote warns when a preset picked one resolution or all of them.
func scopeNote(ws *packWords, preset string, picked, total int) string {
	if preset == "" {
		return ""
	}
	switch app.PresetScope(picked, total) {
	case "one":
		return fmt.Sprintf(ws.one, preset, total)
	case "all":
		return fmt.Sprintf(ws.all, preset, total)
	case "none":
		return fmt.Sprintf(ws.none, preset, total)
	}
	return ""
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

// zhTitles are newPack's titles in a Chinese pack.
var zhTitles = map[string]string{
	app.PresetSG1: "供ITU-D第1研究组参考的WTSA-20决议",
	app.PresetSG2: "供ITU-D第2研究组参考的WTSA-20决议",
	app.PresetBDT: "要求BDT开展工作的WTSA-20决议",
	app.PresetAll: "WTSA-20决议",
	"":            "WTSA-20决议",
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
	Lang         string `json:"lang,omitempty"`
	Checklist    bool   `json:"checklist,omitempty"`
	ClauseIDs    bool   `json:"clause_ids,omitempty"`
	// Reasons, in --dry-run --json only: why each resolution is in.
	Reasons []reasonJSON `json:"reasons,omitempty"`
	Updated string       `json:"updated,omitempty"`
}

func newPackJSON(p *app.Pack) packJSON {
	rs := p.Resolutions
	if rs == nil {
		rs = []int{}
	}
	j := packJSON{p.Name, p.Title, p.Target, p.TargetLabel, p.Author, p.Delegation, p.Meeting, p.Date, rs,
		p.Options.Notes, p.Options.Clauses, p.Options.Overview, p.Options.RefsAppendix, p.Lang,
		p.Options.Checklist, p.Options.ClauseIDs, nil, ""}
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
	t := textTable{Header: []string{"Name", "Title", "Target", "Resolutions"}}
	for _, p := range packs {
		t.Rows = append(t.Rows, []string{p.Name, p.Title, p.TargetName(), strconv.Itoa(len(p.Resolutions))})
	}
	return t.Write(e.out)
}
