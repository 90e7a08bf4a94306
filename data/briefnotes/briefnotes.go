// Package briefnotes reads and writes .briefnotes files, the UTF-8 JSON
// files in which delegates pass their notes (and optionally briefing-pack
// definitions) to one another. docs/briefnotes.md describes the format.
//
// A notes file comes from someone else, so Decode trusts nothing: it reads
// at most MaxFileSize bytes and checks every field of every note before it
// returns, so that an importer either gets a whole, valid File or an
// *app.Error (EINVALID) saying what was wrong, where, and that nothing was
// imported. Nothing here touches the database; data.(*DB).ImportNotes adds
// the checks that need the corpus and does the merge.
package briefnotes

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"briefdesk/app"
)

// FormatName is the value of the "format" member of every notes file.
const FormatName = "briefnotes"

// Version is the format version this package writes and the newest it
// reads. Version 2 added the notes' "history", which the three-way merge
// needs; version 3 the notes' "revision", which names a version rather
// than its content. Older files still import: a version 2 note's revision
// is its content hash (its revision then), and a version 1 note has no
// history either (app.Merge says how that merges).
const Version = 3

// Extension is the usual file name extension.
const Extension = ".briefnotes"

// Limits on what a file may hold. They are far above anything a delegation
// writes and low enough that a hostile file cannot make BriefDesk use much
// memory or store absurd data.
const (
	MaxFileSize    = 20 << 20 // bytes in the whole file
	MaxNotes       = 50_000
	MaxBody        = app.MaxNoteText // bytes of one note's text
	MaxTags        = app.MaxTags     // tags on one note
	MaxTagLen      = app.MaxTagLen   // characters in one tag
	MaxNameLen     = app.MaxNameLen  // characters in a name, delegation, clause ID, pack name
	MaxPacks       = 1_000
	MaxPackEntries = app.MaxPackResolutions // resolutions in one pack
	MaxHistory     = app.HistoryLimit
)

// TimeLayout is how times are written: UTC with milliseconds, the precision
// the database keeps, so that a time survives a round trip unchanged and
// merge comparisons give the same answer on both sides.
const TimeLayout = "2006-01-02T15:04:05.000Z"

// File is the content of a notes file.
type File struct {
	// Version is the format version the file was read in; Encode always
	// writes Version. Only version 2 on carries note histories, and only
	// version 3 on note revisions.
	Version    int
	ExportedAt time.Time
	Exporter   app.Author
	// Corpus identifies the source document the notes were written
	// against: an importer with the same fingerprint has the same clauses.
	Corpus app.Source // only Name and Fingerprint travel
	Notes  []app.Note // with tombstones; Origin and NeedsReanchor do not travel
	Packs  []app.Pack
}

// The wire types: what the JSON looks like. They are separate from the
// app types so the format stays fixed whatever happens to the domain.
type (
	wireFile struct {
		Format     string            `json:"format"`
		Version    int               `json:"version"`
		ExportedAt string            `json:"exported_at"`
		Exporter   wirePerson        `json:"exporter"`
		Corpus     wireCorpus        `json:"corpus"`
		Notes      []json.RawMessage `json:"notes"`
		Packs      []json.RawMessage `json:"packs,omitempty"`
	}
	wirePerson struct {
		Name       string `json:"name"`
		Delegation string `json:"delegation"`
	}
	wireCorpus struct {
		Name        string `json:"name"`
		Fingerprint string `json:"fingerprint"`
	}
	wireNote struct {
		ID         string     `json:"id"`
		Resolution int        `json:"resolution"`
		ClauseID   string     `json:"clause_id,omitempty"`
		ClauseHash string     `json:"clause_hash,omitempty"`
		Author     wirePerson `json:"author"`
		Body       string     `json:"body"`
		Stance     string     `json:"stance"`
		Priority   int        `json:"priority"`
		Tags       []string   `json:"tags"`
		Created    string     `json:"created"`
		Updated    string     `json:"updated"`
		Deleted    bool       `json:"deleted"`
		// NeedsReanchor says the exporter's own corpus no longer has the
		// clause, or its text changed: the note travels as it is, and a
		// colleague on that same edition takes it as needing re-anchoring
		// instead of refusing the file as inconsistent.
		NeedsReanchor bool `json:"needs_reanchor,omitempty"`
		// Revision is app.Note.Revision: what names this version (version
		// 3 on; before, and when empty, its content hash).
		Revision []string `json:"revision,omitempty"`
		// History is app.Note.History: the revisions of exchanged versions
		// this one descends from (version 2 on).
		History []string `json:"history,omitempty"`
	}
	wirePack struct {
		Name        string `json:"name"`
		Title       string `json:"title,omitempty"`
		Target      string `json:"target,omitempty"`
		TargetLabel string `json:"target_label,omitempty"`
		Delegation  string `json:"delegation,omitempty"`
		Author      string `json:"author,omitempty"`
		Meeting     string `json:"meeting,omitempty"`
		Date        string `json:"date,omitempty"`
		// Lang is app.Pack.Lang, "zh" or "en"; absent for a pack that
		// prints in the reader's interface language (see docs/briefnotes.md
		// on why this needs no new version).
		Lang        string          `json:"lang,omitempty"`
		Resolutions []int           `json:"resolutions"`
		Options     wirePackOptions `json:"options"`
		Updated     string          `json:"updated,omitempty"`
	}
	wirePackOptions struct {
		Clauses      string `json:"clauses,omitempty"`
		Notes        string `json:"notes,omitempty"`
		Overview     bool   `json:"overview"`
		RefsAppendix bool   `json:"refs_appendix"`
		// Checklist and ClauseIDs are written only when true, so a file
		// with packs that leave them off is what it was before them.
		Checklist bool `json:"checklist,omitempty"`
		ClauseIDs bool `json:"clause_ids,omitempty"`
	}
)

// Encode writes f as a notes file. It applies the checks Decode applies,
// so BriefDesk never writes a file it would refuse to read.
func Encode(w io.Writer, f File) error {
	if err := checkHeader(f); err != nil {
		return exportErr("%v", err)
	}
	out := struct {
		Format     string     `json:"format"`
		Version    int        `json:"version"`
		ExportedAt string     `json:"exported_at"`
		Exporter   wirePerson `json:"exporter"`
		Corpus     wireCorpus `json:"corpus"`
		Notes      []wireNote `json:"notes"`
		Packs      []wirePack `json:"packs,omitempty"`
	}{
		Format:     FormatName,
		Version:    Version,
		ExportedAt: formatTime(f.ExportedAt),
		Exporter:   wirePerson{f.Exporter.Name, f.Exporter.Delegation},
		Corpus:     wireCorpus{f.Corpus.Name, f.Corpus.Fingerprint},
		Notes:      make([]wireNote, len(f.Notes)),
	}
	if len(f.Notes) > MaxNotes {
		return exportErr("%d notes is more than a file may hold (%d); export fewer, for example by author or resolution", len(f.Notes), MaxNotes)
	}
	seen := make(map[string]int, len(f.Notes))
	for i := range f.Notes {
		n := &f.Notes[i]
		if err := CheckNote(n); err != nil {
			return exportErr("note %d (id %s): %v", i+1, quote(n.ID), err)
		}
		if j, dup := seen[n.ID]; dup {
			return exportErr("note %d has the same id %s as note %d", i+1, n.ID, j+1)
		}
		seen[n.ID] = i
		out.Notes[i] = toWireNote(n)
	}
	if len(f.Packs) > MaxPacks {
		return exportErr("%d packs is more than a file may hold (%d)", len(f.Packs), MaxPacks)
	}
	names := make(map[string]bool, len(f.Packs))
	for i := range f.Packs {
		p := f.Packs[i] // a copy: Updated is rounded as the file keeps it
		if !p.Updated.IsZero() {
			p.Updated = Time(p.Updated)
		}
		if l, err := app.ParsePackLang(p.Lang); err == nil {
			p.Lang = l // written as the file spells it: "zh-CN" is "zh"
		}
		if err := checkPack(&p); err != nil {
			return exportErr("pack %d (%s): %v", i+1, quote(p.Name), err)
		}
		if names[p.Name] {
			return exportErr("pack %s appears twice", quote(p.Name))
		}
		names[p.Name] = true
		out.Packs = append(out.Packs, toWirePack(&p))
	}
	// One member per line and one note per line: a person can read and
	// grep the file, and it costs a single encoding pass (an indenting
	// encoder doubles the time). No HTML escaping: "<" and Chinese text
	// look like themselves.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	put := func(prefix string, v any, suffix string) error {
		buf.WriteString(prefix)
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("encode notes file: %w", err)
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
		buf.WriteString(suffix)
		return nil
	}
	buf.WriteString("{\n")
	for _, m := range []struct {
		name  string
		value any
	}{{"format", out.Format}, {"version", out.Version}, {"exported_at", out.ExportedAt}, {"exporter", out.Exporter}, {"corpus", out.Corpus}} {
		if err := put(fmt.Sprintf("  %q: ", m.name), m.value, ",\n"); err != nil {
			return err
		}
	}
	list := func(name string, n int, item func(int) any, last bool) error {
		fmt.Fprintf(&buf, "  %q: [", name)
		for i := range n {
			sep := ","
			if i == n-1 {
				sep = "\n  "
			}
			if err := put("\n    ", item(i), sep); err != nil {
				return err
			}
		}
		buf.WriteString("]")
		if !last {
			buf.WriteString(",")
		}
		buf.WriteString("\n")
		return nil
	}
	if err := list("notes", len(out.Notes), func(i int) any { return out.Notes[i] }, len(out.Packs) == 0); err != nil {
		return err
	}
	if len(out.Packs) > 0 {
		if err := list("packs", len(out.Packs), func(i int) any { return out.Packs[i] }, true); err != nil {
			return err
		}
	}
	buf.WriteString("}\n")
	out2 := bidiEscaper.Replace(buf.String())
	if len(out2) > MaxFileSize {
		return exportErr("the file would be %d bytes, more than a notes file may be (%d); export fewer notes", len(out2), MaxFileSize)
	}
	if _, err := io.WriteString(w, out2); err != nil {
		return fmt.Errorf("write notes file: %w", err)
	}
	return nil
}

// bidiEscaper writes the bidi controls as JSON escapes, so that a person
// who opens a file in an editor sees them instead of text they reorder.
// They only occur inside JSON strings, where the escape means the same.
var bidiEscaper = strings.NewReplacer(
	"\u202a", `\u202a`, "\u202b", `\u202b`, "\u202c", `\u202c`, "\u202d", `\u202d`, "\u202e", `\u202e`,
	"\u2066", `\u2066`, "\u2067", `\u2067`, "\u2068", `\u2068`, "\u2069", `\u2069`,
	"\u200e", `\u200e`, "\u200f", `\u200f`, "\u061c", `\u061c`,
)

func exportErr(format string, args ...any) *app.Error {
	return app.Errorf(app.EINVALID, "cannot export notes: "+format, args...)
}

func toWireNote(n *app.Note) wireNote {
	tags := n.Tags
	if tags == nil {
		tags = []string{}
	}
	return wireNote{
		ID:         n.ID,
		Resolution: n.Resolution,
		ClauseID:   n.ClauseID,
		ClauseHash: n.ClauseHash,
		Author:     wirePerson{n.Author.Name, n.Author.Delegation},
		Body:       n.Body,
		Stance:     string(n.Stance),
		Priority:   n.Priority,
		Tags:       tags,
		Created:    formatTime(n.Created),
		Updated:    formatTime(n.Updated),
		Deleted:    n.Deleted,

		NeedsReanchor: n.NeedsReanchor,
		Revision:      n.Revisions(),
		History:       n.History,
	}
}

func toWirePack(p *app.Pack) wirePack {
	res := p.Resolutions
	if res == nil {
		res = []int{}
	}
	w := wirePack{
		Name: p.Name, Title: p.Title, Target: p.Target, TargetLabel: p.TargetLabel,
		Delegation: p.Delegation, Author: p.Author, Meeting: p.Meeting, Date: p.Date,
		Lang: p.Lang, Resolutions: res,
		Options: wirePackOptions{
			Clauses: p.Options.Clauses, Notes: p.Options.Notes,
			Overview: p.Options.Overview, RefsAppendix: p.Options.RefsAppendix,
			Checklist: p.Options.Checklist, ClauseIDs: p.Options.ClauseIDs,
		},
	}
	if !p.Updated.IsZero() {
		w.Updated = formatTime(p.Updated)
	}
	return w
}

// formatTime writes t in TimeLayout.
func formatTime(t time.Time) string { return t.UTC().Format(TimeLayout) }

// Time rounds t the way a notes file (and the database) keeps it: UTC,
// truncated to the millisecond.
func Time(t time.Time) time.Time { return t.UTC().Truncate(time.Millisecond) }

// quote shows a piece of untrusted text in a message: quoted, with control
// and bidi characters escaped, and cut short.
func quote(s string) string {
	const max = 40
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

// Same reports whether a and b are the same version of a note: every field
// that travels in a file is equal, but for Revision and History, which
// say how a version came about, not what it is. Origin and NeedsReanchor are local.
func Same(a, b *app.Note) bool {
	return a.ID == b.ID && a.Resolution == b.Resolution &&
		a.ClauseID == b.ClauseID && a.ClauseHash == b.ClauseHash &&
		a.Author == b.Author && a.Body == b.Body && a.Stance == b.Stance &&
		a.Priority == b.Priority && slices.Equal(a.Tags, b.Tags) &&
		a.Created.Equal(b.Created) && a.Updated.Equal(b.Updated) && a.Deleted == b.Deleted
}
