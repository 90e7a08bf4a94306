package widget

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestClampLines: a text is cut to maxLines lines, each within the width,
// the last ending in "…" exactly when something was left out, and no line
// starts with closing punctuation (kinsoku, from ui/wrap).
func TestClampLines(t *testing.T) {
	test.NewTempApp(t)
	m := NewMeasurer(14)
	long := strings.Repeat("发展中国家的电信发展，尤其是最不发达国家。", 20)
	for _, c := range []struct {
		name     string
		text     string
		maxLines int
		cut      bool
	}{
		{"short", "第44号决议", 3, false},
		{"long", long, 3, true},
		{"one line", long, 1, true},
		{"beyond clampedRunes", strings.Repeat("字", 2*clampedRunes), 1000, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			avail := float32(200)
			lines := ClampLines(c.text, avail, c.maxLines, m)
			if len(lines) == 0 || len(lines) > c.maxLines {
				t.Fatalf("%d lines, want 1 to %d", len(lines), c.maxLines)
			}
			for i, l := range lines {
				if w := m.Width(l); w > avail {
					t.Errorf("line %d %q is %v wide, more than %v", i, l, w, avail)
				}
				if strings.HasPrefix(l, "，") || strings.HasPrefix(l, "。") {
					t.Errorf("line %d starts with closing punctuation: %q", i, l)
				}
			}
			if got := strings.HasSuffix(lines[len(lines)-1], "…"); got != c.cut {
				t.Errorf("ends in …: %v, want %v (%q)", got, c.cut, lines)
			}
			if n := ClampedLinesNeeded(c.text, avail, c.maxLines, m); n != len(lines) {
				t.Errorf("ClampedLinesNeeded %d, ClampLines gave %d", n, len(lines))
			}
		})
	}
}

// TestClampedTextHeight: the widget is minLines tall whatever its text,
// and shows at most maxLines lines at its width.
func TestClampedTextHeight(t *testing.T) {
	test.NewTempApp(t)
	m := NewMeasurer(14)
	c := NewClampedText(m, 2, 3)
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(300, 200))
	c.Resize(fyne.NewSize(200, c.MinSize().Height))
	if got, want := c.MinSize().Height, ClampedHeight(m, 2); got != want {
		t.Errorf("empty: %v tall, want two lines' %v", got, want)
	}
	c.SetText(strings.Repeat("电信发展", 50))
	if got, want := c.MinSize().Height, ClampedHeight(m, 2); got != want {
		t.Errorf("long text: MinSize %v tall, want %v", got, want)
	}
	if n := len(c.Lines()); n != 3 {
		t.Errorf("long text shows %d lines, want 3", n)
	}
	c.SetMaxLines(1)
	c.Refresh()
	if n := len(c.Lines()); n != 1 {
		t.Errorf("after SetMaxLines(1): %d lines", n)
	}
}
