package xref

import (
	"regexp"
	"sort"

	"briefdesk/app"
)

// name is one named entity: its key and the ways the document writes it.
// Every form starts with a literal, so that the regexp package can jump
// from one occurrence of it to the next instead of trying every position:
// with dozens of names this is most of Extract's time.
type name struct {
	kind  app.RefKind
	key   string
	forms []string
}

// zh is a Chinese name with an optional bracketed abbreviation after it,
// as in 电信发展局（BDT）, so the surface text covers both.
func zh(name, abbr string) string {
	return name + `(?:\s*[（(]\s*` + abbr + `\s*[）)])?`
}

// director adds the optional 主任 of a bureau: "the Director of BDT" is how
// the resolutions address a bureau, so the title belongs to the highlight.
func director(form string) string { return form + `(?:主任)?` }

// names lists the bureaus, groups and organisations BriefDesk knows.
// Latin forms must be whole words (BR is not in BRICS): their right edge
// is \b here, their left edge is checked in scanNames.
var names = []name{
	{app.RefBureau, "TSB", []string{director(zh(`电信标准化局`, `TSB`)), director(`TSB\b`)}},
	{app.RefBureau, "BDT", []string{director(zh(`电信发展局`, `BDT`)), director(`BDT\b`)}},
	{app.RefBureau, "BR", []string{director(zh(`无线电通信局`, `BR`)), director(`BR\b`)}},

	{app.RefGroup, "TSAG", []string{zh(`电信标准化顾问组`, `TSAG`), `TSAG\b`}},
	{app.RefGroup, "TDAG", []string{zh(`电信发展顾问组`, `TDAG`), `TDAG\b`}},
	{app.RefGroup, "RAG", []string{zh(`无线电通信顾问组`, `RAG`), `RAG\b`}},
	// Only the standing group "on issues of mutual interest" is the ISCG;
	// Res 18's annexes also speak of ad hoc intersector coordination and
	// rapporteur groups (跨部门协调组, 跨部门报告人组), which are kinds of
	// group, not this one.
	{app.RefGroup, "ISCG", []string{zh(`共同关心问题的?跨部门协调组`, `ISCG`), `ISCG\b`}},
	{app.RefGroup, "ISCTF", []string{zh(`跨部门协调任务组`, `ISC-?TF`), `ISC-?TF\b`}},
	{app.RefGroup, "JCA-AHF", []string{zh(`无障碍获取和人为因素联合协调(?:活动)?`, `JCA-AHF`), `JCA-AHF\b`}},
	{app.RefGroup, "JCA-IMT", []string{zh(`IMT-2020及之后联合协调活动`, `JCA(?:-IMT(?:-?\d{4})?)?`), `JCA-IMT(?:-?\d{4})?\b`}},
	{app.RefGroup, "SCV", []string{zh(`词汇标准化委员会`, `SCV`), `SCV\b`}},
	{app.RefGroup, "U4SSC", []string{zh(`联合推进可持续智慧城市`, `U4SSC`), zh(`智慧可持续城市联盟`, `U4SSC`), `U4SSC\b`}},
	{app.RefGroup, "ITU/WMO/UNESCO IOC JTF", []string{`ITU/WMO/UNESCO[ -]?IOC\s*联合任务组`}},

	{app.RefOrganization, "WHO", []string{zh(`世界卫生组织`, `WHO`), `WHO\b`}},
	{app.RefOrganization, "WTO", []string{zh(`世界贸易组织`, `WTO`), `WTO\b`}},
	{app.RefOrganization, "WIPO", []string{zh(`世界知识产权组织`, `WIPO`), `WIPO\b`}},
	{app.RefOrganization, "WCO", []string{zh(`世界海关组织`, `WCO`), `WCO\b`}},
	{app.RefOrganization, "WMO", []string{zh(`世界气象组织`, `WMO`), `WMO\b`}},
	{app.RefOrganization, "UNESCO IOC", []string{zh(`联合国教科文组织政府间海洋学委员会`, `(?:UNESCO[ -]?)?IOC`), zh(`政府间海洋学委员会`, `(?:UNESCO[ -]?)?IOC`), `UNESCO[ -]?IOC\b`}},
	{app.RefOrganization, "UNESCO", []string{zh(`联合国教科文组织`, `UNESCO`), `UNESCO\b`}},
	{app.RefOrganization, "IETF", []string{zh(`互联网工程任务组`, `IETF`), `IETF\b`}},
	{app.RefOrganization, "ISOC", []string{zh(`互联网协会`, `ISOC`), `ISOC\b`}},
	{app.RefOrganization, "RIR", []string{zh(`区域性?互联网注册机构`, `RIRs?`), `RIRs?\b`}},
	{app.RefOrganization, "ICANN", []string{zh(`互联网名称与数字地址分配机构`, `ICANN`), `ICANN\b`}},
	{app.RefOrganization, "ICNIRP", []string{zh(`国际非电离辐射防护委员会`, `ICNIRP`), `ICNIRP\b`}},
	{app.RefOrganization, "IEC", []string{zh(`国际电工委员会`, `IEC`), `IEC\b`}},
	{app.RefOrganization, "IEEE", []string{zh(`电气(?:和|与)?电子工程师(?:协会|学会)`, `IEEE`), `IEEE\b`}},
	{app.RefOrganization, "ISO", []string{zh(`国际标准化组织`, `ISO`), `ISO\b`}},
	{app.RefOrganization, "ETSI", []string{zh(`欧洲电信标准协会`, `ETSI`), `ETSI\b`}},
	{app.RefOrganization, "3GPP", []string{zh(`第三代合作伙伴计划`, `3GPP`), `3GPP\b`}},
	{app.RefOrganization, "W3C", []string{zh(`万维网联盟`, `W3C`), `W3C\b`}},
	{app.RefOrganization, "GSMA", []string{zh(`全球移动通信系统协会`, `GSMA`), `GSMA\b`}},
	{app.RefOrganization, "UNEP", []string{zh(`联合国环境规划署`, `UNEP`), `UNEP\b`}},
	// The Smart Africa Alliance's office; 《智慧非洲宣言》 (its manifesto) and
	// 智慧非洲成员国 name the alliance's work, not a body to work with.
	{app.RefOrganization, "Smart Africa", []string{`智慧非洲(?:联盟)?(?:办公室|办事处|秘书处)`, `Smart Africa\b`}},
}

// form is one compiled way of writing a name.
type form struct {
	re   *regexp.Regexp
	name *name
}

var forms = func() []form {
	var fs []form
	for i := range names {
		for _, f := range names[i].forms {
			fs = append(fs, form{regexp.MustCompile(f), &names[i]})
		}
	}
	return fs
}()

// isWordByte reports whether b is part of a Latin word.
func isWordByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// scanNames finds bureaus, groups and organisations. A match inside a
// longer one of the same kind is dropped, so UNESCO IOC does not also cite
// UNESCO; different kinds may overlap, so the ITU/WMO/UNESCO IOC joint task
// force cites the task force and WMO and UNESCO IOC.
func scanNames(ms []match, text string) []match {
	var found []match
	for _, f := range forms {
		for _, l := range f.re.FindAllStringIndex(text, -1) {
			if l[0] > 0 && isWordByte(text[l[0]]) && isWordByte(text[l[0]-1]) {
				continue // ABDT, not BDT
			}
			found = append(found, match{start: l[0], end: l[1], ref: app.Ref{
				Kind: f.name.kind,
				Key:  f.name.key,
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
