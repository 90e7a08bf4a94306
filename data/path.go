package data

import (
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
)

// DefaultPath is where BriefDesk keeps its database when none is named:
// %APPDATA%\BriefDesk\briefdesk.db on Windows, ~/Library/Application
// Support/BriefDesk/briefdesk.db on macOS, and under $XDG_DATA_HOME
// (~/.local/share) elsewhere.
func DefaultPath() (string, error) {
	return defaultPath(runtime.GOOS, os.Getenv, os.UserHomeDir)
}

// defaultPath is DefaultPath for the operating system goos, with the
// environment and home folder passed in, so that every system's rule is
// tested on any of them.
func defaultPath(goos string, getenv func(string) string, home func() (string, error)) (string, error) {
	if goos == "windows" {
		// %APPDATA% (C:\Users\name\AppData\Roaming) is the user's own,
		// writable without administrator rights on a managed laptop.
		// $XDG_DATA_HOME is not looked at: a Unix-like shell (Git Bash,
		// MSYS) may set it to a path Windows programs cannot use.
		if a := getenv("APPDATA"); a != "" {
			return joinWindows(a, "BriefDesk", "briefdesk.db"), nil
		}
		h, err := home()
		if err != nil {
			return "", err
		}
		return joinWindows(h, "AppData", "Roaming", "BriefDesk", "briefdesk.db"), nil
	}
	// The XDG base-directory variable counts only when absolute, as its
	// specification says; a relative one would follow the working folder.
	if x := getenv("XDG_DATA_HOME"); x != "" && strings.HasPrefix(x, "/") {
		return path.Join(x, "briefdesk", "briefdesk.db"), nil
	}
	h, err := home()
	if err != nil {
		return "", err
	}
	if goos == "darwin" {
		return path.Join(h, "Library", "Application Support", "BriefDesk", "briefdesk.db"), nil
	}
	return path.Join(h, ".local", "share", "briefdesk", "briefdesk.db"), nil
}

// joinWindows joins path elements with backslashes, whatever system this
// runs on, as path.Join joins with "/" for the other systems.
func joinWindows(elem ...string) string {
	p := strings.TrimRight(elem[0], `\/`)
	for _, e := range elem[1:] {
		p += `\` + e
	}
	return p
}

// fileURI is the SQLite URI of the file at path with the query q, the
// path first made absolute in this system's own way.
func fileURI(path string, q url.Values) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return sqliteURI(path, runtime.GOOS == "windows", q)
}

// sqliteURI is the SQLite URI ("file:" form) of the absolute path abs,
// read as a Windows path when windows is set, with the query q.
//
// A URI rather than a plain name because the sqlite driver cuts a plain
// name at its first "?" to find its own parameters. In the URI, "?"
// (start of the query), "#" (a fragment) and "%" (SQLite decodes %XX) are
// percent-encoded, so a file named a?b.db or 100%.db opens that file and
// no other; every other byte, spaces and Chinese included, SQLite takes as
// it is.
//
// Windows paths follow SQLite's own rules (https://sqlite.org/uri.html):
// backslashes become "/"; a drive path C:\x\b.db is file:///C:/x/b.db
// (SQLite's Windows layer drops the "/" before "C:"); a UNC path
// \\server\share\b.db is file:////server/share/b.db, with an empty
// authority, since SQLite refuses any authority but "localhost". The
// \\?\ prefix is removed (\\?\UNC\server\share becomes \\server\share):
// SQLite would not take it in this form, so a database path beyond
// Windows' 260 characters is not supported.
func sqliteURI(abs string, windows bool, q url.Values) string {
	p := abs
	if windows {
		switch {
		case hasPrefixFold(p, `\\?\UNC\`) || hasPrefixFold(p, `//?/UNC/`):
			p = `\\` + p[len(`\\?\UNC\`):]
		case strings.HasPrefix(p, `\\?\`) || strings.HasPrefix(p, `//?/`):
			p = p[len(`\\?\`):]
		}
		p = strings.ReplaceAll(p, `\`, "/")
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x: file:///C:/x
	}
	var b strings.Builder
	b.WriteString("file://")
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '%', '?', '#':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	if len(q) > 0 {
		b.WriteString("?" + q.Encode())
	}
	return b.String()
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
