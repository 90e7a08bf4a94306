package pdf

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"briefdesk/app"
)

// positionsInput is the sample pack with k short notes of support and one
// note of concern with the body given, all on Res 44.
func positionsInput(t *testing.T, k int, concern string) Input {
	in := sampleInput(t)
	day := time.Date(2026, 4, 20, 0, 0, 0, 0, time.UTC)
	r44 := in.Resolutions[0]
	in.Notes = nil
	for i := range k {
		in.Notes = append(in.Notes, app.Note{ID: fmt.Sprintf("s%02d", i), Resolution: 44, ClauseID: r44.Clauses[i%len(r44.Clauses)].ID,
			Stance: app.StanceSupport, Created: day, Author: app.Author{Name: "Li Wei"}, Body: fmt.Sprintf("Support %d.", i)})
	}
	in.Notes = append(in.Notes, app.Note{ID: "c", Resolution: 44, ClauseID: r44.Clauses[2].ID, Stance: app.StanceConcern,
		Created: day.Add(time.Hour), Author: app.Author{Name: "Ana"}, Body: concern})
	return in
}

// TestPositionsHeadingKept moves the "Concern" heading down the page, one
// entry of support at a time: it never stays alone at the foot of a page
// while its first entry, a long one, starts the next.
func TestPositionsHeadingKept(t *testing.T) {
	body := strings.Repeat("CONCERN about the funding of the programme. ", 30)
	for k := range 34 {
		_, b, err := layOut(positionsInput(t, k, body))
		if err != nil {
			t.Fatal(err)
		}
		head, first := -1, -1
		for i, p := range b.l.pages {
			for _, o := range p.ops {
				if o.kind != opText {
					continue
				}
				if o.text == "Concern (1)" {
					head = i
				}
				if first < 0 && strings.HasPrefix(o.text, "CONCERN about") {
					first = i
				}
			}
		}
		if head < 0 || first < 0 {
			t.Fatalf("%d notes of support: heading on page %d, entry on page %d", k, head+1, first+1)
		}
		if head != first {
			t.Errorf("%d notes of support: heading on page %d, its first entry on page %d", k, head+1, first+1)
		}
		checkStanceBars(t, b)
	}
}

// TestPositionsLongNote puts a 64 KB note in the pack: "Our positions"
// prints its first lines and the page of the full note, which is printed
// beside its clause.
func TestPositionsLongNote(t *testing.T) {
	body := strings.Repeat("很长的注释，说明我们的立场。Long note. ", 64<<10/50)
	_, b, err := layOut(positionsInput(t, 3, body))
	if err != nil {
		t.Fatal(err)
	}
	var posPages, lines int
	var more []string
	for _, p := range b.l.pages {
		if p.section != "Our positions" {
			continue
		}
		posPages++
		for _, o := range p.ops {
			if o.kind == opText && strings.HasPrefix(body, strings.TrimSuffix(o.text, "…")) && o.x == posX {
				lines++
			}
			if o.kind == opPageText && o.anchor == "note:c" {
				more = append(more, fmt.Sprintf(o.text, fmt.Sprint(b.l.anchors[o.anchor].page+1)))
			}
		}
	}
	if posPages != 1 {
		t.Errorf("Our positions takes %d pages, want 1", posPages)
	}
	if lines == 0 || lines > positionLines {
		t.Errorf("Our positions prints %d lines of the long note, want 1 to %d", lines, positionLines)
	}
	note := b.l.anchors["note:c"].page
	if want := fmt.Sprintf("(full note on p. %d)", note+1); len(more) != 1 || more[0] != want {
		t.Errorf("pointer to the full note %q, want %q", more, want)
	}
	if s := b.l.pages[note].section; s != "Resolution 44" {
		t.Errorf("the full note is on a page of %q", s)
	}
	checkStanceBars(t, b)
}

// checkStanceBars fails t for a line of an entry in "Our positions" with
// no stance bar beside it on its page.
func checkStanceBars(t *testing.T, b *builder) {
	t.Helper()
	for i, p := range b.l.pages {
		if p.section != "Our positions" {
			continue
		}
		for _, o := range p.ops {
			if o.kind != opText || o.x != posX {
				continue
			}
			barred := false
			for _, r := range p.ops {
				if r.kind == opRect && r.x == marginL && r.w == 1 && r.y <= o.y && o.y <= r.y+r.h+1 {
					barred = true
				}
			}
			if !barred {
				t.Errorf("page %d: %.30q has no stance bar beside it", i+1, o.text)
			}
		}
	}
}
