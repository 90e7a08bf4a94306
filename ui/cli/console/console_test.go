package console

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// fakeSystem is a process's standard streams: kinds[std] is what the
// stream is; files stand for the inherited handles and for the console.
type fakeSystem struct {
	kinds     [2]kind
	inherited [2]*os.File
	console   [2]*os.File // nil: opening the console fails
	parent    bool        // the parent has a console
	attaches  int
	opened    [2]bool
}

func (s *fakeSystem) kind(std int) kind     { return s.kinds[std] }
func (s *fakeSystem) file(std int) *os.File { return s.inherited[std] }
func (s *fakeSystem) attachParent() bool    { s.attaches++; return s.parent }
func (s *fakeSystem) openConsole(std int) (*os.File, bool) {
	s.opened[std] = true
	return s.console[std], s.console[std] != nil
}

func tempFile(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Create(filepath.Join(t.TempDir(), name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// where names each outcome: the inherited handle, the console, nowhere.
const (
	toInherited = "inherited"
	toConsole   = "console"
	toNowhere   = "nowhere"
)

func TestStreams(t *testing.T) {
	for _, c := range []struct {
		name         string
		kinds        [2]kind
		parent       bool
		consoleFails bool
		wantAttach   bool
		want         [2]string
	}{
		// briefdesk-cli.exe (console program) in cmd.exe, or any Unix shell.
		{"console program", [2]kind{kindConsole, kindConsole}, true, false, false, [2]string{toInherited, toInherited}},
		// BriefDesk.exe list > out.txt 2> err.txt: nothing to attach.
		{"both redirected", [2]kind{kindRedirected, kindRedirected}, true, false, false, [2]string{toInherited, toInherited}},
		// BriefDesk.exe list in cmd.exe: both to the parent's console.
		{"GUI program in cmd", [2]kind{kindNone, kindNone}, true, false, true, [2]string{toConsole, toConsole}},
		// BriefDesk.exe list > out.txt: the list to the file, errors to the console.
		{"GUI program, stdout redirected", [2]kind{kindRedirected, kindNone}, true, false, true, [2]string{toInherited, toConsole}},
		{"GUI program, stderr redirected", [2]kind{kindNone, kindRedirected}, true, false, true, [2]string{toConsole, toInherited}},
		// A shortcut runs BriefDesk.exe list: no console anywhere.
		{"no parent console", [2]kind{kindNone, kindNone}, false, false, true, [2]string{toNowhere, toNowhere}},
		{"console cannot be opened", [2]kind{kindNone, kindConsole}, true, true, true, [2]string{toNowhere, toInherited}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := &fakeSystem{kinds: c.kinds, parent: c.parent}
			for std, k := range c.kinds {
				if k != kindNone {
					s.inherited[std] = tempFile(t, "inherited")
				}
				if !c.consoleFails {
					s.console[std] = tempFile(t, "console")
				}
			}
			out, errw := streams(s)
			if got := s.attaches > 0; got != c.wantAttach {
				t.Errorf("attached to the parent's console: %v, want %v", got, c.wantAttach)
			}
			for std, w := range [2]io.Writer{out, errw} {
				got := toNowhere
				switch {
				case s.inherited[std] != nil && w == io.Writer(s.inherited[std]):
					got = toInherited
				case s.console[std] != nil && w == io.Writer(s.console[std]):
					got = toConsole
				case w != io.Discard:
					t.Fatalf("stream %d is %v: none of the expected ones", std, w)
				}
				if got != c.want[std] {
					t.Errorf("stream %d goes to %s, want %s", std, got, c.want[std])
				}
				if s.opened[std] && c.kinds[std] != kindNone {
					t.Errorf("stream %d has a handle, yet the console was opened for it", std)
				}
			}
		})
	}
}

// A redirected stream gets the UTF-8 bytes exactly as written: no
// conversion to a code page, no CRLF.
func TestRedirectedBytesUnchanged(t *testing.T) {
	s := &fakeSystem{kinds: [2]kind{kindRedirected, kindNone}, parent: true}
	s.inherited[stdout] = tempFile(t, "out.txt")
	s.console[stderr] = tempFile(t, "console")
	out, _ := streams(s)
	want := "第44号决议（2022年，日内瓦，修订版）\n电信发展局主任\n"
	for _, part := range []string{want[:4], want[4:]} { // a character split across writes
		if _, err := io.WriteString(out, part); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(s.inherited[stdout].Name())
	if err != nil || string(got) != want {
		t.Fatalf("the file holds %q (%v), want %q", got, err, want)
	}
}
