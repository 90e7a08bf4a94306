package posixlocale

import (
	"os"
	"testing"
)

func TestClear(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"C", ""}, {"C.UTF-8", ""}, {"POSIX", ""}, {"zh_CN.UTF-8", "zh_CN.UTF-8"}, {"en_US", "en_US"},
	} {
		t.Setenv("LANG", c.in)
		Clear()
		if got := os.Getenv("LANG"); got != c.want {
			t.Errorf("LANG=%q after Clear, want %q", got, c.want)
		}
	}
}
