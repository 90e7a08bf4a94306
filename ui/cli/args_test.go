package cli

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"briefdesk/app"
)

func TestParseArgsInterspersed(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		pos     []string
		json    bool
		text    string
		tags    []string
		wantErr string
	}{
		{name: "FlagAfter", args: []string{"44", "--json"}, pos: []string{"44"}, json: true},
		{name: "FlagBefore", args: []string{"--json", "44"}, pos: []string{"44"}, json: true},
		{name: "SingleDash", args: []string{"-json", "44"}, pos: []string{"44"}, json: true},
		{name: "Mixed", args: []string{"a", "--text", "hi there", "b", "--tag", "x", "--tag=y"},
			pos: []string{"a", "b"}, text: "hi there", tags: []string{"x", "y"}},
		{name: "DashDash", args: []string{"--json", "--", "-x", "--tag"}, pos: []string{"-x", "--tag"}, json: true},
		{name: "DashDashAsValue", args: []string{"--text", "--", "a", "--json"}, pos: []string{"a"}, text: "--", json: true},
		{name: "NegativeValue", args: []string{"--text", "-44"}, text: "-44"},
		{name: "LoneDash", args: []string{"-", "--json"}, pos: []string{"-"}, json: true},
		{name: "Unknown", args: []string{"44", "--bogus"}, wantErr: "unknown option --bogus"},
		{name: "MissingValue", args: []string{"--text"}, wantErr: "option --text needs a value"},
		{name: "BadBool", args: []string{"--json=maybe"}, wantErr: "bad value"},
		{name: "None", args: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := newFlagSet("test")
			asJSON := fs.Bool("json", false, "")
			text := fs.String("text", "", "")
			var tags stringList
			fs.Var(&tags, "tag", "")
			pos, err := parseArgs(fs, tt.args)
			if tt.wantErr != "" {
				var ue *usageError
				if !errors.As(err, &ue) || !strings.Contains(ue.Msg, tt.wantErr) {
					t.Fatalf("err = %v, want a usage error containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(pos) != 0 || len(tt.pos) != 0 {
				if !reflect.DeepEqual(pos, tt.pos) {
					t.Errorf("positional = %q, want %q", pos, tt.pos)
				}
			}
			if *asJSON != tt.json || *text != tt.text || !reflect.DeepEqual([]string(tags), tt.tags) {
				t.Errorf("json=%v text=%q tags=%q, want %v %q %q", *asJSON, *text, tags, tt.json, tt.text, tt.tags)
			}
		})
	}
}

func TestParseArgsHelp(t *testing.T) {
	fs := newFlagSet("test")
	if _, err := parseArgs(fs, []string{"44", "-h"}); !errors.Is(err, errHelp) {
		t.Fatalf("err = %v, want errHelp", err)
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"44", 44, true},
		{" 44 ", 44, true},
		{"Res 44", 44, true},
		{"Res.44", 44, true},
		{"WTSA Res 44", 44, true},
		{"resolution 2", 2, true},
		{"第44号", 44, true},
		{"第44号决议", 44, true},
		{"0", 0, false},
		{"-3", 0, false},
		{"forty", 0, false},
		{"", 0, false},
		{"44a", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseNumber(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseNumber(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseResList(t *testing.T) {
	tests := []struct {
		in      string
		add     []int
		remove  []int
		wantErr bool
	}{
		{in: "44,50", add: []int{44, 50}},
		{in: " 44 , +50,", add: []int{44, 50}},
		{in: "-44", remove: []int{44}},
		{in: "2,-44,72", add: []int{2, 72}, remove: []int{44}},
		{in: "", add: nil},
		{in: "44,x", wantErr: true},
		{in: "44;50", wantErr: true},
	}
	for _, tt := range tests {
		add, remove, err := parseResList(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("parseResList(%q) err = %v", tt.in, err)
			continue
		}
		if !tt.wantErr && (!reflect.DeepEqual(add, tt.add) || !reflect.DeepEqual(remove, tt.remove)) {
			t.Errorf("parseResList(%q) = %v, %v; want %v, %v", tt.in, add, remove, tt.add, tt.remove)
		}
	}
}

func TestParseGlobal(t *testing.T) {
	t.Setenv("BRIEFDESK_DB", "/env/path.db")
	tests := []struct {
		name    string
		args    []string
		g       Global
		rest    []string
		wantErr string
	}{
		{name: "Empty", args: nil, g: Global{DB: "/env/path.db"}, rest: []string{}},
		{name: "DB", args: []string{"--db", "x.db", "list", "--json"}, g: Global{DB: "x.db"}, rest: []string{"list", "--json"}},
		{name: "DBEquals", args: []string{"--db=x.db"}, g: Global{DB: "x.db"}, rest: []string{}},
		{name: "Lang", args: []string{"--lang", "zh_CN.UTF-8", "show", "44"}, g: Global{DB: "/env/path.db", Lang: "zh"}, rest: []string{"show", "44"}},
		{name: "Probe", args: []string{"--probe-first-frame"}, g: Global{DB: "/env/path.db", ProbeFirstFrame: true}, rest: []string{}},
		{name: "Help", args: []string{"--help"}, g: Global{DB: "/env/path.db"}, rest: []string{"help"}},
		{name: "HelpCommand", args: []string{"-h", "list"}, g: Global{DB: "/env/path.db"}, rest: []string{"help", "list"}},
		{name: "Version", args: []string{"--version"}, g: Global{DB: "/env/path.db"}, rest: []string{"version"}},
		{name: "SubcommandFlagsUntouched", args: []string{"show", "--db", "y"}, g: Global{DB: "/env/path.db"}, rest: []string{"show", "--db", "y"}},
		{name: "BadLang", args: []string{"--lang", "fr"}, wantErr: `unknown language "fr"`},
		{name: "Unknown", args: []string{"--verbose"}, wantErr: "unknown option --verbose"},
		{name: "NoDBValue", args: []string{"--db"}, wantErr: "option --db needs a value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, rest, err := ParseGlobal(tt.args)
			if tt.wantErr != "" {
				var ue *usageError
				if !errors.As(err, &ue) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want a usage error containing %q", err, tt.wantErr)
				}
				// main prints app.ErrorMessage(err): the message, as it is.
				if got := app.ErrorMessage(err); got != err.Error() || app.ErrorCode(err) != app.EINVALID {
					t.Errorf("app.ErrorMessage = %q (code %s), want %q", got, app.ErrorCode(err), err.Error())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if g != tt.g {
				t.Errorf("Global = %+v, want %+v", g, tt.g)
			}
			if len(rest) != len(tt.rest) || (len(rest) > 0 && !reflect.DeepEqual(rest, tt.rest)) {
				t.Errorf("rest = %q, want %q", rest, tt.rest)
			}
		})
	}
}
