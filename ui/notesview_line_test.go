package ui

import (
	"testing"

	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TestNoteLineAuthorsLineUp: in rows with stance badges of different
// widths the author starts at the same x, and at the width of an 800 px
// window the clause reference is shown whole.
func TestNoteLineAuthorsLineUp(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(newTheme())
	const rowWidth = 776 // an 800 px window less the list's scroll bar and padding
	var whoX []float32
	for _, badge := range []string{"Watch", "Support · High priority", "No stance"} {
		where := &widget.Label{Text: "Resolution 58 · 责成 · instructs 2", TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
		who := &widget.Label{Text: "Maria Fernanda Gonzalez-Rodriguez (Dominican Republic)", Truncation: fyne.TextTruncateEllipsis}
		// A row this narrow shows "Show in resolution" as its arrow alone.
		right := container.NewHBox(widget.NewLabel("2026-12-07 07:46"), widget.NewButtonWithIcon("", theme.NavigateNextIcon(), nil))
		b := uiw.NewBadge()
		b.Set(badge, "primary")
		line := container.New(noteLineLayout{}, b.Object(), where, who, right)
		line.Resize(fyne.NewSize(rowWidth, line.MinSize().Height))
		whoX = append(whoX, who.Position().X)
		full := fyne.MeasureText(where.Text, where.Theme().Size("text"), where.TextStyle).Width
		if where.Size().Width < full {
			t.Errorf("badge %q: the reference gets %v, needs %v", badge, where.Size().Width, full)
		}
		if who.Position().X+who.Size().Width > right.Position().X {
			t.Errorf("badge %q: the author runs under the date", badge)
		}
		if who.Size().Width < 150 {
			t.Errorf("badge %q: the author gets only %v", badge, who.Size().Width)
		}
	}
	for _, x := range whoX[1:] {
		if x != whoX[0] {
			t.Errorf("authors start at %v: not lined up", whoX)
		}
	}
}
