package data_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/seeds"
)

var (
	seedOnce   sync.Once
	seedCorpus *app.Corpus
	seedErr    error
)

// notesCorpus is the real corpus, parsed once per test binary. Callers
// that change it must copy what they change (see alteredCorpus).
func notesCorpus(tb testing.TB) *app.Corpus {
	tb.Helper()
	seedOnce.Do(func() { seedCorpus, seedErr = seeds.Default() })
	if seedErr != nil {
		tb.Fatalf("seeds.Default: %v", seedErr)
	}
	return seedCorpus
}

// notesDB opens a fresh database holding the real corpus, with a clock
// that starts at a fixed time and moves one second per reading.
func notesDB(tb testing.TB) *data.DB {
	tb.Helper()
	db := MustOpen(tb)
	if _, err := db.Import(context.Background(), notesCorpus(tb)); err != nil {
		tb.Fatalf("Import: %v", err)
	}
	db.Now = tickClock(time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC))
	return db
}

func tickClock(start time.Time) func() time.Time {
	var mu sync.Mutex
	t := start
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Second)
		return t
	}
}

// twoClauses returns a resolution of the real corpus with at least two
// clauses, and two of them.
func twoClauses(tb testing.TB) (int, app.Clause, app.Clause) {
	tb.Helper()
	for _, r := range notesCorpus(tb).Resolutions {
		if len(r.Clauses) >= 2 {
			return r.Number, r.Clauses[0], r.Clauses[1]
		}
	}
	tb.Fatal("no resolution with two clauses in the corpus")
	return 0, app.Clause{}, app.Clause{}
}

// alteredCorpus copies the real corpus with a new fingerprint, and lets
// edit change the copy's clauses of resolution res.
func alteredCorpus(tb testing.TB, fingerprint string, res int, edit func([]app.Clause) []app.Clause) *app.Corpus {
	tb.Helper()
	c := *notesCorpus(tb)
	c.Source.Fingerprint = fingerprint
	c.Resolutions = append([]app.Resolution(nil), c.Resolutions...)
	for i := range c.Resolutions {
		if c.Resolutions[i].Number == res {
			r := &c.Resolutions[i]
			r.Clauses = edit(append([]app.Clause(nil), r.Clauses...))
			// References and footnotes of a removed clause go with it.
			kept := map[string]bool{"": true, "title": true}
			for _, cl := range r.Clauses {
				kept[cl.ID] = true
			}
			var refs []app.Ref
			for _, x := range r.Refs {
				if kept[x.ClauseID] {
					refs = append(refs, x)
				}
			}
			var feet []app.Footnote
			for _, f := range r.Footnotes {
				if kept[f.Anchor] {
					feet = append(feet, f)
				}
			}
			r.Refs, r.Footnotes = refs, feet
		}
	}
	return &c
}

func mustSave(tb testing.TB, db *data.DB, n app.Note) app.Note {
	tb.Helper()
	if err := db.SaveNote(context.Background(), &n); err != nil {
		tb.Fatalf("SaveNote: %v", err)
	}
	return n
}

func mustExport(tb testing.TB, db *data.DB, f app.NoteFilter) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := db.ExportNotes(context.Background(), &buf, f, app.Author{Name: "Exporter"}, nil); err != nil {
		tb.Fatalf("ExportNotes: %v", err)
	}
	return buf.Bytes()
}

func importData(db *data.DB, b []byte, name string, dry bool) (app.ImportResult, error) {
	return db.ImportNotes(context.Background(), bytes.NewReader(b), name, dry)
}

func mustImportNotes(tb testing.TB, db *data.DB, b []byte, name string) app.ImportResult {
	tb.Helper()
	res, err := importData(db, b, name, false)
	if err != nil {
		tb.Fatalf("ImportNotes: %v", err)
	}
	return res
}

// noteRows dumps the notes and conflicts tables: equal dumps mean no note
// was written.
func noteRows(tb testing.TB, db *sql.DB) string {
	tb.Helper()
	var b strings.Builder
	for _, table := range []string{"notes", "note_conflicts"} {
		rows, err := db.Query("SELECT * FROM " + table)
		if err != nil {
			tb.Fatal(err)
		}
		cols, _ := rows.Columns()
		var lines []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				tb.Fatal(err)
			}
			lines = append(lines, fmt.Sprintf("%q", vals))
		}
		rows.Close()
		sort.Strings(lines)
		fmt.Fprintf(&b, "== %s (%d)\n%s\n", table, len(lines), strings.Join(lines, "\n"))
	}
	return b.String()
}

// fileBytes hashes the database file and its write-ahead log: equal
// hashes mean not one byte was written.
func fileBytes(tb testing.TB, db *data.DB) string {
	tb.Helper()
	h := sha256.New()
	for _, p := range []string{db.Path(), db.Path() + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			tb.Fatal(err)
		}
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func noteIDs(notes []app.Note) string {
	ids := make([]string, len(notes))
	for i, n := range notes {
		ids[i] = n.ID
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

func wantCode(tb testing.TB, err error, code string, words ...string) {
	tb.Helper()
	if got := app.ErrorCode(err); got != code {
		tb.Fatalf("code=%q (%v), want %q", got, err, code)
	}
	for _, w := range words {
		if !strings.Contains(app.ErrorMessage(err), w) {
			tb.Errorf("message %q does not say %q", app.ErrorMessage(err), w)
		}
	}
}
