package app_test

import (
	"slices"
	"testing"

	"briefdesk/app"
	"briefdesk/seeds"
)

func TestResolutionCites(t *testing.T) {
	r := &app.Resolution{Number: 50, Refs: []app.Ref{
		{Kind: app.RefITUDQuestion, Key: "ITU-D Q3/2", ClauseID: "50/instructs/1"},
		{Kind: app.RefWTDCResolution, Key: "WTDC Res 45"},
		{Kind: app.RefITUTSG, Key: "ITU-T SG17"},
		{Kind: app.RefITUDQuestion, Key: "ITU-D Q14-3/1"},
	}}
	for _, tc := range []struct {
		key  string
		want bool
	}{
		{"ITU-D Q3/2", true},
		{"WTDC Res 45", true},
		{"WTDC Res 4", false},
		{"ITU-D SG2", true},  // through its Question 3/2
		{"ITU-D SG1", true},  // through Question 14-3/1
		{"ITU-D SG3", false}, // no Question of a third group
		{"ITU-T SG17", true},
		{"ITU-T SG2", false}, // ITU-T groups have no ITU-D Questions
		{"ITU-D Q3/1", false},
		{"", false},
	} {
		t.Run(tc.key, func(t *testing.T) {
			if got := r.Cites(tc.key); got != tc.want {
				t.Errorf("Res 50 Cites(%q)=%v, want %v", tc.key, got, tc.want)
			}
		})
	}
	if !r.CitesAll(nil) || !r.CitesAll([]string{"ITU-D SG2", "WTDC Res 45"}) || r.CitesAll([]string{"ITU-D SG2", "ITU-D SG3"}) {
		t.Error("CitesAll does not require every key")
	}
}

func TestQuestionStudyGroup(t *testing.T) {
	for key, want := range map[string]string{
		"ITU-D Q3/2": "2", "ITU-D Q14-3/1": "1", "ITU-D SG2": "", "ITU-T Q3/2": "", "ITU-D Q3": "",
	} {
		if got := app.QuestionStudyGroup(key); got != want {
			t.Errorf("QuestionStudyGroup(%q)=%q, want %q", key, got, want)
		}
	}
}

// TestCitesCorpus checks Cites on the real document against what it
// cites, key by key, and against the study-group presets: Res 50 cites
// ITU-D Q3/2 only, and the SG2 preset (and so Cites) includes it.
func TestCitesCorpus(t *testing.T) {
	c, err := seeds.Default()
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]app.RefKind{}
	for _, r := range c.Resolutions {
		for _, ref := range r.Refs {
			keys[ref.Key] = ref.Kind
		}
	}
	if len(keys) < 50 {
		t.Fatalf("only %d reference keys in the corpus", len(keys))
	}
	for key, kind := range keys {
		for i := range c.Resolutions {
			r := &c.Resolutions[i]
			direct := slices.ContainsFunc(r.Refs, func(f app.Ref) bool { return f.Key == key })
			viaQuestion := kind == app.RefITUDSG && slices.ContainsFunc(r.Refs, func(f app.Ref) bool {
				return f.Kind == app.RefITUDQuestion && "ITU-D SG"+app.QuestionStudyGroup(f.Key) == key
			})
			if got := r.Cites(key); got != (direct || viaQuestion) {
				t.Errorf("Res %d Cites(%q)=%v, direct %v, through a Question %v", r.Number, key, got, direct, viaQuestion)
			}
		}
	}
	for preset, key := range map[string]string{app.PresetSG1: "ITU-D SG1", app.PresetSG2: "ITU-D SG2"} {
		want, err := app.PresetResolutions(preset, c.Resolutions)
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for i := range c.Resolutions {
			if c.Resolutions[i].Cites(key) {
				got = append(got, c.Resolutions[i].Number)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, want) || len(got) == 0 {
			t.Errorf("resolutions citing %s: %v; preset %s: %v", key, got, preset, want)
		}
		if key == "ITU-D SG2" && !slices.Contains(got, 50) {
			t.Errorf("Res 50 cites ITU-D Q3/2 but not %s: %v", key, got)
		}
	}
}

func TestResolutionFilterSelects(t *testing.T) {
	r := &app.Resolution{Number: 50, Status: app.StatusRevised, Refs: []app.Ref{
		{Kind: app.RefITUDQuestion, Key: "ITU-D Q3/2"},
		{Kind: app.RefBureau, Key: "BDT"},
	}}
	for _, tc := range []struct {
		name string
		f    app.ResolutionFilter
		want bool
	}{
		{"Empty", app.ResolutionFilter{}, true},
		{"Status", app.ResolutionFilter{Status: app.StatusRevised}, true},
		{"OtherStatus", app.ResolutionFilter{Status: app.StatusNew}, false},
		{"GroupThroughQuestion", app.ResolutionFilter{RefKeys: []string{"ITU-D SG2"}}, true},
		{"EveryKey", app.ResolutionFilter{Status: app.StatusRevised, RefKeys: []string{"ITU-D SG2", "BDT"}}, true},
		{"OneKeyMissing", app.ResolutionFilter{RefKeys: []string{"BDT", "TSB"}}, false},
		{"KeysButNotStatus", app.ResolutionFilter{Status: app.StatusUnchanged, RefKeys: []string{"BDT"}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.f.Selects(r); got != tc.want {
				t.Errorf("%+v.Selects(Res 50)=%v, want %v", tc.f, got, tc.want)
			}
		})
	}
}
