package wrap

import (
	"reflect"
	"testing"
)

func TestRuns(t *testing.T) {
	for _, c := range []struct {
		name       string
		start, end int
		marks      [][2]int
		want       []Run
	}{
		{"NoMarks", 0, 5, nil, []Run{{0, 5, false}}},
		{"Inside", 0, 10, [][2]int{{2, 4}}, []Run{{0, 2, false}, {2, 4, true}, {4, 10, false}}},
		{"CrossesStart", 5, 10, [][2]int{{3, 7}}, []Run{{5, 7, true}, {7, 10, false}}},
		{"CrossesEnd", 0, 5, [][2]int{{3, 9}}, []Run{{0, 3, false}, {3, 5, true}}},
		{"Outside", 5, 10, [][2]int{{0, 5}, {10, 12}}, []Run{{5, 10, false}}},
		{"Adjacent", 0, 6, [][2]int{{0, 2}, {2, 4}}, []Run{{0, 2, true}, {2, 4, true}, {4, 6, false}}},
		{"Empty", 3, 3, [][2]int{{0, 9}}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Runs(c.start, c.end, c.marks); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("Runs=%v, want %v", got, c.want)
			}
		})
	}
}
