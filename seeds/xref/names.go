package xref

import (
	"regexp"
	"sort"

	"briefdesk/app"
)

// name is one named entity: its key and the ways the document writes it.
type name struct {
	kind    app.RefKind
	key     string
	pattern string
}

// abbr is an optional bracketed abbreviation after a Chinese name, as in
// 电信发展局（BDT）, so the surface text covers both.
func abbr(a string) string { return `(?:\s*[（(]\s*` + a + `\s*[）)])?` }

// latin matches an abbreviation as a whole Latin word: BR must not match
// inside BRICS.
func latin(a string) string { return `\b` + a + `\b` }

// names lists the bureaus, groups and organisations BriefDesk knows. A
// bureau followed by 主任 takes the title into its surface text, because
// "the Director of BDT" is how the resolutions address the bureau.
var names = []name{
	{app.RefBureau, "TSB", `(?:国际电联)?电信标准化局` + abbr(`TSB`) + `(?:主任)?|` + latin(`TSB`) + `(?:主任)?`},
	{app.RefBureau, "BDT", `(?:国际电联)?电信发展局` + abbr(`BDT`) + `(?:主任)?|` + latin(`BDT`) + `(?:主任)?`},
	{app.RefBureau, "BR", `(?:国际电联)?无线电通信局` + abbr(`BR`) + `(?:主任)?|` + latin(`BR`) + `(?:主任)?`},

	{app.RefGroup, "TSAG", `电信标准化顾问组` + abbr(`TSAG`) + `|` + latin(`TSAG`)},
	{app.RefGroup, "TDAG", `电信发展顾问组` + abbr(`TDAG`) + `|` + latin(`TDAG`)},
	{app.RefGroup, "RAG", `无线电通信顾问组` + abbr(`RAG`) + `|` + latin(`RAG`)},
	// Only the standing group "on issues of mutual interest" is the ISCG;
	// Res 18's annexes also speak of ad hoc intersector coordination and
	// rapporteur groups (跨部门协调组, 跨部门报告人组), which are kinds of
	// group, not this one.
	{app.RefGroup, "ISCG", `共同关心问题的?跨部门协调组` + abbr(`ISCG`) + `|` + latin(`ISCG`)},
	{app.RefGroup, "ISCTF", `跨部门协调任务组` + abbr(`ISC-?TF`) + `|` + latin(`ISC-?TF`)},
	{app.RefGroup, "JCA-AHF", `无障碍获取和人为因素联合协调(?:活动)?` + abbr(`JCA-AHF`) + `|` + latin(`JCA-AHF`)},
	{app.RefGroup, "JCA-IMT", `IMT-2020及之后联合协调活动` + abbr(`JCA(?:-IMT(?:-?\d{4})?)?`) + `|\bJCA-IMT(?:-?\d{4})?`},
	{app.RefGroup, "SCV", `词汇标准化委员会` + abbr(`SCV`) + `|` + latin(`SCV`)},
	{app.RefGroup, "U4SSC", `(?:联合推进可持续智慧城市|智慧可持续城市联盟)` + abbr(`U4SSC`) + `|` + latin(`U4SSC`)},
	{app.RefGroup, "ITU/WMO/UNESCO IOC JTF", `ITU/WMO/UNESCO[ -]?IOC\s*联合任务组`},

	{app.RefOrganization, "WHO", `世界卫生组织` + abbr(`WHO`) + `|` + latin(`WHO`)},
	{app.RefOrganization, "WTO", `世界贸易组织` + abbr(`WTO`) + `|` + latin(`WTO`)},
	{app.RefOrganization, "WIPO", `世界知识产权组织` + abbr(`WIPO`) + `|` + latin(`WIPO`)},
	{app.RefOrganization, "WCO", `世界海关组织` + abbr(`WCO`) + `|` + latin(`WCO`)},
	{app.RefOrganization, "WMO", `世界气象组织` + abbr(`WMO`) + `|` + latin(`WMO`)},
	{app.RefOrganization, "UNESCO IOC", `(?:联合国教科文组织)?政府间海洋学委员会` + abbr(`(?:UNESCO[ -]?)?IOC`) + `|\bUNESCO[ -]?IOC\b`},
	{app.RefOrganization, "UNESCO", `联合国教科文组织` + abbr(`UNESCO`) + `|` + latin(`UNESCO`)},
	{app.RefOrganization, "IETF", `互联网工程任务组` + abbr(`IETF`) + `|` + latin(`IETF`)},
	{app.RefOrganization, "ISOC", `互联网协会` + abbr(`ISOC`) + `|` + latin(`ISOC`)},
	{app.RefOrganization, "RIR", `区域性?互联网注册机构` + abbr(`RIRs?`) + `|` + latin(`RIRs?`)},
	{app.RefOrganization, "ICANN", `互联网名称与数字地址分配机构` + abbr(`ICANN`) + `|` + latin(`ICANN`)},
	{app.RefOrganization, "ICNIRP", `国际非电离辐射防护委员会` + abbr(`ICNIRP`) + `|` + latin(`ICNIRP`)},
	{app.RefOrganization, "IEC", `国际电工委员会` + abbr(`IEC`) + `|` + latin(`IEC`)},
	{app.RefOrganization, "IEEE", `电气(?:和|与)?电子工程师(?:协会|学会)` + abbr(`IEEE`) + `|` + latin(`IEEE`)},
	{app.RefOrganization, "ISO", `国际标准化组织` + abbr(`ISO`) + `|` + latin(`ISO`)},
	{app.RefOrganization, "ETSI", `欧洲电信标准协会` + abbr(`ETSI`) + `|` + latin(`ETSI`)},
	{app.RefOrganization, "3GPP", `第三代合作伙伴计划` + abbr(`3GPP`) + `|` + latin(`3GPP`)},
	{app.RefOrganization, "W3C", `万维网联盟` + abbr(`W3C`) + `|` + latin(`W3C`)},
	{app.RefOrganization, "GSMA", `全球移动通信系统协会` + abbr(`GSMA`) + `|` + latin(`GSMA`)},
	{app.RefOrganization, "UNEP", `联合国环境规划署` + abbr(`UNEP`) + `|` + latin(`UNEP`)},
	// The Smart Africa Alliance's office; 《智慧非洲宣言》 (its manifesto) and
	// 智慧非洲成员国 name the alliance's work, not a body to work with.
	{app.RefOrganization, "Smart Africa", `智慧非洲(?:联盟)?(?:办公室|办事处|秘书处)|Smart Africa`},
}

var nameREs = func() []*regexp.Regexp {
	res := make([]*regexp.Regexp, len(names))
	for i, n := range names {
		res[i] = regexp.MustCompile(n.pattern)
	}
	return res
}()

// scanNames finds bureaus, groups and organisations. A match inside a
// longer one of the same kind is dropped, so UNESCO IOC does not also cite
// UNESCO; different kinds may overlap, so the ITU/WMO/UNESCO IOC joint task
// force cites the task force and WMO and UNESCO IOC.
func scanNames(ms []match, text string) []match {
	var found []match
	for i, re := range nameREs {
		for _, l := range re.FindAllStringIndex(text, -1) {
			found = append(found, match{start: l[0], end: l[1], ref: app.Ref{
				Kind: names[i].kind,
				Key:  names[i].key,
				Text: text[l[0]:l[1]],
			}})
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].start != found[j].start {
			return found[i].start < found[j].start
		}
		return found[i].end > found[j].end
	})
	reach := make(map[app.RefKind]int)
	for _, m := range found {
		if e, ok := reach[m.ref.Kind]; ok && m.end <= e {
			continue
		}
		reach[m.ref.Kind] = max(reach[m.ref.Kind], m.end)
		ms = append(ms, m)
	}
	return ms
}
