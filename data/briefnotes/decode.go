package briefnotes

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"unicode/utf8"

	"briefdesk/app"
)

// Decode reads and checks a whole notes file. It returns a File only when
// every part of it is valid; otherwise an *app.Error (EINVALID) whose
// message says what was wrong, where (note number, counting from 1, and
// id) and that nothing was imported.
//
// Decode accepts what a careful writer may differ in: a UTF-8 byte order
// mark, uppercase UUIDs, times with any offset or fraction (kept as UTC
// milliseconds), tags with spaces around them or repeated (trimmed and
// merged), members it does not know (ignored, as later versions of this
// format may add some).
func Decode(r io.Reader) (*File, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, &app.Error{Code: app.EINVALID, Message: "cannot read the notes file; nothing was imported", Err: err}
	}
	if len(data) > MaxFileSize {
		return nil, reject("the file is larger than %d MiB, the most a notes file may be", MaxFileSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, reject("the file is empty")
	}
	if err := checkUTF8(data); err != nil {
		return nil, err
	}
	if err := checkDuplicateKeys(data); err != nil {
		return nil, err
	}

	// One pass decodes a well-formed file. A file whose JSON does not fit
	// goes to explain, which takes the slow road to say what and where.
	var w struct {
		Format     json.RawMessage   `json:"format"`
		Version    json.RawMessage   `json:"version"`
		ExportedAt string            `json:"exported_at"`
		Exporter   wirePerson        `json:"exporter"`
		Corpus     wireCorpus        `json:"corpus"`
		Notes      []wireNote        `json:"notes"`
		Packs      []json.RawMessage `json:"packs"`
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return nil, explain(data, err)
	}
	version, err := checkFormat(w.Format, w.Version)
	if err != nil {
		return nil, err
	}
	if w.Notes == nil {
		return nil, reject("the file has no \"notes\" list")
	}
	if len(w.Notes) > MaxNotes {
		return nil, reject("the file holds %d notes, more than the %d a notes file may hold; ask for an export of fewer notes (for example by author or resolution)", len(w.Notes), MaxNotes)
	}
	if len(w.Packs) > MaxPacks {
		return nil, reject("the file holds %d pack definitions, more than the %d a notes file may hold", len(w.Packs), MaxPacks)
	}
	f := &File{
		Version:  version,
		Exporter: app.Author{Name: w.Exporter.Name, Delegation: w.Exporter.Delegation},
		Corpus:   app.Source{Name: w.Corpus.Name, Fingerprint: w.Corpus.Fingerprint},
		Notes:    make([]app.Note, len(w.Notes)),
	}
	if f.ExportedAt, err = parseTime("exported_at", w.ExportedAt); err != nil {
		return nil, reject("%v", err)
	}
	if err := checkHeader(*f); err != nil {
		return nil, reject("%v", err)
	}

	seen := make(map[string]int, len(w.Notes))
	for i := range w.Notes {
		n := &f.Notes[i]
		if version < 2 {
			// Version 1 had no histories: whatever a member of that name
			// holds, it is not one.
			w.Notes[i].History = nil
		}
		if version < 3 {
			// Nor had version 2 revisions: a version's revision was its
			// content hash, which an empty one stands for.
			w.Notes[i].Revision = nil
		}
		if err := noteFromWire(&w.Notes[i], n); err != nil {
			return nil, reject("%s: %v", noteWhere(i, w.Notes[i].ID), err)
		}
		if j, dup := seen[n.ID]; dup {
			return nil, reject("note %d has the same id %s as note %d; a file must hold each note once", i+1, n.ID, j+1)
		}
		seen[n.ID] = i
	}
	names := make(map[string]int, len(w.Packs))
	for i, raw := range w.Packs {
		var p app.Pack
		if err := decodePack(raw, &p); err != nil {
			where := fmt.Sprintf("pack %d", i+1)
			if p.Name != "" {
				where += " (" + quote(p.Name) + ")"
			}
			if !errors.As(err, new(*problem)) {
				return nil, jsonErr(raw, where, err)
			}
			return nil, reject("%s: %v", where, err)
		}
		if j, dup := names[p.Name]; dup {
			return nil, reject("pack %d has the same name %s as pack %d", i+1, quote(p.Name), j+1)
		}
		names[p.Name] = i
		f.Packs = append(f.Packs, p)
	}
	return f, nil
}

// checkFormat checks the format name and version: a file of another
// format or a newer version gets that said, not a complaint about some
// field inside it.
func checkFormat(format, version json.RawMessage) (int, error) {
	var name string
	switch {
	case format == nil:
		return 0, reject("this is not a BriefDesk notes file (it has no \"format\": %q)", FormatName)
	case json.Unmarshal(format, &name) != nil:
		var v any
		json.Unmarshal(format, &v)
		return 0, reject("this is not a BriefDesk notes file (its format is %s, not %q)", describe(v), FormatName)
	case name != FormatName:
		return 0, reject("this is a %s file, not a BriefDesk notes file (format %q)", quote(name), FormatName)
	case version == nil:
		return 0, reject("the file does not say which version of the format it is")
	}
	// 1 and 1.0 are the same number in JSON (the schema says "integer").
	var f float64
	err := json.Unmarshal(version, &f)
	v := int(f)
	if err != nil || f != float64(v) || v < 1 {
		var x any
		json.Unmarshal(version, &x)
		return 0, reject("format version %s is not a version number (1, 2, ...)", describe(x))
	}
	if v > Version {
		return 0, reject("the file is format version %d, written by a newer BriefDesk; this one reads up to version %d; update BriefDesk to import it", v, Version)
	}
	return v, nil
}

// explain finds out why a file did not decode: broken JSON, a file of
// another kind, or a member of the wrong type, in which note.
func explain(data []byte, err error) error {
	if errors.As(err, new(*json.SyntaxError)) {
		return jsonErr(data, "", err)
	}
	var head struct {
		Format  json.RawMessage `json:"format"`
		Version json.RawMessage `json:"version"`
	}
	if e := json.Unmarshal(data, &head); e != nil {
		return jsonErr(data, "", e) // not an object
	}
	if _, e := checkFormat(head.Format, head.Version); e != nil {
		return e
	}
	var w wireFile
	if e := json.Unmarshal(data, &w); e != nil {
		return jsonErr(data, "", e)
	}
	for i, raw := range w.Notes {
		var n wireNote
		if e := json.Unmarshal(raw, &n); e != nil {
			var id struct{ ID string }
			json.Unmarshal(raw, &id)
			return jsonErr(raw, noteWhere(i, id.ID), e)
		}
	}
	return jsonErr(data, "", err)
}

// noteWhere says which note of the file a message is about: its number,
// and its id when that is a UUID (when the id is the problem, the message
// shows it anyway).
func noteWhere(i int, id string) string {
	where := fmt.Sprintf("note %d", i+1)
	if id, ok := NormalizeID(id); ok {
		where += " (id " + id + ")"
	}
	return where
}

// problem is a validation failure of a decoded pack, as opposed to a JSON
// error that jsonErr explains.
type problem struct{ err error }

func (p *problem) Error() string { return p.err.Error() }

// noteFromWire checks a decoded note and turns it into an app.Note.
func noteFromWire(w *wireNote, n *app.Note) error {
	id, ok := NormalizeID(w.ID)
	if !ok {
		return fmt.Errorf("id %s is not a UUID like 1b4e28ba-2fa1-41d2-883f-0016d3cca427", quote(w.ID))
	}
	if len(w.Tags) > MaxTags {
		return fmt.Errorf("%d tags is more than the limit of %d", len(w.Tags), MaxTags)
	}
	*n = app.Note{
		ID:         id,
		Resolution: w.Resolution,
		ClauseID:   w.ClauseID,
		ClauseHash: w.ClauseHash,
		Author:     app.Author{Name: w.Author.Name, Delegation: w.Author.Delegation},
		Body:       w.Body,
		Stance:     app.Stance(w.Stance),
		Priority:   w.Priority,
		Tags:       NormalizeTags(w.Tags),
		Deleted:    w.Deleted,

		NeedsReanchor: w.NeedsReanchor,
	}
	// A history is checked as it is (CheckNote): a repeated revision is
	// refused, as the schema says, since no BriefDesk writes one.
	n.History = w.History
	if len(w.Revision) > 0 {
		n.Revision = w.Revision
	}
	var err error
	if n.Created, err = parseTime("created", w.Created); err != nil {
		return err
	}
	if n.Updated, err = parseTime("updated", w.Updated); err != nil {
		return err
	}
	return CheckNote(n)
}

func decodePack(raw json.RawMessage, p *app.Pack) error {
	var w wirePack
	if err := json.Unmarshal(raw, &w); err != nil {
		return err
	}
	*p = app.Pack{
		Name: w.Name, Title: w.Title, Target: w.Target, TargetLabel: w.TargetLabel,
		Delegation: w.Delegation, Author: w.Author, Meeting: w.Meeting, Date: w.Date,
		Lang: w.Lang, Resolutions: w.Resolutions,
		Options: app.PackOptions{
			Clauses: w.Options.Clauses, Notes: w.Options.Notes,
			Overview: w.Options.Overview, RefsAppendix: w.Options.RefsAppendix,
			Checklist: w.Options.Checklist, ClauseIDs: w.Options.ClauseIDs,
		},
	}
	if w.Updated != "" {
		t, err := parseTime("updated", w.Updated)
		if err != nil {
			return &problem{err}
		}
		p.Updated = t
	}
	if err := checkPack(p); err != nil {
		return &problem{err}
	}
	return nil
}

// reject is the error for a refused file.
func reject(format string, args ...any) *app.Error {
	return app.Errorf(app.EINVALID, format+"; nothing was imported", args...)
}

// checkUTF8 refuses invalid UTF-8, saying where; a file cut in the middle
// of a character is reported as cut short, which is what happened.
func checkUTF8(data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if !utf8.FullRune(data[i:]) {
				return reject("the file is truncated (it ends in the middle of a character)")
			}
			line, col := position(data, i)
			return reject("the file is not valid UTF-8 text (byte %d, line %d, column %d); notes files are UTF-8 JSON", i, line, col)
		}
		i += size
	}
	return nil
}

// jsonErr explains a JSON decoding error in words a delegate can act on.
func jsonErr(data []byte, where string, err error) *app.Error {
	prefix := ""
	if where != "" {
		prefix = where + ": "
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		if syn.Offset >= int64(len(data)) || errors.Is(err, io.ErrUnexpectedEOF) || syn.Error() == "unexpected end of JSON input" {
			return reject("%sthe file is truncated (the JSON ends too early)", prefix)
		}
		line, col := position(data, int(syn.Offset)-1)
		return reject("%sthe file is not valid JSON at line %d, column %d (%s)", prefix, line, col, syn.Error())
	case errors.As(err, &typ):
		if typ.Field == "" {
			if where == "" {
				return reject("this is not a BriefDesk notes file (the JSON is %s, not an object)", jsonKind(typ.Value))
			}
			return reject("%sshould be a JSON object, not %s", prefix, jsonKind(typ.Value))
		}
		return reject("%sfield %q should be %s, not %s", prefix, typ.Field, goKind(typ.Type), jsonKind(typ.Value))
	}
	return reject("%sthe file cannot be read as JSON (%v)", prefix, err)
}

// position turns a byte offset into a 1-based line and column (in characters).
func position(data []byte, off int) (line, col int) {
	off = max(0, min(off, len(data)))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[lineStart:]) + 1
}

// describe names a decoded JSON value for a message.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return "the string " + quote(v)
	case float64:
		return fmt.Sprint("the number ", v)
	case nil:
		return "null"
	case bool:
		return fmt.Sprint(v)
	case []any:
		return "a list"
	}
	return "an object"
}

func jsonKind(v string) string {
	switch {
	case v == "string":
		return "a string"
	case v == "object":
		return "an object"
	case v == "array":
		return "a list"
	case v == "bool":
		return "true or false"
	case len(v) > 7 && v[:7] == "number ":
		return "the number " + quote(v[7:])
	case v == "number":
		return "a number"
	}
	return v
}

func goKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "a whole number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return t.String()
}
