package app_test

import (
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/seeds"
)

func TestIsLatinWordQuery(t *testing.T) {
	for _, c := range []struct {
		q    string
		want bool
	}{
		{"cybersecurity", true},
		{"  Gender ", true},
		{"capacity building", true},
		{"e-waste", true},
		{"ITU-D", true}, // a code that finds hits never reaches the hint
		{"E.161.1", false},
		{"3/2", false},
		{"72", false},
		{"网络安全", false},
		{"ITU-D 网络", false},
		{"a", false},
		{"", false},
	} {
		if got := app.IsLatinWordQuery(c.q); got != c.want {
			t.Errorf("IsLatinWordQuery(%q)=%v, want %v", c.q, got, c.want)
		}
	}
}

// TestChineseTermsOccur: every term suggested for an English word is in
// the document, so the suggestion finds something.
func TestChineseTermsOccur(t *testing.T) {
	c, err := seeds.Default()
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, r := range c.Resolutions {
		all.WriteString(r.Title + r.TitleTable1 + r.Summary)
		for _, cl := range r.Clauses {
			all.WriteString(cl.Text + cl.Addressee)
		}
	}
	text := all.String()
	for _, q := range []string{"cybersecurity", "Cyber  Security", "gender", "climate change", "e-waste", "EMF", "persons with disabilities"} {
		term, ok := app.ChineseTermFor(q)
		if !ok {
			t.Errorf("ChineseTermFor(%q) has no term", q)
			continue
		}
		if !strings.Contains(text, term) {
			t.Errorf("ChineseTermFor(%q)=%q, which the document does not contain", q, term)
		}
	}
	for _, w := range app.ChineseTermWords() {
		term, _ := app.ChineseTermFor(w)
		if !strings.Contains(text, term) {
			t.Errorf("%q suggests %q, which the document does not contain", w, term)
		}
	}
	if _, ok := app.ChineseTermFor("spectrum"); ok {
		t.Error("ChineseTermFor(spectrum) suggests a term, though the document has none")
	}
}
