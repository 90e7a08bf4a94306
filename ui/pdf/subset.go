package pdf

import (
	"bytes"
	"crypto/sha256"
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
