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
	rev := base.ContentHash()
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
			if got := n.ContentHash() != rev; got != c.changes {
				t.Fatalf("revision changed=%v, want %v", got, c.changes)
			}
		})
	}
	// The empty stance is "none", as SaveNote stores it.
	a, b := base, base
	a.Stance, b.Stance = "", app.StanceNone
	if a.ContentHash() != b.ContentHash() {
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
			n.History = append(n.History, h.ContentHash())
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

// A revision names a version, not its words: going back to earlier words
// is a new revision, and so is the same change made twice.
func TestNewRevision(t *testing.T) {
	n := app.Note{Resolution: 1, Body: "X", Stance: app.StanceNone}
	if got := app.NewRevision(nil, &n); got != n.ContentHash() {
		t.Errorf("a first version's revision %s is not its content hash %s", got, n.ContentHash())
	}
	x := n.ContentHash()
	y := n
	y.Body = "Y"
	ry := app.NewRevision([]string{x}, &y)
	back := n
	rx2 := app.NewRevision([]string{ry}, &back)
	again := app.NewRevision([]string{ry}, &back)
	for _, r := range []string{ry, rx2, again} {
		if !app.ValidRevision(r) {
			t.Fatalf("%q is not a revision", r)
		}
	}
	if rx2 == x || rx2 == again || ry == x {
		t.Errorf("X %s, Y %s, back to X %s, and again %s: want four revisions", x, ry, rx2, again)
	}
	back.Revision = []string{rx2}
	if a, b := n.Revisions(), back.Revisions(); !slices.Equal(a, []string{x}) || !slices.Equal(b, []string{rx2}) {
		t.Errorf("Revisions: %q and %q", a, b)
	}
}

// Merge by revisions: X, Y, X is ordered; same words are never a conflict.
func TestMergeRevisions(t *testing.T) {
	at := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	v := func(body string, revs []string, history ...string) app.Note {
		return app.Note{Resolution: 1, Body: body, Stance: app.StanceNone, Updated: at, Revision: revs, History: history}
	}
	for _, c := range []struct {
		name      string
		local, in app.Note
		want      app.MergeOutcome
	}{
		{"BackToXTravels", v("Y", []string{"y"}, "x", "y"), v("X", []string{"x2"}, "x", "y", "x2"), app.MergeTakeIncoming},
		{"OldYAfterBack", v("X", []string{"x2"}, "x", "y", "x2"), v("Y", []string{"y"}, "x", "y"), app.MergeKeepLocal},
		{"SameWordsOtherPath", v("X", []string{"x2"}, "x", "y"), v("X", []string{"x3"}, "x", "z"), app.MergeSame},
		{"BothFromX", v("Y", []string{"y"}, "x"), v("Z", []string{"z"}, "x", "z"), app.MergeConflict},
		{"AnyRevisionCounts", v("Y", []string{"m", "y"}, "x"), v("Z", []string{"z"}, "x", "y", "z"), app.MergeTakeIncoming},
		{"OppositeResolutions", v("Y", []string{"mb", "y"}, "x", "y", "z"), v("Z", []string{"ma", "z"}, "x", "y", "z"), app.MergeConflict},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := app.Merge(&c.local, &c.in, true); got != c.want {
				t.Fatalf("Merge = %v, want %v", got, c.want)
			}
		})
	}
}

// The same words: ours stay ours, and their revision stays out of our
// history, unless the incoming version has seen ours: then it is later
// and its revisions are taken (but for ours it never passed).
func TestJoinSame(t *testing.T) {
	v := func(revs []string, history ...string) app.Note {
		return app.Note{Resolution: 1, Body: "X", Revision: revs, History: history}
	}
	for _, c := range []struct {
		name          string
		local, in     app.Note
		revs, history []string
	}{
		{"Unrelated", v([]string{"b"}, "x", "b"), v([]string{"a"}, "x", "p", "a"), []string{"b"}, []string{"x", "b", "p"}},
		{"TheyCameBack", v([]string{"x"}, "x"), v([]string{"x3"}, "x", "y", "x3"), []string{"x3"}, []string{"x", "y", "x3"}},
		{"WeAreLater", v([]string{"x3"}, "x", "y", "x3"), v([]string{"x"}, "x"), []string{"x3"}, []string{"x", "y", "x3"}},
		{"SameChoice", v([]string{"mb", "y"}, "x", "y"), v([]string{"m2", "mb"}, "x", "y", "mb"), []string{"mb", "m2"}, []string{"x", "y", "mb", "m2"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			revs, h := app.JoinSame(&c.local, &c.in)
			if !slices.Equal(revs, c.revs) || !slices.Equal(h, c.history) {
				t.Fatalf("JoinSame = %q, %q; want %q, %q", revs, h, c.revs, c.history)
			}
		})
	}
}

// A resolution is a new version made from both sides: one new revision,
// the same for the same choice between the same versions (here or at a
// colleague's), and both lineages in its history.
func TestResolve(t *testing.T) {
	local := app.Note{Resolution: 1, Body: "L", Stance: app.StanceNone, Revision: []string{"l"}, History: []string{"x", "l"}}
	in := app.Note{Resolution: 1, Body: "T", Stance: app.StanceNone, Revision: []string{"t"}, History: []string{"x", "t"}}
	got := map[app.Keep]string{}
	for _, keep := range []app.Keep{app.KeepMine, app.KeepTheirs, app.KeepBoth} {
		revs, h := app.Resolve(&local, &in, keep)
		if len(revs) != 1 || !app.ValidRevision(revs[0]) {
			t.Fatalf("keep %s: revisions %q, want one", keep, revs)
		}
		got[keep] = revs[0]
		if !slices.Equal(h, []string{"x", "l", "t"}) {
			t.Errorf("keep %s: history %q, want both lineages", keep, h)
		}
	}
	// At the colleague's, the sides are the other way round.
	again, _ := app.Resolve(&in, &local, app.KeepTheirs)
	if got[app.KeepMine] == got[app.KeepTheirs] || got[app.KeepMine] != got[app.KeepBoth] || again[0] != got[app.KeepMine] {
		t.Errorf("mine %s, theirs %s, both %s, the same choice elsewhere %s", got[app.KeepMine], got[app.KeepTheirs], got[app.KeepBoth], again[0])
	}
}
