package pdf_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/ui/pdf"
)

// TestPackLanguage prints the all-28 pack in Chinese and in English and
// reads each back as a reader would: headings, running header and footer,
// dates and bookmarks in the pack's language, no English glosses in the
// Chinese pack, the catalog's /Lang, and the same bytes twice.
func TestPackLanguage(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	addNotes(t, db)
	for _, c := range []struct {
		lang, pdfLang string
		want, not     []string
		bookmarks     []string
	}{
		{app.LangZH, "zh-CN",
			[]string{"目录", "我方立场", "决议概览", "第44号决议", "附录", "第 3 页 / 共 ", "2026年5月4日", "简报材料", "做出决议", "引用", "脚注", "以下为摘录，并非决议全文"},
			[]string{"Contents", "Our positions", "Overview", "Resolution 44", "Page 3 of", "2026-05-04", "resolves", "instructs", "recalling", "References", "Footnotes", "Summary", "Table 1", "SUPPORT"},
			[]string{"目录", "我方立场", "决议概览", "第44号决议", "附录：引用索引", "责成"}},
		{app.LangEN, "en",
			[]string{"Contents", "Our positions", "Overview of the resolutions", "Resolution 44", "Page 3 of ", "2026-05-04", "resolves", "These are extracts, not whole resolutions"},
			[]string{"目录", "第 3 页", "2026年5月4日"},
			[]string{"Contents", "Our positions", "Overview of the resolutions", "Resolution 44", "References appendix"}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			p := allPack(t, db)
			p.Lang = c.lang
			path := filepath.Join(t.TempDir(), c.lang+".pdf")
			if err := pdf.Export(ctx, db, db, &p, me, path); err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(raw, []byte("/Type /Catalog\n/Lang ("+c.pdfLang+")\n")) {
				t.Errorf("catalog does not say /Lang (%s)", c.pdfLang)
			}
			// Adding /Lang moved the cross-reference table: startxref
			// must still point at it.
			if i := bytes.LastIndex(raw, []byte("startxref\n")); i < 0 {
				t.Error("no startxref")
			} else if at, err := strconv.Atoi(strings.Fields(string(raw[i+10:]))[0]); err != nil || !bytes.HasPrefix(raw[at:], []byte("xref\n0 ")) {
				t.Errorf("startxref does not point at the xref table")
			}
			all := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
			// Justified and compressed lines still give back every clause
			// word for word, and no line starts with closing punctuation.
			pages := bodyText(t, path)
			body := squeeze(strings.Join(pages, ""))
			rs, err := db.Resolutions(ctx, app.ResolutionFilter{Full: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs {
				for _, cl := range r.Clauses {
					if !strings.Contains(body, squeeze(cl.Text)) {
						t.Errorf("%s: clause %s is not in the PDF as written", c.lang, cl.ID)
					}
				}
			}
			for i, pg := range pages {
				for _, ln := range strings.Split(pg, "\n") {
					if ln = strings.TrimSpace(ln); ln != "" && strings.ContainsRune("，。、；：？！）」』】〉》", []rune(ln)[0]) {
						t.Errorf("%s page %d: line starts with %q: %q", c.lang, i+1, []rune(ln)[0], ln)
					}
				}
			}
			for _, w := range c.want {
				if !strings.Contains(all, w) {
					t.Errorf("%s pack lacks %q", c.lang, w)
				}
			}
			for _, w := range c.not {
				if strings.Contains(all, w) {
					t.Errorf("%s pack says %q", c.lang, w)
				}
			}
			marks := strings.Join(outlineTitles(t, raw), "\n")
			for _, w := range c.bookmarks {
				if !strings.Contains(marks, w) {
					t.Errorf("%s bookmarks lack %q", c.lang, w)
				}
			}
			if c.lang == app.LangZH {
				// Bookmarks in Chinese: no English words but the
				// corpus's own names (ITU-D, BDT, WTSA-20, …).
				latin := regexp.MustCompile(`[A-Za-z]{4,}`)
				rs, err := db.Resolutions(ctx, app.ResolutionFilter{})
				if err != nil {
					t.Fatal(err)
				}
				for _, m := range outlineTitles(t, raw) {
					for _, r := range rs {
						m = strings.Replace(m, r.DisplayTitle(), "", 1) // the corpus's own words
					}
					for _, w := range latin.FindAllString(m, -1) {
						if w != "WTSA" && w != "WTDC" && w != "TDAG" {
							t.Errorf("Chinese bookmark %q has the English word %q", m, w)
						}
					}
				}
			}
			in, err := pdf.Gather(ctx, db, db, &p, me)
			if err != nil {
				t.Fatal(err)
			}
			var again bytes.Buffer
			if err := pdf.Render(&again, in); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again.Bytes(), raw) {
				t.Errorf("the same %s pack and date gave different bytes", c.lang)
			}
			t.Logf("%s: %d pages, %d bytes", c.lang, len(bodyText(t, path)), len(raw))
		})
	}
}
