package pdf_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/ui/pdf"
)

// TestAllResolutions exports a pack of all 28 resolutions with notes and
// checks the PDF with poppler as a reader would: every clause of the real
// corpus is in it, word for word; the contents give the right pages; the
// outline covers each resolution; fonts are embedded; metadata is set.
func TestAllResolutions(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	addNotes(t, db)
	p := allPack(t, db)
	path := filepath.Join(t.TempDir(), "all.pdf")
	if err := pdf.Export(ctx, db, db, &p, me, path); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := db.Resolutions(ctx, app.ResolutionFilter{Full: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 28 {
		t.Fatalf("corpus has %d resolutions, want 28", len(rs))
	}
	pages := bodyText(t, path)
	body := squeeze(strings.Join(pages, ""))

	t.Run("EveryClauseVerbatim", func(t *testing.T) {
		n := 0
		for _, r := range rs {
			for _, c := range r.Clauses {
				n++
				if !strings.Contains(body, squeeze(c.Text)) {
					t.Errorf("clause %s is not in the PDF as written: %q", c.ID, c.Text)
				}
			}
			if !strings.Contains(body, squeeze(r.DisplayTitle())) {
				t.Errorf("title of resolution %d missing", r.Number)
			}
		}
		if n < 200 {
			t.Errorf("only %d clauses checked; the corpus has more", n)
		}
	})

	t.Run("Kinsoku", func(t *testing.T) {
		for i, pg := range pages {
			for _, ln := range strings.Split(pg, "\n") {
				ln = strings.TrimSpace(ln)
				if ln != "" && strings.ContainsRune("，。、；：？！）」』】〉》", []rune(ln)[0]) {
					t.Errorf("page %d: line starts with closing punctuation: %q", i+1, ln)
				}
			}
		}
	})

	t.Run("ContentsPages", func(t *testing.T) {
		// Each "Res N ... page" line of the contents names the page whose
		// body starts with "Resolution N".
		toc := run(t, "pdftotext", "-enc", "UTF-8", "-layout", "-f", "2", "-l", "3", path, "-")
		re := regexp.MustCompile(`(?m)^\s*Res (\d+)\s.*?\s(\d+)\s*$`)
		found := 0
		for _, m := range re.FindAllStringSubmatch(toc, -1) {
			pg, _ := strconv.Atoi(m[2])
			if pg < 1 || pg > len(pages) {
				t.Errorf("contents: Res %s on page %d of %d", m[1], pg, len(pages))
				continue
			}
			if want := "Resolution " + m[1]; !strings.HasPrefix(strings.TrimSpace(pages[pg-1]), want) {
				t.Errorf("contents: Res %s on page %d, which starts %.40q", m[1], pg, strings.TrimSpace(pages[pg-1]))
			}
			found++
		}
		// Titles that wrap put the page number on a later line; most fit.
		if found < 20 {
			t.Errorf("only %d contents lines with page numbers found:\n%s", found, toc)
		}
	})

	t.Run("Outline", func(t *testing.T) {
		titles := strings.Join(outlineTitles(t, raw), "\n")
		for _, r := range rs {
			if !strings.Contains(titles, fmt.Sprintf("Resolution %d %s", r.Number, r.DisplayTitle())) {
				t.Errorf("no outline entry for resolution %d", r.Number)
			}
		}
		for _, want := range []string{"Contents", "Our positions", "Overview of the resolutions", "References appendix", "责成 instructs", "WTDC resolutions"} {
			if !strings.Contains(titles, want) {
				t.Errorf("no outline entry %q", want)
			}
		}
	})

	t.Run("Links", func(t *testing.T) {
		// Contents and overview lines link to each resolution, appendix
		// citations to the citing pages: at least two links a resolution.
		if n := bytes.Count(raw, []byte("/Subtype /Link")); n < 2*len(rs) {
			t.Errorf("%d links, want at least %d", n, 2*len(rs))
		}
	})

	t.Run("FontsEmbedded", func(t *testing.T) {
		fonts := run(t, "pdffonts", path)
		lines := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
		if len(lines) != 2 {
			t.Fatalf("want the regular and bold faces, got:\n%s", fonts)
		}
		for _, ln := range lines {
			f := strings.Fields(ln)
			// name type type encoding emb sub uni ...
			if f[1] != "CID" || f[4] != "yes" || f[6] != "yes" {
				t.Errorf("font not embedded with a Unicode map: %s", ln)
			}
			if f[5] != "yes" || !strings.Contains(f[0], "+NotoSansSC-") {
				t.Errorf("font not named as a subset: %s", ln)
			}
		}
		// Embedded whole, the two faces would be 5 MB.
		if len(raw) > 2<<20 {
			t.Errorf("PDF is %d bytes: the fonts are not subset", len(raw))
		}
	})

	t.Run("Metadata", func(t *testing.T) {
		info := pdfInfo(t, path)
		for k, want := range map[string]string{
			"Title":        p.Title,
			"Author":       "Li Wei (China)",
			"Subject":      "WTSA-20 resolutions for WTDC preparation, WTDC-25 preparatory meeting, Geneva",
			"Creator":      "BriefDesk",
			"CreationDate": "Mon May  4 00:00:00 2026 UTC",
			"Page size":    "595.28 x 841.89 pts (A4)",
			"Pages":        strconv.Itoa(len(pages)),
		} {
			if info[k] != want {
				t.Errorf("pdfinfo %s=%q, want %q", k, info[k], want)
			}
		}
		if !strings.Contains(info["Keywords"], "Resolution 44") {
			t.Errorf("Keywords=%q", info["Keywords"])
		}
	})

	t.Run("PositionsAndNotes", func(t *testing.T) {
		for _, want := range []string{"Ourpositions", "Support(1)", "Concern(1)", "Watch(1)",
			"支持继续执行行动计划", "SUPPORT·LiWei(China)·2026-04-20·highpriority", "#wtdc#bsg"} {
			if !strings.Contains(body, want) {
				t.Errorf("%q missing", want)
			}
		}
	})

	t.Run("Placeholders", func(t *testing.T) {
		// 😀, U+20000 and the bell print as the placeholder; the bidi
		// override is dropped.
		want := squeeze("Emoji □ and U+20000 □ and a bell □ and bidi evil")
		if !strings.Contains(body, want) {
			t.Errorf("note with unprintable runes: want %q in the text", want)
		}
	})
}

func TestDeterministic(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	addNotes(t, db)
	p := allPack(t, db)
	in, err := pdf.Gather(ctx, db, db, &p, me)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := pdf.Render(&a, in); err != nil {
		t.Fatal(err)
	}
	// The same data in another order gives the same file.
	for i, j := 0, len(in.Notes)-1; i < j; i, j = i+1, j-1 {
		in.Notes[i], in.Notes[j] = in.Notes[j], in.Notes[i]
	}
	if err := pdf.Render(&b, in); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("two renders differ (%d and %d bytes)", a.Len(), b.Len())
	}
	if bytes.Contains(a.Bytes(), []byte("/ID")) {
		t.Errorf("PDF has a file ID, which would differ between runs")
	}
	if !bytes.Contains(a.Bytes(), []byte("/CreationDate (D:20260504000000)")) {
		t.Errorf("creation date is not the pack date")
	}
}
