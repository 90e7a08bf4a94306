package app

import (
	"reflect"
	"testing"
)

func TestHeadingLines(t *testing.T) {
	for _, c := range []struct {
		heading string
		want    []string
	}{
		{"责成", []string{"责成"}},
		{"做出决议" + HeadingSep + "责成相关研究组", []string{"做出决议", "责成相关研究组"}},
		{"", []string{""}},
	} {
		if got := (Clause{Heading: c.heading}).HeadingLines(); !reflect.DeepEqual(got, c.want) {
			t.Errorf("HeadingLines(%q)=%q, want %q", c.heading, got, c.want)
		}
	}
}
