//go:build !windows

package shell

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"briefdesk/app"
)

// settle is how long run waits for an opener to fail. Openers hand the
// file to a program and exit; some (xdg-open without a desktop
// environment) run the program itself and only return when it is closed,
// so one still running after settle has worked.
var settle = 3 * time.Second

// run runs the opener name with args, and reports its failure: it is
// missing, or it exits with a non-zero status within settle.
func run(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return &app.Error{Code: app.EINVALID, Message: fmt.Sprintf("%s, which opens files on this computer, is not installed", name), Err: fmt.Errorf("%w: %v", ErrNoProgram, err)}
		}
		return &app.Error{Code: app.EINTERNAL, Message: fmt.Sprintf("%s could not be started", name), Err: err}
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err == nil {
			return nil
		}
		msg := fmt.Sprintf("%s failed", name)
		if s := strings.TrimSpace(stderr.String()); s != "" {
			msg += ": " + firstLine(s)
		}
		var exit *exec.ExitError
		if errors.As(err, &exit) && name == "xdg-open" && exit.ExitCode() == 3 {
			// xdg-open's status 3: "a required tool could not be found".
			err = fmt.Errorf("%w: %v", ErrNoProgram, err)
		}
		return &app.Error{Code: app.EINVALID, Message: msg, Err: err}
	case <-time.After(settle):
		return nil
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
