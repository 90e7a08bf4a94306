package pdf

import (
	"sort"

	"briefdesk/app"
)

// resSection is one resolution as the pack prints it: the clauses the
// options keep and the notes placed beside them.
type resSection struct {
	r       app.Resolution
	clauses []app.Clause
	// clauseNotes holds the notes printed beside each clause, by clause ID.
	clauseNotes map[string][]app.Note
	// resNotes are printed after the summary: notes on the whole
	// resolution, and notes on clauses this pack does not print.
	resNotes []app.Note
}

// allNotes returns the section's notes in the order they are printed.
func (s *resSection) allNotes() []app.Note {
	out := append([]app.Note(nil), s.resNotes...)
	for _, c := range s.clauses {
		out = append(out, s.clauseNotes[c.ID]...)
	}
	return out
}

// selectSections applies the pack's options to the input.
func selectSections(in Input) []resSection {
	opts := in.Pack.Options
	byRes := map[int][]app.Note{}
	for _, n := range in.Notes {
		if keepNote(n, opts.Notes) {
			byRes[n.Resolution] = append(byRes[n.Resolution], n)
		}
	}
	out := make([]resSection, 0, len(in.Resolutions))
	for _, r := range in.Resolutions {
		s := resSection{r: r, clauseNotes: map[string][]app.Note{}}
		s.clauses = keptClauses(r.Clauses, opts.Clauses == app.ClausesITUD)
		printed := map[string]bool{}
		for _, c := range s.clauses {
			printed[c.ID] = true
		}
		notes := byRes[r.Number]
		sortNotes(notes)
		for _, n := range notes {
			if n.ClauseID != "" && printed[n.ClauseID] {
				s.clauseNotes[n.ClauseID] = append(s.clauseNotes[n.ClauseID], n)
			} else {
				s.resNotes = append(s.resNotes, n)
			}
		}
		out = append(out, s)
	}
	return out
}

// keptClauses returns the clauses a pack prints, in order: all of them,
// or with onlyITUD those that name or address ITU-D / BDT together with
// the lead-in clauses they hang from ("2 如认为…则：" above "ii) …ITU-D…"),
// so that a sub-item never appears under the wrong parent.
func keptClauses(cs []app.Clause, onlyITUD bool) []app.Clause {
	if !onlyITUD {
		return cs
	}
	keep := make([]bool, len(cs))
	// open holds the indices of the clauses the current one may hang from,
	// one for each depth above it. Sub-items never cross a heading.
	var open []int
	prev := "\x00"
	for i, c := range cs {
		if key := c.Section + "\x00" + c.Heading + "\x00" + c.Addressee; key != prev {
			open, prev = open[:0], key
		}
		open = open[:min(max(c.Depth, 0), len(open))]
		if c.AddressesITUD() {
			keep[i] = true
			for _, j := range open {
				keep[j] = true
			}
		}
		open = append(open, i)
	}
	var out []app.Clause
	for i, c := range cs {
		if keep[i] {
			out = append(out, c)
		}
	}
	return out
}

// keepNote applies the pack's notes option: none, mine (written here) or
// all; deleted notes never print.
func keepNote(n app.Note, opt string) bool {
	if n.Deleted {
		return false
	}
	switch opt {
	case app.NotesAll:
		return true
	case app.NotesMine:
		return !n.Origin.Imported
	}
	return false
}

// sortNotes orders notes oldest first, so a pack printed twice lists them
// the same way whatever order the store returned them in.
func sortNotes(ns []app.Note) {
	sort.SliceStable(ns, func(i, j int) bool {
		a, b := ns[i], ns[j]
		if !a.Created.Equal(b.Created) {
			return a.Created.Before(b.Created)
		}
		return a.ID < b.ID
	})
}

// stanceInfo is how a stance is named and coloured.
type stanceInfo struct {
	label      string
	color, bg  rgb
	appearance int // order in "Our positions"
}

func (b *builder) stanceOf(s app.Stance) stanceInfo {
	label := b.l.w.stanceLabel(s)
	switch s {
	case app.StanceSupport:
		return stanceInfo{label, rgb{0x2e, 0x7d, 0x32}, rgb{0xea, 0xf5, 0xea}, 0}
	case app.StanceConcern:
		return stanceInfo{label, rgb{0xc6, 0x28, 0x28}, rgb{0xfc, 0xec, 0xec}, 1}
	case app.StanceWatch:
		return stanceInfo{label, rgb{0xb2, 0x6a, 0x00}, rgb{0xfd, 0xf3, 0xe1}, 2}
	}
	return stanceInfo{label, grey, rgb{0xf1, 0xf1, 0xf1}, 3}
}
