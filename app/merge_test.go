package app_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"briefdesk/app"
)

// Revision changes with every field of a note's content and with nothing
// else: not times, author, origin, clause hash or history.
func TestRevision(t *testing.T) {
	base := app.Note{ID: "1b4e28ba-2fa1-41d2-883f-0016d3cca427", Resolution: 44, ClauseID: "44/instructs/9",
		ClauseHash: "aa", Author: app.Author{Name: "Li"}, Body: "支持", Stance: app.StanceSupport,
		Priority: 1, Tags: []string{"SG1", "财务"}, Created: time.Unix(1e9, 0), Updated: time.Unix(1e9, 0)}
	rev := base.Revision()
	if !app.ValidRevision(rev) {
		t.Fatalf("Revision %q is not a revision", rev)
	}
	for _, c := range []struct {
		name    string
		edit    func(*app.Note)
		changes bool
	}{
		{"Body", func(n *app.Note) { n.Body = "支持。" }, true},
		{"Stance", func(n *app.Note) { n.Stance = app.StanceConcern }, true},
		{"Priority", func(n *app.Note) { n.Priority = 2 }, true},
		{"Tags", func(n *app.Note) { n.Tags = []string{"SG1"} }, true},
		{"TagOrder", func(n *app.Note) { n.Tags = []string{"财务", "SG1"} }, true},
		{"TagSplit", func(n *app.Note) { n.Tags = []string{"SG1财务"} }, true},
		{"Clause", func(n *app.Note) { n.ClauseID = "44/instructs/8" }, true},
		{"Resolution", func(n *app.Note) { n.Resolution = 45 }, true},
		{"Deleted", func(n *app.Note) { n.Deleted = true }, true},
		{"Times", func(n *app.Note) { n.Created, n.Updated = time.Now(), time.Now().Add(time.Hour) }, false},
		{"Author", func(n *app.Note) { n.Author = app.Author{Name: "Ana", Delegation: "Kenya"} }, false},
		{"Origin", func(n *app.Note) { n.Origin = app.Origin{Imported: true, File: "x.briefnotes"} }, false},
		{"ClauseHash", func(n *app.Note) { n.ClauseHash = "bb" }, false},
		{"History", func(n *app.Note) { n.History = []string{"0123456789abcdef"} }, false},
		{"NeedsReanchor", func(n *app.Note) { n.NeedsReanchor = true }, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			n := base
			c.edit(&n)
			if got := n.Revision() != rev; got != c.changes {
				t.Fatalf("revision changed=%v, want %v", got, c.changes)
			}
		})
	}
	// The empty stance is "none", as SaveNote stores it.
	a, b := base, base
	a.Stance, b.Stance = "", app.StanceNone
	if a.Revision() != b.Revision() {
		t.Error(`stance "" and "none" give different revisions`)
	}
}

func TestJoinHistory(t *testing.T) {
	h := []string{"a", "b"}
	if got := app.JoinHistory(h, "b", "a", ""); &got[0] != &h[0] || len(got) != 2 {
		t.Errorf("joining nothing new gave %q, not h itself", got)
	}
	if got := app.JoinHistory(h, "c", "a", "c"); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("JoinHistory = %q", got)
	}
	var long []string
	for i := range app.HistoryLimit + 5 {
		long = app.JoinHistory(long, fmt.Sprintf("%016x", i))
	}
	if len(long) != app.HistoryLimit || long[0] != fmt.Sprintf("%016x", 5) {
		t.Errorf("a full history keeps %d, starting %q; want the newest %d", len(long), long[0], app.HistoryLimit)
	}
	if got := app.ParseHistory(app.HistoryString(long[:3]) + " junk " + long[0]); !slices.Equal(got, long[:3]) {
		t.Errorf("ParseHistory = %q", got)
	}
}

// Merge decides by histories; times count only without them.
func TestMerge(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 5, 1, h, 0, 0, 0, time.UTC) }
	v := func(body string, updated int, history ...*app.Note) app.Note {
		n := app.Note{Resolution: 1, Body: body, Stance: app.StanceNone, Updated: at(updated)}
		for _, h := range history {
			n.History = append(n.History, h.Revision())
		}
		return n
	}
	x := v("X", 1)
	y := v("Y", 2)
	legacyImported := v("X", 1)
	legacyImported.Origin = app.Origin{Imported: true, ImportedAt: at(3)}
	legacyEdited := legacyImported
	legacyEdited.Updated = at(4)
	// received is a version imported and not saved here since.
	received := func(n app.Note) app.Note {
		n.Origin = app.Origin{Imported: true, ImportedAt: n.Updated.Add(time.Minute)}
		return n
	}
	for _, c := range []struct {
		name      string
		local, in app.Note
		traced    bool
		want      app.MergeOutcome
	}{
		{"Same", v("X", 5, &x), v("X", 1), true, app.MergeSame},
		{"OnlyTheirs", v("X", 9, &x), v("Y", 1, &x), true, app.MergeTakeIncoming},
		{"OnlyMine", v("Y", 1, &x), v("X", 9, &x), true, app.MergeKeepLocal},
		{"OlderFile", v("Y", 1, &x, &y), v("X", 9), true, app.MergeKeepLocal},
		{"Both", v("Y", 1, &x), v("Z", 9, &x), true, app.MergeConflict},
		{"BothClockReversed", v("Y", 9, &x), v("Z", 1, &x), true, app.MergeConflict},
		{"BackToEarlierWords", v("X", 1, &x, &y), v("Y", 1, &x, &y), true, app.MergeConflict},
		{"OldFileUnchangedHereNewer", received(v("X", 1, &x)), v("Z", 2), false, app.MergeTakeIncomingByTime},
		{"OldFileUnchangedHereOlder", received(v("X", 3, &x)), v("Z", 2), false, app.MergeKeepLocalByTime},
		// Exported from here is not received: the export may be the only
		// copy, and never reached a BriefDesk before histories.
		{"OldFileMyExportedVersion", v("X", 1, &x), v("Z", 2), false, app.MergeConflict},
		{"OldFileChangedHere", v("Y", 1, &x), v("Z", 9), false, app.MergeConflict},
		{"LegacyImportedUnchanged", legacyImported, v("Z", 2), true, app.MergeTakeIncomingByTime},
		{"LegacyImportedEdited", legacyEdited, v("Z", 9), true, app.MergeConflict},
		{"LegacyWrittenHere", v("X", 1), v("Z", 9), true, app.MergeConflict},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := app.Merge(&c.local, &c.in, c.traced); got != c.want {
				t.Fatalf("Merge = %v, want %v", got, c.want)
			}
		})
	}
}

func TestParseKeep(t *testing.T) {
	for in, want := range map[string]app.Keep{"mine": app.KeepMine, "ours": app.KeepMine, "local": app.KeepMine,
		"theirs": app.KeepTheirs, "incoming": app.KeepTheirs, "both": app.KeepBoth} {
		if got, err := app.ParseKeep(in); err != nil || got != want {
			t.Errorf("ParseKeep(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := app.ParseKeep("neither"); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("ParseKeep(neither): %v", err)
	}
}
