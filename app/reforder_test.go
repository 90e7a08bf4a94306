package app_test

import (
	"slices"
	"testing"

	"briefdesk/app"
)

func TestRefKindOrder(t *testing.T) {
	for i, k := range app.RefKinds {
		if got := k.Order(); got != i {
			t.Errorf("%s.Order()=%d, want %d", k, got, i)
		}
	}
	if got, want := app.RefKind("nonsense").Order(), len(app.RefKinds); got != want {
		t.Errorf("unknown kind's Order()=%d, want %d (last)", got, want)
	}
}

func TestCompareRefs(t *testing.T) {
	type ref struct {
		kind app.RefKind
		key  string
	}
	want := []ref{
		{app.RefWTSAResolution, "WTSA Res 2"},
		{app.RefWTSAResolution, "WTSA Res 10"},
		{app.RefWTDCResolution, "WTDC Res 9"},
		{app.RefWTDCResolution, "WTDC Res 59"},
		{app.RefITUDSG, "ITU-D SG2"},
		{app.RefITUDQuestion, "ITU-D Q14-3/1"}, // study group 1 before 2
		{app.RefITUDQuestion, "ITU-D Q3/2"},
		{app.RefITUTSG, "ITU-T SG2"},
		{app.RefITUTSG, "ITU-T SG17"},
		{app.RefBureau, "BDT"},
		{app.RefOrganization, "WHO"},
	}
	for _, perm := range [][]int{{10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, {5, 0, 10, 3, 8, 1, 6, 9, 2, 7, 4}} {
		got := make([]ref, len(perm))
		for i, j := range perm {
			got[i] = want[j]
		}
		slices.SortFunc(got, func(a, b ref) int { return app.CompareRefs(a.kind, a.key, b.kind, b.key) })
		if !slices.Equal(got, want) {
			t.Errorf("sorted %v, want %v", got, want)
		}
	}
}

func TestCompareRefKeys(t *testing.T) {
	want := []string{"BDT", "ITU-D Q3/1", "ITU-D Q10/1", "ITU-D Q14-3/1", "ITU-D Q1/2", "ITU-D Q3/2", "ITU-D SG1", "ITU-D SG2", "WTDC Res 9", "WTDC Res 59"}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, app.CompareRefKeys)
	if !slices.Equal(got, want) {
		t.Errorf("sorted %q, want %q", got, want)
	}
}
