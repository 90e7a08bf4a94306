package cli

import (
	"fmt"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

// TestPackDryRunLanguage: `pack --dry-run` gives its reasons and its
// warning about a preset that picks one resolution or all in the command
// line's language, whether that comes from --lang or from the locale;
// --json keeps English reasons for programs.
func TestPackDryRunLanguage(t *testing.T) {
	db := newDB(t) // it gets a saved pack
	d, err := data.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := d.Resolutions(t.Context(), app.ResolutionFilter{Full: true})
	d.Close()
	if err != nil {
		t.Fatal(err)
	}
	total := len(rs)
	sg1, err := app.PresetPicks(app.PresetSG1, rs)
	if err != nil || len(sg1) != 1 {
		t.Fatalf("the test needs a preset that picks one resolution: itu-d-sg1 picks %d (%v)", len(sg1), err)
	}
	bdt, err := app.PresetPicks(app.PresetBDT, rs)
	if err != nil || len(bdt) == 0 || bdt[0].ClauseID == "" {
		t.Fatalf("bdt picks %+v (%v)", bdt, err)
	}
	one, ask := sg1[0], bdt[0]
	if code, _, stderr := run(t, "--db", db, "pack", "--res", "44,50", "--save", "p"); code != ExitOK {
		t.Fatalf("save: %s", stderr)
	}

	type dry struct {
		args []string
		want []string
	}
	en := []dry{
		{[]string{"--preset", "itu-d-sg1", "--res", "44"}, []string{
			fmt.Sprintf("  Res %d: preset itu-d-sg1: cites %s in %s", one.Number, one.Ref, one.ClauseID),
			"  Res 44: added with --res",
			fmt.Sprintf("Note: preset itu-d-sg1 picks only one of the %d resolutions", total)}},
		{[]string{"--preset", "all"}, []string{"WTSA-20 resolutions (", fmt.Sprintf("Note: preset all picks all %d resolutions", total), ": preset all: every resolution"}},
		{[]string{"--preset", "bdt"}, []string{fmt.Sprintf("  Res %d: preset bdt: %s asks something of BDT or its Director", ask.Number, ask.ClauseID)}},
		{[]string{"--saved", "p"}, []string{"  Res 44: in the saved pack", "  Res 50: in the saved pack", ": 2 resolutions: 44, 50"}},
	}
	zh := []dry{
		{[]string{"--preset", "itu-d-sg1", "--res", "44"}, []string{
			fmt.Sprintf("  第%d号决议：预设 itu-d-sg1：在 %s 中引用 %s", one.Number, one.ClauseID, one.Ref),
			"  第44号决议：用 --res 添加",
			fmt.Sprintf("注意：预设 itu-d-sg1 在 %d 项决议中只选了一项", total)}},
		// A new pack in Chinese prints a Chinese title; the dry run says so.
		{[]string{"--preset", "all"}, []string{zhTitles[app.PresetAll] + "（", fmt.Sprintf("注意：预设 all 选了全部 %d 项决议", total), "：预设 all：全部决议"}},
		{[]string{"--preset", "bdt"}, []string{fmt.Sprintf("  第%d号决议：预设 bdt：%s 要求 BDT 或其主任开展工作", ask.Number, ask.ClauseID)}},
		{[]string{"--saved", "p"}, []string{"  第44号决议：已在保存的简报包中", "  第50号决议：已在保存的简报包中", "：2项决议：44、50"}},
	}
	for _, c := range []struct {
		name   string
		global []string // before the command
		locale string   // LANG
		cases  []dry
		// English words that must not show in the other language's output
		foreign []string
	}{
		{"FlagZH", []string{"--lang", "zh"}, "en_GB.UTF-8", zh, []string{"Res ", "preset ", "Note:", "resolution"}},
		{"LocaleZH", nil, "zh_CN.UTF-8", zh, []string{"Res ", "preset ", "Note:", "resolution"}},
		{"FlagEN", []string{"--lang", "en"}, "zh_CN.UTF-8", en, []string{"决议", "预设", "注意"}},
		{"LocaleEN", nil, "en_US.UTF-8", en, []string{"决议", "预设", "注意"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANG", c.locale)
			for _, d := range c.cases {
				args := append(append(append([]string{}, c.global...), "--db", db, "pack", "--dry-run"), d.args...)
				code, stdout, stderr := run(t, args...)
				if code != ExitOK {
					t.Fatalf("%v: exit %d, %s", args, code, stderr)
				}
				for _, w := range d.want {
					if !strings.Contains(stdout, w) {
						t.Errorf("%v lacks %q:\n%s", d.args, w, stdout)
					}
				}
				// The first line holds the title, which may be a saved
				// pack's own words.
				_, said, _ := strings.Cut(stdout, "\n")
				for _, f := range c.foreign {
					if strings.Contains(said, f) {
						t.Errorf("%v says %q in the other language:\n%s", d.args, f, stdout)
					}
				}
				for _, line := range strings.Split(stdout, "\n") {
					if l := strings.TrimSpace(line); l != "" && strings.ContainsRune("，。、；：？！）」", []rune(l)[0]) {
						t.Errorf("a line begins with closing punctuation: %q", line)
					}
				}
			}
			// Programs get the same English reasons in every language.
			var p packJSON
			runJSON(t, &p, append(append([]string{}, c.global...), "--db", db, "pack", "--dry-run", "--json", "--preset", "bdt")...)
			if len(p.Reasons) == 0 || !strings.HasPrefix(p.Reasons[0].Reason, "preset bdt: ") {
				t.Errorf("--json reasons %+v", p.Reasons)
			}
		})
	}
}
