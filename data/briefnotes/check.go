package briefnotes

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"briefdesk/app"
)

// The range of times a note may carry. Anything outside is a broken clock
// or a forged file; a note dated 9999 would win every merge forever.
var (
	minTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	maxTime = time.Date(9999, 12, 31, 23, 59, 59, 999e6, time.UTC)
)

// CheckNote reports the first thing wrong with a note as it is stored and
// travels: a canonical UUID, a plausible resolution number, sizes within
// the limits, a known stance and priority, normalised tags (NormalizeTags),
// millisecond UTC times in range. The corpus checks (does the resolution
// exist?) are the database's. The error is a plain sentence, without the
// note's position, for the caller to place.
func CheckNote(n *app.Note) error {
	if !ValidID(n.ID) {
		return fmt.Errorf("id %s is not a UUID like 1b4e28ba-2fa1-41d2-883f-0016d3cca427", quote(n.ID))
	}
	if err := checkLine("clause_id", n.ClauseID, MaxNameLen); err != nil {
		return err
	}
	switch {
	case n.ClauseID == "" && n.ClauseHash != "":
		return errors.New("clause_hash is set but clause_id is empty")
	case n.ClauseID != "" && !isHex64(n.ClauseHash):
		return fmt.Errorf("clause_hash %s is not 64 lowercase hex digits (SHA-256 of the clause text)", quote(n.ClauseHash))
	}
	// What a person wrote: the one rule the window and the command line
	// apply too, with the fields named as the file names them.
	if err := n.Validate(); err != nil {
		if fe, ok := app.FieldProblem(err); ok && wireField[fe.Field] != "" && !strings.HasPrefix(app.ErrorMessage(err), "tag ") {
			return fmt.Errorf("%s %s", wireField[fe.Field], fe.Problem)
		}
		return errors.New(app.ErrorMessage(err))
	}
	if !n.Stance.Valid() {
		return fmt.Errorf("stance %s is not one of support, concern, watch, none", quote(string(n.Stance)))
	}
	if err := checkTime("created", n.Created); err != nil {
		return err
	}
	if err := checkTime("updated", n.Updated); err != nil {
		return err
	}
	if n.Updated.Before(n.Created) {
		return fmt.Errorf("updated %s is before created %s", n.Updated.Format(TimeLayout), n.Created.Format(TimeLayout))
	}
	if err := checkRevisions("revision", n.Revision); err != nil {
		return err
	}
	return checkRevisions("history", n.History)
}

// checkRevisions checks a note's history or revision: at most MaxHistory
// revisions, each 16 lowercase hex digits (app.NewRevision), none twice.
func checkRevisions(member string, h []string) error {
	if len(h) > MaxHistory {
		return fmt.Errorf("%s lists %d revisions, more than the limit of %d", member, len(h), MaxHistory)
	}
	for i, r := range h {
		if !app.ValidRevision(r) {
			return fmt.Errorf("%s entry %d, %s, is not a revision (16 lowercase hex digits)", member, i+1, quote(r))
		}
		if slices.Contains(h[:i], r) {
			return fmt.Errorf("%s lists revision %s twice", member, r)
		}
	}
	return nil
}

// wireField is how a notes file names a note's user-entered fields.
var wireField = map[app.Field]string{
	app.FieldNoteText: "body", app.FieldAuthor: "author.name", app.FieldDelegation: "author.delegation",
}

func checkPerson(field string, p app.Author) error {
	for _, f := range []struct {
		field app.Field
		wire  string
		value string
	}{{app.FieldAuthor, field + ".name", p.Name}, {app.FieldDelegation, field + ".delegation", p.Delegation}} {
		if err := app.CheckField(f.field, f.value); err != nil {
			fe, _ := app.FieldProblem(err)
			return fmt.Errorf("%s %s", f.wire, fe.Problem)
		}
	}
	return nil
}

// checkLine checks a one-line field: valid UTF-8, no control characters
// (no line breaks either), at most max characters.
func checkLine(field, s string, max int) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s is not valid UTF-8", field)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return fmt.Errorf("%s is %d characters long, more than the limit of %d", field, n, max)
	}
	for _, r := range s {
		if r < 0x20 || (r >= 0x7F && r <= 0x9F) {
			return fmt.Errorf("%s %s contains the control character %U", field, quote(s), r)
		}
	}
	return nil
}

func checkTime(field string, t time.Time) error {
	if t.IsZero() {
		return fmt.Errorf("%s time is missing", field)
	}
	if t.Before(minTime) || t.After(maxTime) {
		return fmt.Errorf("%s time %s is before 2000 or after 9999", field, t.UTC().Format(time.RFC3339))
	}
	if !t.Equal(Time(t)) {
		return fmt.Errorf("%s time %s is finer than a millisecond", field, t.UTC().Format(time.RFC3339Nano))
	}
	return nil
}

// rfc3339Shape is the schema's pattern for a time. time.Parse alone also
// takes a one-digit hour ("2026-05-04T9:30:00Z"), which RFC 3339 and the
// schema do not.
var rfc3339Shape = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$`)

// parseTime reads a time as a file has it: RFC 3339 with any offset and
// any fraction, kept as UTC milliseconds.
func parseTime(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, fmt.Errorf("%s time is missing", field)
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || !rfc3339Shape.MatchString(s) {
		return time.Time{}, fmt.Errorf("%s time %s is not an RFC 3339 time like 2026-05-04T09:30:00.000Z", field, quote(s))
	}
	t = Time(t)
	if t.Before(minTime) || t.After(maxTime) {
		return time.Time{}, fmt.Errorf("%s time %s is before 2000 or after 9999", field, quote(s))
	}
	if err := checkTime(field, t); err != nil {
		return time.Time{}, err
	}
	return t, nil
}

// NormalizeTags trims tags and drops empty and repeated ones, keeping the
// first-seen order. It returns nil for no tags.
func NormalizeTags(tags []string) []string {
	var out []string
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if t == "" || slices.Contains(out, t) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// ValidID reports whether s is a UUID in canonical form: lowercase hex,
// 8-4-4-4-12, not the nil UUID. Any version is accepted, so notes written
// by other tools can travel too.
func ValidID(s string) bool {
	if len(s) != 36 || s == "00000000-0000-0000-0000-000000000000" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
				return false
			}
		}
	}
	return true
}

// NormalizeID returns s in canonical form (RFC 9562 says UUIDs compare
// case-insensitively) and whether it is a valid UUID.
func NormalizeID(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	return s, ValidID(s)
}

func isHex64(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// checkHeader checks the file-level fields.
func checkHeader(f File) error {
	if err := checkTime("exported_at", Time(f.ExportedAt)); err != nil {
		return err
	}
	if err := checkPerson("exporter", f.Exporter); err != nil {
		return err
	}
	if err := checkLine("corpus.name", f.Corpus.Name, MaxNameLen); err != nil {
		return err
	}
	if !isHex64(f.Corpus.Fingerprint) {
		return fmt.Errorf("corpus.fingerprint %s is not 64 lowercase hex digits (SHA-256 of the source document)", quote(f.Corpus.Fingerprint))
	}
	return nil
}

// checkPack checks a pack definition: app.Pack.Validate, the rule the
// window and the command line apply too, and the update time.
func checkPack(p *app.Pack) error {
	if err := p.Validate(); err != nil {
		return errors.New(app.ErrorMessage(err))
	}
	// Validate knows which languages there are; a file spells them one
	// way, as the schema does, so every reader of the file reads it alike.
	if l, _ := app.ParsePackLang(p.Lang); l != p.Lang {
		return fmt.Errorf("lang %s should be written %q", quote(p.Lang), l)
	}
	if err := checkLine("target", p.Target, MaxNameLen); err != nil {
		return err
	}
	if !p.Updated.IsZero() {
		return checkTime("updated", p.Updated)
	}
	return nil
}
