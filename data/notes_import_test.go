package data_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/data/briefnotes"
)

// exchange sets up two delegates with the same corpus: alice has written
// notes, bob has none yet.
func exchange(t *testing.T) (alice, bob *data.DB, notes []app.Note) {
	t.Helper()
	alice, bob = notesDB(t), notesDB(t)
	res, c1, c2 := twoClauses(t)
	me := app.Author{Name: "Alice", Delegation: "Kenya"}
	notes = []app.Note{
		mustSave(t, alice, app.Note{Resolution: res, Author: me, Body: "整体支持", Stance: app.StanceSupport}),
		mustSave(t, alice, app.Note{Resolution: res, ClauseID: c1.ID, Author: me, Body: "关注\x1b[2J\u202E", Stance: app.StanceConcern, Tags: []string{"SG1"}, Priority: 1}),
		mustSave(t, alice, app.Note{Resolution: res, ClauseID: c2.ID, Author: me, Body: "watch", Stance: app.StanceWatch}),
	}
	return alice, bob, notes
}

func wantResult(t *testing.T, got, want app.ImportResult) {
	t.Helper()
	if got != want {
		t.Fatalf("ImportResult=%+v, want %+v", got, want)
	}
}

func TestImportAddsAndIsIdempotent(t *testing.T) {
	ctx := context.Background()
	alice, bob, notes := exchange(t)
	file := mustExport(t, alice, app.NoteFilter{})

	dry, err := importData(bob, file, "/tmp/alice.briefnotes", true)
	if err != nil {
		t.Fatal(err)
	}
	wantResult(t, dry, app.ImportResult{Added: 3, DryRun: true})
	if got := noteRows(t, bob.SQL()); strings.Contains(got, notes[0].ID) {
		t.Fatal("a dry run wrote notes")
	}

	wantResult(t, mustImportNotes(t, bob, file, "/tmp/alice.briefnotes"), app.ImportResult{Added: 3})
	for _, want := range notes {
		got, err := bob.Note(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !briefnotes.Same(got, &want) {
			t.Errorf("imported\n %+v\nwant\n %+v", *got, want)
		}
		if !got.Origin.Imported || got.Origin.File != "alice.briefnotes" || got.Origin.ImportedAt.IsZero() {
			t.Errorf("Origin=%+v, want imported from alice.briefnotes", got.Origin)
		}
		if got.Author.Name != "Alice" || got.NeedsReanchor {
			t.Errorf("Author=%+v NeedsReanchor=%v", got.Author, got.NeedsReanchor)
		}
	}

	// The same file again changes nothing at all.
	before := noteRows(t, bob.SQL())
	wantResult(t, mustImportNotes(t, bob, file, "alice.briefnotes"), app.ImportResult{Unchanged: 3})
	if noteRows(t, bob.SQL()) != before {
		t.Fatal("importing the same file twice changed the notes")
	}
	// And bob's export of them, back at alice's, changes nothing there either.
	before = noteRows(t, alice.SQL())
	wantResult(t, mustImportNotes(t, alice, mustExport(t, bob, app.NoteFilter{}), "bob.briefnotes"), app.ImportResult{Unchanged: 3})
	if noteRows(t, alice.SQL()) != before {
		t.Fatal("a round trip changed alice's notes")
	}
}

func TestImportNewerOlderAndTombstones(t *testing.T) {
	ctx := context.Background()
	alice, bob, notes := exchange(t)
	mustImportNotes(t, bob, mustExport(t, alice, app.NoteFilter{}), "a1.briefnotes")

	// Alice edits note 0 and deletes note 1; bob edits note 2 after her.
	n0 := notes[0]
	n0.Body = "修改后"
	mustSave(t, alice, n0)
	if err := alice.DeleteNote(ctx, notes[1].ID); err != nil {
		t.Fatal(err)
	}
	bob.Now = tickClock(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	n2, _ := bob.Note(ctx, notes[2].ID)
	n2.Body = "bob's newer text"
	mustSave(t, bob, *n2)

	res := mustImportNotes(t, bob, mustExport(t, alice, app.NoteFilter{}), "a2.briefnotes")
	wantResult(t, res, app.ImportResult{Updated: 2, Kept: 1})
	if got, _ := bob.Note(ctx, notes[0].ID); got.Body != "修改后" || got.Origin.File != "a2.briefnotes" {
		t.Errorf("newer note not taken: %q from %q", got.Body, got.Origin.File)
	}
	if got, _ := bob.Note(ctx, notes[1].ID); !got.Deleted {
		t.Error("the tombstone did not delete bob's copy")
	}
	if got, _ := bob.Note(ctx, notes[2].ID); got.Body != "bob's newer text" {
		t.Errorf("bob's newer note was overwritten by an older one: %q", got.Body)
	}
	if live, _ := bob.Notes(ctx, app.NoteFilter{}); len(live) != 2 {
		t.Errorf("bob has %d live notes, want 2", len(live))
	}
	// Bob's tombstone and edit travel back to alice the same way (alice's
	// clock has caught up with bob's, or his notes would be from the future).
	alice.Now = tickClock(time.Date(2026, 6, 2, 0, 0, 0, 0, time.UTC))
	wantResult(t, mustImportNotes(t, alice, mustExport(t, bob, app.NoteFilter{}), "b.briefnotes"), app.ImportResult{Updated: 1, Unchanged: 2})
}

// edited returns file with the note with this id changed by edit, re-encoded.
func edited(t *testing.T, file []byte, id string, edit func(*app.Note)) []byte {
	t.Helper()
	f, err := briefnotes.Decode(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for i := range f.Notes {
		if f.Notes[i].ID == id {
			edit(&f.Notes[i])
			found = true
		}
	}
	if !found {
		t.Fatalf("no note %s in the file", id)
	}
	var buf bytes.Buffer
	if err := briefnotes.Encode(&buf, *f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestImportConflicts(t *testing.T) {
	ctx := context.Background()
	for _, keepIncoming := range []bool{false, true} {
		t.Run(map[bool]string{false: "KeepLocal", true: "KeepIncoming"}[keepIncoming], func(t *testing.T) {
			alice, bob, notes := exchange(t)
			file := mustExport(t, alice, app.NoteFilter{})
			mustImportNotes(t, bob, file, "a.briefnotes")
			// Same update time, other text: someone edited without the clock moving.
			clash := edited(t, file, notes[1].ID, func(n *app.Note) { n.Body = "另一个版本" })
			wantResult(t, mustImportNotes(t, alice, clash, "clash.briefnotes"), app.ImportResult{Conflicts: 1, Unchanged: 2})

			before := noteRows(t, alice.SQL())
			wantResult(t, mustImportNotes(t, alice, clash, "clash.briefnotes"), app.ImportResult{Unchanged: 3})
			if noteRows(t, alice.SQL()) != before {
				t.Fatal("importing a conflicting file twice recorded the conflict twice")
			}
			cs, err := alice.Conflicts(ctx)
			if err != nil || len(cs) != 1 {
				t.Fatalf("Conflicts: %d, %v; want 1", len(cs), err)
			}
			c := cs[0]
			if c.Local.Body != notes[1].Body || c.Incoming.Body != "另一个版本" || !c.Incoming.Origin.Imported || c.Incoming.Origin.File != "clash.briefnotes" {
				t.Fatalf("conflict local %q incoming %q from %+v", c.Local.Body, c.Incoming.Body, c.Incoming.Origin)
			}

			if err := alice.ResolveConflict(ctx, c.ID, keepIncoming); err != nil {
				t.Fatal(err)
			}
			wantCode(t, alice.ResolveConflict(ctx, c.ID, keepIncoming), app.ENOTFOUND)
			got, _ := alice.Note(ctx, notes[1].ID)
			want := map[bool]string{false: notes[1].Body, true: "另一个版本"}[keepIncoming]
			if got.Body != want || !got.Updated.After(notes[1].Updated) {
				t.Fatalf("after resolving: %q updated %v, want %q with a later time", got.Body, got.Updated, want)
			}
			if cs, _ := alice.Conflicts(ctx); len(cs) != 0 {
				t.Fatalf("%d conflicts left", len(cs))
			}
			// Both old versions are now older than the choice.
			wantResult(t, mustImportNotes(t, alice, clash, "clash.briefnotes"), app.ImportResult{Unchanged: 2, Kept: 1})
			wantResult(t, mustImportNotes(t, bob, mustExport(t, alice, app.NoteFilter{}), "a2.briefnotes"), app.ImportResult{Updated: 1, Unchanged: 2})
		})
	}
}

func TestImportReanchoring(t *testing.T) {
	ctx := context.Background()
	alice, _, notes := exchange(t)
	file := mustExport(t, alice, app.NoteFilter{})
	res, c1, c2 := twoClauses(t)

	// Carol's corpus is another edition: c1's text differs and c2 is gone.
	carol := MustOpen(t)
	other := alteredCorpus(t, strings.Repeat("c", 64), res, func(cs []app.Clause) []app.Clause {
		cs[0].Text = "另一版本的文字"
		return append(cs[:1], cs[2:]...)
	})
	if _, err := carol.Import(ctx, other); err != nil {
		t.Fatal(err)
	}
	wantResult(t, mustImportNotes(t, carol, file, "a.briefnotes"), app.ImportResult{Added: 3, NeedsAnchor: 2})
	for _, n := range notes {
		got, err := carol.Note(ctx, n.ID)
		if err != nil {
			t.Fatalf("note on %q was dropped: %v", n.ClauseID, err)
		}
		want := n.ClauseID == c1.ID || n.ClauseID == c2.ID
		if got.NeedsReanchor != want || got.ClauseHash != n.ClauseHash {
			t.Errorf("note on %q: NeedsReanchor=%v, want %v; hash kept=%v", n.ClauseID, got.NeedsReanchor, want, got.ClauseHash == n.ClauseHash)
		}
	}

	// A file that claims alice's corpus but names a clause it lacks is
	// inconsistent, and refused.
	bad := edited(t, file, notes[2].ID, func(n *app.Note) { n.ClauseID = c1.ID + "x" })
	bob := notesDB(t)
	_, err := importData(bob, bad, "bad.briefnotes", false)
	wantCode(t, err, app.EINVALID, "bad.briefnotes", "note 3", "inconsistent", "nothing was imported")
	// The same clause text changed under the same corpus only needs re-anchoring.
	stale := edited(t, file, notes[2].ID, func(n *app.Note) { n.ClauseHash = strings.Repeat("0", 64) })
	wantResult(t, mustImportNotes(t, bob, stale, "stale.briefnotes"), app.ImportResult{Added: 3, NeedsAnchor: 1})
}

// TestImportRejectsLeaveNoTrace: every bad file, of format or of content,
// is refused with a message naming the file, and the database and its
// folder are byte for byte as they were.
func TestImportRejectsLeaveNoTrace(t *testing.T) {
	alice, bob, _ := exchange(t)
	good := mustExport(t, alice, app.NoteFilter{})
	mustImportNotes(t, bob, good, "a.briefnotes")
	mustSave(t, bob, app.Note{Resolution: twoClausesRes(t), Body: "bob's own"})
	dir := filepath.Dir(bob.Path())
	filesBefore, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	mutate := func(edit func(m map[string]any)) []byte {
		var m map[string]any
		json.Unmarshal(good, &m)
		edit(m)
		b, _ := json.Marshal(m)
		return b
	}
	note := func(m map[string]any, i int) map[string]any { return m["notes"].([]any)[i].(map[string]any) }
	future := time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	cases := []struct {
		name string
		data []byte
		want []string
	}{
		{"NotJSON", []byte("<html>"), []string{"not valid JSON"}},
		{"Truncated", good[:len(good)-40], []string{"truncated"}},
		{"OtherFormat", mutate(func(m map[string]any) { m["format"] = "zip" }), []string{`"zip" file`}},
		{"NewerVersion", mutate(func(m map[string]any) { m["version"] = 7 }), []string{"version 7"}},
		{"InvalidUTF8", bytes.Replace(good, []byte("整体"), []byte("\xff\xfe"), 1), []string{"UTF-8"}},
		{"DuplicateID", mutate(func(m map[string]any) { note(m, 2)["id"] = note(m, 0)["id"] }), []string{"note 3", "same id"}},
		{"HugeBody", mutate(func(m map[string]any) { note(m, 1)["body"] = strings.Repeat("x", 70000) }), []string{"note 2", "70000 bytes"}},
		{"UnknownResolution", mutate(func(m map[string]any) { note(m, 1)["resolution"] = 9998 }), []string{"note 2", "resolution 9998", "does not have"}},
		{"Future", mutate(func(m map[string]any) { note(m, 0)["updated"] = future }), []string{"note 1", "future"}},
		{"TooManyNotes", manyNotesFile(t, briefnotes.MaxNotes+1), []string{"50001 notes"}},
		{"TooLarge", append(bytes.Repeat([]byte(" "), briefnotes.MaxFileSize), good...), []string{"20 MiB"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, bytesBefore := noteRows(t, bob.SQL()), fileBytes(t, bob)
			for _, dry := range []bool{true, false} {
				res, err := importData(bob, c.data, "/x/evil.briefnotes", dry)
				wantCode(t, err, app.EINVALID, append(c.want, "evil.briefnotes: ", "nothing was imported")...)
				if res.Added+res.Updated+res.Conflicts != 0 {
					t.Errorf("a rejected import reports %+v", res)
				}
			}
			if noteRows(t, bob.SQL()) != rows || fileBytes(t, bob) != bytesBefore {
				t.Fatal("a rejected file changed the database")
			}
		})
	}
	filesAfter, _ := os.ReadDir(dir)
	if len(filesAfter) != len(filesBefore) {
		t.Errorf("rejected files made files (backups?): %d files, were %d", len(filesAfter), len(filesBefore))
	}
}

func twoClausesRes(t *testing.T) int {
	res, _, _ := twoClauses(t)
	return res
}

func manyNotesFile(t *testing.T, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString(`{"format":"briefnotes","version":1,"exported_at":"2026-05-03T10:00:00Z","corpus":{"fingerprint":"` + strings.Repeat("a", 64) + `"},"notes":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"id":"` + fakeID(i) + `","resolution":1,"body":"x","stance":"none","created":"2026-05-01T00:00:00Z","updated":"2026-05-01T00:00:00Z"}`)
	}
	b.WriteString("]}")
	return b.Bytes()
}

func fakeID(i int) string {
	const hexd = "0123456789abcdef"
	var s [8]byte
	for k := 7; k >= 0; k-- {
		s[k] = hexd[i&15]
		i >>= 4
	}
	return string(s[:]) + "-0000-4000-8000-000000000001"
}

func TestImportDryRunMatchesImport(t *testing.T) {
	alice, bob, notes := exchange(t)
	mustImportNotes(t, bob, mustExport(t, alice, app.NoteFilter{}), "a.briefnotes")
	n0 := notes[0]
	n0.Body = "newer"
	mustSave(t, alice, n0)
	mustSave(t, alice, app.Note{Resolution: notes[0].Resolution, Body: "brand new"})
	file := mustExport(t, alice, app.NoteFilter{})
	clash := edited(t, file, notes[1].ID, func(n *app.Note) { n.Body = "clash" })

	rows, bytesBefore := noteRows(t, bob.SQL()), fileBytes(t, bob)
	dry, err := importData(bob, clash, "c.briefnotes", true)
	if err != nil {
		t.Fatal(err)
	}
	if noteRows(t, bob.SQL()) != rows || fileBytes(t, bob) != bytesBefore {
		t.Fatal("a dry run changed the database")
	}
	if _, err := os.Stat(bob.BackupPath(2)); err == nil {
		t.Fatal("a dry run made a backup")
	}
	real := mustImportNotes(t, bob, clash, "c.briefnotes")
	dry.DryRun = false
	wantResult(t, real, dry)
	wantResult(t, real, app.ImportResult{Added: 1, Updated: 1, Conflicts: 1, Unchanged: 1})
}
