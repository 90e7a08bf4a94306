package data_test

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/seeds"
)

func fileHash(t *testing.T, p string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// A rebuild keeps the delegate's work: notes (with tombstones), packs and
// settings come over from the damaged file, which is left as it was.
func TestSalvageCarriesOverOwnWork(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "old.db")
	old, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := old.EnsureCorpus(ctx, seeds.Default); err != nil {
		t.Fatal(err)
	}
	me := app.Author{Name: "王芳", Delegation: "中国"}
	keep := mustSave(t, old, app.Note{Resolution: 64, ClauseID: "64/instructs/4", Author: me, Body: "支持BDT培训", Stance: app.StanceSupport, Tags: []string{"IPv6"}})
	gone := mustSave(t, old, app.Note{Resolution: 44, Author: me, Body: "删除的笔记"})
	if err := old.DeleteNote(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	pk := app.Pack{Name: "sg2", Title: "SG2", Resolutions: []int{50, 52}}
	if err := old.SavePack(ctx, &pk); err != nil {
		t.Fatal(err)
	}
	if err := old.SetSetting(ctx, app.SettingAuthorName, "王芳"); err != nil {
		t.Fatal(err)
	}
	wantNotes, err := old.Notes(ctx, app.NoteFilter{IncludeDeleted: true})
	if err != nil {
		t.Fatal(err)
	}
	// Damage the corpus behind the index's back, as a crash or a disk might.
	if _, err := old.SQL().Exec("DELETE FROM clauses WHERE resolution = 50"); err != nil {
		t.Fatal(err)
	}
	if _, err := old.SQL().Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	old.Close()

	moved, err := data.MoveAside(path)
	if err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, moved)
	fresh, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	if err := fresh.EnsureCorpus(ctx, seeds.Default); err != nil {
		t.Fatal(err)
	}
	rep, err := fresh.Salvage(ctx, moved)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Notes != 2 || rep.Packs != 1 || rep.Settings != 1 || len(rep.Problems) != 0 {
		t.Fatalf("report %+v, want 2 notes, 1 pack, 1 setting, no problems", rep)
	}
	gotNotes, err := fresh.Notes(ctx, app.NoteFilter{IncludeDeleted: true})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotNotes, wantNotes) {
		t.Fatalf("notes after salvage\n%+v\nwant\n%+v", gotNotes, wantNotes)
	}
	if n, _ := fresh.Note(ctx, keep.ID); n == nil || n.NeedsReanchor {
		t.Fatalf("salvaged note %+v should be anchored to the rebuilt corpus", n)
	}
	if got, err := fresh.Pack(ctx, "sg2"); err != nil || !reflect.DeepEqual(got.Resolutions, []int{50, 52}) {
		t.Fatalf("pack after salvage: %+v, %v", got, err)
	}
	if v, _ := fresh.Setting(ctx, app.SettingAuthorName); v != "王芳" {
		t.Fatalf("setting after salvage %q", v)
	}
	if rep, _ := fresh.Check(ctx); !rep.OK() {
		t.Fatalf("rebuilt database fails its check: %v", rep.Problems)
	}
	if fileHash(t, moved) != before {
		t.Fatal("Salvage changed the old file")
	}
	// Salvaging twice adds nothing.
	if again, err := fresh.Salvage(ctx, moved); err != nil || again.Notes != 0 || again.Packs != 0 {
		t.Fatalf("second salvage: %+v, %v", again, err)
	}
}

// A file that is not a database at all gives a problem, not an error.
func TestSalvageOfGarbage(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "junk.db")
	if err := os.WriteFile(p, []byte("this was never a database, just some bytes on a disk"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := MustOpen(t)
	rep, err := db.Salvage(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) == 0 || rep.Notes != 0 {
		t.Fatalf("report %+v, want problems and nothing salvaged", rep)
	}
	if b, _ := os.ReadFile(p); string(b) != "this was never a database, just some bytes on a disk" {
		t.Fatal("Salvage changed the junk file")
	}
}
