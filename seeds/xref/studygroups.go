package xref

import (
	"regexp"
	"strconv"
	"strings"

	"briefdesk/app"
)

// sgNumber is one study-group number, in digits or Chinese numerals
// (第五研究组 in the Table 1 summary of Res 73).
const sgNumber = `(?:\d{1,2}|[一二三四五六七八九十]{1,3})`

// sgRE matches 第17研究组 and lists such as 第5、17和20研究组.
var sgRE = regexp.MustCompile(`第\s*(` + sgNumber + `(?:\s*(?:以及|、|和|及|与)\s*第?\s*` + sgNumber + `)*)\s*研究组`)

var sgNumberRE = regexp.MustCompile(sgNumber)

// sectorTailRE matches a sector named right before a study group:
// ITU-D, 电信发展部门（ITU-D）, 国际电联电信标准化部门, （ITU-T）.
var sectorTailRE = regexp.MustCompile(`(?:(ITU-[DTR])|(?:国际电联)?(电信发展部门|发展部门|电信标准化部门|标准化部门|无线电通信部门)\s*(?:[（(]\s*(ITU-[DTR])\s*[）)])?|[（(]\s*(ITU-[DTR])\s*[）)])\s*的?\s*$`)

// sectorRE matches any sector name, for Questions, whose sector is often
// named earlier in the sentence (ITU-D第2研究组在……第2/2号课题方面).
var sectorRE = regexp.MustCompile(`ITU-[DTR]|电信发展部门|发展部门|电信标准化部门|标准化部门|无线电通信部门`)

// sectorOf maps a sector name or abbreviation to "ITU-D", "ITU-T" or "ITU-R".
func sectorOf(name string) string {
	switch {
	case strings.HasPrefix(name, "ITU-"):
		return name
	case strings.Contains(name, "发展"):
		return "ITU-D"
	case strings.Contains(name, "无线电"):
		return "ITU-R"
	}
	return "ITU-T"
}

// scanStudyGroups finds study groups. The sector is the one named right
// before the number; a bare 第5研究组 is ITU-T's, because every resolution
// here is a WTSA resolution speaking of its own study groups. ITU-R study
// groups have no kind and are skipped.
func scanStudyGroups(ms []match, text string) []match {
	for _, m := range sgRE.FindAllStringSubmatchIndex(text, -1) {
		start, end := m[0], m[1]
		sector, textStart := "ITU-T", start
		pre := tail(text[:start], 64)
		if s := sectorTailRE.FindStringSubmatchIndex(pre); s != nil {
			for g := 8; g >= 2; g -= 2 { // the abbreviation wins over the name
				if s[g] >= 0 {
					sector = sectorOf(pre[s[g]:s[g+1]])
					break
				}
			}
			textStart = start - len(pre) + s[0]
		}
		kind := app.RefITUTSG
		switch sector {
		case "ITU-D":
			kind = app.RefITUDSG
		case "ITU-R":
			continue
		}
		for _, n := range sgNumberRE.FindAllString(text[m[2]:m[3]], -1) {
			v := parseNumber(n)
			if v <= 0 {
				continue
			}
			ms = append(ms, match{start: textStart, end: end, ref: app.Ref{
				Kind: kind,
				Key:  sector + " SG" + strconv.Itoa(v),
				Text: text[textStart:end],
			}})
		}
	}
	return ms
}

// parseNumber reads 17 or 十七 (up to 九十九); it returns 0 for anything else.
func parseNumber(s string) int {
	if v, err := strconv.Atoi(s); err == nil {
		return v
	}
	rs := []rune(s)
	digit := func(i int) int { // 一..九 -> 1..9, anything else -> 0
		if i >= len(rs) {
			return 0
		}
		if b := strings.IndexRune("一二三四五六七八九", rs[i]); b >= 0 {
			return b/len("一") + 1
		}
		return 0
	}
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return digit(0)
	case len(rs) == 2 && rs[0] == '十':
		return 10 + digit(1)
	case len(rs) >= 2 && rs[1] == '十' && digit(0) > 0 && (len(rs) == 2 || digit(2) > 0):
		return 10*digit(0) + digit(2)
	}
	return 0
}

// questionRE matches 第3/2号课题 and the old numbering 第14-3/2号课题; qRE
// matches Q3/2.
var (
	questionRE = regexp.MustCompile(`第\s*(\d{1,2}(?:-\d{1,2})?)\s*/\s*(\d{1,2})\s*号?课题`)
	qRE        = regexp.MustCompile(`Q(\d{1,2}(?:-\d{1,2})?)/(\d{1,2})\b`)
)

// scanQuestions finds ITU-D Questions. The sector is the last one named in
// the sentence before the Question; with none named, only study groups 1
// and 2 (the only ITU-D ones) make it an ITU-D Question. ITU-T Questions
// have no kind and are skipped.
func scanQuestions(ms []match, text string) []match {
	for _, re := range []*regexp.Regexp{questionRE, qRE} {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			start, end := m[0], m[1]
			if re == qRE && start > 0 && isWordByte(text[start-1]) {
				continue // FAQ1/2 is not Q1/2
			}
			q, sg := text[m[2]:m[3]], text[m[4]:m[5]]
			sector := ""
			if all := sectorRE.FindAllString(sentence(text[:start], 240), -1); len(all) > 0 {
				sector = sectorOf(all[len(all)-1])
			} else if sg == "1" || sg == "2" {
				sector = "ITU-D"
			}
			if sector != "ITU-D" {
				continue
			}
			// Highlight ITU-D in ITU-D第3/2号课题 along with the number.
			textStart := start
			pre := tail(text[:start], 64)
			if s := sectorTailRE.FindStringIndex(pre); s != nil {
				textStart = start - len(pre) + s[0]
			}
			ms = append(ms, match{start: textStart, end: end, ref: app.Ref{
				Kind: app.RefITUDQuestion,
				Key:  "ITU-D Q" + q + "/" + sg,
				Text: text[textStart:end],
			}})
		}
	}
	return ms
}

// recRE matches a Recommendation number, with its sector before it or
// 建议书 after it: ITU-T E.161.1建议书, E.164建议书, ITU-R M.2083.
var recRE = regexp.MustCompile(`(?:\b(ITU-[TR])\s*)?\b([A-Z]\.\d{1,4}(?:\.\d{1,4})*)\b(\s*号?建议书)?`)

// scanRecommendations finds Recommendations; one with no sector named is
// an ITU-T Recommendation, as WTSA resolutions cite their own sector's.
func scanRecommendations(ms []match, text string) []match {
	if !strings.Contains(text, ".") {
		return ms // Chinese sentences end in 。; most clauses cite none
	}
	for _, m := range recRE.FindAllStringSubmatchIndex(text, -1) {
		if m[2] < 0 && m[6] < 0 {
			continue // a bare A.1 could be anything
		}
		sector := "ITU-T"
		if m[2] >= 0 {
			sector = text[m[2]:m[3]]
		}
		ms = append(ms, match{start: m[0], end: m[1], ref: app.Ref{
			Kind: app.RefRecommendation,
			Key:  sector + " " + text[m[4]:m[5]],
			Text: text[m[0]:m[1]],
		}})
	}
	return ms
}
