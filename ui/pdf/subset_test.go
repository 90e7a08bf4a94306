package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"testing"
)

// TestSubsetTags renders two packs: the embedded fonts carry subset names
// ("ABCDEF+NotoSansSC-Regular"), the same pack gets the same tags and
// another pack (another subset) other tags, and the file's
// cross-reference table still points at every object.
func TestSubsetTags(t *testing.T) {
	name := regexp.MustCompile(`/BaseFont /([A-Z]{6})\+(NotoSansSC-(?:Regular|Bold))\s`)
	tags := func(in Input) (map[string]string, []byte) {
		t.Helper()
		var buf bytes.Buffer
		if err := Render(&buf, in); err != nil {
			t.Fatal(err)
		}
		pdf := buf.Bytes()
		checkXref(t, pdf)
		got := map[string]string{}
		for _, m := range name.FindAllSubmatch(pdf, -1) {
			got[string(m[2])] = string(m[1])
		}
		if len(got) != 2 || bytes.Contains(pdf, []byte("/utf8")) {
			t.Fatalf("font names: %v; want both faces named as subsets", got)
		}
		return got, pdf
	}
	in := sampleInput(t)
	a, pa := tags(in)
	b, pb := tags(in)
	if !bytes.Equal(pa, pb) || fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("the same pack gave different files or tags: %v, %v", a, b)
	}
	in.Resolutions = in.Resolutions[1:]
	c, _ := tags(in)
	if a["NotoSansSC-Regular"] == c["NotoSansSC-Regular"] || a["NotoSansSC-Bold"] == c["NotoSansSC-Bold"] {
		t.Errorf("different subsets share a tag: %v, %v", a, c)
	}
}

// checkXref fails t unless each object the cross-reference table lists
// starts at the offset it gives.
func checkXref(t *testing.T, pdf []byte) {
	t.Helper()
	i := bytes.LastIndex(pdf, []byte("startxref\n"))
	if i < 0 {
		t.Fatal("no startxref")
	}
	end := bytes.IndexByte(pdf[i+10:], '\n')
	at, err := strconv.Atoi(string(pdf[i+10 : i+10+end]))
	if err != nil || !bytes.HasPrefix(pdf[at:], []byte("xref\n0 ")) {
		t.Fatalf("startxref does not point at the xref table")
	}
	rest := pdf[at+len("xref\n0 "):]
	nl := bytes.IndexByte(rest, '\n')
	n, _ := strconv.Atoi(string(rest[:nl]))
	entries := rest[nl+1:]
	if n < 10 || len(entries) < 20*n {
		t.Fatalf("xref table of %d entries", n)
	}
	for obj := 1; obj < n; obj++ {
		e := entries[20*obj : 20*obj+20]
		if e[17] != 'n' {
			continue
		}
		off, _ := strconv.Atoi(string(e[:10]))
		if want := fmt.Sprintf("%d 0 obj", obj); !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("xref: object %d at %d reads %.12q", obj, off, pdf[off:])
		}
	}
}
