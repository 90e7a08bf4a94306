package pdf

import (
	"strings"
	"testing"

	"briefdesk/app"
)

// TestGapMarks lays out Res 72 and Res 84 in both languages: each says it
// is an extract, and "……" stands where a labelled sequence skips, right
// before the clause after the gap, with the labels left out.
func TestGapMarks(t *testing.T) {
	for _, lang := range []string{app.LangEN, app.LangZH} {
		in := sampleInput(t)
		in.Pack.Lang = lang
		in.Notes = nil
		in.Resolutions = []app.Resolution{corpusResolution(t, 72), corpusResolution(t, 84)}
		in.Pack.Resolutions = []int{72, 84}
		_, b, err := layOut(in)
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, p := range b.l.pages {
			for _, o := range p.ops {
				if o.kind == opText {
					texts = append(texts, o.text)
				}
			}
		}
		all := strings.Join(texts, "\n")
		if n := strings.Count(all, b.l.w.extractRes); n != 2 {
			t.Errorf("%s: %d resolutions say they are extracts, want 2", lang, n)
		}
		if !strings.Contains(all, b.l.w.extractCover[:20]) {
			t.Errorf("%s: the cover does not say the text is an extract", lang)
		}
		for _, c := range []struct{ skipped, next string }{
			{"ii)–vi)", "vii)"}, // Res 72 resolves i) → vii)
			{"a)–c)", "d)"},     // Res 84 recalling only d)
			{"3–4", "5"},        // Res 84 resolves 2 → 5
		} {
			found := false
			for i := 0; i+2 < len(texts); i++ {
				if texts[i] == app.GapMark && strings.Contains(texts[i+1], c.skipped) && texts[i+2] == c.next {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: no %s mark for %s before clause %s", lang, app.GapMark, c.skipped, c.next)
			}
		}
	}
}
