package ui

import (
	"strings"
	"testing"

	"briefdesk/app"
)

// hitText is the highlighted text of a row, joined with |.
func hitText(r docRow) string {
	var parts []string
	for _, h := range r.hits {
		parts = append(parts, r.text[h[0]:h[1]])
	}
	return strings.Join(parts, "|")
}

// TestEntityHighlightsBureauNames: every citation in a bureau's view
// highlights the bureau however the clause names it (BDT主任 in 44/instructs/3).
func TestEntityHighlightsBureauNames(t *testing.T) {
	f := newGUIFixture(t)
	for _, key := range []string{"BDT", "TSB", "BR"} {
		// The names a clause may use for the bureau: each occurrence is
		// highlighted (citations by the addressee alone name it nowhere in
		// their text).
		names := map[string][]string{"BDT": {"BDT", "电信发展局"}, "TSB": {"TSB", "电信标准化局"}, "BR": {"BR", "无线电通信局"}}[key]
		n := 0
		for _, r := range entityRows(f.m.corpus, app.RefBureau, key, f.m) {
			if r.kind != rowCitation {
				continue
			}
			for _, name := range names {
				for at := 0; ; {
					i := strings.Index(r.text[at:], name)
					if i < 0 {
						break
					}
					at += i
					n++
					if !covered(r.hits, at, at+len(name)) {
						t.Errorf("%s: %q at %d of %q is not highlighted (%q)", key, name, at, r.text, hitText(r))
					}
					at += len(name)
				}
			}
		}
		if n == 0 {
			t.Errorf("no citation of %s names it in its text", key)
		}
	}
	cl := f.m.corpus.clause(44, "44/instructs/3")
	for _, r := range entityRows(f.m.corpus, app.RefBureau, "BDT", f.m) {
		if r.kind == rowCitation && r.text == cl.Text {
			if h := hitText(r); !strings.Contains(h, "BDT主任") {
				t.Errorf("44/instructs/3 highlights %q, want BDT主任", h)
			}
			return
		}
	}
	t.Error("the BDT view does not list 44/instructs/3")
}

// covered reports whether [a, b) lies inside one of the ranges.
func covered(hits [][2]int, a, b int) bool {
	for _, h := range hits {
		if h[0] <= a && b <= h[1] {
			return true
		}
	}
	return false
}

func TestCitedCountPlurals(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	setupLanguage(langEnglish)
	t.Cleanup(func() { setupLanguage(langSystem) })
	for _, c := range []struct {
		times, res int
		want       string
	}{
		{1, 1, "Cited once in 1 resolution"},
		{3, 1, "Cited 3 times in 1 resolution"},
		{5, 2, "Cited 5 times in 2 resolutions"},
	} {
		if got := citedCount(c.times, c.res); got != c.want {
			t.Errorf("citedCount(%d, %d) = %q, want %q", c.times, c.res, got, c.want)
		}
	}
}
