package briefnotes_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data/briefnotes"
)

const (
	id1 = "1b4e28ba-2fa1-41d2-883f-0016d3cca427"
	id2 = "9c1f0c7e-5b1a-4c0e-8f3e-2a6d7b8c9d0e"
	fp  = "059b8ff9dea9352a059b8ff9dea9352a059b8ff9dea9352a059b8ff9dea9352a"
	h   = "a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"
)

// note is a valid note as a JSON object; edit changes it.
func note(id string, edit func(map[string]any)) map[string]any {
	n := map[string]any{
		"id": id, "resolution": 44, "clause_id": "44/instructs/9", "clause_hash": h,
		"author": map[string]any{"name": "李明", "delegation": "China"},
		"body":   "支持。Support the BDT role.\n第二段",
		"stance": "support", "priority": 1, "tags": []any{"SG1", "finance"},
		"created": "2026-05-01T08:00:00.000Z", "updated": "2026-05-02T09:30:15.123Z",
		"deleted": false,
	}
	if edit != nil {
		edit(n)
	}
	return n
}

// file is a valid file with the given notes as JSON; edit changes it.
func file(edit func(map[string]any), notes ...map[string]any) []byte {
	list := make([]any, len(notes))
	for i, n := range notes {
		list[i] = n
	}
	f := map[string]any{
		"format": "briefnotes", "version": 1, "exported_at": "2026-05-03T10:00:00.000Z",
		"exporter": map[string]any{"name": "李明", "delegation": "China"},
		"corpus":   map[string]any{"name": "000_059b8ff9dea9352a.txt", "fingerprint": fp},
		"notes":    list,
	}
	if edit != nil {
		edit(f)
	}
	b, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		panic(err)
	}
	return b
}

func set(k string, v any) func(map[string]any) { return func(m map[string]any) { m[k] = v } }

func del(k string) func(map[string]any) { return func(m map[string]any) { delete(m, k) } }

var good = file(nil, note(id1, nil), note(id2, func(n map[string]any) { n["clause_id"] = ""; n["clause_hash"] = "" }))

// decodeCases feed TestDecode and FuzzDecode. want is "" for a good file,
// otherwise words the message must contain.
var decodeCases = []struct {
	name string
	data []byte
	want []string
}{
	{"Good", good, nil},
	{"NoNotes", file(set("notes", []any{})), nil},
	{"Tombstone", file(nil, note(id1, func(n map[string]any) { n["deleted"] = true; n["body"] = "" })), nil},
	{"ByteOrderMark", append([]byte("\xef\xbb\xbf"), good...), nil},
	{"UppercaseID", file(nil, note(strings.ToUpper(id1), nil)), nil},
	{"TimeOffset", file(nil, note(id1, set("updated", "2026-05-02T17:30:15.123456+08:00"))), nil},
	{"UnknownMemberIgnored", file(set("x-future", 1), note(id1, set("colour", "red"))), nil},
	{"MessyTags", file(nil, note(id1, set("tags", []any{" a ", "a", "", "b"}))), nil},
	{"NoClause", file(nil, note(id1, func(n map[string]any) { delete(n, "clause_id"); delete(n, "clause_hash") })), nil},
	{"ControlAndBidiInBody", file(nil, note(id1, set("body", "\x1b[31m\u202Eevil"))), nil},
	{"Packs", file(set("packs", []any{map[string]any{"name": "sg1", "target": "itu-d-sg1", "date": "2026-05-04", "resolutions": []any{44, 59}, "options": map[string]any{"clauses": "itu-d", "notes": "mine", "overview": true}}})), nil},

	{"Empty", []byte(""), []string{"empty"}},
	{"Whitespace", []byte(" \n"), []string{"empty"}},
	{"NotJSON", []byte("Dear colleagues, please find attached"), []string{"not valid JSON", "line 1"}},
	{"Truncated", good[:len(good)/2], []string{"truncated"}},
	{"TruncatedMidCharacter", good[:bytes.Index(good, []byte("支"))+1], []string{"truncated"}},
	{"TrailingGarbage", append(append([]byte{}, good...), "}}"...), []string{"not valid JSON"}},
	{"Array", []byte(`[1,2]`), []string{"not a BriefDesk notes file", "list"}},
	{"NoFormat", file(del("format")), []string{"not a BriefDesk notes file"}},
	{"OtherFormat", file(set("format", "mindmap")), []string{`"mindmap" file`}},
	{"NewerVersion", file(set("version", 4)), []string{"version 4", "newer BriefDesk"}},
	{"Version3Revision", file(set("version", 3), note(id1, set("revision", []any{"0123456789abcdef"}))), nil},
	{"Version3Aliases", file(set("version", 3), note(id1, set("revision", []any{"0123456789abcdef", "1123456789abcdef"}))), nil},
	{"Version3NoRevision", file(set("version", 3), note(id1, nil)), nil},
	{"RevisionBadEntry", file(set("version", 3), note(id1, set("revision", []any{"0123456789abcdeg"}))), []string{"note 1", "revision entry 1", "not a revision"}},
	{"RevisionTooLong", file(set("version", 3), note(id1, set("revision", revisions(briefnotes.MaxHistory+1)))), []string{"note 1", "revision lists 65 revisions"}},
	{"RevisionRepeated", file(set("version", 3), note(id1, set("revision", []any{"0123456789abcdef", "0123456789abcdef"}))), []string{"note 1", "0123456789abcdef twice"}},
	{"RevisionNotList", file(set("version", 3), note(id1, set("revision", "0123456789abcdef"))), []string{"note 1", `"revision"`, "a list"}},
	{"Version2History", file(set("version", 2), note(id1, set("history", []any{"0123456789abcdef", "fedcba9876543210"}))), nil},
	{"HistoryBadEntry", file(set("version", 2), note(id1, set("history", []any{"0123456789ABCDEF"}))), []string{"note 1", "history entry 1", "not a revision"}},
	{"HistoryTooLong", file(set("version", 2), note(id1, set("history", revisions(briefnotes.MaxHistory+1)))), []string{"note 1", "65 revisions"}},
	{"HistoryRepeated", file(set("version", 2), note(id1, set("history", []any{"0123456789abcdef", "fedcba9876543210", "0123456789abcdef"}))), []string{"note 1", "0123456789abcdef twice"}},
	{"HistoryNotList", file(set("version", 2), note(id1, set("history", "0123456789abcdef"))), []string{"note 1", `"history"`, "a list"}},
	{"NoVersion", file(del("version")), []string{"version"}},
	{"VersionZero", file(set("version", 0)), []string{"not a version number"}},
	{"VersionString", file(set("version", "1")), []string{"not a version number"}},
	{"InvalidUTF8", bytes.Replace(good, []byte("Support"), []byte("Supp\xffrt"), 1), []string{"not valid UTF-8", "line"}},
	{"NotesMissing", file(del("notes")), []string{`no "notes"`}},
	{"NotesObject", file(set("notes", map[string]any{})), []string{`"notes"`, "a list"}},
	{"NoteNumber", file(set("notes", []any{7})), []string{"note 1", "object"}},
	{"NoExportTime", file(del("exported_at")), []string{"exported_at", "missing"}},
	{"BadFingerprint", file(set("corpus", map[string]any{"fingerprint": "abc"})), []string{"fingerprint"}},
	{"DuplicateID", file(nil, note(id1, nil), note(id2, nil), note(id1, nil)), []string{"note 3", "same id", "note 1"}},
	{"DuplicateIDCase", file(nil, note(id1, nil), note(strings.ToUpper(id1), nil)), []string{"note 2", "same id"}},
	{"MalformedID", file(nil, note(id1, nil), note("1b4e28ba-2fa1-41d2-883f", nil)), []string{"note 2", "not a UUID"}},
	{"NilID", file(nil, note("00000000-0000-0000-0000-000000000000", nil)), []string{"not a UUID"}},
	{"MissingID", file(nil, note(id1, del("id"))), []string{"note 1", "not a UUID"}},
	{"ResolutionZero", file(nil, note(id1, set("resolution", 0))), []string{"resolution 0"}},
	{"ResolutionString", file(nil, note(id1, set("resolution", "44"))), []string{"note 1", id1, `"resolution"`, "whole number", "a string"}},
	{"ResolutionFraction", file(nil, note(id1, set("resolution", 44.5))), []string{`"resolution"`, "44.5"}},
	{"ResolutionHuge", file(nil, note(id1, set("resolution", 1e30))), []string{`"resolution"`}},
	{"BadTime", file(nil, note(id1, set("updated", "yesterday"))), []string{"updated time", "RFC 3339"}},
	{"MissingCreated", file(nil, note(id1, del("created"))), []string{"created time is missing"}},
	{"TimeTooEarly", file(nil, note(id1, set("created", "0001-01-01T00:00:00Z"))), []string{"before 2000"}},
	{"BadStance", file(nil, note(id1, set("stance", "oppose"))), []string{"stance", "oppose"}},
	{"MissingStance", file(nil, note(id1, del("stance"))), []string{"stance"}},
	{"BadPriority", file(nil, note(id1, set("priority", 7))), []string{"priority 7"}},
	{"EmptyBody", file(nil, note(id1, set("body", " \n "))), []string{"body is empty"}},
	{"HugeBody", file(nil, note(id1, set("body", strings.Repeat("x", briefnotes.MaxBody+1)))), []string{"65537 bytes", "64 KiB"}},
	{"TooManyTags", file(nil, note(id1, set("tags", tags(51)))), []string{"51 tags"}},
	{"LongTag", file(nil, note(id1, set("tags", []any{strings.Repeat("标", 101)}))), []string{"tag 1", "101 characters"}},
	{"TagWithNewline", file(nil, note(id1, set("tags", []any{"a\nb"}))), []string{"tag 1", "control character"}},
	{"LongAuthor", file(nil, note(id1, set("author", map[string]any{"name": strings.Repeat("n", 201)}))), []string{"author.name", "201 characters"}},
	{"AuthorNumber", file(nil, note(id1, set("author", map[string]any{"name": 5}))), []string{`"author.name"`, "a string"}},
	{"ClauseWithoutHash", file(nil, note(id1, del("clause_hash"))), []string{"clause_hash"}},
	{"HashWithoutClause", file(nil, note(id1, del("clause_id"))), []string{"clause_hash is set but clause_id is empty"}},
	{"PackLangZH", file(set("packs", []any{zhPack(nil)})), nil},
	{"PackLangInVersion3", file(func(m map[string]any) { m["version"] = 3; m["packs"] = []any{zhPack(nil)} }), nil},
	{"PackLangFrench", file(set("packs", []any{zhPack(set("lang", "fr"))})), []string{"pack 1", "language", "fr"}},
	{"PackLangUnspelt", file(set("packs", []any{zhPack(set("lang", "zh-CN"))})), []string{"pack 1", "lang", `"zh"`}},
	{"PackLangNumber", file(set("packs", []any{zhPack(set("lang", 1))})), []string{"pack 1", "lang"}},
	{"PackChecklistText", file(set("packs", []any{zhPack(func(p map[string]any) { p["options"].(map[string]any)["checklist"] = "yes" })})), []string{"pack 1", "checklist"}},
	{"PackClauseIDsCase", file(set("packs", []any{zhPack(func(p map[string]any) { p["options"].(map[string]any)["Clause_IDs"] = true })})), []string{"Clause_IDs", "clause_ids"}},
	{"BadPackTarget", file(set("packs", []any{map[string]any{"name": "p", "target": "mars"}})), []string{"pack 1", "target"}},
	{"DuplicatePack", file(set("packs", []any{map[string]any{"name": "p"}, map[string]any{"name": "p"}})), []string{"pack 2", "same name"}},
	{"PackBadDate", file(set("packs", []any{map[string]any{"name": "p", "date": "May 4"}})), []string{"pack 1", "YYYY-MM-DD"}},
	{"VersionOnePointZero", file(set("version", 1.0)), nil},
	{"VersionFraction", file(set("version", 1.5)), []string{"not a version number"}},
	{"NeedsReanchorFlag", file(nil, note(id1, set("needs_reanchor", true))), nil},
	{"UpdatedBeforeCreated", file(nil, note(id1, set("created", "2026-06-01T00:00:00Z"))), []string{"note 1", "before created"}},
	{"DuplicateTopKey", []byte(strings.Replace(string(good), `"format":`, `"format":"evernote","format":`, 1)), []string{`"format"`, "twice"}},
	{"DuplicateNoteKey", []byte(strings.Replace(string(good), `"body":`, `"body":"hidden","body":`, 1)), []string{`"body"`, "twice"}},
	// encoding/json matches names without regard to case; the schema does not.
	{"MemberCase", []byte(strings.Replace(string(good), `"format":`, `"formAt":`, 1)), []string{`"formAt"`, `"format"`, "ambiguous"}},
	{"MemberCaseTwice", []byte(strings.Replace(string(good), `"body":`, `"body":"shown to a schema reader","BODY":`, 1)), []string{`"BODY"`, `"body"`}},
	{"MemberFoldedS", []byte(strings.Replace(string(good), `"stance":`, `"ſtance":`, 1)), []string{"tance", `"stance"`}},
	{"MemberCaseHistory", file(set("version", 2), note(id1, set("History", []any{"0123456789abcdef"}))), []string{`"History"`, `"history"`}},
	{"MemberCaseRevision", file(set("version", 3), note(id1, set("Revision", []any{"0123456789abcdef"}))), []string{`"Revision"`, `"revision"`}},
	{"OneDigitHour", file(nil, note(id1, set("updated", "2026-05-02T9:30:15.123Z"))), []string{"note 1", "not an RFC 3339 time"}},
}

func revisions(n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = fmt.Sprintf("%016x", i)
	}
	return out
}

// A version 2 file's histories are read; a version 1 file has none,
// whatever a member of that name holds.
func TestDecodeHistory(t *testing.T) {
	h := []any{"0123456789abcdef", "fedcba9876543210"}
	for _, c := range []struct {
		version int
		want    []string
	}{{1, nil}, {2, []string{"0123456789abcdef", "fedcba9876543210"}}} {
		f, err := briefnotes.Decode(bytes.NewReader(file(set("version", c.version), note(id1, set("history", h)))))
		if err != nil {
			t.Fatal(err)
		}
		if f.Version != c.version || !slices.Equal(f.Notes[0].History, c.want) {
			t.Errorf("version %d: read as version %d with history %q, want %q", c.version, f.Version, f.Notes[0].History, c.want)
		}
	}
}

// A version 3 file's revisions are read; versions 1 and 2 had none, so
// whatever a member of that name holds, a note's revision is its content
// hash, as it was then (and so is a version 3 note's that has none).
func TestDecodeRevision(t *testing.T) {
	r := []any{"0123456789abcdef", "fedcba9876543210"}
	for _, c := range []struct {
		version int
		member  bool
		want    []string
	}{{1, true, nil}, {2, true, nil}, {3, false, nil}, {3, true, []string{"0123456789abcdef", "fedcba9876543210"}}} {
		edit := func(map[string]any) {}
		if c.member {
			edit = set("revision", r)
		}
		f, err := briefnotes.Decode(bytes.NewReader(file(set("version", c.version), note(id1, edit))))
		if err != nil {
			t.Fatal(err)
		}
		n := &f.Notes[0]
		want := c.want
		if want == nil {
			want = []string{n.ContentHash()}
		}
		if !slices.Equal(n.Revision, c.want) || !slices.Equal(n.Revisions(), want) {
			t.Errorf("version %d: revision %q (%q), want %q", c.version, n.Revision, n.Revisions(), want)
		}
	}
}

func tags(n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = fmt.Sprint("t", i)
	}
	return out
}

// zhPack is a pack in Chinese with both optional parts, as a file has it.
func zhPack(edit func(map[string]any)) map[string]any {
	p := map[string]any{"name": "sg1-zh", "lang": "zh", "resolutions": []any{44},
		"options": map[string]any{"clauses": "itu-d", "notes": "none", "overview": false, "refs_appendix": false,
			"checklist": true, "clause_ids": true}}
	if edit != nil {
		edit(p)
	}
	return p
}

// The language and the two optional parts travel; a file without them
// (any version, and every file before they existed) gives the defaults.
func TestDecodePackLangAndOptions(t *testing.T) {
	for _, c := range []struct {
		name          string
		data          []byte
		lang          string
		checklist, id bool
	}{
		{"Set", file(set("packs", []any{zhPack(nil)})), app.LangZH, true, true},
		{"English", file(set("packs", []any{zhPack(func(p map[string]any) { p["lang"] = "en"; p["options"].(map[string]any)["checklist"] = false })})), app.LangEN, false, true},
		{"AbsentVersion1", file(set("packs", []any{map[string]any{"name": "p", "options": map[string]any{"overview": true}}})), "", false, false},
		{"AbsentVersion3", file(func(m map[string]any) {
			m["version"] = 3
			m["packs"] = []any{map[string]any{"name": "p", "lang": "", "options": map[string]any{}}}
		}), "", false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := briefnotes.Decode(bytes.NewReader(c.data))
			if err != nil {
				t.Fatal(err)
			}
			p := f.Packs[0]
			if p.Lang != c.lang || p.Options.Checklist != c.checklist || p.Options.ClauseIDs != c.id {
				t.Fatalf("lang %q checklist %v clause IDs %v; want %q %v %v", p.Lang, p.Options.Checklist, p.Options.ClauseIDs, c.lang, c.checklist, c.id)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	for _, c := range decodeCases {
		t.Run(c.name, func(t *testing.T) {
			f, err := briefnotes.Decode(bytes.NewReader(c.data))
			if c.want == nil {
				if err != nil {
					t.Fatalf("Decode: %v", err)
				}
				if f == nil || f.Corpus.Fingerprint != fp {
					t.Fatalf("Decode returned %+v", f)
				}
				return
			}
			checkRejected(t, f, err, c.want...)
		})
	}
}

func checkRejected(t *testing.T, f *briefnotes.File, err error, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("Decode accepted the file (%d notes), want an error", len(f.Notes))
	}
	if f != nil {
		t.Fatalf("Decode returned a file and an error")
	}
	if got := app.ErrorCode(err); got != app.EINVALID {
		t.Fatalf("code=%q (%v), want %q", got, err, app.EINVALID)
	}
	msg := app.ErrorMessage(err)
	for _, w := range append(want, "nothing was imported") {
		if !strings.Contains(msg, w) {
			t.Errorf("message %q does not say %q", msg, w)
		}
	}
}

func TestDecodeNormalises(t *testing.T) {
	f, err := briefnotes.Decode(strings.NewReader(string(file(nil, note(strings.ToUpper(id1), func(n map[string]any) {
		n["updated"] = "2026-05-02T17:30:15.123999+08:00"
		n["tags"] = []any{" a ", "a", "", "b"}
	})))))
	if err != nil {
		t.Fatal(err)
	}
	n := f.Notes[0]
	if n.ID != id1 {
		t.Errorf("ID=%q, want %q", n.ID, id1)
	}
	if got, want := n.Updated.Format(briefnotes.TimeLayout), "2026-05-02T09:30:15.123Z"; got != want || n.Updated.Location().String() != "UTC" {
		t.Errorf("Updated=%s (%v), want %s UTC", got, n.Updated.Location(), want)
	}
	if got := strings.Join(n.Tags, "|"); got != "a|b" {
		t.Errorf("Tags=%q, want a|b", got)
	}
}

// TestDecodeLimits builds the large files at run time (they are too big
// for the fuzz corpus).
func TestDecodeLimits(t *testing.T) {
	t.Run("TooLarge", func(t *testing.T) {
		pad := strings.Repeat("x", briefnotes.MaxFileSize)
		f, err := briefnotes.Decode(strings.NewReader(string(file(set("padding", pad)))))
		checkRejected(t, f, err, "larger than 20 MiB")
	})
	t.Run("EndlessReader", func(t *testing.T) {
		f, err := briefnotes.Decode(endless{})
		checkRejected(t, f, err, "larger than 20 MiB")
	})
	for _, n := range []int{briefnotes.MaxNotes + 1, 100_000} {
		t.Run(fmt.Sprint(n, "Notes"), func(t *testing.T) {
			data := manyNotes(n)
			if len(data) > briefnotes.MaxFileSize {
				t.Fatalf("test file is %d bytes; it should be under the size limit to test the count", len(data))
			}
			f, err := briefnotes.Decode(bytes.NewReader(data))
			checkRejected(t, f, err, fmt.Sprintf("%d notes", n), "50000")
		})
	}
	t.Run("MaxNotes", func(t *testing.T) {
		f, err := briefnotes.Decode(bytes.NewReader(manyNotes(briefnotes.MaxNotes)))
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Notes) != briefnotes.MaxNotes {
			t.Fatalf("%d notes, want %d", len(f.Notes), briefnotes.MaxNotes)
		}
	})
}

// manyNotes writes a compact file of n small notes.
func manyNotes(n int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"format":"briefnotes","version":1,"exported_at":"2026-05-03T10:00:00.000Z","corpus":{"fingerprint":%q},"notes":[`, fp)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"%08x-0000-4000-8000-000000000000","resolution":1,"body":"x","stance":"none","created":"2026-05-01T00:00:00Z","updated":"2026-05-01T00:00:00Z"}`, i+1)
	}
	b.WriteString("]}")
	return b.Bytes()
}

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

func FuzzDecode(f *testing.F) {
	for _, c := range decodeCases {
		f.Add(c.data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := briefnotes.Decode(bytes.NewReader(data))
		if err != nil {
			if app.ErrorCode(err) != app.EINVALID || !strings.HasSuffix(app.ErrorMessage(err), "nothing was imported") {
				t.Fatalf("error %v (code %q) is not an EINVALID rejection", err, app.ErrorCode(err))
			}
			return
		}
		// What Decode accepts, the documented schema accepts too.
		if errs := schemaErrors(t, data); len(errs) > 0 {
			t.Fatalf("Decode accepts a file the schema refuses: %s", errs)
		}
		// What Decode accepts, Encode writes and Decode reads back the same.
		var buf bytes.Buffer
		if err := briefnotes.Encode(&buf, *file); err != nil {
			t.Fatalf("Encode of a decoded file: %v", err)
		}
		again, err := briefnotes.Decode(&buf)
		if err != nil {
			t.Fatalf("Decode of an encoded file: %v", err)
		}
		sameFile(t, again, file)
	})
}

func sameFile(t *testing.T, got, want *briefnotes.File) {
	t.Helper()
	if !got.ExportedAt.Equal(want.ExportedAt) || got.Exporter != want.Exporter || got.Corpus != want.Corpus {
		t.Fatalf("header %v %v %v, want %v %v %v", got.ExportedAt, got.Exporter, got.Corpus, want.ExportedAt, want.Exporter, want.Corpus)
	}
	if len(got.Notes) != len(want.Notes) || len(got.Packs) != len(want.Packs) {
		t.Fatalf("%d notes, %d packs; want %d, %d", len(got.Notes), len(got.Packs), len(want.Notes), len(want.Packs))
	}
	for i := range got.Notes {
		if !briefnotes.Same(&got.Notes[i], &want.Notes[i]) || !slices.Equal(got.Notes[i].History, want.Notes[i].History) ||
			!slices.Equal(got.Notes[i].Revisions(), want.Notes[i].Revisions()) {
			t.Fatalf("note %d:\n got %+v\nwant %+v", i+1, got.Notes[i], want.Notes[i])
		}
	}
	for i := range got.Packs {
		g, w := fmt.Sprintf("%+v", got.Packs[i]), fmt.Sprintf("%+v", want.Packs[i])
		if g != w {
			t.Fatalf("pack %d:\n got %s\nwant %s", i+1, g, w)
		}
	}
}
