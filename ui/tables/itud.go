package tables

import (
	"strconv"
	"strings"

	"briefdesk/app"
)

// ITUDGroup is one resolution's clauses that concern ITU-D.
type ITUDGroup struct {
	Number  int
	Title   string
	Clauses []app.Clause
}

// ITUD collects what ITU-D is asked to do: every clause addressed to, or
// naming, ITU-D, BDT or the Director of BDT (app.Clause.AddressesITUD),
// grouped by resolution in the order of rs. rs must be loaded with clauses.
func ITUD(rs []app.Resolution) []ITUDGroup {
	var out []ITUDGroup
	for _, r := range rs {
		g := ITUDGroup{Number: r.Number, Title: r.DisplayTitle()}
		for _, c := range r.Clauses {
			if c.AddressesITUD() {
				g.Clauses = append(g.Clauses, c)
			}
		}
		if len(g.Clauses) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// ITUD table column ids (besides ColNumber and ColTitle).
const (
	ColClause    = "clause"
	ColSection   = "section"
	ColAddressee = "addressee"
	ColLabel     = "label"
	ColText      = "text"
)

// ITUDTable flattens the groups into one row per clause, repeating the
// resolution number and title so each CSV row stands on its own.
func ITUDTable(gs []ITUDGroup) *Table {
	t := &Table{
		Name:  NameITUD,
		Title: "What ITU-D is asked to do",
		Columns: []Column{
			{ID: ColNumber, Title: "No."},
			{ID: ColTitle, Title: "Title", Long: true},
			{ID: ColClause, Title: "Clause"},
			{ID: ColSection, Title: "Section"},
			{ID: ColAddressee, Title: "Addressee", Long: true},
			{ID: ColLabel, Title: "Label"},
			{ID: ColText, Title: "Text", Long: true},
		},
	}
	for _, g := range gs {
		n := strconv.Itoa(g.Number)
		for _, c := range g.Clauses {
			t.Rows = append(t.Rows, []string{n, g.Title, c.ID, SectionName(c), c.Addressee, c.Label, c.Text})
			t.Res = append(t.Res, g.Number)
		}
	}
	return t
}

// SectionName is how tables name a clause's section: the English and
// Chinese heading ("instructs 责成"), or the document's own heading for
// sections outside app.Sections.
func SectionName(c app.Clause) string {
	key := sectionKey(c.Section)
	if key == "other" && c.Heading != "" {
		return c.Heading
	}
	return sectionHeading(key)
}

// Addressee says whose clauses the ITU-D table keeps.
type Addressee string

// The addressee choices, as the command line and preferences spell them.
const (
	// AddresseeAll keeps every clause that concerns ITU-D.
	AddresseeAll Addressee = ""
	// AddresseeBDT keeps the clauses addressed to the Director of BDT,
	// alone, with the other Directors or as one of "the other Bureaux"
	// (app.Clause.AddressedToBDT): what BDT is asked to do.
	AddresseeBDT Addressee = "bdt"
	// AddresseeOthers keeps the rest: clauses addressed to someone else
	// (or to no one) that name ITU-D or BDT in their text.
	AddresseeOthers Addressee = "others"
)

// Addressees lists the choices in menu order.
var Addressees = []Addressee{AddresseeAll, AddresseeBDT, AddresseeOthers}

// Keeps reports whether the choice keeps clause c.
func (a Addressee) Keeps(c app.Clause) bool {
	switch a {
	case AddresseeBDT:
		return c.AddressedToBDT()
	case AddresseeOthers:
		return !c.AddressedToBDT()
	}
	return true
}

// ParseAddressee maps a command-line word to an Addressee.
func ParseAddressee(s string) (Addressee, error) {
	switch a := Addressee(strings.ToLower(strings.TrimSpace(s))); a {
	case AddresseeAll, "all":
		return AddresseeAll, nil
	case AddresseeBDT, AddresseeOthers:
		return a, nil
	}
	return "", app.Errorf(app.EINVALID, "unknown addressee %q: want all, bdt or others", s)
}

// FilterITUD keeps the clauses of gs that a chooses, dropping groups left
// empty, without changing gs.
func FilterITUD(gs []ITUDGroup, a Addressee) []ITUDGroup {
	var out []ITUDGroup
	for _, g := range gs {
		k := ITUDGroup{Number: g.Number, Title: g.Title}
		for _, c := range g.Clauses {
			if a.Keeps(c) {
				k.Clauses = append(k.Clauses, c)
			}
		}
		if len(k.Clauses) > 0 {
			out = append(out, k)
		}
	}
	return out
}

// CountClauses is how many clauses the groups hold.
func CountClauses(gs []ITUDGroup) int {
	n := 0
	for _, g := range gs {
		n += len(g.Clauses)
	}
	return n
}
