package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"briefdesk/app"
)

// usageError is a mistake in how a command was called: exit status 2, with
// a hint to read the help.
type usageError struct {
	Cmd string // the subcommand, "" for the global options
	Msg string
}

func (e *usageError) Error() string { return e.Msg }

// Unwrap makes a usage error an app.EINVALID error too, so that
// app.ErrorMessage shows its message as it is.
func (e *usageError) Unwrap() error { return &app.Error{Code: app.EINVALID, Message: e.Msg} }

func usagef(cmd, format string, args ...any) error {
	return &usageError{Cmd: cmd, Msg: fmt.Sprintf(format, args...)}
}

// errHelp asks for a command's help (-h); it is not a failure.
var errHelp = errors.New("help requested")

// newFlagSet makes a subcommand's flag set. It never prints or exits by
// itself: parse reports errors as *usageError.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseArgs parses args with options and positional arguments in any
// order ("show 44 --json" and "show --json 44"). "--" ends the options:
// everything after it is positional, so a search for "-x" is possible.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errHelp
			}
			return nil, usagef(fs.Name(), "%s", flagMessage(err))
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" && !isValue(fs, args, used-1) {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// isValue reports whether args[i] was consumed as the value of the option
// before it (as in --text --), rather than being the "--" terminator.
func isValue(fs *flag.FlagSet, args []string, i int) bool {
	if i == 0 {
		return false
	}
	prev := args[i-1]
	if !strings.HasPrefix(prev, "-") || strings.Contains(prev, "=") {
		return false
	}
	f := fs.Lookup(strings.TrimLeft(prev, "-"))
	if f == nil {
		return false
	}
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return false
	}
	return true
}

// flagMessage rewords the flag package's errors for people who type
// double-dash options.
func flagMessage(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return "unknown option --" + strings.TrimLeft(name, "-")
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return "option --" + strings.TrimLeft(name, "-") + " needs a value"
	}
	if m := badValue.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("bad value %s for --%s", m[1], m[2])
	}
	return msg
}

// badValue matches the flag package's "invalid value "x" for flag -limit:
// parse error" and "invalid boolean value ..." messages.
var badValue = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?-+([^:]+):`)

// stringList is a repeatable option (--tag a --tag b).
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(s string) error {
	*l = append(*l, s)
	return nil
}

// parseNumber reads a resolution number as people write it: 44, "Res 44",
// "Res.44", "WTSA Res 44", "第44号".
func parseNumber(s string) (int, bool) {
	t := strings.TrimSpace(s)
	for _, p := range []string{"WTSA", "wtsa", "Resolution", "resolution", "Res.", "res.", "Res", "res", "第"} {
		t = strings.TrimSpace(strings.TrimPrefix(t, p))
	}
	t = strings.TrimSuffix(strings.TrimSuffix(t, "号决议"), "号")
	n, err := strconv.Atoi(t)
	if err != nil || n <= 0 {
		return 0, false
	}
	return n, true
}

// parseResList reads --res: comma-separated numbers, each optionally
// prefixed with "-" (remove from the preset) or "+" (add, the default).
func parseResList(s string) (add, remove []int, err error) {
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		neg := strings.HasPrefix(part, "-")
		n, ok := parseNumber(strings.TrimLeft(part, "+-"))
		if !ok {
			return nil, nil, fmt.Errorf("%q is not a resolution number", part)
		}
		if neg {
			remove = append(remove, n)
		} else {
			add = append(add, n)
		}
	}
	return add, remove, nil
}
