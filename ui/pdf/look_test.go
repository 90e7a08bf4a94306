package pdf_test

import (
	"context"
	"os"
	"testing"

	"briefdesk/ui/pdf"
)

// TestLook writes the all-28 pack to $BRIEFDESK_PDF for a person to look at.
func TestLook(t *testing.T) {
	out := os.Getenv("BRIEFDESK_PDF")
	if out == "" {
		t.Skip("set BRIEFDESK_PDF to a file name to write the sample pack")
	}
	db := MustOpen(t)
	addNotes(t, db)
	p := allPack(t, db)
	if err := pdf.Export(context.Background(), db, db, &p, me, out); err != nil {
		t.Fatal(err)
	}
}
