// Package app holds BriefDesk's domain: the WTSA-20 resolutions as ITU-D
// reads them, their clauses and cross-references, a delegate's notes and
// briefing packs, and the service interfaces the user interfaces talk to.
//
// Nothing here imports Fyne or database/sql: data/ implements the services
// on SQLite, seeds/ turns the source document into these types, ui/ shows
// them. Keeping the domain plain lets every layer be tested on its own.
package app

import (
	"strings"
	"time"
)

// Status says what WTSA-20 did to a resolution.
type Status string

// The statuses of Table 1 (新 / 修订版 / 无修改).
const (
	StatusNew       Status = "new"
	StatusRevised   Status = "revised"
	StatusUnchanged Status = "unchanged"
)

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool {
	return s == StatusNew || s == StatusRevised || s == StatusUnchanged
}

// ParseStatus maps a command-line or JSON word to a Status.
func ParseStatus(s string) (Status, error) {
	st := Status(strings.ToLower(strings.TrimSpace(s)))
	if !st.Valid() {
		return "", Errorf(EINVALID, "unknown status %q: want new, revised or unchanged", s)
	}
	return st, nil
}

// Corpus is everything parsed from one source document.
type Corpus struct {
	Source      Source
	Overview    []OverviewSection
	Resolutions []Resolution
}

// Source identifies the document a corpus was parsed from. Notes carry the
// fingerprint so a colleague's export can be matched to the same text.
type Source struct {
	Name        string // file name, e.g. 000_059b8ff9dea9352a.txt
	Fingerprint string // lowercase hex SHA-256 of the document bytes
	Title       string // the document's own description of itself
}

// OverviewSection is one titled part of the meeting overview (概要, 引言,
// GSS-20, WTSA-20的主要成果, 结论).
type OverviewSection struct {
	Title      string
	Paragraphs []Paragraph
}

// Paragraph is one paragraph of overview text; Bullet marks a list item.
type Paragraph struct {
	Text   string
	Bullet bool
}

// Resolution is one WTSA-20 resolution as Tables 1 and 2 present it.
type Resolution struct {
	Number int
	Status Status
	// Title is the Table 2 title; TitleTable1 is the Table 1 title, set only
	// where it differs from Title.
	Title       string
	TitleTable1 string
	// Summary is the Table 1 summary; paragraphs are separated by "\n".
	Summary   string
	Clauses   []Clause
	Footnotes []Footnote
	Refs      []Ref
}

// DisplayTitle is the title to show: Table 2's, falling back to Table 1's.
func (r *Resolution) DisplayTitle() string {
	if r.Title != "" {
		return r.Title
	}
	return r.TitleTable1
}

// Clause returns the clause with ID id, or nil when r (which may be nil)
// has none.
func (r *Resolution) Clause(id string) *Clause {
	if r == nil || id == "" {
		return nil
	}
	for i := range r.Clauses {
		if r.Clauses[i].ID == id {
			return &r.Clauses[i]
		}
	}
	return nil
}

// Clause is one item of a resolution's Table 2 text.
type Clause struct {
	// ID is stable and derived from the structure, e.g. "44/instructs/9", so
	// notes anchored to it survive a re-import.
	ID         string
	Resolution int
	Seq        int    // 0-based position within the resolution
	Section    string // canonical key: recalling, resolves, instructs, ... (see Sections)
	Heading    string // the heading line as the document has it, e.g. 责成
	Addressee  string // who the heading addresses, e.g. 电信标准化局主任与电信发展局主任密切协作
	Label      string // item label as printed: "1", "b)", "ii)", "二"; "" for none
	Depth      int    // 0 for top-level items, 1 for i) under 2, ...
	Text       string
}

// HeadingSep joins the lines of a heading that had no items of its own to
// the heading after it (Res 52: 做出决议 / 责成相关研究组): Clause.Heading
// keeps both, HeadingLines splits them again for display.
const HeadingSep = " / "

// HeadingLines returns the heading lines of the clause's section as the
// document prints them, one per line; a single "" when there is none.
func (c Clause) HeadingLines() []string {
	var out []string
	for _, l := range strings.Split(c.Heading, HeadingSep) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// Footnote is a footnote of the document, attached to a resolution.
type Footnote struct {
	N    int    // the number the document gives it
	Text string // the footnote text
	// Anchor says what carries the footnote mark: "title", or a clause ID.
	Anchor string
}

// Time formats used across the program.
const (
	DateLayout = "2006-01-02"
	TimeLayout = time.RFC3339
)
