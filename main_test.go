package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/seeds"
	"briefdesk/ui/cli"
	"briefdesk/ui/tables"
)

// The window's open checks the database: rows deleted behind the search
// index's back make it refuse with EDAMAGED (so the GUI offers a rebuild),
// and rebuild moves the file aside and starts afresh, never deleting it.
func TestOpenChecksAndRebuildMovesAside(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "b.db")
	g := path // what --db names

	svc, closeDB, err := open(ctx, g)
	if err != nil {
		t.Fatalf("open a new database: %v", err)
	}
	if _, err := svc.Corpus.Resolution(ctx, 44); err != nil {
		t.Fatalf("Resolution 44: %v", err)
	}
	note := app.Note{Resolution: 64, ClauseID: "64/instructs/4", Author: app.Author{Name: "Ana"}, Body: "keep me"}
	if err := svc.Notes.SaveNote(ctx, &note); err != nil {
		t.Fatal(err)
	}
	closeDB()

	db, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().Exec("DELETE FROM clauses WHERE resolution = 44"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	_, _, err = open(ctx, g)
	if got := app.ErrorCode(err); got != app.EDAMAGED {
		t.Fatalf("open of a damaged database: code %q (%v), want %q", got, err, app.EDAMAGED)
	}
	if !strings.Contains(app.ErrorMessage(err), "integrity check") {
		t.Fatalf("message %q does not say what failed", app.ErrorMessage(err))
	}

	svc, closeDB, err = rebuild(ctx, g)
	if err != nil {
		t.Fatalf("rebuild: %v", err)
	}
	defer closeDB()
	if r, err := svc.Corpus.Resolution(ctx, 44); err != nil || len(r.Clauses) == 0 {
		t.Fatalf("after rebuild Resolution 44 has %v clauses (%v)", r, err)
	}
	if n, err := svc.Notes.Note(ctx, note.ID); err != nil || n.Body != "keep me" {
		t.Fatalf("the note did not survive the rebuild: %+v, %v", n, err)
	}
	moved, _ := filepath.Glob(path + ".broken-*")
	if len(moved) == 0 {
		t.Fatal("rebuild did not keep the damaged file")
	}
	if fi, err := os.Stat(moved[0]); err != nil || fi.Size() == 0 {
		t.Fatalf("kept file %s is missing or empty (%v)", moved[0], err)
	}
}

// TestCitesAgreeEverywhere: for every reference key in the corpus, the
// command line (briefdesk list --ref KEY, through main's own wiring), the
// database's filter, the tables' filter and the study-group presets select
// the same resolutions (the window's list filter is checked against the
// tables in ui's TestListFilterAgreesWithTables). ITU-D SG2 includes
// Res 50, which cites only its Question 3/2.
func TestCitesAgreeEverywhere(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "agree.db")
	db, err := data.OpenStore(ctx, path, seeds.Default)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	all, err := db.Resolutions(ctx, app.ResolutionFilter{Full: true})
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, r := range all {
		for _, f := range r.Refs {
			keys[f.Key] = true
		}
	}
	if len(keys) < 50 {
		t.Fatalf("only %d reference keys in the corpus", len(keys))
	}
	numbers := func(rs []app.Resolution) []int {
		out := []int{}
		for _, r := range rs {
			out = append(out, r.Number)
		}
		return out
	}
	presets := map[string]string{"ITU-D SG1": app.PresetSG1, "ITU-D SG2": app.PresetSG2}
	for key := range keys {
		f := app.ResolutionFilter{RefKeys: []string{key}}
		want := numbers(tables.Filter(all, f))
		if len(want) == 0 {
			t.Errorf("%s: the tables select nothing, though the corpus cites it", key)
		}

		rs, err := db.Resolutions(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if got := numbers(rs); !slices.Equal(got, want) {
			t.Errorf("%s: the database selects %v, the tables %v", key, got, want)
		}

		var out, errb bytes.Buffer
		if code := cli.Run(ctx, cliServices(), cli.Global{DB: path}, []string{"list", "--ref", key, "--json"}, &out, &errb); code != cli.ExitOK {
			t.Fatalf("list --ref %q: exit %d: %s", key, code, errb.String())
		}
		var listed []struct{ Number int }
		if err := json.Unmarshal(out.Bytes(), &listed); err != nil {
			t.Fatalf("list --ref %q --json: %v", key, err)
		}
		got := []int{}
		for _, l := range listed {
			got = append(got, l.Number)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: briefdesk list --ref selects %v, the tables %v", key, got, want)
		}

		if p, ok := presets[key]; ok {
			got, err := app.PresetResolutions(p, all)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("preset %s picks %v, the tables select %v for %s", p, got, want, key)
			}
			if key == "ITU-D SG2" && !slices.Contains(got, 50) {
				t.Errorf("ITU-D SG2 leaves out Res 50, which cites ITU-D Q3/2")
			}
		}
	}
	for key := range presets {
		if !keys[key] {
			t.Errorf("the corpus never cites %s: the preset check did not run", key)
		}
	}
}
