package widget

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// WrapRows places objects left to right at their minimum sizes and starts
// a new row when one is full, so a toolbar needs only the width of its
// widest control and a small window still shows every control.
//
// How many rows there are depends on the width, which a layout's MinSize
// is not told; Column asks HeightFor with the width it has. MinSize
// answers with the rows of the last layout. Use a new WrapRows per
// container.
type WrapRows struct {
	rows int
}

// MinSize is the widest object's width and the height of the rows of the
// last layout.
func (l *WrapRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := wrapRowsExtent(objs)
	rows := max(l.rows, 1)
	return fyne.NewSize(w, float32(rows)*h+float32(rows-1)*theme.Padding())
}

// wrapRowsExtent is the widest object's width and the tallest's height.
func wrapRowsExtent(objs []fyne.CanvasObject) (w, h float32) {
	for _, o := range objs {
		if o.Visible() {
			s := o.MinSize()
			w, h = max(w, s.Width), max(h, s.Height)
		}
	}
	return w, h
}

// place lays objs out in rows within width, moving them only if move is
// set, and returns the number of rows.
func (l *WrapRows) place(objs []fyne.CanvasObject, width float32, move bool) int {
	pad := theme.Padding()
	_, h := wrapRowsExtent(objs)
	x, y, rows := float32(0), float32(0), 1
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		s := o.MinSize()
		if x > 0 && x+s.Width > width {
			x, y = 0, y+h+pad
			rows++
		}
		if move {
			o.Move(fyne.NewPos(x, y+(h-s.Height)/2))
			o.Resize(s)
		}
		x += s.Width + pad
	}
	return rows
}

// HeightFor is the height the objects take laid out within width.
func (l *WrapRows) HeightFor(objs []fyne.CanvasObject, width float32) float32 {
	_, h := wrapRowsExtent(objs)
	rows := l.place(objs, width, false)
	return float32(rows)*h + float32(rows-1)*theme.Padding()
}

// Layout places the objects in rows within size.
func (l *WrapRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.rows = l.place(objs, size.Width, true)
}

// Column stacks objects top to bottom, full width, each at its minimum
// height, but for the one at index Fill, which takes the height left
// over. A container laid out by WrapRows gets the height its rows take at
// this width, so whatever is below moves down when a toolbar wraps (a
// Border or VBox would use the toolbar's MinSize, which is the height it
// had at its last width).
type Column struct{ Fill int }

func (l *Column) height(o fyne.CanvasObject, width float32) float32 {
	if c, ok := o.(*fyne.Container); ok {
		if w, ok := c.Layout.(*WrapRows); ok {
			return w.HeightFor(c.Objects, width)
		}
	}
	return o.MinSize().Height
}

// Layout stacks the objects within size.
func (l *Column) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	heights := make([]float32, len(objs))
	used, shown := float32(0), 0
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		shown++
		if i != l.Fill {
			heights[i] = l.height(o, size.Width)
			used += heights[i]
		}
	}
	if l.Fill >= 0 && l.Fill < len(objs) {
		heights[l.Fill] = max(size.Height-used-float32(max(shown-1, 0))*pad, 0)
	}
	y := float32(0)
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, heights[i]))
		y += heights[i] + pad
	}
}

// MinSize is the widest object's width and the sum of their heights.
func (l *Column) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	shown := 0
	for _, o := range objs {
		if o.Visible() {
			m := o.MinSize()
			s.Width = max(s.Width, m.Width)
			s.Height += m.Height
			shown++
		}
	}
	s.Height += float32(max(shown-1, 0)) * theme.Padding()
	return s
}

// Inset lays each object out with fixed insets: H left and right, V top
// and bottom.
type Inset struct{ H, V float32 }

// Layout places the objects inside the insets.
func (l *Inset) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(l.H, l.V))
		o.Resize(fyne.NewSize(size.Width-2*l.H, size.Height-2*l.V))
	}
}

// MinSize is the largest object's size plus the insets.
func (l *Inset) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s.Add(fyne.NewSize(2*l.H, 2*l.V))
}

// SizedStack is a stack layout that calls OnSized the first time it has
// a height, for work that needs the size of what it holds.
type SizedStack struct {
	OnSized func()
	done    bool
}

// Layout gives every object the whole size.
func (s *SizedStack) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
	if !s.done && size.Height > 0 {
		s.done = true
		s.OnSized()
	}
}

// MinSize is the largest object's size.
func (s *SizedStack) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// TightVBox stacks objects like a VBox but overlaps their padding, so a
// three-line row stays compact.
type TightVBox struct{}

func (t *TightVBox) pull() float32 { return theme.Padding() * 1.5 }

// Layout stacks the objects, each overlapping the padding of the one above.
func (t *TightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for i, o := range objs {
		h := o.MinSize().Height
		if i > 0 {
			y -= t.pull()
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
}

// MinSize is the widest object's width and the overlapped heights.
func (t *TightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		if i > 0 {
			s.Height -= t.pull()
		}
	}
	return s
}

// PairGrid lays out pairs of objects (keys and what they do, a term and
// its meaning) in two columns: the first as wide as the widest, the second
// taking the rest of the width (a wrapping label wraps there).
type PairGrid struct{}

func (PairGrid) keyWidth(objs []fyne.CanvasObject) float32 {
	var w float32
	for i := 0; i < len(objs); i += 2 {
		w = max(w, objs[i].MinSize().Width)
	}
	return w
}

// Layout places each pair on a row.
func (l PairGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	kw := l.keyWidth(objs)
	var y float32
	for i := 0; i+1 < len(objs); i += 2 {
		k, d := objs[i], objs[i+1]
		d.Resize(fyne.NewSize(size.Width-kw, d.MinSize().Height))
		h := max(k.MinSize().Height, d.MinSize().Height)
		k.Move(fyne.NewPos(0, y))
		k.Resize(fyne.NewSize(kw, k.MinSize().Height))
		d.Move(fyne.NewPos(kw, y))
		d.Resize(fyne.NewSize(size.Width-kw, h))
		y += h
	}
}

// MinSize is the widest pair and the rows' heights.
func (l PairGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	kw := l.keyWidth(objs)
	var h, dw float32
	for i := 0; i+1 < len(objs); i += 2 {
		h += max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
		dw = max(dw, objs[i+1].MinSize().Width)
	}
	return fyne.NewSize(kw+dw, h)
}
