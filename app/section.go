package app

// SectionInfo describes one kind of heading in the operative text.
type SectionInfo struct {
	Key     string // canonical key used in clause IDs and JSON
	Chinese string // the heading as the document prints it
	English string // the usual English heading of ITU resolutions
}

// Sections lists the headings the source document uses, in the order they
// usually appear in a resolution. Side-by-side tables line sections up by
// Key; the parser recognises a heading by its Chinese text. Headings not
// in this list (such as the study-group terms of reference in Res 2) get
// the key "other" and keep their own text in Clause.Heading.
var Sections = []SectionInfo{
	{"resolution", "决议", "the resolution"},
	{"recalling", "忆及", "recalling"},
	{"recognizing", "认识到", "recognizing"},
	{"considering", "考虑到", "considering"},
	{"noting", "注意到", "noting"},
	{"resolves", "做出决议", "resolves"},
	{"further-resolves", "进一步做出决议", "further resolves"},
	{"instructs", "责成", "instructs"},
	{"further-instructs", "进一步责成", "further instructs"},
	{"invites", "请", "invites"},
	{"encourages", "鼓励", "encourages"},
	{"calls-upon", "呼吁", "calls upon"},
	{"annex", "附件", "annex"},
	{"other", "", "other"},
}

// SectionByKey returns the SectionInfo for key, and false if unknown.
func SectionByKey(key string) (SectionInfo, bool) {
	for _, s := range Sections {
		if s.Key == key {
			return s, true
		}
	}
	return SectionInfo{}, false
}

// SectionOrder returns the position of key in Sections (len(Sections) if
// unknown), so tables can sort sections the way resolutions order them.
func SectionOrder(key string) int {
	for i, s := range Sections {
		if s.Key == key {
			return i
		}
	}
	return len(Sections)
}
