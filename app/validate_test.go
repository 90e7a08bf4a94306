package app

import (
	"strings"
	"testing"
)

// fieldCases feed TestCheckField and FuzzCheckField: a field, a value, and
// words the problem must contain ("" for a good value).
var fieldCases = []struct {
	name  string
	field Field
	value string
	want  string
}{
	{"NameChinese", FieldAuthor, "李伟", ""},
	{"NameEmpty", FieldAuthor, "", ""},
	{"NameArabicMark", FieldDelegation, "مصر\u200f", ""},
	{"NameMaxLen", FieldAuthor, strings.Repeat("名", MaxNameLen), ""},
	{"NameTooLong", FieldAuthor, strings.Repeat("名", MaxNameLen+1), "201 characters"},
	{"NameBEL", FieldAuthor, "Li\aWei", "control character U+0007"},
	{"NameNewline", FieldDelegation, "China\nKenya", "control character U+000A"},
	{"NameC1", FieldDelegation, "a\u0085b", "control character U+0085"},
	{"NameRLO", FieldAuthor, "a\u202eb", "U+202E"},
	{"NameIsolate", FieldAuthor, "a\u2067b", "U+2067"},
	{"NameLineSeparator", FieldAuthor, "a\u2028b", "line break"},
	{"NameInvalidUTF8", FieldAuthor, "a\xffb", "UTF-8"},
	{"PackNameEmpty", FieldPackName, " ", "is empty"},
	{"PackNameBEL", FieldPackName, "SG1\a", "control character"},
	{"PackNameRLO", FieldPackName, "SG1\u202e", "U+202E"},
	{"PackTitleLong", FieldPackTitle, strings.Repeat("t", MaxPackText), ""},
	{"PackTitleTooLong", FieldPackTitle, strings.Repeat("t", MaxPackText+1), "1001 characters"},
	{"MeetingTab", FieldMeeting, "Geneva\t2026", "control character U+0009"},
	{"TargetLabelLRE", FieldTargetLabel, "\u202aRPM", "U+202A"},
	{"TagSpace", FieldTag, " SG1", "starts or ends with a space"},
	{"TagEmpty", FieldTag, "", "is empty"},
	{"TagLong", FieldTag, strings.Repeat("标", MaxTagLen+1), "101 characters"},
	// A note's text is free text, shown through SafeText: lines, tabs and
	// even controls and overrides are kept as written.
	{"TextLines", FieldNoteText, "第一行\n\tsecond\r\nthird", ""},
	{"TextControls", FieldNoteText, "\x1b[31m\u202eevil", ""},
	{"TextBlank", FieldNoteText, " \n\t", "is empty"},
	{"TextHuge", FieldNoteText, strings.Repeat("x", MaxNoteText+1), "65537 bytes"},
	{"TextInvalidUTF8", FieldNoteText, "\xff", "UTF-8"},
}

func TestCheckField(t *testing.T) {
	for _, tc := range fieldCases {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckField(tc.field, tc.value)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), tc.want) {
				t.Fatalf("err %v; want EINVALID saying %q", err, tc.want)
			}
			if !strings.HasPrefix(ErrorMessage(err), tc.field.Label()) {
				t.Fatalf("message %q does not name the field %q", ErrorMessage(err), tc.field.Label())
			}
			fe, ok := FieldProblem(err)
			if !ok || fe.Field != tc.field || !strings.Contains(fe.Problem, tc.want) {
				t.Fatalf("FieldProblem = %+v, %v", fe, ok)
			}
		})
	}
}

// FuzzCheckField: no value makes CheckField panic, and a value it accepts
// for a one-line field shows unchanged through SafeText but for the marks
// SafeText drops, so what is printed is what was checked.
func FuzzCheckField(f *testing.F) {
	for _, tc := range fieldCases {
		f.Add(int(tc.field), tc.value)
	}
	f.Fuzz(func(t *testing.T, field int, s string) {
		fl := Field(uint(field) % uint(len(fieldRules)))
		err := CheckField(fl, s)
		if err != nil || fl == FieldNoteText {
			return
		}
		clean := strings.NewReplacer("\u200e", "", "\u200f", "", "\u061c", "").Replace(s)
		if SafeText(s) != clean {
			t.Fatalf("%s %q accepted, but it shows as %q", fl.Label(), s, SafeText(s))
		}
	})
}

func TestNoteValidate(t *testing.T) {
	ok := Note{Resolution: 44, Body: "支持", Author: Author{Name: "Li", Delegation: "China"}, Tags: []string{"SG1", "q3/2"}, Stance: StanceSupport, Priority: 1}
	for _, tc := range []struct {
		name string
		edit func(n *Note)
		want string
	}{
		{"Good", func(n *Note) {}, ""},
		{"TombstoneWithoutText", func(n *Note) { n.Deleted, n.Body = true, "" }, ""},
		{"NoResolution", func(n *Note) { n.Resolution = 0 }, "resolution 0"},
		{"EmptyText", func(n *Note) { n.Body = "" }, "text is empty"},
		{"AuthorRLO", func(n *Note) { n.Author.Name = "\u202eLi" }, "author's name"},
		{"DelegationBEL", func(n *Note) { n.Author.Delegation = "C\ahina" }, "delegation"},
		{"TagNewline", func(n *Note) { n.Tags = []string{"ok", "a\nb"} }, "tag 2"},
		{"TagTwice", func(n *Note) { n.Tags = []string{"a", "a"} }, "appears twice"},
		{"TooManyTags", func(n *Note) { n.Tags = make([]string, MaxTags+1) }, "51 tags"},
		{"Stance", func(n *Note) { n.Stance = "oppose" }, "unknown stance"},
		{"Priority", func(n *Note) { n.Priority = 4 }, "priority 4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := ok
			tc.edit(&n)
			err := n.Validate()
			if (err == nil) != (tc.want == "") || err != nil && !strings.Contains(ErrorMessage(err), tc.want) {
				t.Fatalf("Validate() = %v; want %q", err, tc.want)
			}
		})
	}
}

func TestPackValidate(t *testing.T) {
	ok := Pack{Name: "SG1 May", Title: "WTSA-20 resolutions", Target: TargetSG1, Meeting: "Geneva, 2026-05", Date: "2026-05-04", Resolutions: []int{44, 50}}
	for _, tc := range []struct {
		name string
		edit func(p *Pack)
		want string
	}{
		{"Good", func(p *Pack) {}, ""},
		{"NoName", func(p *Pack) { p.Name = "" }, "pack name is empty"},
		{"NameBEL", func(p *Pack) { p.Name = "a\ab" }, "U+0007"},
		{"NameRLO", func(p *Pack) { p.Name = "a\u202eb" }, "U+202E"},
		{"TitleBEL", func(p *Pack) { p.Title = "a\ab" }, "pack title"},
		{"MeetingNewline", func(p *Pack) { p.Meeting = "a\nb" }, "meeting line"},
		{"AuthorRLO", func(p *Pack) { p.Author = "\u202e" }, "author's name"},
		{"Target", func(p *Pack) { p.Target = "mars" }, "unknown pack target"},
		{"Date", func(p *Pack) { p.Date = "May 4" }, "YYYY-MM-DD"},
		{"Clauses", func(p *Pack) { p.Options.Clauses = "some" }, "clause selection"},
		{"Notes", func(p *Pack) { p.Options.Notes = "theirs" }, "notes selection"},
		{"ResolutionZero", func(p *Pack) { p.Resolutions = []int{0} }, "0 is not a resolution number"},
		{"ResolutionTwice", func(p *Pack) { p.Resolutions = []int{44, 44} }, "listed twice"},
		{"TooMany", func(p *Pack) { p.Resolutions = make([]int, MaxPackResolutions+1) }, "1001 resolutions"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := ok
			tc.edit(&p)
			err := p.Validate()
			if (err == nil) != (tc.want == "") || err != nil && !strings.Contains(ErrorMessage(err), tc.want) {
				t.Fatalf("Validate() = %v; want %q", err, tc.want)
			}
		})
	}
}
