package pdf

import (
	"bytes"
	"strings"
	"testing"

	"briefdesk/app"
)

// TestInTheRoom: clause IDs in the margin (optional), web addresses in
// notes as links, and the Res 44 title's footnote mark linked to its
// footnote.
func TestInTheRoom(t *testing.T) {
	const url = "https://www.itu.int/md/D22-SG01-C-0001/en"
	for _, ids := range []bool{false, true} {
		in := sampleInput(t)
		in.Pack.Options.ClauseIDs = ids
		in.Notes[0].Body = "见" + url + "。也见www.itu.int/go/wtsa（第44号决议）。"
		_, b, err := layOut(in)
		if err != nil {
			t.Fatal(err)
		}
		l := b.l
		printed := map[string]bool{}
		var urls []string
		fnLink := false
		for _, p := range l.pages {
			for _, o := range p.ops {
				switch {
				case o.kind == opText && o.st.color == marginStyle.color && o.st.size <= marginStyle.size && o.x+l.m.width(o.text, false, o.st.size) <= marginL:
					printed[o.text] = true
				case o.kind == opURL:
					urls = append(urls, o.text)
				case o.kind == opLink && o.anchor == fnAnchor(44, 1):
					fnLink = true
				}
			}
		}
		n := 0
		for _, r := range in.Resolutions {
			for _, c := range r.Clauses {
				n++
				if printed[c.ID] != ids {
					t.Errorf("ClauseIDs=%v: clause %s in the margin: %v", ids, c.ID, printed[c.ID])
				}
			}
		}
		if ids && len(printed) != n {
			t.Errorf("%d IDs in the margin for %d clauses", len(printed), n)
		}
		if strings.Join(urls, " ") != url+" www.itu.int/go/wtsa" {
			t.Errorf("links in the note: %q", urls)
		}
		if _, ok := l.anchors[fnAnchor(44, 1)]; !ok || !fnLink {
			t.Errorf("Res 44 title footnote: anchor %v, link %v", ok, fnLink)
		}
	}
	// In the file: the address is a URI action.
	in := sampleInput(t)
	in.Notes[0].Body = "见" + url + "。"
	var buf bytes.Buffer
	if err := Render(&buf, in); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("/URI ("+url+")")) {
		t.Error("the PDF has no link to the note's address")
	}
}

func TestURLRanges(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"见https://itu.int/a。然后", "https://itu.int/a"},
		{"see https://itu.int/a.", "https://itu.int/a"},
		{"(https://en.wikipedia.org/wiki/X_(y))", "https://en.wikipedia.org/wiki/X_(y)"},
		{"www.itu.int，和", "www.itu.int"},
		{"no address here", ""},
	} {
		var got []string
		for _, r := range urlRanges(c.in) {
			got = append(got, c.in[r[0]:r[1]])
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("urlRanges(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	_ = app.GapMark
}
