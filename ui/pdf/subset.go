package pdf

import (
	"bytes"
	"crypto/sha256"
	"strconv"
	"strings"
)

// faces are the bundled faces as gofpdf names them in the file ("utf8"
// and its font key: the family in lower case, then the style) and their
// PostScript names (the fonts' name tables).
var faces = []struct{ gofpdf, postScript string }{
	{"utf8" + strings.ToLower(family), "NotoSansSC-Regular"},
	{"utf8" + strings.ToLower(family) + "B", "NotoSansSC-Bold"},
}

// tagSubsets gives the embedded fonts the names PDF expects of a subset:
// a tag of six capital letters, "+", the PostScript name
// ("KQWZRT+NotoSansSC-Regular"), which readers and preflight tools use to
// tell an embedded subset from the whole font. gofpdf 1.16.2 names them
// "utf8" + its font key with no way to change it, so the names are
// rewritten in the finished file, where each is written three times (the
// font, its CID font, its descriptor), always followed by a newline. The
// new name, padded with spaces, takes exactly the old one's bytes, so the
// cross-reference table's offsets stay right; family is long enough for
// that. If gofpdf wrote anything else than expected, the file is left as
// it is.
//
// The tag comes from a hash of the file, so the same pack gives the same
// bytes and a different subset a different tag.
func tagSubsets(pdf []byte) []byte {
	sum := sha256.Sum256(pdf)
	type swap struct{ old, new []byte }
	var swaps []swap
	for i, f := range faces {
		old := "/" + f.gofpdf + "\n"
		tag := make([]byte, 6)
		for j := range tag {
			tag[j] = 'A' + sum[6*i+j]%26
		}
		name := "/" + string(tag) + "+" + f.postScript
		if len(name)+1 > len(old) || bytes.Count(pdf, []byte(old)) != 3 {
			return pdf
		}
		swaps = append(swaps, swap{[]byte(old), []byte(name + strings.Repeat(" ", len(old)-len(name)-1) + "\n")})
	}
	for _, s := range swaps {
		pdf = bytes.ReplaceAll(pdf, s.old, s.new)
	}
	return pdf
}

// setLang writes the pack's language into the document catalog
// ("/Lang (zh-CN)"), which screen readers and text extraction use to
// pick a voice and a word breaker. gofpdf 1.16.2 has no way to say it, so
// it goes in after "/Type /Catalog" in the finished file. The catalog is
// the last object gofpdf writes, just before the cross-reference table,
// so no object moves: only the table's own offset after "startxref"
// grows by the bytes added. If gofpdf wrote anything else than expected,
// the file is left as it is.
func setLang(pdf []byte, lang string) []byte {
	const catalog = "/Type /Catalog\n"
	i := bytes.LastIndex(pdf, []byte(catalog))
	x := bytes.LastIndex(pdf, []byte("\nxref\n"))
	s := bytes.LastIndex(pdf, []byte("startxref\n"))
	if lang == "" || i < 0 || x < i || s < x || bytes.Count(pdf, []byte(catalog)) != 1 {
		return pdf
	}
	end := bytes.IndexByte(pdf[s+len("startxref\n"):], '\n')
	if end < 0 {
		return pdf
	}
	numAt := s + len("startxref\n")
	off, err := strconv.Atoi(string(pdf[numAt : numAt+end]))
	if err != nil || off != x+1 {
		return pdf
	}
	add := []byte("/Lang (" + lang + ")\n")
	at := i + len(catalog)
	out := make([]byte, 0, len(pdf)+len(add)+2)
	out = append(out, pdf[:at]...)
	out = append(out, add...)
	out = append(out, pdf[at:numAt]...)
	out = strconv.AppendInt(out, int64(off+len(add)), 10)
	out = append(out, pdf[numAt+end:]...)
	return out
}
