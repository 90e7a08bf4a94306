package shell

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"

	"briefdesk/app"

	"golang.org/x/sys/windows"
)

// open asks the Windows shell to open path with the program that the
// user's settings give its kind (the "open" verb), as a double-click in
// Explorer does.
func open(path string) error {
	err := windows.ShellExecute(0, windows.StringToUTF16Ptr("open"), windows.StringToUTF16Ptr(path),
		nil, windows.StringToUTF16Ptr(filepath.Dir(path)), windows.SW_SHOWNORMAL)
	if err == nil {
		return nil
	}
	// Nothing is set up to open this kind of file (Windows says
	// ERROR_NO_ASSOCIATION; Wine tries to run the file and says
	// ERROR_BAD_EXE_FORMAT). BriefDesk only opens the PDF, CSV and notes
	// files it wrote, never a program.
	if errors.Is(err, windows.ERROR_NO_ASSOCIATION) || errors.Is(err, windows.ERROR_BAD_EXE_FORMAT) {
		return &app.Error{Code: app.EINVALID, Message: "Windows has no program set up to open this kind of file", Err: fmt.Errorf("%w: %v", ErrNoProgram, err)}
	}
	return &app.Error{Code: app.EINVALID, Message: "Windows could not open it: " + err.Error(), Err: err}
}

// showInFolder opens an Explorer window on the folder with the file
// selected: explorer.exe /select,"path". The command line is written out
// whole, since Explorer reads it its own way and Go's quoting of a single
// argument ("/select,\"...\"") would not reach it intact. Explorer's exit
// status is 1 even when it worked, so only a failure to start counts.
func showInFolder(path string) error {
	exe := "explorer.exe"
	if root := os.Getenv("SystemRoot"); root != "" {
		exe = filepath.Join(root, "explorer.exe")
	}
	cmd := exec.Command(exe)
	cmd.SysProcAttr = &syscall.SysProcAttr{CmdLine: `explorer.exe /select,"` + path + `"`}
	if err := cmd.Start(); err != nil {
		return &app.Error{Code: app.EINVALID, Message: "Explorer could not be started", Err: fmt.Errorf("%w: %v", ErrNoProgram, err)}
	}
	go cmd.Wait() // reap it; its status means nothing
	return nil
}
