package cli

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"briefdesk/app"
)

// entityJSON is one `refs --json` entry.
type entityJSON struct {
	Kind        app.RefKind    `json:"kind"`
	Key         string         `json:"key"`
	Resolutions []int          `json:"resolutions"`
	Citations   []citationJSON `json:"citations"`
}

type citationJSON struct {
	Number   int    `json:"number"`
	ClauseID string `json:"clause_id"`
	Edition  string `json:"edition,omitempty"`
}

var cmdRefs = &command{
	name:     "refs",
	synopsis: "[--kind KIND] [--json]",
	summary:  "everything the resolutions cite, and where",
	help: `--kind KIND  only one kind: wtsa-resolution, wtdc-resolution, pp-resolution,
             itu-d-sg, itu-d-question, itu-t-sg, recommendation, bureau,
             group, organization
--json       JSON: [{kind, key, resolutions: [N], citations:
             [{number, clause_id, edition}]}]; clause_id "" is the title
`,
	run: runRefs,
}

func runRefs(e *env, args []string) error {
	fs := e.flags("refs")
	kind := fs.String("kind", "", "")
	asJSON := fs.Bool("json", false, "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("refs", "unexpected argument %q (to choose a kind, use --kind %s)", pos[0], pos[0])
	}
	var k app.RefKind
	kindGiven := false
	fs.Visit(func(f *flag.Flag) { kindGiven = kindGiven || f.Name == "kind" })
	if kindGiven {
		if k, err = app.ParseRefKind(*kind); err != nil {
			return usagef("refs", "%s", app.ErrorMessage(err))
		}
	}
	cs, err := e.corpus()
	if err != nil {
		return err
	}
	ents, err := cs.Entities(e.ctx, k)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]entityJSON, len(ents))
		for i, en := range ents {
			j := entityJSON{Kind: en.Kind, Key: en.Key, Resolutions: citingNumbers(en), Citations: make([]citationJSON, len(en.Citations))}
			for c, ci := range en.Citations {
				j.Citations[c] = citationJSON{ci.Number, ci.ClauseID, ci.Edition}
			}
			out[i] = j
		}
		return e.writeJSON(out)
	}
	var lastKind app.RefKind
	for _, en := range ents {
		if en.Kind != lastKind {
			if lastKind != "" {
				fmt.Fprintln(e.out)
			}
			lastKind = en.Kind
			fmt.Fprintf(e.out, "%s (%s)\n", e.L(en.Kind.Label()), en.Kind)
		}
		fmt.Fprintf(e.out, "  %s\n", clean(en.Key, false))
		t := textTable{}
		for _, n := range citingNumbers(en) {
			var where []string
			for _, ci := range en.Citations {
				if ci.Number == n {
					where = append(where, citationPlace(e, ci))
				}
			}
			t.Rows = append(t.Rows, []string{"    " + e.L("Resolution") + " " + strconv.Itoa(n), strings.Join(where, ", ")})
		}
		if err := t.Write(e.out); err != nil {
			return err
		}
	}
	return nil
}

// citationPlace says where in a resolution a citation is.
func citationPlace(e *env, ci app.Citation) string {
	if ci.ClauseID == "" {
		return e.L("in the title")
	}
	return ci.ClauseID
}

// citingNumbers lists the resolutions citing en, each once, in order of
// first citation.
func citingNumbers(en app.Entity) []int {
	out := []int{}
	seen := map[int]bool{}
	for _, c := range en.Citations {
		if !seen[c.Number] {
			seen[c.Number] = true
			out = append(out, c.Number)
		}
	}
	return out
}

// overviewJSON is `overview --json`.
type overviewJSON struct {
	Source   sourceJSON            `json:"source"`
	Sections []overviewSectionJSON `json:"sections"`
}

type sourceJSON struct {
	Name        string `json:"name"`
	Title       string `json:"title"`
	Fingerprint string `json:"fingerprint"`
}

type overviewSectionJSON struct {
	Title      string          `json:"title"`
	Paragraphs []paragraphJSON `json:"paragraphs"`
}

type paragraphJSON struct {
	Text   string `json:"text"`
	Bullet bool   `json:"bullet"`
}

var cmdOverview = &command{
	name:     "overview",
	synopsis: "[--json]",
	summary:  "the meeting overview (概要, 引言, GSS-20, 主要成果, 结论)",
	help: `--json  JSON: {source: {name, title, fingerprint},
        sections: [{title, paragraphs: [{text, bullet}]}]}
`,
	run: runOverview,
}

func runOverview(e *env, args []string) error {
	fs := e.flags("overview")
	asJSON := fs.Bool("json", false, "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("overview", "unexpected argument %q", pos[0])
	}
	cs, err := e.corpus()
	if err != nil {
		return err
	}
	src, err := cs.Source(e.ctx)
	if err != nil {
		return err
	}
	secs, err := cs.Overview(e.ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := overviewJSON{Source: sourceJSON{src.Name, src.Title, src.Fingerprint}, Sections: make([]overviewSectionJSON, len(secs))}
		for i, s := range secs {
			ps := make([]paragraphJSON, len(s.Paragraphs))
			for j, p := range s.Paragraphs {
				ps[j] = paragraphJSON{p.Text, p.Bullet}
			}
			out.Sections[i] = overviewSectionJSON{s.Title, ps}
		}
		return e.writeJSON(out)
	}
	// The document describes itself in its first sentence, which is also
	// the 概要 paragraph: print where it comes from instead of repeating it.
	fmt.Fprintf(e.out, "%s %s\n", e.L("Source:"), clean(src.Name, false))
	for _, s := range secs {
		fmt.Fprintf(e.out, "\n%s\n", clean(s.Title, false))
		for _, p := range s.Paragraphs {
			prefix := ""
			if p.Bullet {
				prefix = "• "
			}
			writePara(e.out, 2, prefix, p.Text, e.width)
		}
	}
	return nil
}
