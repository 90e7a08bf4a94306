package pdf_test

import (
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
)

// needTool returns the path of a poppler tool. Without it the test is
// skipped on a developer's machine, and fails in CI, which installs
// poppler-utils (.ci/deps --test).
func needTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not found: CI must install poppler-utils", name)
		}
		t.Skipf("%s not found: apt-get install poppler-utils", name)
	}
	return p
}

func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(needTool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// bodyText extracts the text of each page's body, without the running
// header and footer (the crop box is in points: 18 mm to 277 mm down).
func bodyText(t testing.TB, path string) []string {
	t.Helper()
	all := run(t, "pdftotext", "-enc", "UTF-8", "-x", "0", "-y", "51", "-W", "595", "-H", "734", path, "-")
	pages := strings.Split(all, "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// squeeze drops all white space, so text can be compared apart from
// where lines were broken.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pdfInfo returns pdfinfo's fields.
func pdfInfo(t testing.TB, path string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, ln := range strings.Split(run(t, "pdfinfo", "-enc", "UTF-8", path), "\n") {
		if k, v, ok := strings.Cut(ln, ":"); ok {
			m[k] = strings.TrimSpace(v)
		}
	}
	return m
}

var titleRe = regexp.MustCompile(`<</Title \(`)

// outlineTitles reads the titles of the PDF's outline (bookmarks) from the
// file itself: gofpdf writes them as uncompressed UTF-16 strings.
func outlineTitles(t testing.TB, pdf []byte) []string {
	t.Helper()
	var out []string
	for _, loc := range titleRe.FindAllIndex(pdf, -1) {
		var raw []byte
		i := loc[1]
		for ; i < len(pdf) && pdf[i] != ')'; i++ {
			c := pdf[i]
			if c == '\\' && i+1 < len(pdf) {
				i++
				switch pdf[i] {
				case 'r':
					c = '\r'
				case 'n':
					c = '\n'
				default:
					c = pdf[i]
				}
			}
			raw = append(raw, c)
		}
		if !bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) || len(raw)%2 != 0 {
			t.Fatalf("outline title %q is not UTF-16BE with a BOM", raw)
		}
		u := make([]uint16, 0, len(raw)/2-1)
		for j := 2; j < len(raw); j += 2 {
			u = append(u, uint16(raw[j])<<8|uint16(raw[j+1]))
		}
		out = append(out, string(utf16.Decode(u)))
	}
	return out
}
