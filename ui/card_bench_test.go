package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// BenchmarkCard44 builds the card of Resolution 44 (42 clauses) and lays
// it out at 800 px in the test driver: new rows, a new docView with empty
// width caches, every row wrapped, the rows on screen built. Target: under
// 50 ms. With -benchtime 1x it measures the very first card, when Fyne has
// measured none of its strings yet.
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
	// The fonts are parsed before the first frame in the app too (Run).
	fyne.MeasureText("国", 14, fyne.TextStyle{})
	fyne.MeasureText("国", 14, fyne.TextStyle{Bold: true})
	r := c.byNum[44]
	var d *docView
	for b.Loop() {
		rows, _ := cardRows(cardInput{res: r, query: "发展中国家"}, "")
		d = newDocView(rows)
		w.SetContent(d)
	}
	// The layout really happened in the loop: every row was wrapped for
	// the window's width and the rows on screen were built and drawn.
	if d.width < 700 || len(d.laid) != len(d.rows) {
		b.Fatalf("card laid out at %g px for %d of %d rows", d.width, len(d.laid), len(d.rows))
	}
	n := 0
	for _, o := range d.list.objectsDrawn() {
		if rw, ok := o.(*rowWidget); ok && len(rw.objects) > 0 {
			n++
		}
	}
	if n < 5 {
		b.Fatalf("only %d rows drawn", n)
	}
}

// objectsDrawn walks what the list's renderer holds now, without laying
// anything out again (test.LaidOutObjects would).
func (l *rowList) objectsDrawn() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		out = append(out, o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(l)
	return out
}
