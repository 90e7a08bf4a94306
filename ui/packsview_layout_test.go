package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestPacksChecklistTitlesLineUp(t *testing.T) {
	f := newPacksFixture(t)
	test.Tap(f.v.newBtn)
	d := fyne.CurrentApp().Driver()
	var xs []float32
	for _, row := range f.v.ed.rows.Objects {
		for _, o := range row.(*fyne.Container).Objects {
			if l, ok := o.(*widget.Label); ok {
				xs = append(xs, d.AbsolutePositionForObject(l).X)
			}
		}
	}
	if len(xs) != len(f.rs) {
		t.Fatalf("%d titles for %d resolutions", len(xs), len(f.rs))
	}
	for i, x := range xs {
		if x != xs[0] {
			t.Errorf("title of row %d (Res %d) starts at x=%v, the first at %v", i, f.rs[i].Number, x, xs[0])
		}
	}
}

func TestPacksFitAnEightHundredPixelWindow(t *testing.T) {
	f := newPacksFixture(t)
	test.Tap(f.v.newBtn)
	f.win.Resize(fyne.NewSize(780, 560))
	if w := f.v.root.MinSize().Width; w > 780 {
		t.Errorf("the Packs screen needs %v px", w)
	}
	// Every button is on screen: the bars wrap rather than run off.
	d := fyne.CurrentApp().Driver()
	for _, b := range append([]*widget.Button{f.v.newBtn, f.v.dupBtn, f.v.delBtn, f.v.saveBtn, f.v.exportBtn}, f.v.ed.none) {
		if p := d.AbsolutePositionForObject(b); p.X+b.Size().Width > 781 || p.Y+b.Size().Height > 561 {
			t.Errorf("button %q lies at %v size %v, off the window", b.Text, p, b.Size())
		}
	}
}
