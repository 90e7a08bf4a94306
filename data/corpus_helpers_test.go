package data_test

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/seeds"
)

// realCorpus parses the embedded source document.
// corpusFile writes a closed database file holding the real corpus, for
// tests that reopen, spoil or copy it, and returns its path.
func corpusFile(tb testing.TB, name string) string {
	tb.Helper()
	ctx := context.Background()
	p := filepath.Join(tb.TempDir(), name)
	db, err := data.Open(ctx, p)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := db.Import(ctx, realCorpus(tb)); err != nil {
		tb.Fatal(err)
	}
	if err := db.Close(); err != nil {
		tb.Fatal(err)
	}
	return p
}

func realCorpus(tb testing.TB) *app.Corpus {
	tb.Helper()
	c, err := seeds.Default()
	if err != nil {
		tb.Fatalf("seeds.Default: %v", err)
	}
	return c
}

// mustImport opens a fresh database holding c.
func mustImport(tb testing.TB, c *app.Corpus) *data.DB {
	tb.Helper()
	db := MustOpen(tb)
	if _, err := db.Import(context.Background(), c); err != nil {
		tb.Fatalf("Import: %v", err)
	}
	return db
}

// handCorpus is a small corpus written out in full, for tests that need to
// know every row.
func handCorpus() *app.Corpus {
	return &app.Corpus{
		Source: app.Source{Name: "hand.txt", Fingerprint: "f00d", Title: "手写语料"},
		Overview: []app.OverviewSection{
			{Title: "引言", Paragraphs: []app.Paragraph{{Text: "世界电信标准化全会在日内瓦召开。"}, {Text: "要点", Bullet: true}}},
			{Title: "结论"},
		},
		Resolutions: []app.Resolution{
			{
				Number: 9, Status: app.StatusNew, Title: "量子密钥分发", TitleTable1: "量子密钥分发网络", Summary: "请ITU-D第2研究组协作。\n第二段。",
				Clauses: []app.Clause{
					{ID: "9/resolves/1", Resolution: 9, Seq: 0, Section: "resolves", Heading: "做出决议", Label: "1", Text: "支持发展中国家部署IPv6过渡。"},
					{ID: "9/instructs/1", Resolution: 9, Seq: 1, Section: "instructs", Heading: "责成", Addressee: "电信发展局主任", Label: "1", Text: "根据ITU-T E.161.1建议书实施通用应急号码。"},
				},
				Footnotes: []app.Footnote{{N: 1, Text: "包括最不发达国家。", Anchor: "title"}},
				Refs: []app.Ref{
					{Kind: app.RefITUDSG, Key: "ITU-D SG2", Text: "ITU-D第2研究组"},
					{Kind: app.RefRecommendation, Key: "ITU-T E.161.1", ClauseID: "9/instructs/1", Text: "ITU-T E.161.1"},
					{Kind: app.RefWTDCResolution, Key: "WTDC Res 59", Edition: "2017年，布宜诺斯艾利斯，修订版", ClauseID: "9/resolves/1"},
				},
			},
			{
				Number: 59, Status: app.StatusUnchanged, Title: "抵制和打击垃圾信息", Summary: "垃圾信息。",
				Clauses: []app.Clause{
					{ID: "59/recalling/a", Resolution: 59, Seq: 0, Section: "recalling", Heading: "忆及", Label: "a)", Text: "第3/2号课题与第14-3/2号课题。"},
				},
				Refs: []app.Ref{
					{Kind: app.RefWTDCResolution, Key: "WTDC Res 9", ClauseID: "59/recalling/a"},
					{Kind: app.RefITUDQuestion, Key: "ITU-D Q3/2", ClauseID: "59/recalling/a"},
					{Kind: app.RefITUDSG, Key: "ITU-D SG2", ClauseID: "59/recalling/a"},
				},
			},
		},
	}
}

// dump returns every row of every table of db, FTS5 shadow tables
// included, as text: two equal dumps mean nothing was written.
func dump(tb testing.TB, db *sql.DB) string {
	tb.Helper()
	rows, err := db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
	if err != nil {
		tb.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	var b strings.Builder
	for _, t := range tables {
		fmt.Fprintf(&b, "== %s\n", t)
		rs, err := db.Query(fmt.Sprintf("SELECT * FROM %q ORDER BY 1, 2", t))
		if err != nil {
			rs, err = db.Query(fmt.Sprintf("SELECT * FROM %q ORDER BY 1", t))
		}
		if err != nil {
			tb.Fatal(err)
		}
		cols, _ := rs.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rs.Next() {
			if err := rs.Scan(ptrs...); err != nil {
				tb.Fatal(err)
			}
			fmt.Fprintf(&b, "%q\n", vals)
		}
		rs.Close()
	}
	return b.String()
}

// resolutionSet is a set of resolution numbers, printed sorted.
type resolutionSet map[int]bool

func (s resolutionSet) String() string {
	return fmt.Sprint(slices.Sorted(maps.Keys(s)))
}

// passageTexts lists the texts Search looks in for r.
func passageTexts(r *app.Resolution) []string {
	ts := []string{r.Title, r.TitleTable1, r.Summary}
	for _, c := range r.Clauses {
		ts = append(ts, c.Heading, c.Addressee, c.Text)
	}
	for _, f := range r.Footnotes {
		ts = append(ts, f.Text)
	}
	return ts
}
