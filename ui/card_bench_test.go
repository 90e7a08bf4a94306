package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// BenchmarkCard44 builds the card of Resolution 44 (42 clauses) and lays
// it out at 800 px in the test driver, from a cold start each time: new
// rows, a new docView with empty width caches, the visible rows drawn.
// Target: under 50 ms.
func BenchmarkCard44(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(newTheme())
	db := openGUIDB(b)
	c, err := loadCorpus(context.Background(), guiServices(db))
	if err != nil {
		b.Fatal(err)
	}
	w := a.NewWindow("card")
	w.Resize(fyne.NewSize(800, 700))
	defer w.Close()
	r := c.byNum[44]
	for b.Loop() {
		rows, _ := cardRows(cardInput{res: r, query: "发展中国家"}, "")
		d := newDocView(rows)
		w.SetContent(d)
	}
	// The layout really happened: rows exist and are drawn.
	n := 0
	for _, o := range test.LaidOutObjects(w.Content()) {
		if rw, ok := o.(*rowWidget); ok && len(rw.objects) > 0 {
			n++
		}
	}
	if n < 5 {
		b.Fatalf("only %d rows drawn", n)
	}
}
