package cli

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"briefdesk/app"
)

var sharedOnce sync.Once

// readDB is the shared database, made on first use, for tests that only
// read.
func readDB(t testing.TB) string {
	t.Helper()
	var err error
	sharedOnce.Do(func() {
		db, e := testServices.Open(t.Context(), sharedDB)
		if e == nil {
			e = db.Close()
		}
		err = e
	})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return sharedDB
}

// runJSON runs a command that must succeed and decodes its JSON output.
func runJSON(t *testing.T, v any, args ...string) {
	t.Helper()
	code, stdout, stderr := run(t, args...)
	if code != ExitOK {
		t.Fatalf("%q: exit %d, stderr %q", args, code, stderr)
	}
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%q: output is not the expected JSON: %v\n%s", args, err, stdout)
	}
}

func TestListJSON(t *testing.T) {
	db := readDB(t)
	var all []resJSON
	runJSON(t, &all, "--db", db, "list", "--json")
	if len(all) != 28 {
		t.Fatalf("list has %d resolutions, want 28", len(all))
	}
	for _, r := range all {
		if r.Number <= 0 || r.Title == "" || !r.Status.Valid() || r.Summary == "" {
			t.Errorf("incomplete entry %+v", r)
		}
	}
	if !slices.IsSortedFunc(all, func(a, b resJSON) int { return a.Number - b.Number }) {
		t.Errorf("list is not in number order")
	}

	counts := 0
	for _, st := range []string{"new", "revised", "unchanged"} {
		var rs []resJSON
		// The option after "--json" checks interspersed parsing as well.
		runJSON(t, &rs, "--db", db, "list", "--json", "--status", st)
		for _, r := range rs {
			if string(r.Status) != st {
				t.Errorf("--status %s listed %d with status %s", st, r.Number, r.Status)
			}
		}
		counts += len(rs)
	}
	if counts != 28 {
		t.Errorf("the three statuses list %d resolutions together, want 28", counts)
	}

	var cites []resJSON
	runJSON(t, &cites, "--db", db, "list", "--ref", "WTDC Res 59", "--json")
	if len(cites) == 0 || len(cites) == 28 {
		t.Fatalf("--ref \"WTDC Res 59\" selected %d resolutions", len(cites))
	}
	for _, r := range cites {
		var s showJSON
		runJSON(t, &s, "--db", db, "show", "--json", strconv.Itoa(r.Number))
		if !slices.ContainsFunc(s.Refs, func(x refJSON) bool { return x.Key == "WTDC Res 59" }) {
			t.Errorf("resolution %d was listed for WTDC Res 59 but does not cite it", r.Number)
		}
	}
}

func TestListText(t *testing.T) {
	db := readDB(t)
	for _, lang := range []string{"en", "zh"} {
		code, stdout, stderr := run(t, "--db", db, "--lang", lang, "list")
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
		if len(lines) != 29 {
			t.Fatalf("%s: %d lines, want a header and 28 rows:\n%s", lang, len(lines), stdout)
		}
		// Every title starts in the same display column.
		col := -1
		for _, l := range lines[1:] {
			f := strings.Fields(l)
			at := strings.Index(l, f[2])
			if c := stringWidth(l[:at]); col == -1 {
				col = c
			} else if c != col {
				t.Errorf("%s: title at column %d, want %d: %q", lang, c, col, l)
			}
		}
		if lang == "zh" && !strings.Contains(stdout, "修订版") {
			t.Errorf("zh output lacks 修订版:\n%s", stdout)
		}
	}
}

func TestShow(t *testing.T) {
	db := readDB(t)
	var s showJSON
	runJSON(t, &s, "--db", db, "show", "44", "--json")
	if s.Number != 44 || s.Title == "" || !s.Status.Valid() || s.Summary == "" {
		t.Fatalf("show 44 = %+v", s)
	}
	if len(s.Clauses) < 10 {
		t.Fatalf("show 44 has %d clauses", len(s.Clauses))
	}
	ids := map[string]bool{}
	for _, c := range s.Clauses {
		if !strings.HasPrefix(c.ID, "44/") || ids[c.ID] {
			t.Errorf("bad or repeated clause id %q", c.ID)
		}
		ids[c.ID] = true
		if _, ok := app.SectionByKey(c.Section); !ok || c.Text == "" || c.Depth < 0 {
			t.Errorf("bad clause %+v", c)
		}
	}
	if len(s.Footnotes) == 0 {
		t.Errorf("show 44 has no footnotes; its title carries one")
	}
	for _, r := range s.Refs {
		if !r.Kind.Valid() || r.Key == "" || (r.ClauseID != "" && !ids[r.ClauseID]) {
			t.Errorf("bad ref %+v", r)
		}
	}

	var again showJSON
	runJSON(t, &again, "--db", db, "show", "--json", "Res 44")
	if again.Number != 44 || len(again.Clauses) != len(s.Clauses) {
		t.Errorf(`show "Res 44" differs from show 44`)
	}

	code, stdout, stderr := run(t, "--db", db, "show", "44", "--ids")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Resolution 44", s.Title, "[" + s.Clauses[0].ID + "]", s.Clauses[len(s.Clauses)-1].Text[:9], "Footnotes"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("text card lacks %q", want)
		}
	}
}

func TestShowFailures(t *testing.T) {
	db := readDB(t)
	code, stdout, stderr := run(t, "--db", db, "show", "999")
	if code != ExitFailure || stdout != "" || !strings.Contains(stderr, "999") {
		t.Errorf("show 999: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestSearch(t *testing.T) {
	db := readDB(t)
	var hits []hitJSON
	runJSON(t, &hits, "--db", db, "search", "电磁", "--json")
	i := slices.IndexFunc(hits, func(h hitJSON) bool { return h.Number == 72 })
	if i < 0 {
		t.Fatalf("search 电磁 does not find 72: %+v", hits)
	}
	if h := hits[i]; h.Title == "" || !strings.Contains(h.Snippet, app.MarkOpen+"电磁") {
		t.Errorf("hit for 72 = %+v", h)
	}
	for j := 1; j < len(hits); j++ {
		if hits[j].Score > hits[j-1].Score {
			t.Errorf("hits not ranked best first: %v then %v", hits[j-1].Score, hits[j].Score)
		}
	}

	var one []hitJSON
	runJSON(t, &one, "--db", db, "search", "--limit", "1", "--json", "国际电联")
	if len(one) != 1 {
		t.Errorf("--limit 1 gave %d hits", len(one))
	}

	code, stdout, _ := run(t, "--db", db, "search", "电磁")
	if code != ExitOK || !strings.Contains(stdout, "72") || !strings.Contains(stdout, "«电磁»") {
		t.Errorf("text search output:\n%s", stdout)
	}
	var none []hitJSON
	runJSON(t, &none, "--db", db, "search", "--json", "zzzqqq")
	if none == nil || len(none) != 0 {
		t.Errorf("a search with no hits should give [], got %v", none)
	}
}

func TestRefs(t *testing.T) {
	db := readDB(t)
	var ents []entityJSON
	runJSON(t, &ents, "--db", db, "refs", "--kind", "wtdc-resolution", "--json")
	i := slices.IndexFunc(ents, func(e entityJSON) bool { return e.Key == "WTDC Res 59" })
	if i < 0 {
		t.Fatalf("refs --kind wtdc-resolution lacks WTDC Res 59")
	}
	for _, e := range ents {
		if e.Kind != app.RefWTDCResolution || len(e.Resolutions) == 0 || len(e.Citations) < len(e.Resolutions) {
			t.Errorf("bad entity %+v", e)
		}
	}
	var all []entityJSON
	runJSON(t, &all, "--db", db, "refs", "--json")
	if len(all) <= len(ents) {
		t.Errorf("refs without --kind gave %d entities, --kind wtdc-resolution %d", len(all), len(ents))
	}
	code, stdout, _ := run(t, "--db", db, "refs", "--kind", "wtdc-resolution")
	if code != ExitOK || !strings.Contains(stdout, "WTDC Res 59") || !strings.Contains(stdout, "WTDC resolutions") {
		t.Errorf("text refs output:\n%s", stdout)
	}
}

func TestOverview(t *testing.T) {
	db := readDB(t)
	var ov overviewJSON
	runJSON(t, &ov, "--db", db, "overview", "--json")
	if len(ov.Sections) < 5 || ov.Source.Fingerprint == "" {
		t.Fatalf("overview = %+v", ov)
	}
	paras := 0
	for _, s := range ov.Sections {
		if s.Title == "" {
			t.Errorf("untitled overview section %+v", s)
		}
		paras += len(s.Paragraphs)
		if s.Paragraphs == nil {
			t.Errorf("section %s: paragraphs is null, want []", s.Title)
		}
	}
	if paras < len(ov.Sections) {
		t.Errorf("%d paragraphs in %d sections", paras, len(ov.Sections))
	}
	code, stdout, _ := run(t, "--db", db, "overview")
	if code != ExitOK || !strings.Contains(stdout, ov.Sections[0].Title) {
		t.Errorf("text overview:\n%s", stdout)
	}
}
