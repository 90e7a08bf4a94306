package xref

import (
	"regexp"
	"strconv"
	"strings"

	"briefdesk/app"
)

// resNumRE matches 第59号决议 and short lists such as 第44号和第76号决议.
var resNumRE = regexp.MustCompile(`第\s*(\d{1,4}(?:\s*号?\s*(?:以及|、|和|及|与)\s*第?\s*\d{1,4})*)\s*号决议`)

// editionRE matches the edition right after a resolution number:
// （2017年，布宜诺斯艾利斯，修订版）. Group 1 is the edition as printed,
// group 2 the year, group 3 the place.
var editionRE = regexp.MustCompile(`^\s*[（(]\s*((\d{4})\s*年\s*[，,、]\s*([^，,、（()）]+?)\s*(?:[，,、][^（()）]*)?)[）)]`)

// assemblyPattern names an assembly, with an optional abbreviation in
// brackets as in 世界电信发展大会（WTDC）.
const assemblyPattern = `(世界电信发展大会|全权代表大会|全权代表会议|世界电信标准化全会|本届全会|本次全会|本全会|\bWTDC(?:-?\d{2,4})?|\bPP(?:-?\d{2,4})?|\bWTSA(?:-?\d{2,4})?)\s*(?:[（(]\s*(?:WTDC|PP|WTSA)(?:-?\d{2,4})?\s*[）)])?`

var (
	assemblyTailRE = regexp.MustCompile(assemblyPattern + `\s*的?\s*$`)
	assemblyRE     = regexp.MustCompile(assemblyPattern)
)

// assemblyKind maps an assembly name to the kind of its resolutions.
func assemblyKind(name string) app.RefKind {
	switch {
	case strings.Contains(name, "发展") || strings.HasPrefix(name, "WTDC"):
		return app.RefWTDCResolution
	case strings.Contains(name, "全权") || strings.HasPrefix(name, "PP"):
		return app.RefPPResolution
	}
	return app.RefWTSAResolution
}

// editions says which assembly met in a (year, place): an edition alone
// identifies the assembly, which is how the document cites, e.g.,
// 第196号决议（2018年，迪拜，修订版） without naming the Plenipotentiary.
// Dubai hosted WTSA-12, WTDC-14 and PP-18, so the year matters.
var editions = map[string]app.RefKind{
	"2024 新德里":      app.RefWTSAResolution,
	"2022 日内瓦":      app.RefWTSAResolution, // WTSA-20 met in March 2022
	"2016 哈马马特":     app.RefWTSAResolution,
	"2012 迪拜":       app.RefWTSAResolution,
	"2008 约翰内斯堡":    app.RefWTSAResolution,
	"2004 弗洛里亚诺波利斯": app.RefWTSAResolution,
	"2000 蒙特利尔":     app.RefWTSAResolution,
	"2025 巴库":       app.RefWTDCResolution,
	"2022 基加利":      app.RefWTDCResolution,
	"2017 布宜诺斯艾利斯":  app.RefWTDCResolution,
	"2014 迪拜":       app.RefWTDCResolution,
	"2010 海得拉巴":     app.RefWTDCResolution,
	"2006 多哈":       app.RefWTDCResolution,
	"2002 伊斯坦布尔":    app.RefWTDCResolution,
	"1998 瓦莱塔":      app.RefWTDCResolution,
	"2022 布加勒斯特":    app.RefPPResolution,
	"2018 迪拜":       app.RefPPResolution,
	"2014 釜山":       app.RefPPResolution,
	"2010 瓜达拉哈拉":    app.RefPPResolution,
	"2006 安塔利亚":     app.RefPPResolution,
	"2002 马拉喀什":     app.RefPPResolution,
	"1998 明尼阿波利斯":   app.RefPPResolution,
	"1994 京都":       app.RefPPResolution,
}

// resolutionPrefix is the key prefix of each resolution kind.
var resolutionPrefix = map[app.RefKind]string{
	app.RefWTDCResolution: "WTDC Res ",
	app.RefPPResolution:   "PP Res ",
	app.RefWTSAResolution: "WTSA Res ",
}

var digitsRE = regexp.MustCompile(`\d+`)

// scanResolutions finds resolution references. The assembly comes, in
// order of trust, from a name right before the number (世界电信发展大会第59号
// 决议), the edition after it, the previous reference of a list
// (本届全会第44号决议（…）和第76号决议), or a name earlier in the same
// sentence followed by a description (世界电信发展大会有关…的第66号决议).
func scanResolutions(ms []match, text string) []match {
	prevEnd, prevKind := -1, app.RefKind("")
	for _, m := range resNumRE.FindAllStringSubmatchIndex(text, -1) {
		start, end := m[0], m[1]
		nums := digitsRE.FindAllString(text[m[2]:m[3]], -1)

		edition, edKind, edEnd := "", app.RefKind(""), end
		if e := editionRE.FindStringSubmatchIndex(text[end:]); e != nil {
			edition = text[end+e[2] : end+e[3]]
			edKind = editions[text[end+e[4]:end+e[5]]+" "+strings.TrimSpace(text[end+e[6]:end+e[7]])]
			edEnd = end + e[1]
		}

		kind, textStart := app.RefKind(""), start
		pre := tail(text[:start], 96)
		switch a := assemblyTailRE.FindStringSubmatchIndex(pre); {
		case a != nil:
			kind = assemblyKind(pre[a[2]:a[3]])
			textStart = start - len(pre) + a[0]
		case edKind != "":
			kind = edKind
		case prevKind != "" && isConnector(text[prevEnd:start]):
			kind = prevKind
		default:
			kind = describedAssembly(text[:start])
		}
		if kind == "" {
			// A bare number: WTDC, PP and WTSA resolutions share numbers,
			// so guessing would cite the wrong text.
			prevKind = ""
			continue
		}
		for _, n := range nums {
			v, err := strconv.Atoi(n)
			if err != nil || v == 0 {
				continue
			}
			ms = append(ms, match{start: textStart, end: edEnd, ref: app.Ref{
				Kind:    kind,
				Key:     resolutionPrefix[kind] + strconv.Itoa(v),
				Edition: edition,
				Text:    text[textStart:edEnd],
			}})
		}
		prevEnd, prevKind = edEnd, kind
	}
	return ms
}

// isConnector reports whether s only joins two items of a list.
func isConnector(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "和", "及", "以及", "与", "、", "，", ",":
		return true
	}
	return false
}

// describedAssembly finds an assembly named earlier in the sentence and
// separated from the number only by a description ending in 的, as in
// 世界电信发展大会有关信息通信技术与气候变化的第66号决议.
func describedAssembly(before string) app.RefKind {
	s := sentence(before, 240)
	locs := assemblyRE.FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 {
		return ""
	}
	last := locs[len(locs)-1]
	gap := strings.TrimSpace(s[last[1]:])
	if !strings.HasSuffix(gap, "的") || strings.Contains(gap, "决议") || strings.Contains(gap, "第") {
		return ""
	}
	return assemblyKind(s[last[2]:last[3]])
}
