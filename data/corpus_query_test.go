package data_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"briefdesk/app"
)

func TestResolutionsFilter(t *testing.T) {
	ctx := context.Background()
	c := realCorpus(t)
	db := mustImport(t, c)

	// want is the answer over the parsed corpus by app's rule
	// (Resolution.Cites), which the database must give too.
	want := func(f app.ResolutionFilter) []int {
		var out []int
		for i := range c.Resolutions {
			r := &c.Resolutions[i]
			if (f.Status == "" || r.Status == f.Status) && r.CitesAll(f.RefKeys) {
				out = append(out, r.Number)
			}
		}
		return out
	}
	for _, tc := range []struct {
		name string
		f    app.ResolutionFilter
		min  int // the document has at least this many
	}{
		{"All", app.ResolutionFilter{}, 28},
		{"New", app.ResolutionFilter{Status: app.StatusNew}, 1},
		{"Revised", app.ResolutionFilter{Status: app.StatusRevised}, 10},
		{"Unchanged", app.ResolutionFilter{Status: app.StatusUnchanged}, 1},
		{"OneKey", app.ResolutionFilter{RefKeys: []string{"BDT"}}, 10},
		{"TwoKeys", app.ResolutionFilter{RefKeys: []string{"BDT", "TSB"}}, 5},
		{"RepeatedKey", app.ResolutionFilter{RefKeys: []string{"BDT", " BDT "}}, 10},
		{"KeyAndStatus", app.ResolutionFilter{Status: app.StatusRevised, RefKeys: []string{"BDT"}}, 5},
		// Res 50 cites ITU-D Q3/2 only: the group is cited through it.
		{"StudyGroup", app.ResolutionFilter{RefKeys: []string{"ITU-D SG2"}}, 6},
		{"UnknownKey", app.ResolutionFilter{RefKeys: []string{"BDT", "No Such Thing"}}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs, err := db.Resolutions(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, r := range rs {
				got = append(got, r.Number)
				if r.Clauses != nil || r.Footnotes != nil {
					t.Fatalf("resolution %d has clauses or footnotes without Full", r.Number)
				}
				if r.Title == "" && r.TitleTable1 == "" || r.Summary == "" {
					t.Fatalf("resolution %d lacks its Table 1 fields", r.Number)
				}
			}
			f := tc.f
			f.RefKeys = nil
			for _, k := range tc.f.RefKeys {
				f.RefKeys = append(f.RefKeys, strings.TrimSpace(k))
			}
			if w := want(f); !slices.Equal(got, w) {
				t.Fatalf("got %v, want %v", got, w)
			}
			if len(got) < tc.min {
				t.Fatalf("only %d resolutions; the document has at least %d", len(got), tc.min)
			}
		})
	}
	if _, err := db.Resolutions(ctx, app.ResolutionFilter{Status: "draft"}); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("bad status: %v, want EINVALID", err)
	}
	for _, n := range []int{0, -1, 1, 10000} {
		if _, err := db.Resolution(ctx, n); app.ErrorCode(err) != app.ENOTFOUND {
			t.Fatalf("Resolution(%d): %v, want ENOTFOUND", n, err)
		}
	}
}

func TestEntities(t *testing.T) {
	ctx := context.Background()
	c := realCorpus(t)
	db := mustImport(t, c)
	all, err := db.Entities(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	// Every ref of the corpus is one of the citations, and nothing else is.
	type cite struct {
		kind app.RefKind
		key  string
		c    app.Citation
	}
	want := map[cite]bool{}
	for _, r := range c.Resolutions {
		for _, f := range r.Refs {
			want[cite{f.Kind, f.Key, app.Citation{Number: r.Number, ClauseID: f.ClauseID, Edition: f.Edition}}] = true
		}
	}
	got := map[cite]bool{}
	for i, e := range all {
		if i > 0 {
			prev := all[i-1]
			if app.CompareRefs(prev.Kind, prev.Key, e.Kind, e.Key) >= 0 {
				t.Fatalf("%s %q listed after %s %q", e.Kind, e.Key, prev.Kind, prev.Key)
			}
		}
		for j, ct := range e.Citations {
			k := cite{e.Kind, e.Key, ct}
			if got[k] {
				t.Fatalf("citation %+v listed twice", k)
			}
			got[k] = true
			if j > 0 && ct.Number < e.Citations[j-1].Number {
				t.Fatalf("%s: citations out of order: %+v", e.Key, e.Citations)
			}
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d citations, want %d", len(got), len(want))
	}
	for k := range want {
		if !got[k] {
			t.Fatalf("citation %+v missing", k)
		}
	}

	wtdc, err := db.Entities(ctx, app.RefWTDCResolution)
	if err != nil {
		t.Fatal(err)
	}
	if len(wtdc) == 0 {
		t.Fatal("no WTDC resolutions cited")
	}
	for _, e := range wtdc {
		if e.Kind != app.RefWTDCResolution {
			t.Fatalf("kind filter let %s %q through", e.Kind, e.Key)
		}
	}
	if _, err := db.Entities(ctx, "treaty"); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("unknown kind: %v, want EINVALID", err)
	}
}

func TestEntitiesNumericOrder(t *testing.T) {
	db := mustImport(t, handCorpus())
	es, err := db.Entities(context.Background(), app.RefWTDCResolution)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, e := range es {
		keys = append(keys, e.Key)
	}
	if want := []string{"WTDC Res 9", "WTDC Res 59"}; !slices.Equal(keys, want) {
		t.Fatalf("keys %v, want %v", keys, want)
	}
}
