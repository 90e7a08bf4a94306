package data_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/data"
)

func samplePack() app.Pack {
	return app.Pack{
		Name: "sg1-geneva", Title: "ITU-D SG1 briefing", Target: app.TargetSG1,
		Delegation: "China", Author: "Li Wei", Meeting: "ITU-D SG1, Geneva, 2026-05", Date: "2026-05-04",
		Lang: app.LangZH, Resolutions: []int{44, 2, 29},
		Options: app.PackOptions{Clauses: app.ClausesITUD, Notes: app.NotesMine, Overview: true, RefsAppendix: true,
			Checklist: true, ClauseIDs: true},
	}
}

func TestPackRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	now := time.Date(2026, 5, 1, 9, 30, 0, 123, time.UTC)
	db.Now = func() time.Time { return now }

	p := samplePack()
	if err := db.SavePack(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if !p.Updated.Equal(now) {
		t.Errorf("Updated=%v, want %v", p.Updated, now)
	}
	got, err := db.Pack(ctx, "sg1-geneva")
	if err != nil {
		t.Fatal(err)
	}
	if g, w := fmt.Sprintf("%+v", *got), fmt.Sprintf("%+v", p); g != w {
		t.Errorf("Pack()=\n%s\nwant\n%s", g, w)
	}
	if g := fmt.Sprint(got.Resolutions); g != "[44 2 29]" {
		t.Errorf("resolutions %s, want the saved order [44 2 29]", g)
	}

	// Saving again replaces the definition, resolution list included.
	now = now.Add(time.Hour)
	p.Title = "Revised"
	p.Resolutions = []int{50}
	p.Options.Overview = false
	p.Lang = "en-GB" // stored in its canonical form
	p.Options.Checklist = false
	if err := db.SavePack(ctx, &p); err != nil {
		t.Fatal(err)
	}
	got, _ = db.Pack(ctx, "sg1-geneva")
	if got.Title != "Revised" || fmt.Sprint(got.Resolutions) != "[50]" || got.Options.Overview || !got.Updated.Equal(now) ||
		got.Lang != app.LangEN || got.Options.Checklist || !got.Options.ClauseIDs {
		t.Errorf("after update: %+v", *got)
	}
}

func TestPacksListAndDelete(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	for _, name := range []string{"b", "a", "c"} {
		p := app.Pack{Name: name, Resolutions: []int{1}}
		if err := db.SavePack(ctx, &p); err != nil {
			t.Fatal(err)
		}
		if p.Options.Clauses != app.ClausesAll || p.Options.Notes != app.NotesNone {
			t.Errorf("defaults not filled: %+v", p.Options)
		}
	}
	ps, err := db.Packs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range ps {
		names = append(names, p.Name)
	}
	if g := fmt.Sprint(names); g != "[a b c]" {
		t.Errorf("Packs()=%s, want [a b c]", g)
	}
	if err := db.DeletePack(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Pack(ctx, "b"); app.ErrorCode(err) != app.ENOTFOUND {
		t.Errorf("Pack(deleted) err=%v, want ENOTFOUND", err)
	}
	if err := db.DeletePack(ctx, "b"); app.ErrorCode(err) != app.ENOTFOUND {
		t.Errorf("DeletePack(missing) err=%v, want ENOTFOUND", err)
	}
	var left int
	db.SQL().QueryRow("SELECT count(*) FROM pack_resolutions WHERE pack = 'b'").Scan(&left)
	if left != 0 {
		t.Errorf("%d resolution rows of the deleted pack remain", left)
	}
}

func TestSavePackRejects(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name string
		edit func(p *app.Pack)
	}{
		{"ErrNameRequired", func(p *app.Pack) { p.Name = "  " }},
		{"ErrTarget", func(p *app.Pack) { p.Target = "sg9" }},
		{"ErrDate", func(p *app.Pack) { p.Date = "4 May 2026" }},
		{"ErrClauses", func(p *app.Pack) { p.Options.Clauses = "some" }},
		{"ErrNotes", func(p *app.Pack) { p.Options.Notes = "theirs" }},
		{"ErrLang", func(p *app.Pack) { p.Lang = "fr" }},
		{"ErrDuplicate", func(p *app.Pack) { p.Resolutions = []int{44, 2, 44} }},
		{"ErrNumber", func(p *app.Pack) { p.Resolutions = []int{0} }},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := MustOpen(t)
			orig := samplePack()
			if err := db.SavePack(ctx, &orig); err != nil {
				t.Fatal(err)
			}
			bad := samplePack()
			c.edit(&bad)
			before := bad
			err := db.SavePack(ctx, &bad)
			if app.ErrorCode(err) != app.EINVALID {
				t.Fatalf("err=%v, want EINVALID", err)
			}
			if fmt.Sprint(bad) != fmt.Sprint(before) {
				t.Errorf("rejected save changed the caller's pack: %+v", bad)
			}
			got, err := db.Pack(ctx, orig.Name)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", orig) {
				t.Errorf("stored pack changed by a rejected save: %+v", *got)
			}
		})
	}
}

// TestPacksSurviveReopen checks that a saved pack is on disk, not only in
// the open connection.
func TestPacksSurviveReopen(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	p := samplePack()
	if err := db.SavePack(ctx, &p); err != nil {
		t.Fatal(err)
	}
	path := db.Path()
	db.Close()
	db2, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	got, err := db2.Pack(ctx, p.Name)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got.Resolutions) != "[44 2 29]" {
		t.Errorf("after reopen: %v", got.Resolutions)
	}
}

// TestPacksSurviveCorpusReimport checks that packs hold no foreign key into
// the corpus: replacing the corpus leaves them as they were, even when they
// name resolutions the new corpus lacks.
func TestPacksSurviveCorpusReimport(t *testing.T) {
	ctx := context.Background()
	db := mustImport(t, realCorpus(t))
	p := samplePack()
	if err := db.SavePack(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Import(ctx, handCorpus()); err != nil {
		t.Fatal(err)
	}
	got, err := db.Pack(ctx, p.Name)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", p) {
		t.Errorf("pack changed by a corpus import:\n%+v\nwant\n%+v", *got, p)
	}
}
