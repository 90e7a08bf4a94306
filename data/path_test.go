package data

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// sqliteOpenName is the file name SQLite opens for uri: what
// sqlite3ParseUri (sqlite3.c) makes of it, followed, for Windows, by
// winFullPathname's removal of the "/" before a drive letter. It reports
// an error where SQLite would refuse the URI.
func sqliteOpenName(uri string, windows bool) (string, error) {
	rest, ok := strings.CutPrefix(uri, "file:")
	if !ok {
		return "", errors.New("not a file: URI")
	}
	if strings.HasPrefix(rest, "//") {
		auth := rest[2:]
		if i := strings.IndexByte(auth, '/'); i >= 0 {
			auth = auth[:i]
		}
		if auth != "" && auth != "localhost" {
			return "", errors.New("invalid uri authority: " + auth)
		}
		rest = rest[2+len(auth):]
	}
	var b strings.Builder
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if c == '?' || c == '#' {
			break
		}
		if c == '%' && i+2 < len(rest) && isHex(rest[i+1]) && isHex(rest[i+2]) {
			n, _ := strconv.ParseUint(rest[i+1:i+3], 16, 8)
			if n == 0 {
				return "", errors.New("NUL in the path")
			}
			c = byte(n)
			i += 2
		}
		b.WriteByte(c)
	}
	name := b.String()
	if windows && len(name) >= 3 && name[0] == '/' && isLetter(name[1]) && name[2] == ':' {
		name = name[1:]
	}
	return name, nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// uriCases are absolute paths as each system writes them, with the file
// SQLite must open (Windows: with "/" for "\", which its Windows layer
// takes alike) and the exact URI.
var uriCases = []struct {
	path    string
	windows bool
	open    string
	uri     string
}{
	{"/home/wang/.local/share/briefdesk/briefdesk.db", false, "/home/wang/.local/share/briefdesk/briefdesk.db", "file:///home/wang/.local/share/briefdesk/briefdesk.db"},
	{"/tmp/x?y#z%20w &k=v.db", false, "/tmp/x?y#z%20w &k=v.db", "file:///tmp/x%3Fy%23z%2520w &k=v.db"},
	{`/tmp/back\slash.db`, false, `/tmp/back\slash.db`, `file:///tmp/back\slash.db`},
	{`C:\Users\张 伟\AppData\Roaming\BriefDesk\briefdesk.db`, true, "C:/Users/张 伟/AppData/Roaming/BriefDesk/briefdesk.db", "file:///C:/Users/张 伟/AppData/Roaming/BriefDesk/briefdesk.db"},
	{`C:/x/b.db`, true, "C:/x/b.db", "file:///C:/x/b.db"},
	{`d:\简报 资料\100%.db`, true, "d:/简报 资料/100%.db", "file:///d:/简报 资料/100%25.db"},
	{`C:\x\a#b.db`, true, "C:/x/a#b.db", "file:///C:/x/a%23b.db"},
	{`\\server\share\b.db`, true, "//server/share/b.db", "file:////server/share/b.db"},
	{`\\服务器\共享 文件夹\b.db`, true, "//服务器/共享 文件夹/b.db", "file:////服务器/共享 文件夹/b.db"},
	{`//server/share/b.db`, true, "//server/share/b.db", "file:////server/share/b.db"},
	{`\\?\C:\x\b.db`, true, "C:/x/b.db", "file:///C:/x/b.db"},
	{`\\?\UNC\server\share\b.db`, true, "//server/share/b.db", "file:////server/share/b.db"},
	{`\\?\unc\server\share\b.db`, true, "//server/share/b.db", "file:////server/share/b.db"},
}

func TestSQLiteURI(t *testing.T) {
	q := url.Values{"_pragma": {"foreign_keys(1)"}}
	for _, c := range uriCases {
		t.Run(c.path, func(t *testing.T) {
			uri := sqliteURI(c.path, c.windows, nil)
			if uri != c.uri {
				t.Errorf("sqliteURI(%q) = %q, want %q", c.path, uri, c.uri)
			}
			got, err := sqliteOpenName(sqliteURI(c.path, c.windows, q), c.windows)
			if err != nil || got != c.open {
				t.Fatalf("SQLite would open %q (%v), want %q", got, err, c.open)
			}
		})
	}
}

// FuzzSQLiteURI: whatever the file name, SQLite opens that file (Windows:
// with "/" for "\"), and never another one or none.
func FuzzSQLiteURI(f *testing.F) {
	for _, c := range uriCases {
		f.Add(c.path, c.windows)
	}
	f.Fuzz(func(t *testing.T, path string, windows bool) {
		if strings.IndexByte(path, 0) >= 0 || !utf8.ValidString(path) {
			return // no file system holds such a name
		}
		want := path
		if windows {
			if !isWindowsAbs(path) || strings.HasPrefix(path, `\\?\`) || strings.HasPrefix(path, `//?/`) {
				return // covered by the table
			}
			want = strings.ReplaceAll(path, `\`, "/")
		} else if !strings.HasPrefix(path, "/") {
			return // not absolute
		}
		got, err := sqliteOpenName(sqliteURI(path, windows, url.Values{"_txlock": {"immediate"}}), windows)
		if err != nil || got != want {
			t.Fatalf("sqliteURI(%q, windows=%v): SQLite would open %q (%v), want %q", path, windows, got, err, want)
		}
	})
}

// isWindowsAbs: C:\... or C:/... or a UNC path \\server\share\....
func isWindowsAbs(p string) bool {
	if len(p) >= 3 && isLetter(p[0]) && p[1] == ':' && (p[2] == '\\' || p[2] == '/') {
		return true
	}
	s := strings.ReplaceAll(p, `\`, "/")
	if !strings.HasPrefix(s, "//") {
		return false
	}
	parts := strings.SplitN(s[2:], "/", 3)
	return len(parts) == 3 && parts[0] != "" && parts[1] != ""
}

func TestDefaultPath(t *testing.T) {
	for _, c := range []struct {
		name, goos string
		env        map[string]string
		home       string
		want       string
	}{
		{"windows APPDATA", "windows", map[string]string{"APPDATA": `C:\Users\张 伟\AppData\Roaming`, "XDG_DATA_HOME": "/c/x"}, `C:\Users\张 伟`, `C:\Users\张 伟\AppData\Roaming\BriefDesk\briefdesk.db`},
		{"windows APPDATA trailing", "windows", map[string]string{"APPDATA": `D:\Profiles\wang\`}, `C:\Users\wang`, `D:\Profiles\wang\BriefDesk\briefdesk.db`},
		{"windows no APPDATA", "windows", nil, `C:\Users\张 伟`, `C:\Users\张 伟\AppData\Roaming\BriefDesk\briefdesk.db`},
		{"windows UNC profile", "windows", map[string]string{"APPDATA": `\\fs1\profiles\wang\AppData\Roaming`}, `C:\Users\wang`, `\\fs1\profiles\wang\AppData\Roaming\BriefDesk\briefdesk.db`},
		{"linux", "linux", map[string]string{"APPDATA": "/x"}, "/home/wang", "/home/wang/.local/share/briefdesk/briefdesk.db"},
		{"linux XDG", "linux", map[string]string{"XDG_DATA_HOME": "/data/张 伟"}, "/home/wang", "/data/张 伟/briefdesk/briefdesk.db"},
		{"linux relative XDG", "linux", map[string]string{"XDG_DATA_HOME": "data"}, "/home/wang", "/home/wang/.local/share/briefdesk/briefdesk.db"},
		{"darwin", "darwin", nil, "/Users/wang", "/Users/wang/Library/Application Support/BriefDesk/briefdesk.db"},
		{"freebsd", "freebsd", nil, "/home/wang", "/home/wang/.local/share/briefdesk/briefdesk.db"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := defaultPath(c.goos, func(k string) string { return c.env[k] }, func() (string, error) { return c.home, nil })
			if err != nil || got != c.want {
				t.Fatalf("defaultPath = %q, %v; want %q", got, err, c.want)
			}
		})
	}
	if _, err := defaultPath("linux", func(string) string { return "" }, func() (string, error) { return "", errors.New("no home") }); err == nil {
		t.Fatal("no home and no XDG_DATA_HOME: want an error")
	}
}
