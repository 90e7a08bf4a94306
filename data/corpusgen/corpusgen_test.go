package corpusgen_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data/corpusgen"
)

func base() *app.Corpus {
	c := &app.Corpus{Source: app.Source{Name: "base.txt", Fingerprint: "abc"}}
	for n := 1; n <= 3; n++ {
		r := app.Resolution{Number: n * 10, Status: app.StatusRevised, Title: "标题", Summary: "摘要"}
		for s := 0; s < 4; s++ {
			c := app.Clause{ID: strings.Repeat("x", n) + string(rune('a'+s)), Resolution: n * 10, Seq: s, Section: "resolves", Text: "文本"}
			r.Clauses = append(r.Clauses, c)
			r.Refs = append(r.Refs, app.Ref{Kind: app.RefITUDSG, Key: "ITU-D SG2", ClauseID: c.ID})
		}
		r.Refs = append(r.Refs, app.Ref{Kind: app.RefBureau, Key: "BDT"})
		r.Footnotes = []app.Footnote{{N: 1, Text: "脚注", Anchor: "title"}}
		c.Resolutions = append(c.Resolutions, r)
	}
	return c
}

func TestGenerate(t *testing.T) {
	b := base()
	before := *b
	g := corpusgen.Generate(b, 50, 7)
	if !reflect.DeepEqual(before, *b) {
		t.Fatal("Generate changed its base")
	}
	if got := len(g.Resolutions); got != 50 {
		t.Fatalf("%d resolutions, want 50", got)
	}
	ids := map[string]bool{}
	for i, r := range g.Resolutions {
		if r.Number != i+1 {
			t.Fatalf("resolution %d has number %d", i, r.Number)
		}
		own := map[string]bool{}
		for seq, c := range r.Clauses {
			if c.Resolution != r.Number || c.Seq != seq || ids[c.ID] || c.ID != fmt.Sprintf("%d/%s/%d", r.Number, c.Section, seq) {
				t.Fatalf("bad clause %+v in resolution %d", c, r.Number)
			}
			ids[c.ID] = true
			own[c.ID] = true
		}
		if len(r.Clauses) == 0 {
			t.Fatalf("resolution %d has no clauses", r.Number)
		}
		for _, f := range r.Refs {
			if f.ClauseID != "" && !own[f.ClauseID] {
				t.Fatalf("resolution %d cites from clause %q it does not have", r.Number, f.ClauseID)
			}
		}
	}
	if !reflect.DeepEqual(g, corpusgen.Generate(b, 50, 7)) {
		t.Fatal("same seed, different corpus")
	}
	if reflect.DeepEqual(g, corpusgen.Generate(b, 50, 8)) {
		t.Fatal("different seeds, same corpus")
	}
	if g.Source.Fingerprint == "" || g.Source.Fingerprint == b.Source.Fingerprint {
		t.Fatalf("fingerprint %q", g.Source.Fingerprint)
	}
}

func TestGenerateEmpty(t *testing.T) {
	if g := corpusgen.Generate(&app.Corpus{}, 10, 1); len(g.Resolutions) != 0 {
		t.Fatalf("%d resolutions from an empty base", len(g.Resolutions))
	}
	if g := corpusgen.Generate(base(), 0, 1); len(g.Resolutions) != 0 {
		t.Fatalf("%d resolutions for n=0", len(g.Resolutions))
	}
}
