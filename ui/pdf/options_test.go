package pdf_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/ui/pdf"
)

// renderText renders in and returns the squeezed body text.
func renderText(t *testing.T, in pdf.Input) string {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Render(&buf, in); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return squeeze(strings.Join(bodyText(t, path), ""))
}

// TestClausesITUD prints only the ITU-D clauses: each clause that names or
// addresses ITU-D is printed, with the lead-in clauses it hangs from, and
// no other clause. Res 18 做出决议 2 ("如认为…则：") leads in to ii), which
// names ITU-D: without it ii) would read as a sub-item of 1.
func TestClausesITUD(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	p := allPack(t, db)
	p.Resolutions = []int{18, 44, 64}
	p.Options = app.PackOptions{Clauses: app.ClausesITUD, Notes: app.NotesNone}
	in, err := pdf.Gather(ctx, db, nil, &p, me)
	if err != nil {
		t.Fatal(err)
	}
	body := renderText(t, in)
	// Summaries repeat some clauses word for word: take them out first.
	for _, r := range in.Resolutions {
		s := squeeze(r.Summary)
		if !strings.Contains(body, s) {
			t.Fatalf("summary of %d missing", r.Number)
		}
		body = strings.Replace(body, s, "", 1)
	}
	kept, dropped, leads := 0, 0, 0
	for _, r := range in.Resolutions {
		leadIn := leadIns(r.Clauses)
		for _, c := range r.Clauses {
			in := strings.Contains(body, squeeze(c.Text))
			want := c.AddressesITUD() || leadIn[c.ID]
			switch {
			case want && !in:
				t.Errorf("clause %s missing (addresses ITU-D: %v)", c.ID, c.AddressesITUD())
			case !want && in:
				t.Errorf("clause %s does not address ITU-D but is printed", c.ID)
			}
			switch {
			case c.AddressesITUD():
				kept++
			case leadIn[c.ID]:
				leads++
			default:
				dropped++
			}
		}
	}
	if kept == 0 || dropped == 0 || leads == 0 {
		t.Errorf("kept %d, lead-ins %d, dropped %d: the test needs all kinds", kept, leads, dropped)
	}
	r18 := in.Resolutions[0]
	text := func(id string) string {
		for _, c := range r18.Clauses {
			if c.ID == id {
				return c.Label + c.Text
			}
		}
		t.Fatalf("Res 18 has no clause %s", id)
		return ""
	}
	if want := squeeze(text("18/resolves/1") + text("18/resolves/2") + text("18/resolves/2/ii")); !strings.Contains(body, want) {
		t.Errorf("Res 18: want 做出决议 1, 2, ii) in a row: %q", want)
	}
	if strings.Contains(body, "Overviewoftheresolutions") || strings.Contains(body, "Referencesappendix") {
		t.Errorf("overview or appendix printed though switched off")
	}
}

// leadIns returns the IDs of the clauses that a clause addressing ITU-D
// hangs from: going back under the same heading, each clause of lower
// depth than the last one found.
func leadIns(cs []app.Clause) map[string]bool {
	out := map[string]bool{}
	key := func(c app.Clause) string { return c.Section + "\x00" + c.Heading + "\x00" + c.Addressee }
	for i, c := range cs {
		if !c.AddressesITUD() {
			continue
		}
		depth := c.Depth
		for j := i - 1; j >= 0 && depth > 0 && key(cs[j]) == key(c); j-- {
			if cs[j].Depth < depth {
				if !cs[j].AddressesITUD() {
					out[cs[j].ID] = true
				}
				depth = cs[j].Depth
			}
		}
	}
	return out
}

func TestNotesOption(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	p := allPack(t, db)
	p.Resolutions = []int{44}
	in, err := pdf.Gather(ctx, db, nil, &p, me)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	in.Notes = []app.Note{
		{ID: "a", Resolution: 44, Body: "MINE-NOTE", Stance: app.StanceSupport, Created: day, Author: me},
		{ID: "b", Resolution: 44, Body: "THEIR-NOTE", Stance: app.StanceConcern, Created: day, Author: app.Author{Name: "Ana"},
			Origin: app.Origin{Imported: true, File: "ana.briefnotes"}},
		{ID: "c", Resolution: 44, Body: "DELETED-NOTE", Created: day, Deleted: true},
		{ID: "d", Resolution: 2, Body: "OTHER-RESOLUTION", Created: day},
	}
	for _, c := range []struct {
		opt        string
		mine, them bool
	}{
		{app.NotesNone, false, false},
		{app.NotesMine, true, false},
		{app.NotesAll, true, true},
	} {
		t.Run(c.opt, func(t *testing.T) {
			in.Pack.Options.Notes = c.opt
			body := renderText(t, in)
			if got := strings.Contains(body, "MINE-NOTE"); got != c.mine {
				t.Errorf("own note printed=%v, want %v", got, c.mine)
			}
			if got := strings.Contains(body, "THEIR-NOTE"); got != c.them {
				t.Errorf("imported note printed=%v, want %v", got, c.them)
			}
			if c.them && !strings.Contains(body, "fromana.briefnotes") {
				t.Errorf("imported note does not say where it came from")
			}
			if strings.Contains(body, "DELETED-NOTE") || strings.Contains(body, "OTHER-RESOLUTION") {
				t.Errorf("deleted note or note of another resolution printed")
			}
			if got := strings.Contains(body, "Ourpositions"); got != c.mine {
				t.Errorf("positions page printed=%v, want %v", got, c.mine)
			}
		})
	}
}

// TestHostileNotes feeds Render text gofpdf cannot take: it must neither
// panic nor drop the text around the bad runes.
func TestHostileNotes(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	p := allPack(t, db)
	p.Resolutions = []int{2}
	in, err := pdf.Gather(ctx, db, nil, &p, me)
	if err != nil {
		t.Fatal(err)
	}
	for i, body := range []string{
		"😀😀😀 grinning",
		"\U00020000\U0002A6D6 rare hanzi",
		"nul\x00 esc\x1b[31m del\x7f c1\u0085 tab\tend",
		"bad utf8 \xff\xfe here",
		"\u202Ereversed\u202C \u2066isolate\u2069",
		strings.Repeat("很长的注释，", 400),
		"（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（）",
	} {
		in.Notes = append(in.Notes, app.Note{ID: string(rune('a' + i)), Resolution: 2, Body: body, Stance: app.StanceWatch, Author: app.Author{Name: "x\U0001F600y"}})
	}
	in.Pack.Options.Notes = app.NotesAll
	in.Pack.Title = "Title with emoji 🎉 and \x07"
	body := renderText(t, in)
	for _, want := range []string{"□□□grinning", "□□rarehanzi", "tabend", "here", "reversed", "x□y"} {
		if !strings.Contains(body, want) {
			t.Errorf("%q missing from the PDF", want)
		}
	}
}

func TestExportAtomic(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "pack.pdf")
	old := []byte("%PDF-old file that must survive a failed export")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	leftovers := func() []string {
		es, _ := os.ReadDir(dir)
		var names []string
		for _, e := range es {
			if e.Name() != "pack.pdf" && e.Name() != "sub" {
				names = append(names, e.Name())
			}
		}
		return names
	}
	p := allPack(t, db)

	t.Run("ErrMissingResolution", func(t *testing.T) {
		bad := p
		bad.Resolutions = []int{44, 999}
		err := pdf.Export(ctx, db, nil, &bad, me, path)
		if app.ErrorCode(err) != app.ENOTFOUND {
			t.Fatalf("err=%v, want ENOTFOUND", err)
		}
	})
	t.Run("ErrInvalidPack", func(t *testing.T) {
		bad := p
		bad.Date = "yesterday"
		if err := pdf.Export(ctx, db, nil, &bad, me, path); app.ErrorCode(err) != app.EINVALID {
			t.Fatalf("err=%v, want EINVALID", err)
		}
	})
	t.Run("UnsavedPackNeedsNoName", func(t *testing.T) {
		adhoc := p
		adhoc.Name = ""
		adhoc.Resolutions = []int{44}
		if _, err := pdf.Gather(ctx, db, nil, &adhoc, me); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrNoResolutions", func(t *testing.T) {
		empty := p
		empty.Resolutions = nil
		if err := pdf.Export(ctx, db, nil, &empty, me, path); app.ErrorCode(err) != app.EINVALID {
			t.Fatalf("err=%v, want EINVALID", err)
		}
	})
	t.Run("ErrTargetIsFolder", func(t *testing.T) {
		sub := filepath.Join(dir, "sub")
		os.Mkdir(sub, 0o755)
		if err := pdf.Export(ctx, db, nil, &p, me, sub); app.ErrorCode(err) != app.EINVALID {
			t.Fatalf("err=%v, want EINVALID", err)
		}
	})
	t.Run("ErrRenameFails", func(t *testing.T) {
		// A non-empty folder where the file should go: the PDF is fully
		// rendered, then the rename fails; the temporary file must go.
		target := filepath.Join(dir, "sub2")
		os.MkdirAll(filepath.Join(target, "x"), 0o755)
		defer os.RemoveAll(target)
		err := pdf.Export(ctx, db, nil, &p, me, filepath.Join(target, "x"))
		if err == nil {
			t.Fatal("export onto a folder succeeded")
		}
		if es, _ := os.ReadDir(target); len(es) != 1 {
			t.Errorf("left behind in %s: %v", target, es)
		}
	})
	t.Run("ErrCanceled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if err := pdf.Export(cctx, db, nil, &p, me, path); err == nil {
			t.Fatal("export with a canceled context succeeded")
		}
	})
	if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
		t.Fatalf("a failed export changed the existing file")
	}
	if l := leftovers(); len(l) != 0 {
		t.Fatalf("failed exports left files behind: %v", l)
	}

	if err := pdf.Export(ctx, db, nil, &p, me, path); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if !bytes.HasPrefix(got, []byte("%PDF-1.")) || !bytes.HasSuffix(bytes.TrimSpace(got), []byte("%%EOF")) {
		t.Fatalf("exported file is not a whole PDF")
	}
	if l := leftovers(); len(l) != 0 {
		t.Fatalf("export left files behind: %v", l)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
}

// TestMetadataWithoutTarget prints a pack of all resolutions, as the
// command line makes it (a custom target labelled "WTSA-20"), by nobody:
// pdfinfo shows a subject that makes sense, no keyword twice and no author.
func TestMetadataWithoutTarget(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	p := allPack(t, db)
	p.Resolutions = []int{2, 44}
	p.Target, p.TargetLabel, p.Author, p.Delegation, p.Meeting = app.TargetCustom, "WTSA-20", "", "", ""
	in, err := pdf.Gather(ctx, db, nil, &p, app.Author{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := pdf.Render(&buf, in); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	info := pdfInfo(t, path)
	if got, want := info["Subject"], "WTSA-20 resolutions relevant to ITU-D"; got != want {
		t.Errorf("Subject %q, want %q", got, want)
	}
	if got, want := info["Keywords"], "WTSA-20, ITU-D, Resolution 2, Resolution 44"; got != want {
		t.Errorf("Keywords %q, want %q", got, want)
	}
	if a, ok := info["Author"]; ok {
		t.Errorf("Author %q, want none", a)
	}
}
