package widget

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// box is a rectangle of a fixed minimum size.
func box(w, h float32) *canvas.Rectangle {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(fyne.NewSize(w, h))
	return r
}

// TestWrapRowsInColumn: a toolbar of three 100-wide controls takes one
// row when there is room and wraps into more when the window narrows; the
// column gives it the height of its rows and the list below the rest.
func TestWrapRowsInColumn(t *testing.T) {
	test.NewTempApp(t)
	pad := theme.Padding()
	for _, c := range []struct {
		width float32
		rows  int
	}{{400, 1}, {250, 2}, {150, 3}} {
		bar := container.New(&WrapRows{}, box(100, 20), box(100, 20), box(100, 20))
		list := box(10, 10)
		col := container.New(&Column{Fill: 1}, bar, list)
		col.Resize(fyne.NewSize(c.width, 300))
		barH := float32(c.rows)*20 + float32(c.rows-1)*pad
		if got := bar.Size().Height; got != barH {
			t.Errorf("width %v: toolbar %v tall, want %d rows (%v)", c.width, got, c.rows, barH)
		}
		if got, want := list.Position().Y, barH+pad; got != want {
			t.Errorf("width %v: list starts at %v, want %v", c.width, got, want)
		}
		if got, want := list.Size().Height, 300-barH-pad; got != want {
			t.Errorf("width %v: list %v tall, want the rest %v", c.width, got, want)
		}
		last := bar.Objects[2]
		if last.Position().X+last.Size().Width > c.width {
			t.Errorf("width %v: the last control ends at %v, past the edge", c.width, last.Position().X+last.Size().Width)
		}
	}
}

// TestPairGrid: the first column is as wide as the widest key, whatever
// row it is on.
func TestPairGrid(t *testing.T) {
	test.NewTempApp(t)
	k1, d1, k2, d2 := box(40, 10), box(50, 10), box(90, 30), box(50, 10)
	g := container.New(PairGrid{}, k1, d1, k2, d2)
	g.Resize(fyne.NewSize(300, 100))
	if d1.Position().X != 90 || d2.Position().X != 90 {
		t.Errorf("descriptions start at %v and %v, want 90", d1.Position().X, d2.Position().X)
	}
	if k2.Position().Y != 10 {
		t.Errorf("second row at %v, want 10", k2.Position().Y)
	}
	if m := g.MinSize(); m != fyne.NewSize(140, 40) {
		t.Errorf("MinSize %v, want 140x40", m)
	}
}
