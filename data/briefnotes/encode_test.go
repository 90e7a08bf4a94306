package briefnotes_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/data/briefnotes"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// sample is a file with one of everything: a clause note, a resolution
// note, a tombstone, text a terminal or a bidi renderer could misuse, and
// a pack definition.
func sample() briefnotes.File {
	me := app.Author{Name: "李明", Delegation: "China"}
	return briefnotes.File{
		ExportedAt: at("2026-05-03T10:00:00.5Z"),
		Exporter:   me,
		Corpus:     app.Source{Name: "000_059b8ff9dea9352a.txt", Fingerprint: fp},
		Notes: []app.Note{
			{ID: id1, Resolution: 44, ClauseID: "44/instructs/9", ClauseHash: app.ClauseHash("责成电信发展局主任"),
				Author: me, Body: "支持。Support <BDT> & \"TSB\".\n第二段", Stance: app.StanceSupport,
				Priority: 1, Tags: []string{"SG1", "财务"},
				Created: at("2026-05-01T08:00:00Z"), Updated: at("2026-05-02T09:30:15.123Z"),
				History: []string{"3f2a9c0d1e4b5a67", "8e1d2c3b4a596877"}},
			{ID: id2, Resolution: 59, Author: app.Author{Name: "Amina"}, Body: "watch\x1b[31m \u202Eevil",
				Stance: app.StanceWatch, Created: at("2026-05-01T08:00:00Z"), Updated: at("2026-05-01T08:00:00Z")},
			{ID: "5d8c6b1e-0f2a-4b3c-9d4e-6f7a8b9c0d1e", Resolution: 1, Author: me, Stance: app.StanceNone,
				Created: at("2026-04-01T00:00:00Z"), Updated: at("2026-04-02T00:00:00Z"), Deleted: true},
		},
		Packs: []app.Pack{{Name: "sg1-may", Title: "ITU-D SG1 briefing", Target: app.TargetSG1,
			Delegation: "China", Author: "李明", Meeting: "ITU-D SG1, Geneva, 2026-05", Date: "2026-05-04",
			Resolutions: []int{44, 59}, Options: app.PackOptions{Clauses: app.ClausesITUD, Notes: app.NotesMine, Overview: true},
			Updated: at("2026-05-02T00:00:00.123456Z")},
			// A pack in Chinese with both optional parts: the members a
			// pack with the defaults leaves out.
			{Name: "sg1-zh", Title: "研究组1简报", Target: app.TargetSG1, Lang: app.LangZH,
				Resolutions: []int{44}, Options: app.PackOptions{Clauses: app.ClausesITUD, Notes: app.NotesNone,
					Checklist: true, ClauseIDs: true},
				Updated: at("2026-05-02T00:00:01Z")}},
	}
}

func TestEncodeGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := briefnotes.Encode(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "sample.briefnotes")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update once to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Fatalf("Encode output differs from %s (go test -update to accept):\n%s", golden, buf.String())
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	in := sample()
	var buf bytes.Buffer
	if err := briefnotes.Encode(&buf, in); err != nil {
		t.Fatal(err)
	}
	got, err := briefnotes.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	// The file keeps milliseconds; the pack's microseconds are dropped.
	in.ExportedAt = briefnotes.Time(in.ExportedAt)
	for i := range in.Packs {
		in.Packs[i].Updated = briefnotes.Time(in.Packs[i].Updated)
	}
	sameFile(t, got, &in)
	if got.Notes[1].Body != in.Notes[1].Body {
		t.Errorf("body %q changed to %q: a file keeps text as written", in.Notes[1].Body, got.Notes[1].Body)
	}
}

func TestEncodeRefusesInvalid(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(*briefnotes.File)
		want string
	}{
		{"EmptyBody", func(f *briefnotes.File) { f.Notes[0].Body = "" }, "body is empty"},
		{"BadID", func(f *briefnotes.File) { f.Notes[0].ID = "x" }, "not a UUID"},
		{"DuplicateID", func(f *briefnotes.File) { f.Notes[1].ID = id1 }, "same id"},
		{"NoFingerprint", func(f *briefnotes.File) { f.Corpus.Fingerprint = "" }, "fingerprint"},
		{"SubMillisecond", func(f *briefnotes.File) { f.Notes[0].Updated = f.Notes[0].Updated.Add(time.Microsecond) }, "finer than a millisecond"},
		{"BadPack", func(f *briefnotes.File) { f.Packs[0].Target = "mars" }, "pack 1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := sample()
			c.edit(&f)
			var buf bytes.Buffer
			err := briefnotes.Encode(&buf, f)
			if app.ErrorCode(err) != app.EINVALID || !strings.Contains(app.ErrorMessage(err), c.want) {
				t.Fatalf("Encode: %v, want EINVALID saying %q", err, c.want)
			}
			if buf.Len() != 0 {
				t.Fatalf("Encode wrote %d bytes of a file it refused", buf.Len())
			}
		})
	}
}
