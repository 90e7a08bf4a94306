package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/seeds"
	"briefdesk/ui/cli"
	"briefdesk/ui/tables"
)

// TestCitesAgreeEverywhere: for every reference key in the corpus, the
// command line (briefdesk list --ref KEY, through main's own wiring), the
// database's filter, the tables' filter and the study-group presets select
// the same resolutions (the window's list filter is checked against the
// tables in ui's TestListFilterAgreesWithTables). ITU-D SG2 includes
// Res 50, which cites only its Question 3/2.
func TestCitesAgreeEverywhere(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "b.db")
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
