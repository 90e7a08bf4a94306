package cli

import (
	"fmt"
	"strconv"
	"strings"

	"briefdesk/app"
)

// corpus is the corpus service of the database.
func (e *env) corpus() (app.CorpusService, error) {
	db, err := e.store()
	if err != nil {
		return nil, err
	}
	return db, nil
}

// resJSON is a resolution in `list --json`.
type resJSON struct {
	Number  int        `json:"number"`
	Title   string     `json:"title"`
	Status  app.Status `json:"status"`
	Summary string     `json:"summary"`
}

var cmdList = &command{
	name:     "list",
	synopsis: "[--status new|revised|unchanged] [--ref KEY]... [--json]",
	summary:  "list the 28 resolutions",
	help: `--status S  only resolutions WTSA-20 made new, revised or left unchanged
--ref KEY   only resolutions citing KEY, e.g. "WTDC Res 59", "ITU-D SG2",
            "ITU-D Q3/2", "BDT" (see "briefdesk refs"); repeat to require several
--json      JSON: [{number, title, status, summary}]
`,
	run: runList,
}

func runList(e *env, args []string) error {
	fs := e.flags("list")
	status := fs.String("status", "", "")
	var refs stringList
	fs.Var(&refs, "ref", "")
	asJSON := fs.Bool("json", false, "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("list", "unexpected argument %q", pos[0])
	}
	keys, err := e.resolveRefKeys("list", refs)
	if err != nil {
		return err
	}
	f := app.ResolutionFilter{RefKeys: keys}
	if *status != "" {
		st, err := app.ParseStatus(*status)
		if err != nil {
			return usagef("list", "%s", app.ErrorMessage(err))
		}
		f.Status = st
	}
	cs, err := e.corpus()
	if err != nil {
		return err
	}
	rs, err := cs.Resolutions(e.ctx, f)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]resJSON, len(rs))
		for i, r := range rs {
			out[i] = resJSON{r.Number, r.DisplayTitle(), r.Status, r.Summary}
		}
		return e.writeJSON(out)
	}
	t := textTable{Header: []string{e.L("No."), e.L("Status"), e.L("Title")}}
	for _, r := range rs {
		t.Rows = append(t.Rows, []string{strconv.Itoa(r.Number), e.L(string(r.Status)), r.DisplayTitle()})
	}
	if e.width > 0 {
		t.Max = []int{0, 0, max(e.width-18, 20)}
	}
	return t.Write(e.out)
}

// showJSON is `show --json`.
type showJSON struct {
	Number      int          `json:"number"`
	Title       string       `json:"title"`
	TitleTable1 string       `json:"title_table1"`
	Status      app.Status   `json:"status"`
	Summary     string       `json:"summary"`
	Clauses     []clauseJSON `json:"clauses"`
	Footnotes   []string     `json:"footnotes"`
	Refs        []refJSON    `json:"refs"`
}

type clauseJSON struct {
	ID        string `json:"id"`
	Section   string `json:"section"`
	Heading   string `json:"heading"`
	Addressee string `json:"addressee"`
	Label     string `json:"label"`
	Depth     int    `json:"depth"`
	Text      string `json:"text"`
}

type refJSON struct {
	Kind     app.RefKind `json:"kind"`
	Key      string      `json:"key"`
	ClauseID string      `json:"clause_id"`
	Edition  string      `json:"edition,omitempty"`
}

var cmdShow = &command{
	name:     "show",
	synopsis: "N [--ids] [--json]",
	summary:  "show one resolution: summary, clauses, footnotes, references",
	help: `N       the resolution number (44, "Res 44")
--ids   print each clause's ID (what "notes add --clause" takes)
--json  JSON: {number, title, title_table1, status, summary,
        clauses: [{id, section, heading, addressee, label, depth, text}],
        footnotes: [text], refs: [{kind, key, clause_id, edition}]}
`,
	run: runShow,
}

func runShow(e *env, args []string) error {
	fs := e.flags("show")
	asJSON := fs.Bool("json", false, "")
	ids := fs.Bool("ids", false, "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	n, err := oneNumber("show", pos)
	if err != nil {
		return err
	}
	cs, err := e.corpus()
	if err != nil {
		return err
	}
	r, err := cs.Resolution(e.ctx, n)
	if err != nil {
		return err
	}
	if *asJSON {
		return e.writeJSON(newShowJSON(r))
	}
	e.writeCard(r, *ids)
	return nil
}

// oneNumber reads the single resolution-number argument of cmd.
func oneNumber(cmd string, pos []string) (int, error) {
	if len(pos) == 0 {
		return 0, usagef(cmd, "which resolution? give its number, e.g. 44")
	}
	if len(pos) > 1 {
		return 0, usagef(cmd, "one resolution at a time (got %s)", strings.Join(pos, " "))
	}
	n, ok := parseNumber(pos[0])
	if !ok {
		return 0, usagef(cmd, "%q is not a resolution number", pos[0])
	}
	return n, nil
}

func newShowJSON(r *app.Resolution) showJSON {
	out := showJSON{
		Number: r.Number, Title: r.DisplayTitle(), TitleTable1: r.TitleTable1,
		Status: r.Status, Summary: r.Summary,
		Clauses: make([]clauseJSON, len(r.Clauses)), Footnotes: make([]string, len(r.Footnotes)),
		Refs: make([]refJSON, len(r.Refs)),
	}
	for i, c := range r.Clauses {
		out.Clauses[i] = clauseJSON{c.ID, c.Section, c.Heading, c.Addressee, c.Label, c.Depth, c.Text}
	}
	for i, f := range r.Footnotes {
		out.Footnotes[i] = f.Text
	}
	for i, ref := range r.Refs {
		out.Refs[i] = refJSON{ref.Kind, ref.Key, ref.ClauseID, ref.Edition}
	}
	return out
}

// writeCard prints a resolution as a card: clauses under their headings,
// nested items indented under their parents, long lines wrapped on a
// terminal with a hanging indent after the label.
func (e *env) writeCard(r *app.Resolution, ids bool) {
	w := e.out
	name := fmt.Sprintf("%s %d", e.L("Resolution"), r.Number)
	if e.lang() == "zh" {
		name = fmt.Sprintf("第%d号决议", r.Number)
	}
	fmt.Fprintf(w, "%s · %s\n", name, e.L(string(r.Status)))
	writePara(w, 0, "", r.DisplayTitle(), e.width)
	if r.TitleTable1 != "" {
		writePara(w, 0, e.L("Table 1 title")+e.colon(), r.TitleTable1, e.width)
	}
	if r.Summary != "" {
		fmt.Fprintf(w, "\n%s\n", e.L("Summary"))
		writePara(w, 2, "", r.Summary, e.width)
	}
	var last string
	for _, c := range r.Clauses {
		if head := c.Section + "\x00" + c.Heading + "\x00" + c.Addressee; head != last {
			last = head
			fmt.Fprintf(w, "\n%s\n", clean(e.heading(c), true))
		}
		prefix := ""
		if c.Label != "" {
			prefix = c.Label + " "
		}
		if ids {
			fmt.Fprintf(w, "%s[%s]\n", strings.Repeat(" ", 2+3*c.Depth), c.ID)
		}
		writePara(w, 2+3*c.Depth, prefix, c.Text, e.width)
	}
	if len(r.Footnotes) > 0 {
		fmt.Fprintf(w, "\n%s\n", e.L("Footnotes"))
		for _, f := range r.Footnotes {
			writePara(w, 2, strconv.Itoa(f.N)+" ", f.Text, e.width)
		}
	}
	if len(r.Refs) > 0 {
		fmt.Fprintf(w, "\n%s\n", e.L("References"))
		e.writeRefSummary(r.Refs)
	}
}

// heading is the heading of a group of clauses: the document's own heading
// lines (a heading with nothing of its own is joined to the next with
// " / "; printed here one after the other), with the English section name
// in English output, then whom it addresses where no heading line already
// names it: "责成 (instructs): 电信标准化局主任与电信发展局主任密切协作".
func (e *env) heading(c app.Clause) string {
	h := strings.Join(c.HeadingLines(), "\n")
	if h == "" {
		h = c.Section
	}
	if info, ok := app.SectionByKey(c.Section); ok && e.lang() == "en" && c.Section != "other" && info.English != h {
		first, rest, two := strings.Cut(h, "\n")
		h = first + " (" + info.English + ")"
		if two {
			h += "\n" + rest
		}
	}
	if c.Addressee != "" && !strings.Contains(c.Heading, c.Addressee) {
		h += e.colon() + c.Addressee
	}
	return h
}

// writeRefSummary lists a resolution's references by kind, each key once.
func (e *env) writeRefSummary(refs []app.Ref) {
	for _, k := range app.RefKinds {
		var keys []string
		seen := map[string]bool{}
		for _, ref := range refs {
			if ref.Kind == k && !seen[ref.Key] {
				seen[ref.Key] = true
				keys = append(keys, ref.Key)
			}
		}
		if len(keys) > 0 {
			writePara(e.out, 2, e.L(k.Label())+": ", strings.Join(keys, ", "), e.width)
		}
	}
}

// hitJSON is one `search --json` hit.
type hitJSON struct {
	Number   int     `json:"number"`
	Title    string  `json:"title"`
	ClauseID string  `json:"clause_id"`
	Snippet  string  `json:"snippet"`
	Score    float64 `json:"score"`
	Field    string  `json:"field"` // number, title, summary, clause or footnote
}

var cmdSearch = &command{
	name:     "search",
	synopsis: "QUERY [--limit N] [--json]",
	summary:  "full-text search (Chinese words of any length, Latin terms)",
	help: `QUERY      what to find: 电磁, 互联网协议, IPv6, "ITU-D", E.161.1, or a mix;
           several words are joined with spaces into one query
--limit N  at most N resolutions (default 50)
--json     JSON: [{number, title, clause_id, snippet, score}], best first;
           hits in the snippet are marked « »; clause_id "" means the title
           or summary matched
`,
	run: runSearch,
}

func runSearch(e *env, args []string) error {
	fs := e.flags("search")
	limit := fs.Int("limit", 50, "")
	asJSON := fs.Bool("json", false, "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(strings.Join(pos, " "))
	if q == "" {
		return usagef("search", "what should I search for? e.g. briefdesk search 电磁")
	}
	if *limit <= 0 {
		return usagef("search", "--limit must be at least 1")
	}
	cs, err := e.corpus()
	if err != nil {
		return err
	}
	hits, err := cs.Search(e.ctx, q, *limit)
	if err != nil && app.ErrorCode(err) != app.EINVALID {
		return err
	}
	// "72", "第72号", "Res 72": the resolution itself comes first, as in
	// the window.
	if n, ok := app.ResolutionNumberQuery(q); ok {
		if r, rerr := cs.Resolution(e.ctx, n); rerr == nil {
			top := app.SearchHit{Number: n, Title: r.DisplayTitle(), Field: app.FieldNumber, Snippet: r.DisplayTitle(), Score: 3}
			rest := []app.SearchHit{top}
			for _, h := range hits {
				if h.Number != n {
					rest = append(rest, h)
				}
			}
			hits, err = rest[:min(len(rest), *limit)], nil
		}
	}
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]hitJSON, len(hits))
		for i, h := range hits {
			out[i] = hitJSON{h.Number, h.Title, h.ClauseID, h.Snippet, h.Score, h.Field}
		}
		return e.writeJSON(out)
	}
	if len(hits) == 0 {
		fmt.Fprintln(e.out, e.L("no matches"))
		return nil
	}
	for _, h := range hits {
		writePara(e.out, 0, fmt.Sprintf("%-4d", h.Number), h.Title, e.width)
		where := h.ClauseID
		switch h.Field {
		case app.FieldNumber:
			where = e.L("by its number")
		case app.FieldTitle:
			where = e.L("in the title")
		case app.FieldSummary:
			where = e.L("in the summary")
		case app.FieldFootnote:
			where = join(" ", e.L("in a footnote"), h.ClauseID)
		}
		writePara(e.out, 4, where+": ", h.Snippet, e.width)
	}
	return nil
}
