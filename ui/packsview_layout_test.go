package ui

import (
	"strings"
	"testing"

	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestPacksChecklistTitlesLineUp(t *testing.T) {
	f := newPacksFixture(t)
	test.Tap(f.v.newBtn)
	d := fyne.CurrentApp().Driver()
	var xs []float32
	for _, row := range f.v.ed.rows.Objects {
		for _, o := range row.(*fyne.Container).Objects {
			// The title, above the line that says why it is in the pack.
			if c, ok := o.(*fyne.Container); ok && len(c.Objects) > 0 {
				if l, ok := c.Objects[0].(*widget.Label); ok {
					xs = append(xs, d.AbsolutePositionForObject(l).X)
				}
			}
		}
	}
	if len(xs) != len(f.rs) {
		t.Fatalf("%d titles for %d resolutions", len(xs), len(f.rs))
	}
	for i, x := range xs {
		if x != xs[0] {
			t.Errorf("title of row %d (Res %d) starts at x=%v, the first at %v", i, f.rs[i].Number, x, xs[0])
		}
	}
}

func TestPacksFitAnEightHundredPixelWindow(t *testing.T) {
	f := newPacksFixture(t)
	test.Tap(f.v.newBtn)
	f.win.Resize(fyne.NewSize(780, 560))
	if w := f.v.root.MinSize().Width; w > 780 {
		t.Errorf("the Packs screen needs %v px", w)
	}
	// Every button is on screen: the bars wrap rather than run off.
	d := fyne.CurrentApp().Driver()
	for _, b := range append([]*widget.Button{f.v.newBtn, f.v.dupBtn, f.v.delBtn, f.v.saveBtn, f.v.exportBtn}, f.v.ed.none) {
		if p := d.AbsolutePositionForObject(b); p.X+b.Size().Width > 781 || p.Y+b.Size().Height > 561 {
			t.Errorf("button %q lies at %v size %v, off the window", b.Text, p, b.Size())
		}
	}
}

// TestPacksFormFitsWithoutSideScrolling: in an 800×600 window the pack
// form needs no more width than it gets (Title, Meeting and the clause
// option used to be clipped behind a sideways scroll).
func TestPacksFormFitsWithoutSideScrolling(t *testing.T) {
	f := newPacksFixture(t)
	test.Tap(f.v.newBtn)
	f.win.Resize(fyne.NewSize(780, 560))
	form := f.v.ed.form
	if need, got := form.Content.MinSize().Width, form.Size().Width; need > got {
		t.Errorf("the form needs %v px and gets %v", need, got)
	}
	d := fyne.CurrentApp().Driver()
	right := d.AbsolutePositionForObject(form).X + form.Size().Width
	for name, o := range map[string]fyne.CanvasObject{"title": f.v.ed.title, "meeting": f.v.ed.meeting, "clauses": f.v.ed.clauses, "language": f.v.ed.language} {
		if p := d.AbsolutePositionForObject(o); p.X+o.Size().Width > right+0.5 {
			t.Errorf("%s ends at %v, past the form's edge %v", name, p.X+o.Size().Width, right)
		}
	}
}

// TestPacksPresetReasons: a preset says why it picked each resolution,
// and says so when it picks one or all; the language and the new parts
// are saved with the pack.
func TestPacksPresetReasons(t *testing.T) {
	f := newPacksFixture(t)
	test.Tap(f.v.newBtn)
	ed := f.v.ed
	test.Tap(ed.presets[app.PresetSG1])
	if got := ed.why[84].Text; !ed.why[84].Visible() || !strings.Contains(got, "ITU-D SG1") || !strings.Contains(got, "84/") {
		t.Errorf("reason for Res 84 under SG1: %q (shown %v)", got, ed.why[84].Visible())
	}
	if !ed.scope.Visible() || !strings.Contains(ed.scope.Text, "only one") {
		t.Errorf("SG1 picks one resolution and does not say so: %q", ed.scope.Text)
	}
	ed.checks[44].SetChecked(true)
	if ed.why[44].Text != lang.L("Added by hand") {
		t.Errorf("Res 44 ticked by hand says %q", ed.why[44].Text)
	}
	test.Tap(ed.presets[app.PresetAll])
	if !ed.scope.Visible() || !strings.Contains(ed.scope.Text, "all 28") {
		t.Errorf("All does not say it picks all: %q", ed.scope.Text)
	}
	test.Tap(ed.presets[app.PresetBDT])
	if ed.scope.Visible() {
		t.Errorf("bdt narrows the pack, yet: %q", ed.scope.Text)
	}
	if got := ed.why[44].Text; !strings.Contains(got, "44/") || !strings.Contains(got, "BDT") {
		t.Errorf("reason for Res 44 under bdt: %q", got)
	}
	if ed.why[2].Visible() {
		t.Errorf("Res 2 is not picked by bdt but shows a reason %q", ed.why[2].Text)
	}
	ed.language.SetSelected("中文")
	ed.checklist.SetChecked(true)
	ed.clauseIDs.SetChecked(true)
	test.Tap(f.v.saveBtn)
	p := f.stored(t, f.v.saved.Name)
	if p.Lang != app.LangZH || !p.Options.Checklist || !p.Options.ClauseIDs {
		t.Errorf("saved pack: lang %q checklist %v clause IDs %v", p.Lang, p.Options.Checklist, p.Options.ClauseIDs)
	}
	f.open()
	f.v.list.Select(f.v.named(p.Name))
	if f.v.ed.language.Selected != "中文" || !f.v.ed.checklist.Checked {
		t.Errorf("reopened: language %q, checklist %v", f.v.ed.language.Selected, f.v.ed.checklist.Checked)
	}
}
