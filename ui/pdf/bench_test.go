package pdf_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"briefdesk/ui/pdf"
)

// BenchmarkExportAll is the whole export of the all-28 pack with notes,
// from the database to a file: gather, lay out, print, write, rename. It
// reports the file's pages and bytes.
func BenchmarkExportAll(b *testing.B) {
	ctx := context.Background()
	db := MustOpen(b)
	addNotes(b, db)
	p := allPack(b, db)
	path := filepath.Join(b.TempDir(), "all.pdf")
	b.ReportAllocs()
	for b.Loop() {
		if err := pdf.Export(ctx, db, db, &p, me, path); err != nil {
			b.Fatal(err)
		}
	}
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(fi.Size()), "bytes")
	b.ReportMetric(float64(len(bodyText(b, path))), "pages")
}

// BenchmarkRender is Render alone, data already gathered.
func BenchmarkRender(b *testing.B) {
	ctx := context.Background()
	db := MustOpen(b)
	addNotes(b, db)
	p := allPack(b, db)
	in, err := pdf.Gather(ctx, db, db, &p, me)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := pdf.Render(discard{}, in); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
