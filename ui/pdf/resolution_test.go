package pdf

import (
	"strings"
	"testing"

	"briefdesk/app"
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

// TestNoteOnMissingClause prints a note written on clause 44/instructs/99,
// which Res 44 does not have (any more): the pack says so plainly, and
// neither that the pack leaves the clause out nor that its text changed.
// A note on a clause the pack leaves out still says that.
func TestNoteOnMissingClause(t *testing.T) {
	in := sampleInput(t)
	in.Pack.Options.Clauses = app.ClausesITUD
	printed := map[string]bool{}
	for _, c := range keptClauses(in.Resolutions[0].Clauses, true) {
		printed[c.ID] = true
	}
	var dropped string
	for _, c := range in.Resolutions[0].Clauses {
		if !printed[c.ID] {
			dropped = c.ID
			break
		}
	}
	if dropped == "" {
		t.Fatal("the itu-d pack prints every clause of Res 44")
	}
	in.Notes = []app.Note{
		{ID: "gone", Resolution: 44, ClauseID: "44/instructs/99", Stance: app.StanceConcern, NeedsReanchor: true, Body: "GONE-NOTE"},
		{ID: "changed", Resolution: 44, ClauseID: dropped, Stance: app.StanceWatch, NeedsReanchor: true, Body: "CHANGED-NOTE"},
	}
	_, b, err := layOut(in)
	if err != nil {
		t.Fatal(err)
	}
	// Text of each note's box (from its header to the body) and of
	// "Our positions".
	box := map[string]string{}
	var cur string
	var positions []string
	for _, p := range b.l.pages {
		for _, o := range p.ops {
			if o.kind != opText {
				continue
			}
			switch {
			case p.section == "Our positions":
				positions = append(positions, o.text)
				continue
			case strings.HasPrefix(o.text, "CONCERN"):
				cur = "gone"
			case strings.HasPrefix(o.text, "WATCH"):
				cur = "changed"
			}
			if cur != "" {
				box[cur] += o.text + " "
			}
			if strings.HasSuffix(o.text, "-NOTE") {
				cur = ""
			}
		}
	}
	for _, c := range []struct {
		id         string
		want, lose []string
	}{
		{"gone", []string{"clause no longer exists", "Written on clause 44/instructs/99, which no longer exists in this resolution."},
			[]string{"does not print", "changed since written"}},
		{"changed", []string{"clause text changed since written", "which this pack does not print."},
			[]string{"no longer exists"}},
	} {
		for _, w := range c.want {
			if !strings.Contains(box[c.id], w) {
				t.Errorf("note %s: %q missing from %q", c.id, w, box[c.id])
			}
		}
		for _, w := range c.lose {
			if strings.Contains(box[c.id], w) {
				t.Errorf("note %s says %q: %q", c.id, w, box[c.id])
			}
		}
	}
	if p := strings.Join(positions, " "); !strings.Contains(p, "Resolution 44 · clause 44/instructs/99 (no longer exists)") {
		t.Errorf("Our positions does not say the clause is gone: %q", p)
	}
}
