package app

import (
	"strings"
	"unicode"
)

// IsLatinWordQuery reports whether a search is made of Latin words only
// (letters, with digits, spaces and hyphens between them): an English
// word such as "cybersecurity", which the Chinese text cannot contain,
// as against a code like ITU-D or E.161.1 that it can.
func IsLatinWordQuery(q string) bool {
	q = strings.TrimSpace(q)
	letters := 0
	for _, r := range q {
		switch {
		case r < unicode.MaxASCII && unicode.IsLetter(r):
			letters++
		case r == ' ' || r == '-' || r == '\'' || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return letters >= 2
}

// chineseTerms maps a few English words delegates search for to the term
// the document uses. Only words with one obvious term are here: a wrong
// suggestion is worse than none. Every term occurs in the embedded
// document (the test checks).
var chineseTerms = map[string]string{
	"cybersecurity":             "网络安全",
	"cyber security":            "网络安全",
	"security":                  "网络安全",
	"developing countries":      "发展中国家",
	"developing country":        "发展中国家",
	"standardization":           "标准化",
	"standardisation":           "标准化",
	"climate change":            "气候变化",
	"climate":                   "气候变化",
	"accessibility":             "无障碍",
	"capacity building":         "能力建设",
	"internet":                  "互联网",
	"internet of things":        "物联网",
	"e-waste":                   "电子废物",
	"counterfeit":               "假冒",
	"counterfeiting":            "假冒",
	"gender":                    "妇女",
	"women":                     "妇女",
	"least developed countries": "最不发达国家",
	"broadband":                 "宽带",
	"digital transformation":    "数字化转型",
	"emf":                       "电磁场",
	"electromagnetic fields":    "电磁场",
	"interoperability":          "互操作性",
	"numbering":                 "号码",
	"training":                  "培训",
	"persons with disabilities": "残疾人",
	"disabilities":              "残疾人",
}

// ChineseTermFor returns the document's Chinese term for an English
// search, when there is one obvious term, and false otherwise.
func ChineseTermFor(q string) (string, bool) {
	k := strings.Join(strings.Fields(strings.ToLower(q)), " ")
	t, ok := chineseTerms[k]
	return t, ok
}
