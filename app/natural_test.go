package app_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"briefdesk/app"
)

// naturalCases are ordered pairs: a sorts strictly before b. The first
// ones are the cases of the copy data/query.go had, whose rules this keeps.
var naturalCases = []struct{ a, b string }{
	{"WTDC Res 9", "WTDC Res 59"},
	{"ITU-D Q3/2", "ITU-D Q14-3/2"},
	{"ITU-T SG2", "ITU-T SG17"},
	{"ITU-T E.161", "ITU-T E.161.1"},
	{"ITU-T E.161.1", "ITU-T E.164"},
	{"PP Res 007", "PP Res 8"},
	{"BDT", "BR"},
	{"", "a"},
	{"9", "10"},
	{"a9b", "a10a"},
	{"00012", "13"},
	{"Res 2", "Res 2a"},
	// Case is ignored; equal strings but for case fall back to bytes.
	{"abc", "ABD"},
	{"BDT", "bdt"},
	// Leading zeros are ignored; equal values fall back to bytes.
	{"PP Res 007", "PP Res 7"},
	// Chinese by code point, digits inside by value.
	{"第9号决议", "第44号决议"},
	{"做出决议", "责成"},
	{"1", "a"},
	{"WTDC Res 9; WTDC Res 79", "WTDC Res 34"},
	{"bdt", "BR"},
	{"互联网", "非洲"}, // code points: 互 U+4E92 < 非 U+975E
	{"第2号", "第18号"},
}

func TestNaturalCompare(t *testing.T) {
	for _, tc := range naturalCases {
		t.Run(tc.a+"<"+tc.b, func(t *testing.T) {
			if got := app.NaturalCompare(tc.a, tc.b); got != -1 {
				t.Errorf("NaturalCompare(%q, %q)=%d, want -1", tc.a, tc.b, got)
			}
			if got := app.NaturalCompare(tc.b, tc.a); got != 1 {
				t.Errorf("NaturalCompare(%q, %q)=%d, want 1", tc.b, tc.a, got)
			}
			if got := app.NaturalCompare(tc.a, tc.a); got != 0 {
				t.Errorf("NaturalCompare(%q, itself)=%d", tc.a, got)
			}
		})
	}
}

// TestNaturalCompareTotalOrder: sorting any shuffle of the same keys gives
// one order, in which every listed pair is in order.
func TestNaturalCompareTotalOrder(t *testing.T) {
	var keys []string
	for _, tc := range naturalCases {
		keys = append(keys, tc.a, tc.b)
	}
	want := slices.Clone(keys)
	slices.SortFunc(want, app.NaturalCompare)
	r := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		got := slices.Clone(keys)
		r.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
		slices.SortFunc(got, app.NaturalCompare)
		if !slices.Equal(got, want) {
			t.Fatalf("sorting a shuffle gave\n%q\nwant\n%q", got, want)
		}
	}
	for _, tc := range naturalCases {
		lastA, firstB := -1, len(want)
		for i, k := range want {
			if k == tc.a {
				lastA = i
			}
			if k == tc.b && i < firstB {
				firstB = i
			}
		}
		if lastA > firstB {
			t.Errorf("%q sorted after %q", tc.a, tc.b)
		}
	}
}

// FuzzNaturalCompare checks that NaturalCompare is an order a sort can
// rely on: zero only for equal strings, antisymmetric, transitive.
func FuzzNaturalCompare(f *testing.F) {
	for _, tc := range naturalCases {
		f.Add(tc.a, tc.b)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		c := a + b // a third string for transitivity
		if app.NaturalCompare(a, b) < 0 && app.NaturalCompare(b, c) < 0 && app.NaturalCompare(a, c) >= 0 {
			t.Fatalf("not transitive: %q < %q < %q but not %q < %q", a, b, c, a, c)
		}
		ab, ba := app.NaturalCompare(a, b), app.NaturalCompare(b, a)
		if ab != -ba {
			t.Fatalf("NaturalCompare(%q, %q)=%d but reversed %d", a, b, ab, ba)
		}
		if (ab == 0) != (a == b) {
			t.Fatalf("NaturalCompare(%q, %q)=%d: only equal strings compare equal", a, b, ab)
		}
	})
}
