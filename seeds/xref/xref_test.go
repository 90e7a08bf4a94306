package xref

import (
	"fmt"
	"strings"
	"testing"

	"briefdesk/app"
)

// r is a compact expected reference: kind, key and, for resolutions, the
// edition.
type r struct {
	kind    app.RefKind
	key     string
	edition string
}

// extractCases are snippets copied from the source document (and a few
// variants of its phrasing). They feed TestExtract and seed FuzzExtract.
var extractCases = []struct {
	name string
	text string
	want []r
}{
	// Resolutions.
	{"WTDCNamedWithAbbreviation",
		"关于加强国际电联三个部门之间在共同关心问题上的协调与合作的世界电信发展大会（WTDC）第59号决议（2017年，布宜诺斯艾利斯，修订版）；",
		[]r{{app.RefWTDCResolution, "WTDC Res 59", "2017年，布宜诺斯艾利斯，修订版"}}},
	{"WTDCAbbreviationOnly",
		"以及有关“各区域批准的举措在国家、区域、区域间和全球范围内的实施”的WTDC第17号决议（2017年，布宜诺斯艾利斯，修订版）；",
		[]r{{app.RefWTDCResolution, "WTDC Res 17", "2017年，布宜诺斯艾利斯，修订版"}}},
	{"WTDCDubai2014",
		"有关加强在网络安全（包括抵制和打击垃圾信息）领域合作机制的世界电信发展大会（WTDC）第45号决议（2014年，迪拜，修订版）；",
		[]r{{app.RefWTDCResolution, "WTDC Res 45", "2014年，迪拜，修订版"}}},
	{"WTDCDescribedBetween",
		"世界电信发展大会有关信息通信技术与气候变化的第66号决议（2017年，布宜诺斯艾利斯）；",
		[]r{{app.RefWTDCResolution, "WTDC Res 66", "2017年，布宜诺斯艾利斯"}}},
	{"WTDCDescribedNoEdition",
		"世界电信发展大会有关信息通信技术与气候变化的第66号决议；",
		[]r{{app.RefWTDCResolution, "WTDC Res 66", ""}}},
	{"WTDCInferredFromBuenosAires",
		"第22号决议（2017年，布宜诺斯艾利斯，修订版）",
		[]r{{app.RefWTDCResolution, "WTDC Res 22", "2017年，布宜诺斯艾利斯，修订版"}}},
	{"WTDCInferredFromDubai2014",
		"第65号决议（2014年，迪拜，修订版）",
		[]r{{app.RefWTDCResolution, "WTDC Res 65", "2014年，迪拜，修订版"}}},
	{"PPNamed",
		"并根据全权代表大会第177号决议（2018年，迪拜，修订版），建设",
		[]r{{app.RefPPResolution, "PP Res 177", "2018年，迪拜，修订版"}}},
	{"PPInferredFromDubai2018",
		"尽力落实第196号决议（2018年，迪拜，修订版）；",
		[]r{{app.RefPPResolution, "PP Res 196", "2018年，迪拜，修订版"}}},
	{"PPInferredFromBusan",
		"继续根据第195号决议（2014年，釜山）支持《智慧非洲宣言》的实施；",
		[]r{{app.RefPPResolution, "PP Res 195", "2014年，釜山"}}},
	{"WTSAThisAssemblyAndListed",
		"在发展中国家利用本届全会第44号决议（2022年，日内瓦，修订版）和第76号决议（2022年，日内瓦，修订版）所述方法",
		[]r{{app.RefWTSAResolution, "WTSA Res 44", "2022年，日内瓦，修订版"}, {app.RefWTSAResolution, "WTSA Res 76", "2022年，日内瓦，修订版"}}},
	{"WTSAInferredFromGeneva2022",
		"经批准或根据第54号决议（2022年，日内瓦，修订版）规定的程序，",
		[]r{{app.RefWTSAResolution, "WTSA Res 54", "2022年，日内瓦，修订版"}}},
	{"WTSAListWithoutEditions",
		"本届全会第44号和第76号决议",
		[]r{{app.RefWTSAResolution, "WTSA Res 44", ""}, {app.RefWTSAResolution, "WTSA Res 76", ""}}},
	{"ExplicitAssemblyBeatsEdition",
		"世界电信发展大会第22号决议（2018年，迪拜，修订版）",
		[]r{{app.RefWTDCResolution, "WTDC Res 22", "2018年，迪拜，修订版"}}},
	{"BareResolutionIsNotGuessed",
		"第123号决议行动计划强调与其他BDT能力建设举措密切合作",
		[]r{{app.RefBureau, "BDT", ""}}},
	{"RequestSectionIsNotAReference",
		"世界电信发展大会第34号决议（2017年，布宜诺斯艾利斯，修订版）在“请10”一节中请成员国考虑相关ITU-T建议书",
		[]r{{app.RefWTDCResolution, "WTDC Res 34", "2017年，布宜诺斯艾利斯，修订版"}}},
	{"ThisResolutionAndConferences",
		"向未来的世界电信标准化全会和全权代表大会报告本计划的实施情况，以审议本决议",
		nil},

	// Study groups.
	{"ITUTListOfStudyGroups",
		"以及相关的、特别是ITU-T第5、17和20研究组以及ITU-D第2研究组开展的工作和研究；",
		[]r{{app.RefITUTSG, "ITU-T SG5", ""}, {app.RefITUTSG, "ITU-T SG17", ""}, {app.RefITUTSG, "ITU-T SG20", ""}, {app.RefITUDSG, "ITU-D SG2", ""}}},
	{"ITUTSectorFullName",
		"国际电联电信标准化部门（ITU-T）第11研究组作为国际电联打击假冒伪劣电信/ICT设备的牵头专家组",
		[]r{{app.RefITUTSG, "ITU-T SG11", ""}}},
	{"ITUDSectorFullName",
		"国际电联电信发展部门（ITU-D）第2研究组在有关用于电子卫生的信息和通信技术/ICT的第2/2号课题方面",
		[]r{{app.RefITUDSG, "ITU-D SG2", ""}, {app.RefITUDQuestion, "ITU-D Q2/2", ""}}},
	{"ITUDSectorShortName",
		"电信发展部门（ITU-D）第2研究组在关于信息和通信技术与环境的第6/2号课题下正在开展的工作",
		[]r{{app.RefITUDSG, "ITU-D SG2", ""}, {app.RefITUDQuestion, "ITU-D Q6/2", ""}}},
	{"BareStudyGroupIsITUT",
		"第3研究组应与ITU-D第1研究组就保护电信/ICT业务的用户/消费者领域的最佳做法问题进行联络；",
		[]r{{app.RefITUTSG, "ITU-T SG3", ""}, {app.RefITUDSG, "ITU-D SG1", ""}}},
	{"HeadingAddressesStudyGroup",
		"责成第17研究组",
		[]r{{app.RefITUTSG, "ITU-T SG17", ""}}},
	{"ChineseNumeral",
		"特别是第五研究组正在开展的工作",
		[]r{{app.RefITUTSG, "ITU-T SG5", ""}}},
	{"SectorNameWithoutAbbreviation",
		"国际电联电信标准化部门第17研究组支持ITU-D第2研究组开展抵制和打击垃圾信息的工作",
		[]r{{app.RefITUTSG, "ITU-T SG17", ""}, {app.RefITUDSG, "ITU-D SG2", ""}}},
	{"ITURStudyGroupHasNoKind",
		"与ITU-R第5研究组合作",
		nil},
	{"ResolutionTwoTermsOfReference",
		"ITU-T第17研究组：安全",
		[]r{{app.RefITUTSG, "ITU-T SG17", ""}}},
	{"UnnumberedStudyGroups",
		"与ITU-R和ITU-D各相关研究组开展联络，TSAG或研究组第一次会议",
		[]r{{app.RefGroup, "TSAG", ""}}},

	// Questions.
	{"QuestionAfterSector",
		"ITU-T应与ITU-D合作，特别是围绕ITU-D第3/2号课题 ——保障信息和通信网络的安全",
		[]r{{app.RefITUDQuestion, "ITU-D Q3/2", ""}}},
	{"BareQuestionOfStudyGroup2",
		"第3/2号课题",
		[]r{{app.RefITUDQuestion, "ITU-D Q3/2", ""}}},
	{"OldQuestionNumbering",
		"ITU-D第2研究组在第14-3/2号课题方面持续开展的工作",
		[]r{{app.RefITUDSG, "ITU-D SG2", ""}, {app.RefITUDQuestion, "ITU-D Q14-3/2", ""}}},
	{"LatinQuestion",
		"ITU-D Q3/2的工作；FAQ1/2不是课题",
		[]r{{app.RefITUDQuestion, "ITU-D Q3/2", ""}}},
	{"ITUTQuestionHasNoKind",
		"ITU-T第17研究组第4/17号课题",
		[]r{{app.RefITUTSG, "ITU-T SG17", ""}}},

	// Recommendations.
	{"Recommendation",
		"就非洲成员国根据ITU-T E.161.1建议书实施通用应急号码提供技术援助；",
		[]r{{app.RefRecommendation, "ITU-T E.161.1", ""}}},
	{"RecommendationWithoutSector",
		"根据E.164建议书",
		[]r{{app.RefRecommendation, "ITU-T E.164", ""}}},
	{"RecommendationSeriesIsNot",
		"还修订了指导ITU-T工作的三份ITU-T A系列建议书；附件A、B和C",
		nil},

	// Bureaus.
	{"BureauList",
		"请电信标准化局、无线电通信局和电信发展局主任",
		[]r{{app.RefBureau, "TSB", ""}, {app.RefBureau, "BR", ""}, {app.RefBureau, "BDT", ""}}},
	{"BureauAbbreviations",
		"最后请TSB主任与BDT、BR和ITU区域办事处的主任密切合作",
		[]r{{app.RefBureau, "TSB", ""}, {app.RefBureau, "BDT", ""}, {app.RefBureau, "BR", ""}}},
	{"BureauWithAbbreviation",
		"继续国际电联电信标准化局（TSB）和BDT正在开展的活动",
		[]r{{app.RefBureau, "TSB", ""}, {app.RefBureau, "BDT", ""}}},
	{"OtherBureauxNameNone",
		"电信标准化局主任与其它两个局的主任在现有财务资源范围内密切协作；鼓励三个局的主任",
		[]r{{app.RefBureau, "TSB", ""}}},
	{"LatinWordsOnly",
		"BRICS、TSBX和ABDT不是局；WHOM也不是组织",
		nil},

	// Groups.
	{"AdvisoryGroups",
		"无线电通信顾问组（RAG）、TSAG和电信发展顾问组（TDAG）必要时召开联席会议",
		[]r{{app.RefGroup, "RAG", ""}, {app.RefGroup, "TSAG", ""}, {app.RefGroup, "TDAG", ""}}},
	{"ISCGAndISCTF",
		"BR、TSB和BDT主任以及ISCTF针对在秘书处层面加强合作的备选方案向ISCG报告",
		[]r{{app.RefBureau, "BR", ""}, {app.RefBureau, "TSB", ""}, {app.RefBureau, "BDT", ""}, {app.RefGroup, "ISCTF", ""}, {app.RefGroup, "ISCG", ""}}},
	{"ISCGChineseAndISCTFHyphen",
		"继续帮助共同关心问题跨部门协调组确定议题，以及跨部门协调任务组（ISC-TF）",
		[]r{{app.RefGroup, "ISCG", ""}, {app.RefGroup, "ISCTF", ""}}},
	{"GenericIntersectorGroupsAreNotISCG",
		"附件B：通过跨部门协调组协调无线电通信、标准化和发展活动；附件C：通过跨部门报告人组协调",
		nil},
	{"JCAs",
		"在顾及JCA-AHF的情况下；外部组织（例如IMT-2020及之后联合协调活动（JCA））；JCA-IMT-2000",
		[]r{{app.RefGroup, "JCA-AHF", ""}, {app.RefGroup, "JCA-IMT", ""}}},
	{"TSAGInTitle",
		"授权电信标准化顾问组在两届世界电信标准化全会之间开展工作",
		[]r{{app.RefGroup, "TSAG", ""}}},

	// Organizations.
	{"OrganizationsByAbbreviation",
		"请第5研究组与WHO、ICNIRP、IEC以及IEEE等不同国际组织以及其他相关国际和区域组织协调与合作",
		[]r{{app.RefITUTSG, "ITU-T SG5", ""}, {app.RefOrganization, "WHO", ""}, {app.RefOrganization, "ICNIRP", ""}, {app.RefOrganization, "IEC", ""}, {app.RefOrganization, "IEEE", ""}}},
	{"OrganizationsChineseNames",
		"与诸如世界贸易组织（WTO）、世界知识产权组织（WIPO）、世界卫生组织（WHO）和世界海关组织（WCO）等涉及打击假冒伪劣电信/ICT设备的相关利益攸关方协作",
		[]r{{app.RefOrganization, "WTO", ""}, {app.RefOrganization, "WIPO", ""}, {app.RefOrganization, "WHO", ""}, {app.RefOrganization, "WCO", ""}}},
	{"JointTaskForce",
		"报告ITU/WMO/UNESCO IOC联合任务组在利用水下电信电缆进行海洋和气候监测以及灾害预警研究方面取得的进展；",
		[]r{{app.RefGroup, "ITU/WMO/UNESCO IOC JTF", ""}, {app.RefOrganization, "WMO", ""}, {app.RefOrganization, "UNESCO IOC", ""}}},
	{"InternetOrganizations",
		"包括其它相关标准组织（如，互联网工程任务组（IETF））；如区域性互联网注册机构（RIR）、网络运营商集团以及互联网协会（ISOC）",
		[]r{{app.RefOrganization, "IETF", ""}, {app.RefOrganization, "RIR", ""}, {app.RefOrganization, "ISOC", ""}}},
	{"SmartAfricaOffice",
		"为ITU-T各研究组与智慧非洲办公室在标准制定方面的协作与合作建立相关机制；继续支持《智慧非洲宣言》",
		[]r{{app.RefOrganization, "Smart Africa", ""}}},

	// Deduplication and ordering.
	{"DedupKeepsFirstOccurrence",
		"与BDT主任合作；与电信发展局（BDT）主任合作；TSB主任",
		[]r{{app.RefBureau, "BDT", ""}, {app.RefBureau, "TSB", ""}}},
	{"Empty", "", nil},
}

func TestExtract(t *testing.T) {
	for _, tc := range extractCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Extract(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("Extract(%q) = %v, want %v", tc.text, got, tc.want)
			}
			for i, g := range got {
				w := tc.want[i]
				if g.Kind != w.kind || g.Key != w.key || g.Edition != w.edition {
					t.Errorf("ref %d = (%s, %s, %q), want (%s, %s, %q)", i, g.Kind, g.Key, g.Edition, w.kind, w.key, w.edition)
				}
				checkRef(t, tc.text, g)
			}
		})
	}
}

// TestExtractText checks the surface text that the GUI highlights.
func TestExtractText(t *testing.T) {
	for _, tc := range []struct {
		text, key, want string
	}{
		{"忆及世界电信发展大会（WTDC）第59号决议（2017年，布宜诺斯艾利斯，修订版）；", "WTDC Res 59", "世界电信发展大会（WTDC）第59号决议（2017年，布宜诺斯艾利斯，修订版）"},
		{"本届全会第44号决议（2022年，日内瓦，修订版）和第76号决议（2022年，日内瓦，修订版）所述", "WTSA Res 76", "第76号决议（2022年，日内瓦，修订版）"},
		{"以及国际电联电信发展部门（ITU-D）第2研究组", "ITU-D SG2", "国际电联电信发展部门（ITU-D）第2研究组"},
		{"特别是围绕ITU-D第3/2号课题", "ITU-D Q3/2", "ITU-D第3/2号课题"},
		{"与电信发展局（BDT）主任合作", "BDT", "电信发展局（BDT）主任"},
		{"根据ITU-T E.161.1建议书实施", "ITU-T E.161.1", "ITU-T E.161.1建议书"},
	} {
		t.Run(tc.key, func(t *testing.T) {
			for _, g := range Extract(tc.text) {
				if g.Key == tc.key {
					if g.Text != tc.want {
						t.Fatalf("Text = %q, want %q", g.Text, tc.want)
					}
					return
				}
			}
			t.Fatalf("no %s in %q", tc.key, tc.text)
		})
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]int{"5": 5, "17": 17, "五": 5, "十": 10, "十七": 17, "二十": 20, "二十一": 21, "零": 0, "百": 0} {
		if got := parseNumber(in); got != want {
			t.Errorf("parseNumber(%q) = %d, want %d", in, got, want)
		}
	}
}

// checkRef asserts what every reference must satisfy, whatever the input.
func checkRef(t *testing.T, text string, g app.Ref) {
	t.Helper()
	if !g.Kind.Valid() {
		t.Errorf("invalid kind %q", g.Kind)
	}
	if g.Key == "" || strings.TrimSpace(g.Key) != g.Key {
		t.Errorf("bad key %q", g.Key)
	}
	if g.Text == "" || !strings.Contains(text, g.Text) {
		t.Errorf("Text %q is not in the input", g.Text)
	}
	if g.ClauseID != "" {
		t.Errorf("Extract set ClauseID %q", g.ClauseID)
	}
	if _, ok := g.WTSANumber(); g.Kind == app.RefWTSAResolution && !ok {
		t.Errorf("WTSA key %q has no number", g.Key)
	}
}

func FuzzExtract(f *testing.F) {
	for _, tc := range extractCases {
		f.Add(tc.text)
	}
	f.Add("第\xff号决议（2017年，\xe4布宜）")
	f.Add("电信标准化\xff局主任、BD\xffT、ITU-D第\xe42研究组")
	f.Fuzz(func(t *testing.T, text string) {
		seen := map[string]bool{}
		for _, g := range Extract(text) {
			checkRef(t, text, g)
			k := fmt.Sprint(g.Kind, "|", g.Key)
			if seen[k] {
				t.Errorf("duplicate %s", k)
			}
			seen[k] = true
		}
	})
}

func TestAnnotate(t *testing.T) {
	c := &app.Corpus{Resolutions: []app.Resolution{{
		Number:  50,
		Title:   "网络安全",
		Summary: "指出ITU-T应与ITU-D密切合作，特别是围绕第3/2号课题，责成TSB主任", // must be ignored
		Clauses: []app.Clause{
			{ID: "50/instructs-sg/2", Heading: "责成第17研究组", Text: "支持电信标准化局主任维护“ICT安全标准路线图”"},
			{ID: "50/instructs/1", Heading: "责成", Addressee: "电信标准化局主任", Text: "与BDT主任协作；与电信发展局主任协作"},
		},
		Footnotes: []app.Footnote{{N: 1, Text: "见ITU-T E.161.1建议书", Anchor: "title"}},
	}, {
		Number: 22,
		Title:  "授权电信标准化顾问组在两届世界电信标准化全会之间开展工作",
	}}}
	Annotate(c)
	Annotate(c) // again: the seeds parser already calls it, callers may too

	type kkc struct{ kind, key, clause string }
	want := [][]kkc{
		{
			{"recommendation", "ITU-T E.161.1", ""},
			{"itu-t-sg", "ITU-T SG17", "50/instructs-sg/2"},
			{"bureau", "TSB", "50/instructs-sg/2"},
			{"bureau", "TSB", "50/instructs/1"},
			{"bureau", "BDT", "50/instructs/1"},
		},
		{{"group", "TSAG", ""}},
	}
	for i, res := range c.Resolutions {
		var got []kkc
		for _, g := range res.Refs {
			got = append(got, kkc{string(g.Kind), g.Key, g.ClauseID})
		}
		if fmt.Sprint(got) != fmt.Sprint(want[i]) {
			t.Errorf("Res %d refs = %v, want %v", res.Number, got, want[i])
		}
	}
	Annotate(nil) // must not panic
}

func BenchmarkExtract(b *testing.B) {
	var sb strings.Builder
	for _, tc := range extractCases {
		sb.WriteString(tc.text)
		sb.WriteString("\n")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Extract(text)
	}
}
