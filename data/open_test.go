package data_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

func TestResolvePath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	def, err := data.DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{"", def},
		{"/tmp/x.db", "/tmp/x.db"},
		{"rel.db", "rel.db"},
	} {
		if got, err := data.ResolvePath(tc.in); err != nil || got != tc.want {
			t.Errorf("ResolvePath(%q)=%q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// OpenStore imports the corpus into a new database, and only there: a
// second open does not parse the document again, and a failing loader
// leaves a database that a later open fills.
func TestOpenStoreImportsOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "b.db")
	loads := 0
	load := func() (*app.Corpus, error) { loads++; return handCorpus(), nil }
	for i := range 2 {
		db, err := data.OpenStore(ctx, path, load)
		if err != nil {
			t.Fatalf("open %d: %v", i+1, err)
		}
		if ok, err := db.HasCorpus(ctx); err != nil || !ok {
			t.Fatalf("open %d: HasCorpus %v, %v", i+1, ok, err)
		}
		db.Close()
	}
	if loads != 1 {
		t.Fatalf("the loader ran %d times, want 1", loads)
	}

	other := filepath.Join(t.TempDir(), "c.db")
	bad := errors.New("no document")
	if _, err := data.OpenStore(ctx, other, func() (*app.Corpus, error) { return nil, bad }); !errors.Is(err, bad) {
		t.Fatalf("failing loader: %v, want it wrapped", err)
	}
	db, err := data.OpenStore(ctx, other, load)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if ok, _ := db.HasCorpus(ctx); !ok {
		t.Fatal("a later open did not import the corpus")
	}
}

// CheckFile reports a sound file as OK, an empty one as a problem (not an
// error), a missing one as ENOTFOUND, and writes to none of them.
func TestCheckFile(t *testing.T) {
	ctx := context.Background()
	good := corpusFile(t, "good.db")
	empty := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path string
		ok         bool
		code       string // the error's code; "" for none
	}{
		{"Sound", good, true, ""},
		{"Empty", empty, false, ""},
		{"Missing", filepath.Join(t.TempDir(), "none.db"), false, app.ENOTFOUND},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := os.ReadFile(tc.path)
			rep, err := data.CheckFile(ctx, tc.path)
			if got := app.ErrorCode(err); got != tc.code {
				t.Fatalf("error %v (code %q), want code %q", err, got, tc.code)
			}
			if err == nil && rep.OK() != tc.ok {
				t.Fatalf("OK()=%v (%v), want %v", rep.OK(), rep.Problems, tc.ok)
			}
			if after, _ := os.ReadFile(tc.path); string(after) != string(before) {
				t.Fatal("the check changed the file")
			}
		})
	}
}
