package pdf

import (
	"strings"
	"testing"
)

// TestTitleFootnoteMark checks Res 44 of the real corpus, whose title
// carries footnote 1: a small raised "1" follows the title's last line,
// inside the margin, and the same mark starts the footnote.
func TestTitleFootnoteMark(t *testing.T) {
	_, b, err := layOut(sampleInput(t))
	if err != nil {
		t.Fatal(err)
	}
	p := b.l.pages[b.l.anchors[resAnchor(44)].page]
	var title, mark *op
	var footMarks []op
	var footnote op
	for i, o := range p.ops {
		if o.kind != opText {
			continue
		}
		switch {
		case o.st.size == 13 && o.st.bold:
			title, mark = &p.ops[i], nil
		case title != nil && mark == nil && o.text == "1" && o.st.size < 13:
			mark = &p.ops[i]
		}
	}
	for _, p := range b.l.pages {
		for i, o := range p.ops {
			if p.section == "Resolution 44" && o.kind == opText && strings.HasPrefix(o.text, "其中包括最不发达国家") {
				footnote = o
				if i > 0 {
					footMarks = append(footMarks, p.ops[i-1])
				}
			}
		}
	}
	if title == nil || mark == nil {
		t.Fatalf("no footnote mark after the title of Res 44")
	}
	if end := title.x + b.l.m.width(title.text, true, 13); mark.x < end || mark.x > end+1.5 {
		t.Errorf("mark at x=%.1f, the title ends at %.1f", mark.x, end)
	}
	if mark.y >= title.y || mark.y < title.y-3 {
		t.Errorf("mark at y=%.1f, title baseline %.1f: not raised beside it", mark.y, title.y)
	}
	if mark.x+b.l.m.width("1", true, mark.st.size) > marginL+bodyW {
		t.Errorf("mark runs past the margin")
	}
	if footnote.text == "" || len(footMarks) != 1 || footMarks[0].text != "1" || footMarks[0].st != mark.st || footMarks[0].x >= footnote.x {
		t.Errorf("footnote %q does not start with the title's mark: %+v", footnote.text, footMarks)
	}
}
