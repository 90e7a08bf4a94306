package xref

import (
	"fmt"
	"strings"
	"testing"

	"briefdesk/app"
)

func TestExtract(t *testing.T) {
	for _, tc := range extractCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Extract(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("Extract(%q) = %v, want %v", tc.text, got, tc.want)
			}
			for i, g := range got {
				w := tc.want[i]
				if g.Kind != w.kind || g.Key != w.key || g.Edition != w.edition {
					t.Errorf("ref %d = (%s, %s, %q), want (%s, %s, %q)", i, g.Kind, g.Key, g.Edition, w.kind, w.key, w.edition)
				}
				checkRef(t, tc.text, g)
			}
		})
	}
}

// TestExtractText checks the surface text that the GUI highlights.
func TestExtractText(t *testing.T) {
	for _, tc := range []struct {
		text, key, want string
	}{
		{"忆及世界电信发展大会（WTDC）第59号决议（2017年，布宜诺斯艾利斯，修订版）；", "WTDC Res 59", "世界电信发展大会（WTDC）第59号决议（2017年，布宜诺斯艾利斯，修订版）"},
		{"本届全会第44号决议（2022年，日内瓦，修订版）和第76号决议（2022年，日内瓦，修订版）所述", "WTSA Res 76", "第76号决议（2022年，日内瓦，修订版）"},
		{"以及国际电联电信发展部门（ITU-D）第2研究组", "ITU-D SG2", "国际电联电信发展部门（ITU-D）第2研究组"},
		{"特别是围绕ITU-D第3/2号课题", "ITU-D Q3/2", "ITU-D第3/2号课题"},
		{"与电信发展局（BDT）主任合作", "BDT", "电信发展局（BDT）主任"},
		{"根据ITU-T E.161.1建议书实施", "ITU-T E.161.1", "ITU-T E.161.1建议书"},
	} {
		t.Run(tc.key, func(t *testing.T) {
			for _, g := range Extract(tc.text) {
				if g.Key == tc.key {
					if g.Text != tc.want {
						t.Fatalf("Text = %q, want %q", g.Text, tc.want)
					}
					return
				}
			}
			t.Fatalf("no %s in %q", tc.key, tc.text)
		})
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]int{"5": 5, "17": 17, "五": 5, "十": 10, "十七": 17, "二十": 20, "二十一": 21, "零": 0, "百": 0} {
		if got := parseNumber(in); got != want {
			t.Errorf("parseNumber(%q) = %d, want %d", in, got, want)
		}
	}
}

// checkRef asserts what every reference must satisfy, whatever the input.
func checkRef(t *testing.T, text string, g app.Ref) {
	t.Helper()
	if !g.Kind.Valid() {
		t.Errorf("invalid kind %q", g.Kind)
	}
	if g.Key == "" || strings.TrimSpace(g.Key) != g.Key {
		t.Errorf("bad key %q", g.Key)
	}
	if g.Text == "" || !strings.Contains(text, g.Text) {
		t.Errorf("Text %q is not in the input", g.Text)
	}
	if g.ClauseID != "" {
		t.Errorf("Extract set ClauseID %q", g.ClauseID)
	}
	if _, ok := g.WTSANumber(); g.Kind == app.RefWTSAResolution && !ok {
		t.Errorf("WTSA key %q has no number", g.Key)
	}
}

func FuzzExtract(f *testing.F) {
	for _, tc := range extractCases {
		f.Add(tc.text)
	}
	f.Add("第\xff号决议（2017年，\xe4布宜）")
	f.Add("电信标准化\xff局主任、BD\xffT、ITU-D第\xe42研究组")
	f.Fuzz(func(t *testing.T, text string) {
		seen := map[string]bool{}
		for _, g := range Extract(text) {
			checkRef(t, text, g)
			k := fmt.Sprint(g.Kind, "|", g.Key)
			if seen[k] {
				t.Errorf("duplicate %s", k)
			}
			seen[k] = true
		}
	})
}

func TestAnnotate(t *testing.T) {
	c := &app.Corpus{Resolutions: []app.Resolution{{
		Number:  50,
		Title:   "网络安全",
		Summary: "指出ITU-T应与ITU-D密切合作，特别是围绕第3/2号课题，责成TSB主任", // must be ignored
		Clauses: []app.Clause{
			{ID: "50/instructs-sg/2", Heading: "责成第17研究组", Text: "支持电信标准化局主任维护“ICT安全标准路线图”"},
			{ID: "50/instructs/1", Heading: "责成", Addressee: "电信标准化局主任", Text: "与BDT主任协作；与电信发展局主任协作"},
		},
		Footnotes: []app.Footnote{{N: 1, Text: "见ITU-T E.161.1建议书", Anchor: "title"}},
	}, {
		Number: 22,
		Title:  "授权电信标准化顾问组在两届世界电信标准化全会之间开展工作",
	}}}
	Annotate(c)
	Annotate(c) // again: the seeds parser already calls it, callers may too

	type kkc struct{ kind, key, clause string }
	want := [][]kkc{
		{
			{"recommendation", "ITU-T E.161.1", ""},
			{"itu-t-sg", "ITU-T SG17", "50/instructs-sg/2"},
			{"bureau", "TSB", "50/instructs-sg/2"},
			{"bureau", "TSB", "50/instructs/1"},
			{"bureau", "BDT", "50/instructs/1"},
		},
		{{"group", "TSAG", ""}},
	}
	for i, res := range c.Resolutions {
		var got []kkc
		for _, g := range res.Refs {
			got = append(got, kkc{string(g.Kind), g.Key, g.ClauseID})
		}
		if fmt.Sprint(got) != fmt.Sprint(want[i]) {
			t.Errorf("Res %d refs = %v, want %v", res.Number, got, want[i])
		}
	}
	Annotate(nil) // must not panic
}

func BenchmarkExtract(b *testing.B) {
	var sb strings.Builder
	for _, tc := range extractCases {
		sb.WriteString(tc.text)
		sb.WriteString("\n")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Extract(text)
	}
}
