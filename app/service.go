package app

import (
	"context"
	"io"
)

// ResolutionFilter selects resolutions. Zero values select everything.
type ResolutionFilter struct {
	Status Status
	// RefKeys keeps resolutions that cite every one of these keys (of any
	// kind: keys such as "ITU-D SG2" or "WTDC Res 59" are unique across kinds).
	RefKeys []string
	// Full loads clauses, footnotes and refs too; otherwise only the
	// Table 1 fields and Refs are filled.
	Full bool
}

// SearchHit is the best match of a query in one resolution.
type SearchHit struct {
	Number   int
	Title    string
	ClauseID string // the clause that matched best; "" for title/summary
	// Snippet is a short excerpt with each hit wrapped in MarkOpen/MarkClose.
	Snippet string
	Score   float64 // higher is better
	// Field says where the snippet comes from: FieldTitle, FieldSummary,
	// FieldClause (a clause's text, heading or addressee: ClauseID names
	// it) or FieldFootnote (ClauseID names the clause it is anchored to,
	// "" for the title's). A match in a clause wins over the summary, so
	// that a user interface can take the reader to the clause.
	Field string
}

// The values of SearchHit.Field.
const (
	FieldNumber   = "number" // the query named the resolution by its number
	FieldTitle    = "title"
	FieldSummary  = "summary"
	FieldClause   = "clause"
	FieldFootnote = "footnote"
)

// Snippet hit markers. They are not used anywhere in the corpus, so a user
// interface can split on them safely.
const (
	MarkOpen  = "«"
	MarkClose = "»"
)

// CorpusService reads the resolutions.
type CorpusService interface {
	Source(ctx context.Context) (Source, error)
	Overview(ctx context.Context) ([]OverviewSection, error)
	Resolutions(ctx context.Context, f ResolutionFilter) ([]Resolution, error)
	// Resolution returns one resolution with clauses, footnotes and refs,
	// or an ENOTFOUND error.
	Resolution(ctx context.Context, number int) (*Resolution, error)
	// Search finds resolutions containing q (Chinese of any length, Latin
	// tokens, or a mix), title hits first. An empty query is EINVALID.
	Search(ctx context.Context, q string, limit int) ([]SearchHit, error)
	// Entities lists referenced things with their citations; kind "" for all.
	Entities(ctx context.Context, kind RefKind) ([]Entity, error)
}

// NoteService stores a delegate's notes and moves them between delegates.
type NoteService interface {
	// SaveNote creates (empty ID) or updates a note in its own committed
	// transaction, filling ID, times and ClauseHash.
	SaveNote(ctx context.Context, n *Note) error
	// DeleteNote marks a note deleted (a tombstone that travels in exports);
	// RestoreNote undoes that.
	DeleteNote(ctx context.Context, id string) error
	RestoreNote(ctx context.Context, id string) error
	Note(ctx context.Context, id string) (*Note, error)
	Notes(ctx context.Context, f NoteFilter) ([]Note, error)
	// NoteCounts maps resolution number to its count of live notes.
	NoteCounts(ctx context.Context) (map[int]int, error)
	// ExportNotes writes a .briefnotes file of the notes f selects (with
	// tombstones) and, if packs is non-empty, those pack definitions.
	ExportNotes(ctx context.Context, w io.Writer, f NoteFilter, exporter Author, packs []string) error
	// ImportNotes validates a whole .briefnotes file, then merges it in one
	// transaction, or in a dry run only reports what it would do. A rejected
	// file is an EINVALID error and changes nothing.
	ImportNotes(ctx context.Context, r io.Reader, fileName string, dryRun bool) (ImportResult, error)
	Conflicts(ctx context.Context) ([]Conflict, error)
	// ResolveConflict keeps the local version, the incoming one, or both
	// (the incoming one becoming a new note).
	ResolveConflict(ctx context.Context, id int64, keep Keep) error
}

// PackService stores briefing-pack definitions.
type PackService interface {
	SavePack(ctx context.Context, p *Pack) error
	Pack(ctx context.Context, name string) (*Pack, error)
	Packs(ctx context.Context) ([]Pack, error)
	DeletePack(ctx context.Context, name string) error
}

// SettingsService keeps small per-database settings (the author's name and
// delegation, the UI language).
type SettingsService interface {
	Setting(ctx context.Context, key string) (string, error) // "" when unset
	SetSetting(ctx context.Context, key, value string) error
}

// Setting keys.
const (
	SettingAuthorName       = "author.name"
	SettingAuthorDelegation = "author.delegation"
	SettingLanguage         = "ui.language"
)

// ImportStats says what importing a corpus did.
type ImportStats struct {
	Resolutions int
	Clauses     int
	Footnotes   int
	Refs        int
	// Unchanged is true when the database already held this very corpus,
	// whole and unaltered; then nothing was written.
	Unchanged bool
	// Replaced is true when a different corpus was there before.
	Replaced bool
}

// CheckReport is what an integrity check of a database found. Problems
// are sentences for a person; none means the database is sound.
type CheckReport struct {
	Resolutions int // rows found, whatever the import recorded
	Clauses     int
	Footnotes   int
	Refs        int
	Passages    int // documents in the search index: one per resolution
	Problems    []string
}

// OK reports whether the check found nothing wrong.
func (r CheckReport) OK() bool { return len(r.Problems) == 0 }
