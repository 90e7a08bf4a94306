// Package cli is BriefDesk's command line: briefdesk list, show, search,
// refs, overview, check, table, notes and pack. It imports no GUI toolkit,
// so the subcommands start fast and work on a machine without a display;
// main.go calls ParseGlobal, then Run, with the Services it wires (the
// database and the document parser), when a subcommand is given, and the
// GUI otherwise.
//
// Output is for people by default (columns aligned by display width, so
// Chinese lines up) and JSON with --json. Exit status: 0 success, 1 the
// command failed (the message says why), 2 it was called wrongly.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"briefdesk/app"
)

// Exit statuses.
const (
	ExitOK      = 0
	ExitFailure = 1
	ExitUsage   = 2
)

// Version is the program's version; the build may set it with
// -ldflags "-X briefdesk/ui/cli.Version=1.0.0". Empty means "from the
// build information".
var Version = ""

// Global holds the options given before the subcommand.
type Global struct {
	// DB is the database file: --db, else $BRIEFDESK_DB; "" means the
	// default place (Services.Path).
	DB string
	// Lang is the language of labels and the GUI: "en", "zh", or "" to
	// follow the saved setting and then the system locale.
	Lang string
	// ProbeFirstFrame asks the GUI to exit after drawing its first frame
	// (for start-up benchmarks); the command line ignores it.
	ProbeFirstFrame bool
}

// ParseGlobal parses the global options at the start of args and returns
// them with the rest of the arguments (the subcommand and its arguments).
// -h/--help and --version come back as the subcommands "help" and
// "version", so the caller only has to check whether rest is empty (open
// the GUI) or not (call Run). A bad option is a *usageError: exit 2.
func ParseGlobal(args []string) (Global, []string, error) {
	var g Global
	var help, version bool
	fs := newFlagSet("briefdesk")
	fs.StringVar(&g.DB, "db", "", "")
	fs.StringVar(&g.Lang, "lang", "", "")
	fs.BoolVar(&g.ProbeFirstFrame, "probe-first-frame", false, "")
	fs.BoolVar(&help, "h", false, "")
	fs.BoolVar(&help, "help", false, "")
	fs.BoolVar(&version, "version", false, "")
	if err := fs.Parse(args); err != nil {
		return g, nil, usagef("", "%s (run \"briefdesk help\" for usage)", flagMessage(err))
	}
	if err := emptyDB(fs); err != nil {
		return g, nil, err
	}
	if g.DB == "" {
		g.DB = os.Getenv("BRIEFDESK_DB")
	}
	if g.Lang != "" {
		l, ok := normLang(g.Lang)
		if !ok {
			return g, nil, usagef("", "unknown language %q for --lang: want en or zh", g.Lang)
		}
		g.Lang = l
	}
	rest := fs.Args()
	switch {
	case help:
		rest = append([]string{"help"}, rest...)
	case version:
		rest = []string{"version"}
	}
	return g, rest, nil
}

// emptyDB refuses --db "": a script passing an unset variable must not
// fall back to, and perhaps create, the user's own database.
func emptyDB(fs *flag.FlagSet) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "db" && strings.TrimSpace(f.Value.String()) == "" {
			err = usagef(fs.Name(), "--db needs a file path (it was given an empty one)")
		}
	})
	return err
}

// normLang maps locale-style names (zh_CN.UTF-8, zh-Hans, en_GB) to the
// two languages BriefDesk speaks.
func normLang(s string) (string, bool) {
	l := strings.ToLower(strings.TrimSpace(s))
	switch {
	case l == "en" || strings.HasPrefix(l, "en_") || strings.HasPrefix(l, "en-") || strings.HasPrefix(l, "en."):
		return "en", true
	case l == "zh" || strings.HasPrefix(l, "zh_") || strings.HasPrefix(l, "zh-") || strings.HasPrefix(l, "zh."):
		return "zh", true
	}
	return "", false
}

// command is one subcommand.
type command struct {
	name     string
	synopsis string // the arguments, for usage lines
	summary  string // one line for the command list
	help     string // more detail for "briefdesk help NAME"
	run      func(e *env, args []string) error
}

var commands []*command

func init() {
	commands = []*command{
		cmdList, cmdShow, cmdSearch, cmdRefs, cmdOverview, cmdCheck, cmdLoad,
		cmdTable, cmdNotes, cmdPack, cmdHelp, cmdVersion,
	}
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// env is what a running subcommand has: its options, its output, and the
// database, opened on first use.
type env struct {
	ctx   context.Context
	s     Services
	g     Global
	out   io.Writer
	errw  io.Writer
	db    Store
	width int // columns to wrap long text at; 0: no wrapping (not a terminal)
}

// store opens the database on first use.
func (e *env) store() (Store, error) {
	if e.db != nil {
		return e.db, nil
	}
	db, err := e.s.Open(e.ctx, e.g.DB)
	if err != nil {
		return nil, err
	}
	e.db = db
	return db, nil
}

// Run runs the subcommand args[0] with the rest of args on the services s
// and returns the exit status. Output goes to stdout; errors, one clear
// sentence each, to stderr.
func Run(ctx context.Context, s Services, g Global, args []string, stdout, stderr io.Writer) (code int) {
	out := &errWriter{w: stdout}
	e := &env{ctx: ctx, s: s, g: g, out: out, errw: stderr, width: termWidth(stdout)}
	defer func() {
		if e.db != nil {
			e.db.Close()
		}
	}()
	defer func() {
		// A bug in a command must not show a person a Go stack.
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "briefdesk: internal error: %v\n", r)
			if os.Getenv("BRIEFDESK_TRACE") != "" {
				stderr.Write(debug.Stack())
			}
			code = ExitFailure
		}
	}()
	if len(args) == 0 {
		usage(stderr)
		return ExitUsage
	}
	c := lookup(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "briefdesk: unknown command %q\n", args[0])
		if s := suggest(args[0]); s != "" {
			fmt.Fprintf(stderr, "Did you mean %q?\n", s)
		}
		fmt.Fprintln(stderr, "Run \"briefdesk help\" for the list of commands.")
		return ExitUsage
	}
	err := c.run(e, args[1:])
	if out.err != nil {
		// A full disk or a closed pipe: the output is incomplete, so the
		// command did not do its job.
		err = &app.Error{Code: app.EINTERNAL, Message: "cannot write the output", Err: out.err}
	}
	return e.report(c, err)
}

// errWriter remembers the first write error, which fmt.Fprintf drops.
type errWriter struct {
	w   io.Writer
	err error
}

func (w *errWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.w.Write(p)
	if err != nil {
		w.err = err
	}
	return n, err
}

// report turns a command's error into a message and an exit status.
func (e *env) report(c *command, err error) int {
	var ue *usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errHelp):
		commandHelp(e.out, c)
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintf(e.errw, "briefdesk %s: %s\n", c.name, ue.Msg)
		fmt.Fprintf(e.errw, "Usage: briefdesk %s %s\n", c.name, c.synopsis)
		fmt.Fprintf(e.errw, "Run \"briefdesk help %s\" for details.\n", c.name)
		return ExitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(e.errw, "briefdesk %s: interrupted\n", c.name)
		return ExitFailure
	}
	// Messages can quote a shared file's contents: clean them for the
	// terminal like everything else we print.
	fmt.Fprintf(e.errw, "briefdesk %s: %s\n", c.name, clean(app.ErrorMessage(err), false))
	return ExitFailure
}

// suggest finds the command a mistyped name most likely meant.
func suggest(name string) string {
	for _, c := range commands {
		if strings.HasPrefix(c.name, name) || strings.HasPrefix(name, c.name) {
			return c.name
		}
	}
	return ""
}

// termWidth is how wide to wrap long text: $COLUMNS, else 80 on a
// terminal, else 0 (do not wrap output that goes to a file or a program).
func termWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok {
		return 0
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return 0
	}
	var n int
	if _, err := fmt.Sscan(os.Getenv("COLUMNS"), &n); err == nil && n >= 40 {
		return n
	}
	return 80
}

// usage writes the program's help.
func usage(w io.Writer) {
	var b strings.Builder
	b.WriteString(`BriefDesk: the WTSA-20 resolutions for ITU-D delegates, offline.

Usage:
  briefdesk [global options]                 open the desktop window
  briefdesk [global options] COMMAND [args]  work on the command line

Commands:
`)
	t := textTable{}
	for _, c := range commands {
		t.Rows = append(t.Rows, []string{"  " + c.name, c.summary})
	}
	t.Write(&b)
	b.WriteString(`
Global options:
  --db PATH            database file (default: $BRIEFDESK_DB, else the user data folder)
  --lang en|zh         language of labels (default: the saved setting, else the locale)
  --probe-first-frame  desktop window: exit after the first frame (benchmarks)
  -h, --help           this help
  --version            the version

Options of a command may come before or after its arguments; --json gives
JSON instead of text. Exit status: 0 done, 1 failed, 2 wrong usage.
Run "briefdesk help COMMAND" for a command's options.
`)
	io.WriteString(w, b.String())
}

func commandHelp(w io.Writer, c *command) {
	fmt.Fprintf(w, "Usage: briefdesk %s %s\n\n%s\n", c.name, c.synopsis, c.summary)
	if c.help != "" {
		fmt.Fprintf(w, "\n%s", strings.TrimLeft(c.help, "\n"))
	}
}

var cmdHelp = &command{
	name:     "help",
	synopsis: "[COMMAND]",
	summary:  "show this help, or a command's",
	run: func(e *env, args []string) error {
		if len(args) == 0 {
			usage(e.out)
			return nil
		}
		c := lookup(args[0])
		if c == nil {
			return usagef("help", "unknown command %q", args[0])
		}
		commandHelp(e.out, c)
		return nil
	},
}

var cmdVersion = &command{
	name:    "version",
	summary: "print the version",
	run: func(e *env, args []string) error {
		if len(args) > 0 {
			return usagef("version", "version takes no arguments")
		}
		fmt.Fprintln(e.out, "briefdesk", versionString())
		return nil
	},
}

func versionString() string {
	v := Version
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return strings.TrimSpace(v + " (no build information)")
	}
	if v == "" {
		v = info.Main.Version
	}
	var extra []string
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if settings["vcs.modified"] == "true" {
			rev += "+modified"
		}
		extra = append(extra, rev)
	}
	extra = append(extra, info.GoVersion)
	return fmt.Sprintf("%s (%s)", v, strings.Join(extra, ", "))
}

// flags makes a subcommand's flag set. --db and --lang are accepted there
// too, since people add them at the end of a command line.
func (e *env) flags(name string) *flag.FlagSet {
	fs := newFlagSet(name)
	fs.StringVar(&e.g.DB, "db", e.g.DB, "")
	fs.StringVar(&e.g.Lang, "lang", e.g.Lang, "")
	return fs
}

// parse parses a subcommand's arguments (see parseArgs) and checks the
// global options given among them.
func (e *env) parse(fs *flag.FlagSet, args []string) ([]string, error) {
	pos, err := parseArgs(fs, args)
	if err != nil {
		return nil, err
	}
	if err := emptyDB(fs); err != nil {
		return nil, err
	}
	if e.g.Lang != "" {
		l, ok := normLang(e.g.Lang)
		if !ok {
			return nil, usagef(fs.Name(), "unknown language %q for --lang: want en or zh", e.g.Lang)
		}
		e.g.Lang = l
	}
	return pos, nil
}
