package app

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Stance is a delegation's position on what a note is about.
type Stance string

// The stances a note can take.
const (
	StanceNone    Stance = "none"
	StanceSupport Stance = "support"
	StanceConcern Stance = "concern"
	StanceWatch   Stance = "watch"
)

// Stances lists every stance in display order.
var Stances = []Stance{StanceSupport, StanceConcern, StanceWatch, StanceNone}

// Valid reports whether s is a known stance.
func (s Stance) Valid() bool {
	switch s {
	case StanceNone, StanceSupport, StanceConcern, StanceWatch:
		return true
	}
	return false
}

// ParseStance maps a word to a Stance; "" means none.
func ParseStance(s string) (Stance, error) {
	if s == "" {
		return StanceNone, nil
	}
	st := Stance(s)
	if !st.Valid() {
		return "", Errorf(EINVALID, "unknown stance %q: want support, concern, watch or none", s)
	}
	return st, nil
}

// Author is who wrote a note.
type Author struct {
	Name       string
	Delegation string
}

// Origin says where a note came from.
type Origin struct {
	Imported   bool      // false: written here
	File       string    // base name of the .briefnotes file it came from
	ImportedAt time.Time // when it was imported
}

// Note is a delegate's annotation of a resolution, optionally of one clause.
type Note struct {
	ID         string // UUID
	Resolution int
	ClauseID   string // "" for a note on the whole resolution
	// ClauseHash is ClauseHash(text) of the clause the note was written
	// against; a re-import that changes the text makes the note need
	// re-anchoring instead of silently pointing at other words.
	ClauseHash string
	Author     Author
	Body       string
	Stance     Stance
	Priority   int // 0 none, 1 high, 2 medium, 3 low
	Tags       []string
	Created    time.Time
	Updated    time.Time
	Deleted    bool // tombstone, so deletions travel with exports
	Origin     Origin
	// NeedsReanchor is set when the clause is gone or its text changed.
	NeedsReanchor bool
	// History lists the revisions (Revision) of the versions of this note
	// that were exchanged — exported from here or imported — and that this
	// version descends from, oldest first, at most HistoryLimit. It travels
	// in .briefnotes files, so that a merge can tell which side changed
	// the note since the version both had (see Merge).
	History []string
}

// ClauseHash is the hash a note keeps of the clause text it annotates.
func ClauseHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// NoteFilter selects notes. Zero values select everything.
type NoteFilter struct {
	Resolution     int    // 0 for all
	ClauseID       string // "" for all
	Author         string // author name; "" for all
	Mine           bool   // only notes written here (Origin.Imported == false)
	Others         bool   // only imported notes
	Stance         Stance // "" for all
	Tag            string
	IncludeDeleted bool
}

// Conflict is an imported version of a note that was changed both here
// and in the file since the last version both sides had (see Merge). Both
// are kept until the user picks one (Keep).
type Conflict struct {
	ID       int64
	Local    Note
	Incoming Note // Origin says which file it came from
}

// Keep is how a conflict is resolved.
type Keep string

// The ways to resolve a conflict.
const (
	KeepMine   Keep = "mine"   // the version here stays; theirs is dropped
	KeepTheirs Keep = "theirs" // the file's version replaces the one here
	// KeepBoth keeps the version here and makes the file's version a new
	// note (a new ID), marked as imported from the file.
	KeepBoth Keep = "both"
)

// ParseKeep reads a choice as typed: mine (or local, ours), theirs (or
// incoming), both.
func ParseKeep(s string) (Keep, error) {
	switch s {
	case "mine", "local", "ours":
		return KeepMine, nil
	case "theirs", "incoming":
		return KeepTheirs, nil
	case "both":
		return KeepBoth, nil
	}
	return "", Errorf(EINVALID, "keep %q: want mine, theirs or both", s)
}

// ImportResult counts what a notes import did (or, in a dry run, would do).
type ImportResult struct {
	Added int
	// Updated: changed only in the file since the version both had, so
	// the file's version replaced ours.
	Updated   int
	Unchanged int // the same content here already
	// Conflicts: changed on both sides; both versions kept for the user.
	Conflicts   int
	NeedsAnchor int // imported but needing re-anchoring
	// Kept: changed only here (or the file's version is one we had
	// before), so ours stays.
	Kept int
	// Pack definitions carried by the file: new names added, newer
	// versions of packs we have updated (an older or equal one is kept).
	PacksAdded   int
	PacksUpdated int
	DryRun       bool
}
