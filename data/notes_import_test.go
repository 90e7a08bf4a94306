package data_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
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
func edited(t testing.TB, file []byte, id string, edit func(*app.Note)) []byte {
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

// A note changed on both sides since the version both had is a conflict,
// whatever the clocks say; each way of resolving it keeps what was chosen,
// and the choice travels back without a new conflict.
func TestImportConflicts(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		keep app.Keep
		// What alice has after resolving, and what bob then imports from her.
		aliceBody string
		again     app.ImportResult // alice imports bob's file again
		back      app.ImportResult // bob imports alice's export
	}{
		{app.KeepMine, "alice's second thoughts", app.ImportResult{Unchanged: 2, Kept: 1}, app.ImportResult{Updated: 1, Unchanged: 2}},
		{app.KeepTheirs, "另一个版本", app.ImportResult{Unchanged: 3}, app.ImportResult{Unchanged: 3}},
		{app.KeepBoth, "alice's second thoughts", app.ImportResult{Unchanged: 2, Kept: 1}, app.ImportResult{Added: 1, Updated: 1, Unchanged: 2}},
	} {
		t.Run(string(c.keep), func(t *testing.T) {
			alice, bob, notes := exchange(t)
			mustImportNotes(t, bob, mustExport(t, alice, app.NoteFilter{}), "a.briefnotes")
			// Bob's clock is a day behind alice's: his edit is "older" than hers.
			bob.Now = tickClock(time.Date(2026, 4, 30, 8, 0, 0, 0, time.UTC))
			theirs, _ := bob.Note(ctx, notes[1].ID)
			theirs.Body = "另一个版本"
			mustSave(t, bob, *theirs)
			clash := mustExport(t, bob, app.NoteFilter{})
			mine := notes[1]
			mine.Body = "alice's second thoughts"
			mustSave(t, alice, mine)

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
			cf := cs[0]
			if cf.Local.Body != "alice's second thoughts" || cf.Incoming.Body != "另一个版本" || !cf.Incoming.Origin.Imported || cf.Incoming.Origin.File != "clash.briefnotes" {
				t.Fatalf("conflict local %q incoming %q from %+v", cf.Local.Body, cf.Incoming.Body, cf.Incoming.Origin)
			}

			if err := alice.ResolveConflict(ctx, cf.ID, c.keep); err != nil {
				t.Fatal(err)
			}
			wantCode(t, alice.ResolveConflict(ctx, cf.ID, c.keep), app.ENOTFOUND)
			got, _ := alice.Note(ctx, notes[1].ID)
			if got.Body != c.aliceBody || got.Origin.Imported {
				t.Fatalf("after resolving: %q (origin %+v), want %q written here", got.Body, got.Origin, c.aliceBody)
			}
			live, _ := alice.Notes(ctx, app.NoteFilter{})
			var second []app.Note
			for _, n := range live {
				if n.Body == "另一个版本" && n.ID != notes[1].ID {
					second = append(second, n)
				}
			}
			if want := map[bool]int{false: 0, true: 1}[c.keep == app.KeepBoth]; len(second) != want {
				t.Fatalf("%d copies of their version as a note of its own, want %d", len(second), want)
			}
			if c.keep == app.KeepBoth && (!second[0].Origin.Imported || second[0].Origin.File != "clash.briefnotes" || second[0].Author.Name != "Alice") {
				t.Fatalf("their version kept as %+v, want marked as from clash.briefnotes", second[0])
			}
			if cs, _ := alice.Conflicts(ctx); len(cs) != 0 {
				t.Fatalf("%d conflicts left", len(cs))
			}
			wantResult(t, mustImportNotes(t, alice, clash, "clash.briefnotes"), c.again)
			wantResult(t, mustImportNotes(t, bob, mustExport(t, alice, app.NoteFilter{}), "a2.briefnotes"), c.back)
			if got, _ := bob.Note(ctx, notes[1].ID); got.Body != c.aliceBody {
				t.Fatalf("bob has %q after alice's resolution came back, want %q", got.Body, c.aliceBody)
			}
			if cs, _ := bob.Conflicts(ctx); len(cs) != 0 {
				t.Fatalf("alice's resolution made %d conflicts at bob's", len(cs))
			}
		})
	}
	t.Run("BothRefusedForADeletion", func(t *testing.T) {
		alice, bob, notes := exchange(t)
		mustImportNotes(t, bob, mustExport(t, alice, app.NoteFilter{}), "a.briefnotes")
		if err := bob.DeleteNote(ctx, notes[0].ID); err != nil {
			t.Fatal(err)
		}
		edit := notes[0]
		edit.Body = "still wanted"
		mustSave(t, alice, edit)
		wantResult(t, mustImportNotes(t, alice, mustExport(t, bob, app.NoteFilter{}), "b.briefnotes"), app.ImportResult{Conflicts: 1, Unchanged: 2})
		cs, _ := alice.Conflicts(ctx)
		if len(cs) != 1 || !cs[0].Incoming.Deleted || cs[0].Local.Body != "still wanted" {
			t.Fatalf("conflicts %+v", cs)
		}
		before := noteRows(t, alice.SQL())
		wantCode(t, alice.ResolveConflict(ctx, cs[0].ID, app.KeepBoth), app.EINVALID, "deletes the note", "nothing was changed")
		wantCode(t, alice.ResolveConflict(ctx, cs[0].ID, "neither"), app.EINVALID, "nothing was changed")
		if noteRows(t, alice.SQL()) != before {
			t.Fatal("a refused resolution changed the notes")
		}
	})
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
		{"BadRevision", mutate(func(m map[string]any) { note(m, 0)["history"] = []any{"../../etc/passwd"} }), []string{"note 1", "history entry 1", "not a revision"}},
		{"LongHistory", mutate(func(m map[string]any) { note(m, 1)["history"] = hexRevisions(100_000) }), []string{"note 2", "100000 revisions"}},
		{"RepeatedRevision", mutate(func(m map[string]any) {
			h := note(m, 0)["history"].([]any)
			note(m, 0)["history"] = append(h, h[0])
		}), []string{"note 1", "twice"}},
		{"HistoryNotList", mutate(func(m map[string]any) { note(m, 0)["history"] = map[string]any{} }), []string{"note 1", `"history"`}},
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

func hexRevisions(n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = fmt.Sprintf("%016x", i)
	}
	return out
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
	b1 := notes[1]
	b1.Body = "bob's edit"
	mustSave(t, bob, b1)
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
