package cli

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

type failingWriter struct{ after int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.after <= 0 {
		return 0, errors.New("no space left on device")
	}
	w.after--
	return len(p), nil
}

// Output that cannot be written (a full disk, a closed pipe) is a failure,
// in text and JSON alike.
func TestWriteErrorsFail(t *testing.T) {
	db := readDB(t)
	for _, args := range [][]string{
		{"show", "44"}, {"overview"}, {"search", "电磁"}, {"check"}, {"list"}, {"show", "44", "--json"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var errb strings.Builder
			code := Run(context.Background(), testServices, Global{DB: db}, args, &failingWriter{}, &errb)
			if code != ExitFailure || !strings.Contains(errb.String(), "cannot write") {
				t.Fatalf("exit %d, stderr %q; want %d and a message", code, errb.String(), ExitFailure)
			}
		})
	}
}

// --db "" is a mistake (an unset variable in a script), not a request for
// the default database.
func TestEmptyDBPathIsAUsageError(t *testing.T) {
	for _, args := range [][]string{
		{"--db", "", "list"}, {"--db=", "list"}, {"list", "--db", ""}, {"--db", " ", "list"},
	} {
		code, _, stderr := run(t, args...)
		if code != ExitUsage || !strings.Contains(stderr, "--db needs a file path") {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
}

// Reference keys are found the way people type them; an unknown or
// ambiguous one is said so, never answered with an empty list.
func TestRefKeysAsTyped(t *testing.T) {
	db := readDB(t)
	for _, c := range []struct {
		ref      string
		code     int
		wantRes  string // a resolution number the list must show
		wantText string // in stderr
	}{
		{"WTDC Res 59", ExitOK, "18", ""},
		{"wtdc res 59", ExitOK, "18", ""},
		{"SG17", ExitOK, "50", ""},
		{"Q3/2", ExitOK, "50", ""},
		{"SG2", ExitUsage, "", "ITU-D SG2, ITU-T SG2"},
		{"nonsense", ExitFailure, "", "no resolution cites"},
		{"", ExitUsage, "", "--ref needs a key"},
	} {
		code, out, stderr := run(t, "--db", db, "list", "--ref", c.ref)
		if code != c.code || !strings.Contains(stderr, c.wantText) {
			t.Errorf("--ref %q: exit %d, stderr %q; want %d and %q", c.ref, code, stderr, c.code, c.wantText)
			continue
		}
		if c.wantRes != "" && !strings.Contains(out, "\n"+c.wantRes+" ") {
			t.Errorf("--ref %q: resolution %s missing from\n%s", c.ref, c.wantRes, out)
		}
	}
	if code, _, _ := run(t, "--db", db, "refs", "--kind", ""); code != ExitUsage {
		t.Errorf(`refs --kind "": exit %d, want %d`, code, ExitUsage)
	}
}

// A resolution named by its number comes first, as in the window.
func TestSearchByNumber(t *testing.T) {
	db := readDB(t)
	for _, q := range []string{"72", "第72号", "Res 72", "#72"} {
		var hits []hitJSON
		code, out, stderr := run(t, "--db", db, "search", q, "--json")
		if code != ExitOK || json.Unmarshal([]byte(out), &hits) != nil || len(hits) == 0 {
			t.Fatalf("search %q: exit %d, %q, %q", q, code, out, stderr)
		}
		if hits[0].Number != 72 || hits[0].Field != "number" {
			t.Errorf("search %q: first hit %+v, want resolution 72 by its number", q, hits[0])
		}
	}
	code, out, _ := run(t, "--db", db, "search", "999")
	if code != ExitOK || !strings.Contains(out, "no matches") {
		t.Errorf("search 999: exit %d, %q", code, out)
	}
}
