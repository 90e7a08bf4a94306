package tables

import "briefdesk/app"

// sample is a hand-made corpus modelled on the source document: Res 54
// with two 责成 blocks, Res 64 with a recognizing clause naming BDT, Res 96
// citing WTDC Res 79 and ITU-D SG2, Res 100 citing a Recommendation.
func sample() []app.Resolution {
	return []app.Resolution{
		{
			Number: 54, Status: app.StatusRevised, Title: "ITU-T各研究组的区域组",
			Summary: "鼓励建立区域组。",
			Clauses: []app.Clause{
				{ID: "54/instructs/2", Resolution: 54, Seq: 0, Section: "instructs", Heading: "责成", Addressee: "各研究组和电信标准化顾问组", Label: "2", Text: "考虑并确定发展中国家成员国和部门成员最关注的问题；"},
				{ID: "54/instructs.2/1", Resolution: 54, Seq: 1, Section: "instructs", Heading: "责成", Addressee: "电信标准化局主任与电信发展局主任在所分配的或捐助的现有资源范围内展开协作", Label: "1", Text: "为创建ITU-T研究组区域组并确保其顺利工作提供一切必要的支持；"},
				{ID: "54/instructs.2/2", Resolution: 54, Seq: 2, Section: "instructs", Heading: "责成", Addressee: "电信标准化局主任与电信发展局主任在所分配的或捐助的现有资源范围内展开协作", Label: "2", Text: "考虑在相关区域尽可能与ITU-T区域组会议同期举办活动，反之亦然；"},
				{ID: "54/calls-upon/1", Resolution: 54, Seq: 3, Section: "calls-upon", Heading: "呼吁", Addressee: "电信标准化局主任", Label: "1", Text: "酌情与电信发展局主任和无线电通信局主任合作，以便："},
				{ID: "54/calls-upon/1/i", Resolution: 54, Seq: 4, Section: "calls-upon", Heading: "呼吁", Addressee: "电信标准化局主任", Label: "i)", Depth: 1, Text: "继续向ITU-T研究组的区域组提供具体帮助；"},
			},
			Refs: []app.Ref{
				{Kind: app.RefBureau, Key: "TSB", ClauseID: "54/instructs.2/1"},
				{Kind: app.RefBureau, Key: "BDT", ClauseID: "54/instructs.2/1"},
				{Kind: app.RefBureau, Key: "BDT", ClauseID: "54/calls-upon/1"},
				{Kind: app.RefBureau, Key: "BR", ClauseID: "54/calls-upon/1"},
				{Kind: app.RefGroup, Key: "TSAG", ClauseID: "54/instructs/2"},
			},
		},
		{
			Number: 64, Status: app.StatusRevised, Title: "互联网协议地址分配以及推进向IPv6的过渡及其部署",
			Summary: "IPv6能力建设。",
			Clauses: []app.Clause{
				{ID: "64/recognizing/d", Resolution: 64, Section: "recognizing", Heading: "认识到", Label: "d)", Text: "将继续由国际电联电信发展局（BDT）牵头开展未来的IPv6人员能力建设工作；"},
				{ID: "64/instructs/1", Resolution: 64, Seq: 1, Section: "instructs", Heading: "责成", Addressee: "电信标准化局主任与电信发展局主任密切协作", Label: "1", Text: "继续TSB和BDT正在开展的活动，同时需考虑到世界电信发展大会第63号决议的规定；"},
			},
			Refs: []app.Ref{
				{Kind: app.RefBureau, Key: "BDT", ClauseID: "64/recognizing/d"},
				{Kind: app.RefWTDCResolution, Key: "WTDC Res 63", ClauseID: "64/instructs/1"},
				{Kind: app.RefBureau, Key: "TSB", ClauseID: "64/instructs/1"},
			},
		},
		{
			Number: 96, Status: app.StatusUnchanged, Title: "ITU-T有关打击假冒电信/信息通信技术设备的研究",
			Summary: "打击假冒设备。",
			Clauses: []app.Clause{
				{ID: "96/recalling/c", Resolution: 96, Section: "recalling", Heading: "忆及", Label: "c)", Text: "世界电信发展大会第79号决议；"},
				{ID: "96/recognizing/h", Resolution: 96, Seq: 1, Section: "recognizing", Heading: "认识到", Label: "h)", Text: "ITU-T第11研究组以及ITU-D第2研究组开展的工作；"},
				{ID: "96/instructs/1", Resolution: 96, Seq: 2, Section: "instructs", Heading: "责成", Addressee: "电信标准化局主任与电信发展局主任密切协作", Label: "1", Text: "在国际电联各区域组织讲习班和活动；"},
				{ID: "96/instructs.2/1", Resolution: 96, Seq: 3, Section: "instructs", Heading: "责成", Addressee: "电信标准化局主任与无线电通信局主任和电信发展局主任紧密协作", Label: "1", Text: "协助各成员国解决对于假冒伪劣电信/ICT设备的关切；"},
			},
			Refs: []app.Ref{
				{Kind: app.RefWTDCResolution, Key: "WTDC Res 79", ClauseID: "96/recalling/c"},
				{Kind: app.RefITUTSG, Key: "ITU-T SG11", ClauseID: "96/recognizing/h"},
				{Kind: app.RefITUDSG, Key: "ITU-D SG2", ClauseID: "96/recognizing/h"},
				{Kind: app.RefWTDCResolution, Key: "WTDC Res 9", ClauseID: ""},
			},
		},
		{
			Number: 100, Status: app.StatusNew, Title: "非洲通用应急号码",
			Summary: "非洲通用应急号码。",
			Clauses: []app.Clause{
				{ID: "100/recalling/c", Resolution: 100, Section: "recalling", Heading: "忆及", Label: "c)", Text: "世界电信发展大会第34号决议；"},
				{ID: "100/resolves/1", Resolution: 100, Seq: 1, Section: "resolves", Heading: "做出决议", Addressee: "责成电信标准化局主任与电信发展局主任合作", Label: "1", Text: "就非洲成员国根据ITU-T E.161.1建议书实施通用应急号码提供技术援助；"},
			},
			Refs: []app.Ref{
				{Kind: app.RefWTDCResolution, Key: "WTDC Res 34", ClauseID: "100/recalling/c"},
				{Kind: app.RefRecommendation, Key: "ITU-T E.161.1", ClauseID: "100/resolves/1"},
				{Kind: app.RefITUDQuestion, Key: "ITU-D Q5/1", ClauseID: "100/resolves/1"},
				{Kind: app.RefITUDQuestion, Key: "ITU-D Q1/2", ClauseID: "100/resolves/1"},
				{Kind: app.RefITUDQuestion, Key: "ITU-D Q3/1", ClauseID: "100/resolves/1"},
			},
		},
	}
}
