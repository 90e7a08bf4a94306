package app_test

import (
	"fmt"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/seeds"
)

func TestPresetResolutions(t *testing.T) {
	rs := []app.Resolution{
		{Number: 50, Refs: []app.Ref{{Kind: app.RefITUDQuestion, Key: "ITU-D Q3/2", ClauseID: "50/instructs/1"}}},
		{Number: 2, Refs: []app.Ref{{Kind: app.RefITUDSG, Key: "ITU-D SG1"}}},
		{Number: 44, Clauses: []app.Clause{
			{ID: "44/resolves/1", Text: "继续开展工作"},
			{ID: "44/instructs/1", Section: "instructs", Heading: "责成", Addressee: "电信标准化局主任与电信发展局主任密切协作", Text: "组织讲习班"},
		}},
		{Number: 29, Refs: []app.Ref{{Kind: app.RefITUTSG, Key: "ITU-T SG2"}, {Kind: app.RefITUDQuestion, Key: "ITU-D Q5/1"}}},
		{Number: 64, Clauses: []app.Clause{{ID: "64/invites/1", Section: "invites", Text: "请电信发展局开展研究"}}},
		{Number: 7, Clauses: []app.Clause{{ID: "7/recalling/1", Section: "recalling", Text: "世界电信发展大会第1号决议"}}},
		// Naming BDT in the preamble asks nothing of it.
		{Number: 8, Clauses: []app.Clause{{ID: "8/noting/a", Section: "noting", Text: "电信发展局开展的工作"}}},
		// Nor does an operative clause addressed to others that names
		// only an ITU-D study group.
		{Number: 9, Clauses: []app.Clause{{ID: "9/instructs/1", Section: "instructs", Addressee: "电信标准化局主任", Text: "与ITU-D第1研究组联络"}}},
	}
	for _, c := range []struct {
		preset string
		want   string
	}{
		{app.PresetSG1, "[2 29]"},
		{app.PresetSG2, "[50]"},
		{app.PresetBDT, "[44 64]"},
		{app.PresetAll, "[2 7 8 9 29 44 50 64]"},
		{" BDT ", "[44 64]"},
	} {
		t.Run(c.preset, func(t *testing.T) {
			got, err := app.PresetResolutions(c.preset, rs)
			if err != nil {
				t.Fatal(err)
			}
			if s := fmt.Sprint(got); s != c.want {
				t.Errorf("PresetResolutions(%q)=%s, want %s", c.preset, s, c.want)
			}
		})
	}
	t.Run("ErrUnknown", func(t *testing.T) {
		_, err := app.PresetResolutions("sg3", rs)
		if app.ErrorCode(err) != app.EINVALID {
			t.Errorf("err=%v, want EINVALID", err)
		}
	})
	t.Run("EmptyIsNotNil", func(t *testing.T) {
		got, err := app.PresetResolutions(app.PresetSG1, nil)
		if err != nil || got == nil || len(got) != 0 {
			t.Errorf("got %v, %v; want empty list", got, err)
		}
	})
}

// TestPresetsOnCorpus runs the presets on the real corpus and checks each
// choice against the resolutions' own references and clauses.
func TestPresetsOnCorpus(t *testing.T) {
	c, err := seeds.Default()
	if err != nil {
		t.Fatal(err)
	}
	all, _ := app.PresetResolutions(app.PresetAll, c.Resolutions)
	if len(all) != len(c.Resolutions) || len(all) != 28 {
		t.Fatalf("all: %d of %d resolutions, want 28", len(all), len(c.Resolutions))
	}
	// bdt is defined by clauses that ask something of BDT or its
	// Director, so it narrows the pack although every resolution here
	// mentions ITU-D (the source is ITU-D's extract).
	bdt, err := app.PresetPicks(app.PresetBDT, c.Resolutions)
	if err != nil {
		t.Fatal(err)
	}
	if len(bdt) == 0 || len(bdt) == len(all) {
		t.Errorf("bdt chose %d of %d resolutions: want a narrower choice", len(bdt), len(all))
	}
	byNum := map[int]app.Resolution{}
	for _, r := range c.Resolutions {
		byNum[r.Number] = r
	}
	for _, p := range bdt {
		var asking *app.Clause
		for _, cl := range byNum[p.Number].Clauses {
			if cl.ID == p.ClauseID {
				asking = &cl
			}
		}
		if asking == nil || !app.AsksBDT(*asking) {
			t.Errorf("bdt picked Res %d for %q, which asks nothing of BDT", p.Number, p.ClauseID)
		}
	}
	for _, preset := range []string{app.PresetSG1, app.PresetSG2} {
		got, err := app.PresetResolutions(preset, c.Resolutions)
		if err != nil {
			t.Fatal(err)
		}
		chosen := map[int]bool{}
		for _, n := range got {
			chosen[n] = true
		}
		if len(got) == 0 || len(got) == len(all) {
			t.Errorf("%s chose %d of %d resolutions: a preset should narrow the pack", preset, len(got), len(all))
		}
		for _, r := range c.Resolutions {
			if want := expectPreset(preset, r); chosen[r.Number] != want {
				t.Errorf("%s: resolution %d chosen=%v, want %v", preset, r.Number, chosen[r.Number], want)
			}
		}
		picks, _ := app.PresetPicks(preset, c.Resolutions)
		if len(picks) != len(got) {
			t.Fatalf("%s: PresetPicks gives %d, PresetResolutions %d", preset, len(picks), len(got))
		}
		for i, p := range picks {
			if p.Number != got[i] || p.Ref == "" {
				t.Errorf("%s: pick %+v gives no reference as its reason", preset, p)
			}
		}
		t.Logf("%s: %v", preset, got)
	}
}

// expectPreset says from the text itself, not from the extracted refs,
// whether a resolution names ITU-D study group sg or one of its Questions
// the way the document writes them (ITU-D第2研究组, 第3/2号课题).
func expectPreset(preset string, r app.Resolution) bool {
	sg := map[string]string{app.PresetSG1: "1", app.PresetSG2: "2"}[preset]
	texts := []string{r.Title, r.TitleTable1, r.Summary}
	for _, c := range r.Clauses {
		texts = append(texts, c.Addressee, c.Text)
	}
	for _, t := range texts {
		if strings.Contains(t, "ITU-D第"+sg+"研究组") || strings.Contains(t, "/"+sg+"号课题") {
			return true
		}
	}
	return false
}

func TestPresetScope(t *testing.T) {
	for _, c := range []struct {
		picked, total int
		want          string
	}{{0, 28, "none"}, {1, 28, "one"}, {28, 28, "all"}, {6, 28, ""}, {1, 1, ""}} {
		if got := app.PresetScope(c.picked, c.total); got != c.want {
			t.Errorf("PresetScope(%d, %d)=%q, want %q", c.picked, c.total, got, c.want)
		}
	}
}
