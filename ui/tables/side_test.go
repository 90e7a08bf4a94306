package tables

import (
	"strings"
	"testing"

	"briefdesk/app"
)

func TestSideBySide(t *testing.T) {
	rs := sample()
	s, err := NewSideBySide([]app.Resolution{rs[0], rs[2], rs[3]}) // 54, 96, 100
	if err != nil {
		t.Fatal(err)
	}
	// Rows in app.Sections order; each cell lists the clause IDs of one resolution.
	want := []struct {
		section string
		cells   [3]string
	}{
		{"recalling", [3]string{"", "96/recalling/c", "100/recalling/c"}},
		{"recognizing", [3]string{"", "96/recognizing/h", ""}},
		{"resolves", [3]string{"", "", "100/resolves/1"}},
		{"instructs", [3]string{"54/instructs/2 54/instructs.2/1 54/instructs.2/2", "96/instructs/1 96/instructs.2/1", ""}},
		{"calls-upon", [3]string{"54/calls-upon/1 54/calls-upon/1/i", "", ""}},
	}
	if len(s.Rows) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(s.Rows), len(want), s.Rows)
	}
	for i, w := range want {
		r := s.Rows[i]
		if r.Section != w.section {
			t.Errorf("row %d section=%s, want %s", i, r.Section, w.section)
		}
		for j, cs := range r.Cells {
			var ids []string
			for _, c := range cs {
				ids = append(ids, c.ID)
			}
			if got := strings.Join(ids, " "); got != w.cells[j] {
				t.Errorf("row %s, resolution %d: %q, want %q", r.Section, s.Resolutions[j].Number, got, w.cells[j])
			}
		}
	}
	tab := s.Table()
	if got, want := tab.Rows[3][0], "instructs 责成"; got != want {
		t.Errorf("instructs heading=%q, want %q", got, want)
	}
	if got, want := tab.Header()[1], "Res 54 ITU-T各研究组的区域组"; got != want {
		t.Errorf("header=%q, want %q", got, want)
	}
}

func TestSideBySideOther(t *testing.T) {
	rs := []app.Resolution{
		{Number: 2, Clauses: []app.Clause{
			{ID: "2/resolution/1", Section: "resolution", Text: "鼓励"},
			{ID: "2/other/1", Section: "other", Heading: "ITU-T研究组的职权", Text: "A"},
			{ID: "2/other.2/1", Section: "other", Heading: "附件A、B和C", Text: "B"},
		}},
		{Number: 3, Clauses: []app.Clause{
			{ID: "3/other/1", Section: "other", Heading: "附件A、B和C", Text: "C"},
			{ID: "3/recalling/a", Section: "recalling", Text: "D"},
		}},
	}
	s, err := NewSideBySide(rs)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range s.Rows {
		got = append(got, r.Heading+"="+CellText(r.Cells[0])+"|"+CellText(r.Cells[1]))
	}
	want := "the resolution 决议=鼓励|,recalling 忆及=|D,ITU-T研究组的职权=A|,附件A、B和C=B|C"
	if strings.Join(got, ",") != want {
		t.Fatalf("rows=%s\nwant %s", strings.Join(got, ","), want)
	}
}

func TestSideBySideErrors(t *testing.T) {
	rs := sample()
	for _, tc := range []struct {
		name string
		rs   []app.Resolution
	}{
		{"ErrOne", rs[:1]},
		{"ErrFive", append(sample(), rs[0])},
		{"ErrTwice", []app.Resolution{rs[0], rs[0]}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := NewSideBySide(tc.rs); app.ErrorCode(err) != app.EINVALID {
				t.Fatalf("err=%v, want EINVALID", err)
			}
		})
	}
}

func TestCellText(t *testing.T) {
	got := CellText(sample()[0].Clauses[:5])
	want := "各研究组和电信标准化顾问组\n" +
		"2 考虑并确定发展中国家成员国和部门成员最关注的问题；\n" +
		"\n" +
		"电信标准化局主任与电信发展局主任在所分配的或捐助的现有资源范围内展开协作\n" +
		"1 为创建ITU-T研究组区域组并确保其顺利工作提供一切必要的支持；\n" +
		"2 考虑在相关区域尽可能与ITU-T区域组会议同期举办活动，反之亦然；\n" +
		"\n" +
		"电信标准化局主任\n" +
		"1 酌情与电信发展局主任和无线电通信局主任合作，以便：\n" +
		"  i) 继续向ITU-T研究组的区域组提供具体帮助；"
	if got != want {
		t.Fatalf("CellText=\n%s\nwant\n%s", got, want)
	}
}
