package data_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/data"
)

// The three-way merge, told as histories between delegates' databases on
// real files. Each history is a list of steps, one per line:
//
//	a new TEXT          a writes the note (on a clause)
//	a edit TEXT         a changes its text
//	a delete | restore  a deletes it (a tombstone) or restores it
//	a export F          a exports all notes as file F
//	a import F =R       a imports F; R is what the import did with the
//	                    note: added, updated, unchanged, kept or conflict
//	a resolve K         a resolves the one conflict: mine, theirs or both
//	a load              a loads another edition, in which the note's clause
//	                    text changed (the note then needs re-anchoring)
//	a reanchor          a saves the note again, re-anchoring it
//	a clock -30h        a's clock is set to 30 hours behind the others'
//	a legacy            a's notes lose their histories, as notes kept by a
//	                    BriefDesk from before histories
//	- v1 F G            G is F as a BriefDesk before histories wrote it
//	a has TEXT          a's note reads TEXT ("deleted" for a tombstone)
//	a waits TEXT        a has one conflict, whose incoming version reads TEXT
//	a calm              a has no conflict
//
// Texts have no spaces. Every history runs three times, with b's clock a
// day behind, right, and a day ahead: clocks must change nothing.
var mergeHistories = []struct {
	name  string
	steps string
	skews []time.Duration // b's clock against the others'; nil: -1 day, 0, +1 day
}{
	{"OnlyTheirsChanged", `
		a new X; a export f1; b import f1 =added
		b edit Y; b export f2; a import f2 =updated
		a has Y; a calm; b has Y`, nil},
	{"OnlyMineChanged", `
		a new X; a export f1; b import f1 =added; b export f2
		a edit Z; a import f2 =kept
		a has Z; a calm`, nil},
	{"BothChanged", `
		a new X; a export f1; b import f1 =added; b edit Y
		a edit Z; a export f2; b import f2 =conflict
		b has Y; b waits Z`, nil},
	{"BothChangedBack", `
		a new X; a export f1; b import f1 =added; b edit Y; b export f2
		a edit Z; a import f2 =conflict
		a has Z; a waits Y`, nil},
	{"NeitherChanged", `
		a new X; a export f1; b import f1 =added; b export f2; a import f2 =unchanged
		a has X; b has X; a calm; b calm`, nil},
	{"BothChangedAlike", `
		a new X; a export f1; b import f1 =added; b edit W; b export f2
		a edit W; a import f2 =unchanged; a has W; a calm`, nil},
	{"SameFileTwice", `
		a new X; a export f1; b import f1 =added; b import f1 =unchanged
		b edit Y; b import f1 =kept; b has Y`, nil},
	{"SameConflictTwice", `
		a new X; a export f1; b import f1 =added; b edit Y
		a edit Z; a export f2; b import f2 =conflict; b import f2 =unchanged; b waits Z`, nil},
	{"OutOfOrder", `
		a new X; a export v1; a edit Y; a export v2
		b import v2 =added; b import v1 =kept; b has Y
		c import v1 =added; c import v2 =updated; c has Y`, nil},
	{"OutOfOrderAfterEdit", `
		a new X; a export v1; b import v1 =added; b edit Y; b export v2
		c import v2 =added; c import v1 =kept; c has Y; c calm`, nil},
	{"Ring", `
		a new X; a export fa; b import fa =added; b edit Y; b export fb
		c import fb =added; c edit Z; c export fc; a import fc =updated
		a has Z; a calm`, nil},
	{"RingWithEditOnTheWay", `
		a new X; a export fa; b import fa =added; b edit Y; b export fb
		c import fb =added; c edit Z; c export fc; a edit W; a import fc =conflict
		a has W; a waits Z`, nil},
	{"RingTwice", `
		a new X; a export fa; b import fa =added; b edit Y; b export fb
		c import fb =added; c edit Z; c export fc; a import fc =updated
		a edit V; a export fa2; b import fa2 =updated; b export fb2; c import fb2 =updated; c has V; c calm`, nil},
	{"TheirDeleteTravels", `
		a new X; a export f1; b import f1 =added; b delete; b export f2
		a import f2 =updated; a has deleted`, nil},
	{"MyDeleteStays", `
		a new X; a export f1; b import f1 =added; b export f2
		a delete; a import f2 =kept; a has deleted`, nil},
	{"TheirDeleteMyEdit", `
		a new X; a export f1; b import f1 =added; b delete; b export f2
		a edit Z; a import f2 =conflict; a has Z; a waits deleted`, nil},
	{"MyDeleteTheirEdit", `
		a new X; a export f1; b import f1 =added; b edit Y; b export f2
		a delete; a import f2 =conflict; a has deleted; a waits Y`, nil},
	{"RestoreTravels", `
		a new X; a delete; a export f1; b import f1 =added; b restore; b export f2
		a import f2 =updated; a has X`, nil},
	{"ResolveMineTravels", `
		a new X; a export f1; b import f1 =added; b edit Y; b export f2
		a edit Z; a import f2 =conflict; a resolve mine; a calm; a export f3
		b import f3 =updated; b has Z; b calm; b import f2 =kept; b calm`, nil},
	{"ResolveTheirsTravels", `
		a new X; a export f1; b import f1 =added; b edit Y; b export f2
		a edit Z; a import f2 =conflict; a resolve theirs; a has Y; a export f3
		b import f3 =unchanged; b has Y; a import f2 =unchanged`, nil},
	{"ResolveBothTravels", `
		a new X; a export f1; b import f1 =added; b edit Y; b export f2
		a edit Z; a import f2 =conflict; a resolve both; a has Z; a calm; a export f3
		b import f3 =updated+added; b has Z; b calm`, nil},
	{"EditAfterLoad", `
		a new X; a export f1; b import f1 =added; b load; b reanchor
		a edit Z; a export f2; b import f2 =updated+anchor; b has Z; b calm`, nil},
	{"BothEditAfterLoad", `
		a new X; a export f1; b import f1 =added; b load; b edit Y
		a edit Z; a export f2; b import f2 =conflict; b has Y; b waits Z`, nil},
	{"LoadThenExportBack", `
		a new X; a export f1; b import f1 =added; b load; b edit Y; b export f2
		a import f2 =updated+anchor; a has Y`, nil},
	// Files from a BriefDesk before histories, and notes kept by one.
	// Whether our copy is one we received and did not change is told, for
	// a file without histories, by the clocks as for a note without one
	// (see the Legacy histories): b's clock behind makes it look changed
	// here, which gives a conflict, never a loss.
	{"OldFileNewerUnchangedHere", `
		a new X; a export f1; b import f1 =added; a edit Y; a export f2; - v1 f2 g2
		b import g2 =updated; b has Y`, []time.Duration{0, 24 * time.Hour}},
	{"OldFileNewerUnchangedHereClockBehind", `
		a new X; a export f1; b import f1 =added; a edit Y; a export f2; - v1 f2 g2
		b import g2 =conflict; b has X; b waits Y`, []time.Duration{-24 * time.Hour}},
	{"OldFileOlderUnchangedHere", `
		a new X; a export f1; a edit Y; a export f2; b import f2 =added; - v1 f1 g1
		b import g1 =kept; b has Y`, nil},
	{"OldFileChangedHere", `
		a new X; a export f1; b import f1 =added; b edit Y; a edit Z; a export f2; - v1 f2 g2
		b import g2 =conflict; b has Y; b waits Z`, nil},
	// A file's version that only looks older by its clock is kept out of
	// our history, so that ours, travelling back, does not replace it.
	{"OldFileSlowClockNotSwallowed", `
		a new X; a export f1; b import f1 =added; c import f1 =added
		a edit Y; a export f2; b import f2 =updated
		c clock -30h; c edit W; c export fc; - v1 fc gc; b import gc =kept; b has Y
		b export fb; c import fb =conflict; c has W; c waits Y`, []time.Duration{0, 24 * time.Hour}},
	// And one that only looks newer by its clock takes over without
	// claiming to descend from ours, so ours meets it as a conflict.
	{"OldFileFastClockNotSwallowing", `
		a new X; a export f1; b import f1 =added; c import f1 =added
		a edit Y; a export f2; b import f2 =updated
		c clock 20h; c edit W; c export fc; - v1 fc gc; b import gc =updated; b has W
		b export fb; a import fb =conflict; a has Y; a waits W`, []time.Duration{0, 24 * time.Hour}},
	// An edit exported (here in format 2, which a BriefDesk from before
	// histories cannot read) is not a copy kept safe elsewhere: the clock
	// must not let a format-1 version it never saw replace it, neither at
	// its writer's nor, through the writer's file, at a third delegate's.
	{"OldFileAfterMyExportedEdit", `
		a new X; a export f1; - v1 f1 g1; b import g1 =added; c import g1 =added
		b edit Y; b export fb; c import fb =updated
		a edit Z; a export f2; - v1 f2 g2; b import g2 =conflict; b has Y; b waits Z`, nil},
	{"OldFileTwice", `
		a new X; a export f1; - v1 f1 g1; b import g1 =added; b import g1 =unchanged`, nil},
	// Without histories on our side, whether our copy changed since it
	// was imported is told by the clocks; a clock behind makes it look
	// changed, which gives a conflict, never a loss.
	{"LegacyImportedUnchanged", `
		a new X; a export f1; b import f1 =added; a legacy; b legacy
		a edit Y; a export f2; b import f2 =updated; b has Y`, []time.Duration{0, 24 * time.Hour}},
	{"LegacyImportedUnchangedClockBehind", `
		a new X; a export f1; b import f1 =added; a legacy; b legacy
		a edit Y; a export f2; b import f2 =conflict; b has X; b waits Y`, []time.Duration{-24 * time.Hour}},
	{"LegacyImportedChanged", `
		a new X; a export f1; b import f1 =added; a legacy; b legacy
		b edit W; a edit Y; a export f2; b import f2 =conflict; b has W; b waits Y`, nil},
	{"LegacyWrittenHere", `
		a new X; a export f1; b import f1 =added; a legacy; b legacy
		b edit Y; b export f2; a import f2 =conflict; a has X; a waits Y
		a resolve theirs; a export f3; b import f3 =unchanged`, nil},
}

func TestMergeHistories(t *testing.T) {
	template := corpusFile(t, "template.db")
	for _, h := range mergeHistories {
		skews := h.skews
		if skews == nil {
			skews = []time.Duration{-24 * time.Hour, 0, 24 * time.Hour}
		}
		for _, skew := range skews {
			t.Run(fmt.Sprintf("%s/b%+dh", h.name, int(skew.Hours())), func(t *testing.T) {
				w := newMergeWorld(t, template, skew)
				for _, step := range strings.FieldsFunc(h.steps, func(r rune) bool { return r == ';' || r == '\n' }) {
					if step = strings.TrimSpace(step); step != "" {
						w.step(step)
					}
				}
			})
		}
	}
}

// mergeWorld is three delegates' databases, the files they pass and the
// one note they share.
type mergeWorld struct {
	t     *testing.T
	dbs   map[string]*data.DB
	files map[string][]byte
	id    string
}

func newMergeWorld(t *testing.T, template string, skew time.Duration) *mergeWorld {
	w := &mergeWorld{t: t, dbs: map[string]*data.DB{}, files: map[string][]byte{}}
	start := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	for i, name := range []string{"a", "b", "c"} {
		p := filepath.Join(t.TempDir(), name+".db")
		copyFile(t, template, p)
		db, err := data.Open(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		clock := start.Add(time.Duration(i) * time.Minute)
		if name == "b" {
			clock = clock.Add(skew)
		}
		db.Now = tickClock(clock)
		w.dbs[name] = db
	}
	return w
}

func (w *mergeWorld) step(step string) {
	t := w.t
	t.Helper()
	ctx := context.Background()
	f := strings.Fields(step)
	if len(f) < 2 {
		t.Fatalf("bad step %q", step)
	}
	arg := func(i int) string {
		if len(f) <= i {
			t.Fatalf("step %q needs more words", step)
		}
		return f[i]
	}
	db := w.dbs[f[0]]
	note := func() *app.Note {
		n, err := db.Note(ctx, w.id)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		return n
	}
	res, c1, _ := twoClauses(t)
	switch f[1] {
	case "new":
		n := mustSave(t, db, app.Note{Resolution: res, ClauseID: c1.ID, Author: app.Author{Name: f[0]}, Body: arg(2)})
		w.id = n.ID
	case "edit":
		n := note()
		n.Body = arg(2)
		if err := db.SaveNote(ctx, n); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	case "reanchor":
		if n := note(); !n.NeedsReanchor {
			t.Fatalf("%s: the note does not need re-anchoring", step)
		} else if err := db.SaveNote(ctx, n); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	case "delete", "restore":
		do := map[string]func(context.Context, string) error{"delete": db.DeleteNote, "restore": db.RestoreNote}[f[1]]
		if err := do(ctx, w.id); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	case "export":
		w.files[arg(2)] = mustExport(t, db, app.NoteFilter{})
	case "import":
		got, err := importData(db, w.file(arg(2)), arg(2)+".briefnotes", false)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if want := importOf(t, arg(3)); got != want {
			t.Fatalf("%s: the import did %+v, want %+v", step, got, want)
		}
	case "resolve":
		cs, err := db.Conflicts(ctx)
		if err != nil || len(cs) != 1 {
			t.Fatalf("%s: %d conflicts (%v), want 1", step, len(cs), err)
		}
		if err := db.ResolveConflict(ctx, cs[0].ID, app.Keep(arg(2))); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	case "load":
		other := alteredCorpus(t, strings.Repeat("d", 64), res, func(cs []app.Clause) []app.Clause {
			for i := range cs {
				if cs[i].ID == c1.ID {
					cs[i].Text += "（第二版）"
				}
			}
			return cs
		})
		if _, err := db.Import(ctx, other); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	case "clock":
		d, err := time.ParseDuration(arg(2))
		if err != nil {
			t.Fatal(err)
		}
		db.Now = tickClock(time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC).Add(d))
	case "legacy":
		if _, err := db.SQL().Exec("UPDATE notes SET history = ''"); err != nil {
			t.Fatal(err)
		}
	case "v1":
		w.files[arg(3)] = versionOne(t, w.file(arg(2)))
	case "has":
		n := note()
		if got := map[bool]string{false: n.Body, true: "deleted"}[n.Deleted]; got != arg(2) {
			t.Fatalf("%s: the note reads %q", step, got)
		}
	case "waits", "calm":
		cs, err := db.Conflicts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if f[1] == "calm" {
			if len(cs) != 0 {
				t.Fatalf("%s: %d conflicts wait", step, len(cs))
			}
			return
		}
		if len(cs) != 1 {
			t.Fatalf("%s: %d conflicts wait, want 1", step, len(cs))
		}
		in := cs[0].Incoming
		if got := map[bool]string{false: in.Body, true: "deleted"}[in.Deleted]; got != arg(2) {
			t.Fatalf("%s: the waiting version reads %q", step, got)
		}
		if l := note(); cs[0].Local.Body != l.Body || cs[0].Local.Deleted != l.Deleted {
			t.Fatalf("%s: the conflict shows %q as ours, not the note", step, cs[0].Local.Body)
		}
	default:
		t.Fatalf("unknown step %q", step)
	}
}

func (w *mergeWorld) file(name string) []byte {
	b, ok := w.files[name]
	if !ok {
		w.t.Fatalf("no file %s yet", name)
	}
	return b
}

// importOf reads an expected import result such as =updated or
// =updated+added (one note updated, one added).
func importOf(t *testing.T, what string) app.ImportResult {
	var r app.ImportResult
	for _, w := range strings.Split(strings.TrimPrefix(what, "="), "+") {
		switch w {
		case "added":
			r.Added++
		case "updated":
			r.Updated++
		case "unchanged":
			r.Unchanged++
		case "kept":
			r.Kept++
		case "conflict":
			r.Conflicts++
		case "anchor":
			r.NeedsAnchor++
		default:
			t.Fatalf("unknown import result %q", what)
		}
	}
	return r
}

// versionOne rewrites a file as a BriefDesk before histories wrote it:
// format version 1, no "history" members.
func versionOne(t testing.TB, b []byte) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	m["version"] = 1
	for _, n := range m["notes"].([]any) {
		delete(n.(map[string]any), "history")
	}
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A rebuild of a damaged database carries the notes' histories and the
// waiting conflicts' over: without them the next import would see every
// note as changed on both sides.
func TestSalvageKeepsHistories(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "old.db")
	copyFile(t, corpusFile(t, "template.db"), path)
	old, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	old.Now = tickClock(time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC))
	bob := notesDB(t)
	res, _, _ := twoClauses(t)
	n := mustSave(t, old, app.Note{Resolution: res, Author: app.Author{Name: "Alice"}, Body: "X"})
	mustImportNotes(t, bob, mustExport(t, old, app.NoteFilter{}), "a.briefnotes")
	b, _ := bob.Note(ctx, n.ID)
	b.Body = "Y"
	mustSave(t, bob, *b)
	fromBob := mustExport(t, bob, app.NoteFilter{})
	n.Body = "Z"
	mustSave(t, old, n)
	if got := mustImportNotes(t, old, fromBob, "b.briefnotes"); got.Conflicts != 1 {
		t.Fatalf("import: %+v", got)
	}
	wantNotes, _ := old.Notes(ctx, app.NoteFilter{IncludeDeleted: true})
	wantConflicts, _ := old.Conflicts(ctx)
	if len(wantNotes) != 1 || len(wantNotes[0].History) == 0 || len(wantConflicts) != 1 || len(wantConflicts[0].Incoming.History) < 2 {
		t.Fatalf("before: notes %+v, conflicts %+v; want histories on both", wantNotes, wantConflicts)
	}
	old.Close()

	moved, err := data.MoveAside(path)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	if _, err := fresh.Import(ctx, notesCorpus(t)); err != nil {
		t.Fatal(err)
	}
	if rep, err := fresh.Salvage(ctx, moved); err != nil || rep.Notes != 1 || rep.Conflicts != 1 {
		t.Fatalf("salvage: %+v, %v", rep, err)
	}
	gotNotes, _ := fresh.Notes(ctx, app.NoteFilter{IncludeDeleted: true})
	gotConflicts, _ := fresh.Conflicts(ctx)
	if len(gotNotes) != 1 || !slices.Equal(gotNotes[0].History, wantNotes[0].History) ||
		len(gotConflicts) != 1 || !slices.Equal(gotConflicts[0].Incoming.History, wantConflicts[0].Incoming.History) {
		t.Fatalf("after salvage: notes %+v, conflicts %+v", gotNotes, gotConflicts)
	}
	// And the merge goes on as before: bob's file again is the same conflict.
	if got := mustImportNotes(t, fresh, fromBob, "b.briefnotes"); got.Unchanged != 1 {
		t.Fatalf("re-import after salvage: %+v", got)
	}
}
