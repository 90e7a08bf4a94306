package app

import "testing"

func TestAddressesITUD(t *testing.T) {
	for _, c := range []struct {
		name string
		cl   Clause
		want bool
	}{
		{"BDTInText", Clause{Text: "与BDT主任协作，传播信息"}, true},
		{"ITUDInText", Clause{Text: "与ITU-D在无障碍获取相关活动中开展协作"}, true},
		{"SectorInText", Clause{Text: "与国际电联发展部门（ITU-D）密切协作"}, true},
		{"AddresseeBDTDirector", Clause{Addressee: "电信标准化局主任与电信发展局主任密切协作", Text: "继续开展活动"}, true},
		{"AddresseeOtherTwoBureaux", Clause{Addressee: "电信标准化局主任与其它两个局的主任在现有财务资源范围内密切协作", Text: "支持编写报告"}, true},
		{"AddresseeThreeBureaux", Clause{Addressee: "三个局的主任", Text: "探索新途径"}, true},
		{"OtherBureauxInText", Clause{Text: "电信标准化局主任与其他各局主任协作采取必要措施"}, true},
		{"WTDCIsNotITUD", Clause{Text: "世界电信发展大会（WTDC）第59号决议（2017年，布宜诺斯艾利斯，修订版）"}, false},
		{"OtherSectorsOnly", Clause{Text: "与其它外部标准化机构开展合作"}, false},
		{"TSBOnly", Clause{Addressee: "电信标准化局主任", Text: "提请注意本决议"}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.cl.AddressesITUD(); got != c.want {
				t.Fatalf("AddressesITUD()=%v, want %v", got, c.want)
			}
		})
	}
}

func TestITUDMentions(t *testing.T) {
	text := "与BDT主任和国际电联电信发展部门（ITU-D）协作，不含世界电信发展大会"
	var got []string
	for _, r := range ITUDMentions(text) {
		got = append(got, text[r[0]:r[1]])
	}
	want := []string{"BDT", "国际电联电信发展部门", "ITU-D"}
	if len(got) != len(want) {
		t.Fatalf("mentions=%q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("mentions=%q, want %q", got, want)
		}
	}
}
