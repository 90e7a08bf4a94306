package app

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// One rule per field a person types, here and nowhere else: the window,
// the command line and the importer of .briefnotes files all call
// CheckField (through Note.Validate and Pack.Validate), and
// docs/briefnotes.schema.json states the same rule as a pattern. A value
// one of them accepts is never refused by another later (a pack name
// saved from the command line, then refused by `notes export --pack`).

// Limits on user-entered fields: far above what a delegation writes, low
// enough that a hostile file cannot make BriefDesk store absurd data.
const (
	MaxNoteText        = 64 << 10 // bytes of one note's text
	MaxTags            = 50       // tags on one note
	MaxTagLen          = 100      // characters in one tag
	MaxNameLen         = 200      // characters in a name, delegation or pack name
	MaxPackText        = 1000     // characters in a pack's title, target label or meeting line
	MaxPackResolutions = 1000     // resolutions in one pack
)

// Field is a user-entered field with a rule of its own.
type Field int

// The fields CheckField knows.
const (
	FieldNoteText Field = iota
	FieldTag
	FieldAuthor
	FieldDelegation
	FieldPackName
	FieldPackTitle
	FieldTargetLabel
	FieldMeeting
)

// fieldRule is a field's rule: how it is called in messages, its length
// limit, whether it may hold several lines and must not be blank.
type fieldRule struct {
	label     string
	maxRunes  int // 0: no limit in characters
	maxBytes  int // 0: no limit in bytes
	multiline bool
	required  bool
}

var fieldRules = [...]fieldRule{
	FieldNoteText:    {label: "the note's text", maxBytes: MaxNoteText, multiline: true, required: true},
	FieldTag:         {label: "the tag", maxRunes: MaxTagLen, required: true},
	FieldAuthor:      {label: "the author's name", maxRunes: MaxNameLen},
	FieldDelegation:  {label: "the delegation", maxRunes: MaxNameLen},
	FieldPackName:    {label: "the pack name", maxRunes: MaxNameLen, required: true},
	FieldPackTitle:   {label: "the pack title", maxRunes: MaxPackText},
	FieldTargetLabel: {label: "the target label", maxRunes: MaxPackText},
	FieldMeeting:     {label: "the meeting line", maxRunes: MaxPackText},
}

// Label is how messages name the field: "the pack name".
func (f Field) Label() string { return fieldRules[f].label }

// FieldError is what is wrong with a value of one field. Problem reads
// after any name of the field: "contains the control character U+0007".
type FieldError struct {
	Field   Field
	Problem string
}

func (e *FieldError) Error() string { return e.Field.Label() + " " + e.Problem }

// CheckField reports what is wrong with s as a value of field f, as an
// EINVALID *Error wrapping a *FieldError, or nil.
//
// Every field must be valid UTF-8 within its length. A one-line field
// (everything but a note's text) holds no control character and no line
// break (U+2028, U+2029 included) and none of the bidirectional embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069): such a value is printed on PDF
// covers, in tables and in terminals, where an invisible override can make
// a name read as something else. A note's text is free text, several
// lines, kept exactly as written and always shown through SafeText, which
// neutralises those characters; so it may hold them. A required field
// must not be blank; a tag must also not start or end with a space
// (NormalizeTags trims them before).
func CheckField(f Field, s string) error {
	if p := fieldProblem(f, s); p != "" {
		fe := &FieldError{Field: f, Problem: p}
		return &Error{Code: EINVALID, Message: fe.Error(), Err: fe}
	}
	return nil
}

// FieldProblem returns the *FieldError in err's chain, if any; the
// importer uses it to name the field as the file does.
func FieldProblem(err error) (*FieldError, bool) {
	var fe *FieldError
	ok := errors.As(err, &fe)
	return fe, ok
}

func fieldProblem(f Field, s string) string {
	r := fieldRules[f]
	if !utf8.ValidString(s) {
		return "is not valid UTF-8"
	}
	if r.maxBytes > 0 && len(s) > r.maxBytes {
		return fmt.Sprintf("is %d KiB (%d bytes), more than the limit of %d KiB", (len(s)+1023)>>10, len(s), r.maxBytes>>10)
	}
	if r.maxRunes > 0 {
		if n := utf8.RuneCountInString(s); n > r.maxRunes {
			return fmt.Sprintf("is %d characters long, more than the limit of %d", n, r.maxRunes)
		}
	}
	if r.required && strings.TrimSpace(s) == "" {
		return "is empty"
	}
	if !r.multiline {
		for _, c := range s {
			switch {
			case c < 0x20 || (c >= 0x7F && c <= 0x9F):
				return fmt.Sprintf("contains the control character %U", c)
			case c == '\u2028' || c == '\u2029':
				return fmt.Sprintf("contains %U, a line break", c)
			case isBidiOverride(c):
				return fmt.Sprintf("contains %U, an invisible character that reorders the text around it", c)
			}
		}
	}
	if f == FieldTag && strings.TrimSpace(s) != s {
		return "starts or ends with a space"
	}
	return ""
}

// isBidiOverride reports the embeddings, overrides and isolates: the
// bidirectional controls that reorder what follows them. The marks
// (U+200E, U+200F, U+061C) only nudge neutral characters and belong in
// right-to-left names, so they are allowed.
func isBidiOverride(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// CheckTags checks a note's tags: each by the tag rule, at most MaxTags,
// none twice.
func CheckTags(tags []string) error {
	if len(tags) > MaxTags {
		return Errorf(EINVALID, "%d tags is more than the limit of %d", len(tags), MaxTags)
	}
	seen := make(map[string]bool, len(tags))
	for i, t := range tags {
		if err := CheckField(FieldTag, t); err != nil {
			fe, _ := FieldProblem(err)
			return &Error{Code: EINVALID, Message: fmt.Sprintf("tag %d (%q) %s", i+1, t, fe.Problem), Err: fe}
		}
		if seen[t] {
			return Errorf(EINVALID, "tag %d (%q) appears twice", i+1, t)
		}
		seen[t] = true
	}
	return nil
}

// Validate reports what is wrong with what a person wrote in a note: the
// text (which a deleted note may have lost), the author, the tags, the
// stance and priority, and that it names a resolution. Whether that
// resolution and clause exist is the database's to say; the ID, times and
// hash are the file format's.
func (n *Note) Validate() error {
	if n.Resolution < 1 || n.Resolution > 9999 {
		return Errorf(EINVALID, "resolution %d is not a resolution number", n.Resolution)
	}
	if n.Deleted && strings.TrimSpace(n.Body) == "" {
		// A tombstone may travel without its text.
	} else if err := CheckField(FieldNoteText, n.Body); err != nil {
		return err
	}
	if err := CheckField(FieldAuthor, n.Author.Name); err != nil {
		return err
	}
	if err := CheckField(FieldDelegation, n.Author.Delegation); err != nil {
		return err
	}
	if err := CheckTags(n.Tags); err != nil {
		return err
	}
	if n.Stance != "" && !n.Stance.Valid() {
		return Errorf(EINVALID, "unknown stance %q: want support, concern, watch or none", n.Stance)
	}
	if n.Priority < 0 || n.Priority > 3 {
		return Errorf(EINVALID, "priority %d is not 0 (none), 1 (high), 2 (medium) or 3 (low)", n.Priority)
	}
	return nil
}

// Validate reports what is wrong with a pack definition: every text field
// by its rule, the target, the date, the options and the resolutions (each
// a resolution number, none twice, at most MaxPackResolutions).
func (p *Pack) Validate() error {
	for _, f := range []struct {
		field Field
		value string
	}{
		{FieldPackName, p.Name}, {FieldPackTitle, p.Title}, {FieldTargetLabel, p.TargetLabel},
		{FieldDelegation, p.Delegation}, {FieldAuthor, p.Author}, {FieldMeeting, p.Meeting},
	} {
		if err := CheckField(f.field, f.value); err != nil {
			return err
		}
	}
	switch p.Target {
	case TargetSG1, TargetSG2, TargetTDAG, TargetWTDC, TargetCustom, "":
	default:
		return Errorf(EINVALID, "unknown pack target %q", p.Target)
	}
	if p.Date != "" {
		if _, err := time.Parse(DateLayout, p.Date); err != nil {
			return Errorf(EINVALID, "pack date %q is not YYYY-MM-DD", p.Date)
		}
	}
	if _, err := ParsePackLang(p.Lang); err != nil {
		return err
	}
	switch p.Options.Clauses {
	case ClausesAll, ClausesITUD, "":
	default:
		return Errorf(EINVALID, "unknown clause selection %q: want all or itu-d", p.Options.Clauses)
	}
	switch p.Options.Notes {
	case NotesNone, NotesMine, NotesAll, "":
	default:
		return Errorf(EINVALID, "unknown notes selection %q: want none, mine or all", p.Options.Notes)
	}
	if len(p.Resolutions) > MaxPackResolutions {
		return Errorf(EINVALID, "%d resolutions is more than the limit of %d", len(p.Resolutions), MaxPackResolutions)
	}
	seen := make(map[int]bool, len(p.Resolutions))
	for _, n := range p.Resolutions {
		if n < 1 || n > 9999 {
			return Errorf(EINVALID, "%d is not a resolution number", n)
		}
		if seen[n] {
			return Errorf(EINVALID, "resolution %d is listed twice", n)
		}
		seen[n] = true
	}
	return nil
}

// maxProblems bounds how many problems an error message lists.
const maxProblems = 5

// Validate checks everything the database schema and the rest of
// BriefDesk rely on in a corpus, before a single row is written, so that a
// bad corpus (another edition of the document, parsed) is refused with a
// message a person can act on, and the database keeps what it had.
func (c *Corpus) Validate() error {
	if c == nil {
		return Errorf(EINVALID, "no corpus to import; nothing was changed")
	}
	var probs []string
	add := func(format string, args ...any) {
		probs = append(probs, fmt.Sprintf(format, args...))
	}
	text := func(where, s string) {
		if !utf8.ValidString(s) {
			add("%s is not valid UTF-8", where)
		}
		// The snippet markers must be free for search to use.
		if strings.Contains(s, MarkOpen) || strings.Contains(s, MarkClose) {
			add("%s contains %s or %s, which BriefDesk reserves for marking search hits", where, MarkOpen, MarkClose)
		}
	}
	if strings.TrimSpace(c.Source.Fingerprint) == "" {
		add("the source has no fingerprint")
	}
	text("the source name", c.Source.Name)
	text("the source title", c.Source.Title)
	if len(c.Resolutions) == 0 {
		add("it holds no resolutions")
	}
	for i, s := range c.Overview {
		text(fmt.Sprintf("overview section %d's title", i+1), s.Title)
		for j, p := range s.Paragraphs {
			text(fmt.Sprintf("overview section %d, paragraph %d", i+1, j+1), p.Text)
		}
	}
	numbers := map[int]bool{}
	clauseIDs := map[string]int{}
	for i := range c.Resolutions {
		r := &c.Resolutions[i]
		where := fmt.Sprintf("resolution %d", r.Number)
		if r.Number <= 0 {
			add("resolution #%d has number %d; numbers must be positive", i+1, r.Number)
		}
		if numbers[r.Number] {
			add("resolution %d appears twice", r.Number)
		}
		numbers[r.Number] = true
		if !r.Status.Valid() {
			add("%s has unknown status %q", where, r.Status)
		}
		if strings.TrimSpace(r.DisplayTitle()) == "" {
			add("%s has no title", where)
		}
		text(where+"'s title", r.Title)
		text(where+"'s Table 1 title", r.TitleTable1)
		text(where+"'s summary", r.Summary)
		seqs := map[int]bool{}
		own := map[string]bool{}
		for _, cl := range r.Clauses {
			cw := fmt.Sprintf("%s, clause %q", where, cl.ID)
			prev, dup := clauseIDs[cl.ID]
			switch {
			case strings.TrimSpace(cl.ID) == "":
				add("%s has a clause without an ID (seq %d)", where, cl.Seq)
			case dup:
				add("clause ID %q appears twice (resolutions %d and %d)", cl.ID, prev, r.Number)
			default:
				clauseIDs[cl.ID] = r.Number
			}
			own[cl.ID] = true
			if cl.Resolution != r.Number {
				add("%s says it belongs to resolution %d", cw, cl.Resolution)
			}
			if cl.Seq < 0 || seqs[cl.Seq] {
				add("%s has seq %d, negative or used twice", cw, cl.Seq)
			}
			seqs[cl.Seq] = true
			if _, ok := SectionByKey(cl.Section); !ok {
				add("%s has unknown section %q", cw, cl.Section)
			}
			if cl.Depth < 0 {
				add("%s has negative depth %d", cw, cl.Depth)
			}
			if strings.TrimSpace(cl.Text) == "" {
				add("%s has no text", cw)
			}
			for _, s := range []string{cl.ID, cl.Heading, cl.Addressee, cl.Label, cl.Text} {
				text(cw, s)
			}
		}
		feet := map[int]bool{}
		for _, f := range r.Footnotes {
			if feet[f.N] {
				add("%s has footnote %d twice", where, f.N)
			}
			feet[f.N] = true
			if f.Anchor != "" && f.Anchor != "title" && !own[f.Anchor] {
				add("%s, footnote %d is anchored to %q, which is not one of its clauses", where, f.N, f.Anchor)
			}
			text(fmt.Sprintf("%s, footnote %d", where, f.N), f.Text)
		}
		for _, ref := range r.Refs {
			if !ref.Kind.Valid() {
				add("%s cites %q with unknown kind %q", where, ref.Key, ref.Kind)
			}
			if strings.TrimSpace(ref.Key) == "" {
				add("%s has a reference without a key", where)
			}
			if ref.ClauseID != "" && !own[ref.ClauseID] {
				add("%s cites %s from clause %q, which is not one of its clauses", where, ref.Key, ref.ClauseID)
			}
			text(where+"'s reference "+ref.Key, ref.Key+ref.Edition+ref.Text)
		}
	}
	if len(probs) == 0 {
		return nil
	}
	more := ""
	if len(probs) > maxProblems {
		more = fmt.Sprintf(" (and %d more problems)", len(probs)-maxProblems)
		probs = probs[:maxProblems]
	}
	return Errorf(EINVALID, "corpus not imported, nothing was changed: %s%s", strings.Join(probs, "; "), more)
}
