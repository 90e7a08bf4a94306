package pdf

import (
	"strings"
	"testing"

	"briefdesk/app"
)

// TestMetadata checks the PDF's subject, keywords and author for the packs
// the command line and the GUI make: a study group's, BDT's, all
// resolutions or a hand-made list (their custom target says "WTSA-20"),
// with and without a name or a delegation.
func TestMetadata(t *testing.T) {
	for _, c := range []struct {
		name                  string
		target, label         string
		author, delegation    string
		me                    app.Author
		subject, keywords, by string
	}{
		{"SG1", app.TargetSG1, "", "Li Wei", "China", app.Author{},
			"WTSA-20 resolutions for ITU-D SG1, Geneva", "WTSA-20, ITU-D, ITU-D SG1, Resolution 44", "Li Wei (China)"},
		{"BDT", app.TargetCustom, "BDT / ITU-D", "Li Wei", "", app.Author{},
			"WTSA-20 resolutions for BDT / ITU-D, Geneva", "WTSA-20, ITU-D, BDT / ITU-D, Resolution 44", "Li Wei"},
		{"PresetAll", app.TargetCustom, "WTSA-20", "", "China", app.Author{},
			"WTSA-20 resolutions relevant to ITU-D, Geneva", "WTSA-20, ITU-D, Resolution 44", "China"},
		{"NoTarget", "", "", "", "", app.Author{Delegation: "Kenya"},
			"WTSA-20 resolutions relevant to ITU-D, Geneva", "WTSA-20, ITU-D, Resolution 44", "Kenya"},
		{"CustomNoLabel", app.TargetCustom, "", "", "", app.Author{},
			"WTSA-20 resolutions relevant to ITU-D, Geneva", "WTSA-20, ITU-D, Resolution 44", ""},
		{"LabelITUD", app.TargetCustom, "itu-d", "", "", app.Author{Name: "Ana"},
			"WTSA-20 resolutions for itu-d, Geneva", "WTSA-20, ITU-D, Resolution 44", "Ana"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := sampleInput(t)
			in.Resolutions, in.Pack.Resolutions = in.Resolutions[:1], []int{44}
			in.Pack.Target, in.Pack.TargetLabel = c.target, c.label
			in.Pack.Author, in.Pack.Delegation, in.Me = c.author, c.delegation, c.me
			in.Pack.Meeting = "Geneva"
			_, b, err := layOut(in)
			if err != nil {
				t.Fatal(err)
			}
			m := b.metadata()
			if m.subject != c.subject {
				t.Errorf("subject %q, want %q", m.subject, c.subject)
			}
			if m.keywords != c.keywords {
				t.Errorf("keywords %q, want %q", m.keywords, c.keywords)
			}
			if m.author != c.by {
				t.Errorf("author %q, want %q", m.author, c.by)
			}
			// The cover says the same as the subject.
			var cover []string
			for _, o := range b.l.pages[0].ops {
				cover = append(cover, o.text)
			}
			if about, _, _ := strings.Cut(c.subject, ", Geneva"); !strings.Contains(strings.Join(cover, "\n"), "\n"+about+"\n") {
				t.Errorf("cover does not say %q", about)
			}
		})
	}
}
