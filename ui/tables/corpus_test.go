package tables

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/seeds"
)

var (
	corpusOnce sync.Once
	corpusRes  []app.Resolution
	corpusErr  error
)

// corpus returns the embedded corpus as the database gives it back: parsed,
// imported into a real SQLite file, read with clauses. Built once per run.
func corpus(t testing.TB) []app.Resolution {
	t.Helper()
	corpusOnce.Do(func() {
		ctx := context.Background()
		// The first caller's temp dir will do: the database is closed
		// before that test ends, and the resolutions live in memory.
		db, err := data.Open(ctx, filepath.Join(t.TempDir(), "briefdesk.db"))
		if err != nil {
			corpusErr = err
			return
		}
		defer db.Close()
		c, err := seeds.Default()
		if err != nil {
			corpusErr = err
			return
		}
		if _, err := db.Import(ctx, c); err != nil {
			corpusErr = err
			return
		}
		corpusRes, corpusErr = db.Resolutions(ctx, app.ResolutionFilter{Full: true})
	})
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return corpusRes
}

func find(rs []app.Resolution, n int) app.Resolution {
	for _, r := range rs {
		if r.Number == n {
			return r
		}
	}
	return app.Resolution{}
}

func TestCorpusOverview(t *testing.T) {
	rs := corpus(t)
	tab, err := Overview(rs, OverviewOptions{Columns: ids(OverviewColumns)})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(tab.Rows), 28; got != want {
		t.Fatalf("overview has %d rows, want %d", got, want)
	}
	// Every resolution has a title and a status; the derived columns are
	// not all empty.
	filled := map[string]bool{}
	for _, row := range tab.Rows {
		for i, c := range tab.Columns {
			if row[i] != "" && row[i] != "0" {
				filled[c.ID] = true
			}
		}
		if row[tab.Col(ColTitle)] == "" || row[tab.Col(ColStatus)] == "" {
			t.Errorf("row %q lacks a title or status", row[:2])
		}
	}
	for _, c := range tab.Columns {
		if !filled[c.ID] {
			t.Errorf("column %s is empty for every resolution", c.ID)
		}
	}
	csvGolden(t, "corpus_overview.csv", tab)
}

func TestCorpusOverviewSortNumbers(t *testing.T) {
	tab, err := Overview(corpus(t), OverviewOptions{Columns: []string{ColNumber}, SortBy: ColNumber, Desc: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.IsSortedFunc(tab.Res, func(a, b int) int { return b - a }) {
		t.Fatalf("numbers sorted descending: %v", tab.Res)
	}
}

func TestCorpusMatrix(t *testing.T) {
	rs := corpus(t)
	for _, kind := range app.RefKinds {
		t.Run(string(kind), func(t *testing.T) {
			m, err := NewMatrix(rs, kind)
			if err != nil {
				t.Fatal(err)
			}
			keys := slices.Clone(m.Keys)
			slices.SortFunc(keys, app.CompareRefKeys)
			if !slices.Equal(keys, m.Keys) {
				t.Fatalf("keys not in natural order: %q", m.Keys)
			}
			// Every citing clause in a cell exists in its resolution.
			for _, row := range m.Rows {
				r := find(rs, row.Number)
				for i, ids := range row.Cells {
					for _, id := range ids {
						if id != "" && !slices.ContainsFunc(r.Clauses, func(c app.Clause) bool { return c.ID == id }) {
							t.Errorf("Res %d x %s cites missing clause %q", row.Number, m.Keys[i], id)
						}
					}
				}
			}
			if kind == app.RefWTDCResolution || kind == app.RefRecommendation {
				csvGolden(t, "corpus_matrix_"+string(kind)+".csv", m.Table())
			}
		})
	}
	m, err := NewMatrix(rs, app.RefRecommendation)
	if err != nil {
		t.Fatal(err)
	}
	k := slices.Index(m.Keys, "ITU-T E.161.1")
	row := slices.IndexFunc(m.Rows, func(r MatrixRow) bool { return r.Number == 100 })
	if k < 0 || row < 0 || len(m.Rows[row].Cells[k]) == 0 {
		t.Fatalf("Res 100 x ITU-T E.161.1 not marked (keys %q)", m.Keys)
	}
	if id := m.Rows[row].Cells[k][0]; !strings.HasPrefix(id, "100/") {
		t.Fatalf("Res 100 x ITU-T E.161.1 cites %q", id)
	}
}

func TestCorpusSideBySide54And96(t *testing.T) {
	rs := corpus(t)
	s, err := NewSideBySide([]app.Resolution{find(rs, 54), find(rs, 96)})
	if err != nil {
		t.Fatal(err)
	}
	var instructs *SideRow
	for i, r := range s.Rows {
		if r.Section == "instructs" {
			if instructs != nil {
				t.Fatal("two instructs rows")
			}
			instructs = &s.Rows[i]
		}
	}
	if instructs == nil {
		t.Fatal("no instructs row")
	}
	for i, n := range []int{54, 96} {
		var want []string
		blocks := map[string]bool{}
		for _, c := range find(rs, n).Clauses {
			if c.Section == "instructs" {
				want = append(want, c.ID)
				blocks[strings.Split(c.ID, "/")[1]] = true
			}
		}
		var got []string
		for _, c := range instructs.Cells[i] {
			got = append(got, c.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("Res %d instructs=%q, want %q", n, got, want)
		}
		if len(blocks) < 2 {
			t.Errorf("Res %d: instructs blocks %v, want two 责成 blocks in one row", n, blocks)
		}
	}
	for i := 1; i < len(s.Rows); i++ {
		if app.SectionOrder(s.Rows[i-1].Section) > app.SectionOrder(s.Rows[i].Section) {
			t.Errorf("rows out of section order: %s before %s", s.Rows[i-1].Section, s.Rows[i].Section)
		}
	}
	csvGolden(t, "corpus_side_54_96.csv", s.Table())
}

func TestCorpusITUD(t *testing.T) {
	gs := ITUD(corpus(t))
	var ids []string
	for _, g := range gs {
		for _, c := range g.Clauses {
			if !c.AddressesITUD() {
				t.Errorf("%s listed but does not concern ITU-D", c.ID)
			}
			ids = append(ids, c.ID)
		}
	}
	if !slices.Contains(ids, "64/recognizing/d") {
		t.Fatalf("64/recognizing/d missing from %d ITU-D clauses", len(ids))
	}
	csvGolden(t, "corpus_itud.csv", ITUDTable(gs))
}

// csvGolden writes tab as CSV, checks it reads back intact (BOM, Chinese,
// line breaks) and compares it with the golden file.
func csvGolden(t *testing.T, name string, tab *Table) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteCSV(&b, tab); err != nil {
		t.Fatal(err)
	}
	recs := readCSV(t, b.Bytes())
	if !slices.Equal(recs[0], tab.Header()) || !slices.EqualFunc(recs[1:], tab.Rows, slices.Equal) {
		t.Fatalf("%s does not read back as written", name)
	}
	golden(t, name, b.Bytes())
}

func ids(cs []Column) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func BenchmarkBuildAll(b *testing.B) {
	rs := corpus(b)
	for b.Loop() {
		for _, n := range []string{NameOverview, NameITUD} {
			if _, err := Build(n, "", rs); err != nil {
				b.Fatal(err)
			}
		}
		for _, k := range app.RefKinds {
			if _, err := Build(NameMatrix, k, rs); err != nil {
				b.Fatal(err)
			}
		}
	}
}
