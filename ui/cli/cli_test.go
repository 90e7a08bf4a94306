package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs a command line in-process, as main would: global options, then
// the subcommand.
func run(t testing.TB, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	g, rest, err := ParseGlobal(args)
	if err != nil {
		return ExitUsage, "", err.Error()
	}
	var out, errb bytes.Buffer
	code = Run(context.Background(), testServices, g, rest, &out, &errb)
	return code, out.String(), errb.String()
}

// sharedDB is a database with the corpus imported, made once for the tests
// that only read; tests that write make their own with newDB.
var sharedDB string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "briefdesk-cli-test")
	if err != nil {
		panic(err)
	}
	sharedDB = filepath.Join(dir, "shared.db")
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// newDB opens (creating and importing) a database under t.TempDir.
func newDB(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "briefdesk.db")
	db, err := testServices.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	db.Close()
	return path
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "unused.db")
	tests := []struct {
		name   string
		args   []string
		stderr string // must appear in stderr
	}{
		{"UnknownCommand", []string{"lsit"}, `unknown command "lsit"`},
		{"UnknownGlobal", []string{"--nope", "list"}, "unknown option --nope"},
		{"UnknownFlag", []string{"list", "--bogus"}, "unknown option --bogus"},
		{"ListArg", []string{"list", "44"}, `unexpected argument "44"`},
		{"ListStatus", []string{"list", "--status", "old"}, `unknown status "old"`},
		{"ShowNoNumber", []string{"show"}, "which resolution?"},
		{"ShowWord", []string{"show", "forty"}, `"forty" is not a resolution number`},
		{"ShowTwo", []string{"show", "44", "50"}, "one resolution at a time"},
		{"SearchEmpty", []string{"search"}, "what should I search for?"},
		{"SearchLimit", []string{"search", "电磁", "--limit", "0"}, "--limit must be at least 1"},
		{"SearchLimitWord", []string{"search", "电磁", "--limit", "ten"}, `bad value "ten" for --limit`},
		{"RefsKind", []string{"refs", "--kind", "treaty"}, `unknown reference kind "treaty"`},
		{"OverviewArg", []string{"overview", "x"}, `unexpected argument "x"`},
		{"TableNone", []string{"table"}, "which table?"},
		{"TableUnknown", []string{"table", "pivot"}, `unknown table "pivot"`},
		{"MatrixNoKind", []string{"table", "matrix"}, "the matrix needs --kind"},
		{"KindNotMatrix", []string{"table", "overview", "--kind", "bureau"}, "--kind applies only to the matrix"},
		{"SideBySideOne", []string{"table", "side-by-side", "--res", "44"}, "compares 2 to 4"},
		{"HelpUnknown", []string{"help", "frobnicate"}, `unknown command "frobnicate"`},
		{"VersionArg", []string{"version", "x"}, "takes no arguments"},
		{"BadLangAfter", []string{"list", "--lang", "fr"}, `unknown language "fr"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, append([]string{"--db", db}, tt.args...)...)
			if code != ExitUsage {
				t.Errorf("exit %d, want %d (stderr %q)", code, ExitUsage, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tt.stderr)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Errorf("stderr shows a Go stack: %q", stderr)
			}
		})
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a usage error created the database %s", db)
	}
}

func TestHelp(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"Help", []string{"help"}, []string{"Usage:", "list", "search", "notes", "pack", "--db PATH"}},
		{"DashHelp", []string{"--help"}, []string{"Commands:", "table"}},
		{"HelpList", []string{"help", "list"}, []string{"Usage: briefdesk list", "--status"}},
		{"ListDashH", []string{"list", "-h"}, []string{"Usage: briefdesk list", "--ref KEY"}},
		{"ShowHelpAfterArg", []string{"show", "44", "--help"}, []string{"Usage: briefdesk show"}},
		{"Version", []string{"--version"}, []string{"briefdesk "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.args...)
			if code != ExitOK || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stdout, w) {
					t.Errorf("output lacks %q:\n%s", w, stdout)
				}
			}
		})
	}
}

func TestRunNoArgs(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Run(context.Background(), testServices, Global{}, nil, &out, &errb); code != ExitUsage {
		t.Errorf("exit %d, want %d", code, ExitUsage)
	}
	if !strings.Contains(errb.String(), "Usage:") {
		t.Errorf("stderr lacks the usage: %q", errb.String())
	}
}

func TestPanicIsReported(t *testing.T) {
	boom := &command{name: "boom", run: func(*env, []string) error { panic("kaboom") }}
	commands = append(commands, boom)
	defer func() { commands = commands[:len(commands)-1] }()
	var out, errb bytes.Buffer
	code := Run(context.Background(), testServices, Global{}, []string{"boom"}, &out, &errb)
	if code != ExitFailure {
		t.Errorf("exit %d, want %d", code, ExitFailure)
	}
	if got := errb.String(); !strings.Contains(got, "internal error: kaboom") || strings.Contains(got, "goroutine") {
		t.Errorf("stderr = %q", got)
	}
}
