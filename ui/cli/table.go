package cli

import (
	"bufio"
	"io"
	"slices"
	"strings"

	"briefdesk/app"
	"briefdesk/data/outfile"
	"briefdesk/ui/tables"
)

var cmdTable = &command{
	name:     "table",
	synopsis: "overview|matrix --kind KIND|itud|side-by-side --res N,N[,N,N] [--status S] [--ref KEY]... [--text] [-o FILE]",
	summary:  "a comparison table as CSV (UTF-8 with BOM, for Excel)",
	help: `overview      Table 1 with derived columns (ITU-D study groups and Questions,
              WTDC resolutions, bureaus, clauses addressing BDT)
matrix        resolutions x one reference kind; needs --kind (wtdc-resolution,
              itu-d-question, itu-t-sg, bureau, organization, ...)
itud          every clause addressed to or naming ITU-D / BDT
side-by-side  2 to 4 resolutions (--res 44,50) with their sections in rows
--status S, --ref KEY  only the resolutions "briefdesk list" would show
--text        aligned text for the terminal instead of CSV
-o FILE       write to FILE (replaced whole, never left half-written);
              default: standard output
`,
	run: runTable,
}

func runTable(e *env, args []string) error {
	fs := e.flags("table")
	kind := fs.String("kind", "", "")
	res := fs.String("res", "", "")
	status := fs.String("status", "", "")
	var refs stringList
	fs.Var(&refs, "ref", "")
	text := fs.Bool("text", false, "")
	var outPath string
	fs.StringVar(&outPath, "o", "", "")
	fs.StringVar(&outPath, "output", "", "")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("table", "which table? one of %s", strings.Join(tables.Names, ", "))
	}
	name := pos[0]
	if !slices.Contains(tables.Names, name) {
		return usagef("table", "unknown table %q: want one of %s", name, strings.Join(tables.Names, ", "))
	}
	var k app.RefKind
	switch {
	case name == tables.NameMatrix && *kind == "":
		return usagef("table", "the matrix needs --kind, e.g. --kind wtdc-resolution")
	case name != tables.NameMatrix && *kind != "":
		return usagef("table", "--kind applies only to the matrix")
	case *kind != "":
		if k, err = app.ParseRefKind(*kind); err != nil {
			return usagef("table", "%s", app.ErrorMessage(err))
		}
	}
	var pick []int
	switch {
	case name == tables.NameSideBySide:
		add, remove, err := parseResList(*res)
		if err != nil || len(remove) > 0 {
			return usagef("table", "--res takes resolution numbers, e.g. --res 44,50")
		}
		if len(add) < 2 || len(add) > 4 {
			return usagef("table", "side-by-side compares 2 to 4 resolutions: --res 44,50")
		}
		pick = add
	case *res != "":
		return usagef("table", "--res applies only to side-by-side")
	}
	keys, err := e.resolveRefKeys("table", refs)
	if err != nil {
		return err
	}
	f := app.ResolutionFilter{RefKeys: keys, Full: true}
	if *status != "" {
		if f.Status, err = app.ParseStatus(*status); err != nil {
			return usagef("table", "%s", app.ErrorMessage(err))
		}
	}

	cs, err := e.corpus()
	if err != nil {
		return err
	}
	rs, err := cs.Resolutions(e.ctx, f)
	if err != nil {
		return err
	}
	if pick != nil {
		if rs, err = pickResolutions(rs, pick); err != nil {
			return err
		}
	}
	t, err := tables.Build(name, k, rs)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error { return tables.WriteCSV(w, t) }
	if *text {
		write = func(w io.Writer) error {
			tt := textTable{Header: t.Header(), Rows: t.Rows}
			for _, c := range t.Columns {
				n := 0
				if c.Long {
					n = 40
				}
				tt.Max = append(tt.Max, n)
			}
			return tt.Write(w)
		}
	}
	return e.writeOutput(outPath, write)
}

// pickResolutions returns the resolutions numbered want, in that order.
func pickResolutions(rs []app.Resolution, want []int) ([]app.Resolution, error) {
	out := make([]app.Resolution, 0, len(want))
	for _, n := range want {
		i := slices.IndexFunc(rs, func(r app.Resolution) bool { return r.Number == n })
		if i < 0 {
			return nil, app.Errorf(app.ENOTFOUND, "there is no resolution %d among those selected", n)
		}
		out = append(out, rs[i])
	}
	return out, nil
}

// writeOutput writes through write to path, or to standard output when
// path is "" or "-". A file is written by outfile.Write: beside its final
// name and renamed into place, so a failure never leaves a half-written
// file, and only over a regular file.
func (e *env) writeOutput(path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		bw := bufio.NewWriter(e.out)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	return outfile.Write(path, write)
}
