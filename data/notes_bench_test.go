package data_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/data"
	"briefdesk/data/briefnotes"
)

const benchNotes = 10_000

// benchFile is a .briefnotes file of 10,000 realistic notes spread over
// the corpus's clauses, and the database they fit.
func benchFile(b *testing.B) (template string, file []byte) {
	b.Helper()
	ctx := context.Background()
	template = filepath.Join(b.TempDir(), "template.db")
	db, err := data.Open(ctx, template)
	if err != nil {
		b.Fatal(err)
	}
	c := notesCorpus(b)
	if _, err := db.Import(ctx, c); err != nil {
		b.Fatal(err)
	}
	src, _ := db.Source(ctx)
	db.Close()

	var clauses []app.Clause
	for _, r := range c.Resolutions {
		clauses = append(clauses, r.Clauses...)
	}
	t0 := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	body := strings.Repeat("我国代表团支持该条款，建议电信发展局加强能力建设。", 5)
	f := briefnotes.File{ExportedAt: t0.Add(time.Hour), Corpus: src, Notes: make([]app.Note, benchNotes)}
	for i := range f.Notes {
		cl := clauses[i%len(clauses)]
		f.Notes[i] = app.Note{
			ID: fakeID(i), Resolution: cl.Resolution, ClauseID: cl.ID, ClauseHash: app.ClauseHash(cl.Text),
			Author: app.Author{Name: "Delegate", Delegation: "China"}, Body: fmt.Sprint(body, i),
			Stance: app.Stances[i%len(app.Stances)], Priority: i % 4, Tags: []string{"SG1", fmt.Sprint("t", i%7)},
			Created: t0.Add(time.Duration(i) * time.Millisecond), Updated: t0.Add(time.Duration(i) * time.Millisecond),
		}
	}
	var buf bytes.Buffer
	if err := briefnotes.Encode(&buf, f); err != nil {
		b.Fatal(err)
	}
	return template, buf.Bytes()
}

func reportNotes(b *testing.B) {
	b.ReportMetric(float64(benchNotes)*float64(b.N)/b.Elapsed().Seconds(), "notes/s")
}

// BenchmarkImportNotes imports 10,000 new notes into a fresh database:
// decode, checks, backup, merge. Target: under 1 s.
func BenchmarkImportNotes(b *testing.B) {
	template, file := benchFile(b)
	dir := b.TempDir()
	b.SetBytes(int64(len(file)))
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		p := filepath.Join(dir, fmt.Sprintf("i%d.db", i))
		copyFile(b, template, p)
		db, err := data.Open(context.Background(), p)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := db.ImportNotes(context.Background(), bytes.NewReader(file), "bench.briefnotes", false)
		b.StopTimer()
		if err != nil || res.Added != benchNotes {
			b.Fatalf("ImportNotes: %+v, %v", res, err)
		}
		db.Close()
		b.StartTimer()
	}
	reportNotes(b)
}

// BenchmarkImportNotesUnchanged imports the same 10,000 notes again: the
// merge finds nothing to do (the checks run; no backup is made).
func BenchmarkImportNotesUnchanged(b *testing.B) {
	db, file := importedBenchDB(b)
	b.ResetTimer()
	for range b.N {
		res, err := db.ImportNotes(context.Background(), bytes.NewReader(file), "bench.briefnotes", false)
		if err != nil || res.Unchanged != benchNotes {
			b.Fatalf("ImportNotes: %+v, %v", res, err)
		}
	}
	reportNotes(b)
}

// BenchmarkExportNotes exports 10,000 notes. Target: under 1 s.
func BenchmarkExportNotes(b *testing.B) {
	db, _ := importedBenchDB(b)
	b.ResetTimer()
	for range b.N {
		if err := db.ExportNotes(context.Background(), io.Discard, app.NoteFilter{}, app.Author{Name: "x"}, nil); err != nil {
			b.Fatal(err)
		}
	}
	reportNotes(b)
}

// BenchmarkDecode reads and checks the 10,000-note file alone.
func BenchmarkDecode(b *testing.B) {
	_, file := benchFile(b)
	b.SetBytes(int64(len(file)))
	b.ResetTimer()
	for range b.N {
		if _, err := briefnotes.Decode(bytes.NewReader(file)); err != nil {
			b.Fatal(err)
		}
	}
	reportNotes(b)
}

// importedBenchDB opens the benchmark database with its 10,000 notes
// imported, and returns it with the notes file.
func importedBenchDB(b *testing.B) (*data.DB, []byte) {
	b.Helper()
	template, file := benchFile(b)
	db, err := data.Open(context.Background(), template)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.ImportNotes(context.Background(), bytes.NewReader(file), "bench.briefnotes", false); err != nil {
		b.Fatal(err)
	}
	return db, file
}
