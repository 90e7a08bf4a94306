package data_test

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"briefdesk/app"
)

// Pack definitions travel in a notes file and merge by name, newest wins.
func TestImportMergesPacks(t *testing.T) {
	ctx := context.Background()
	alice, bob, _ := exchange(t)
	alice.Now = tickClock(time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC))
	// The language and the optional parts travel with the pack.
	pk := app.Pack{Name: "sg2-may", Title: "SG2 简报", Target: app.TargetSG2, Date: "2026-05-18", Lang: app.LangZH,
		Resolutions: []int{50, 52, 72}, Options: app.PackOptions{Clauses: app.ClausesITUD, Notes: app.NotesAll, Overview: true,
			Checklist: true, ClauseIDs: true}}
	if err := alice.SavePack(ctx, &pk); err != nil {
		t.Fatal(err)
	}
	export := func() []byte {
		var buf bytes.Buffer
		if err := alice.ExportNotes(ctx, &buf, app.NoteFilter{}, app.Author{Name: "Alice"}, []string{"sg2-may"}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	file := export()

	dry, err := importData(bob, file, "alice.briefnotes", true)
	if err != nil {
		t.Fatal(err)
	}
	if dry.PacksAdded != 1 {
		t.Fatalf("dry run PacksAdded=%d, want 1", dry.PacksAdded)
	}
	if _, err := bob.Pack(ctx, "sg2-may"); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("after a dry run the pack exists (err=%v)", err)
	}

	if got := mustImportNotes(t, bob, file, "alice.briefnotes"); got.PacksAdded != 1 || got.PacksUpdated != 0 {
		t.Fatalf("first import: %+v", got)
	}
	got, err := bob.Pack(ctx, "sg2-may")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Resolutions, pk.Resolutions) || got.Title != pk.Title || got.Lang != pk.Lang || got.Options != pk.Options || !got.Updated.Equal(pk.Updated.Truncate(time.Millisecond)) && !got.Updated.Equal(pk.Updated) {
		t.Fatalf("imported pack %+v, want %+v", got, pk)
	}
	if again := mustImportNotes(t, bob, file, "alice.briefnotes"); again.PacksAdded != 0 || again.PacksUpdated != 0 {
		t.Fatalf("second import of the same file: %+v", again)
	}

	// Alice edits the pack: her newer version replaces Bob's copy.
	pk.Resolutions = []int{50, 52, 72, 96}
	if err := alice.SavePack(ctx, &pk); err != nil {
		t.Fatal(err)
	}
	newer := export()
	if res := mustImportNotes(t, bob, newer, "alice2.briefnotes"); res.PacksUpdated != 1 {
		t.Fatalf("newer pack: %+v", res)
	}
	if got, _ := bob.Pack(ctx, "sg2-may"); !reflect.DeepEqual(got.Resolutions, []int{50, 52, 72, 96}) {
		t.Fatalf("after newer import resolutions=%v", got.Resolutions)
	}
	// The older file no longer changes anything.
	if res := mustImportNotes(t, bob, file, "alice.briefnotes"); res.PacksUpdated != 0 || res.PacksAdded != 0 {
		t.Fatalf("older pack imported over a newer one: %+v", res)
	}
	if got, _ := bob.Pack(ctx, "sg2-may"); len(got.Resolutions) != 4 {
		t.Fatalf("older file changed the pack: %v", got.Resolutions)
	}
}

// A file whose pack repeats a resolution is refused whole: no note, no pack.
func TestImportRejectsBadPackWhole(t *testing.T) {
	ctx := context.Background()
	alice, bob, _ := exchange(t)
	pk := app.Pack{Name: "p", Resolutions: []int{44}}
	if err := alice.SavePack(ctx, &pk); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := alice.ExportNotes(ctx, &buf, app.NoteFilter{}, app.Author{Name: "Alice"}, []string{"p"}); err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(buf.String(), `"resolutions":[44]`, `"resolutions":[44,44]`, 1)
	if bad == buf.String() {
		t.Fatal("the export no longer writes \"resolutions\":[44]; update this test's edit so it still makes a bad file")
	}
	before := noteRows(t, bob.SQL())
	_, err := importData(bob, []byte(bad), "bad.briefnotes", false)
	wantCode(t, err, app.EINVALID)
	if after := noteRows(t, bob.SQL()); after != before {
		t.Fatal("a rejected file changed the notes")
	}
	if _, err := bob.Pack(ctx, "p"); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("a rejected file added its pack (err=%v)", err)
	}
}
