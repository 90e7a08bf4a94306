package app_test

import (
	"fmt"
	"testing"

	"briefdesk/app"
)

func TestPresetResolutions(t *testing.T) {
	rs := []app.Resolution{
		{Number: 50, Refs: []app.Ref{{Kind: app.RefITUDQuestion, Key: "ITU-D Q3/2", ClauseID: "50/instructs/1"}}},
		{Number: 2, Refs: []app.Ref{{Kind: app.RefITUDSG, Key: "ITU-D SG1"}}},
		{Number: 44, Clauses: []app.Clause{
			{ID: "44/resolves/1", Text: "继续开展工作"},
			{ID: "44/instructs/1", Heading: "责成", Addressee: "电信标准化局主任与电信发展局主任密切协作", Text: "组织讲习班"},
		}},
		{Number: 29, Refs: []app.Ref{{Kind: app.RefITUTSG, Key: "ITU-T SG2"}, {Kind: app.RefITUDQuestion, Key: "ITU-D Q5/1"}}},
		{Number: 64, Clauses: []app.Clause{{ID: "64/invites/1", Text: "请ITU-D开展研究"}}},
		{Number: 7, Clauses: []app.Clause{{ID: "7/recalling/1", Text: "世界电信发展大会第1号决议"}}},
	}
	for _, c := range []struct {
		preset string
		want   string
	}{
		{app.PresetSG1, "[2 29]"},
		{app.PresetSG2, "[50]"},
		{app.PresetBDT, "[44 64]"},
		{app.PresetAll, "[2 7 29 44 50 64]"},
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
