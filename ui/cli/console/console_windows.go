package console

import (
	"io"
	"log"
	"os"

	"golang.org/x/sys/windows"
)

// Streams returns the streams for the command line's output (see the
// package comment). It sets os.Stdout, os.Stderr and the log package's
// output to them too, so that every message reaches the same place.
func Streams() (stdout, stderr io.Writer) {
	out, errw := streams(winSystem{})
	if f, ok := out.(*os.File); ok {
		os.Stdout = f
	}
	if f, ok := errw.(*os.File); ok {
		os.Stderr = f
	}
	log.SetOutput(errw)
	return out, errw
}

var stdIDs = [2]uint32{windows.STD_OUTPUT_HANDLE, windows.STD_ERROR_HANDLE}

var stdNames = [2]string{"/dev/stdout", "/dev/stderr"}

// winSystem is Windows through golang.org/x/sys/windows.
type winSystem struct{}

func (winSystem) kind(std int) kind {
	h, err := windows.GetStdHandle(stdIDs[std])
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return kindNone
	}
	t, err := windows.GetFileType(h)
	if err != nil || t == windows.FILE_TYPE_UNKNOWN {
		return kindNone
	}
	var mode uint32
	if t == windows.FILE_TYPE_CHAR && windows.GetConsoleMode(h, &mode) == nil {
		return kindConsole
	}
	return kindRedirected
}

func (winSystem) file(std int) *os.File {
	if std == stdout {
		return os.Stdout
	}
	return os.Stderr
}

var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uint32(0)

func (winSystem) attachParent() bool {
	if procAttachConsole.Find() != nil {
		return false
	}
	r, _, _ := procAttachConsole.Call(uintptr(attachParentProcess))
	return r != 0
}

func (winSystem) openConsole(std int) (*os.File, bool) {
	// Read access too: Go's *os.File recognises a console (and writes
	// UTF-16 to it) through GetConsoleMode, which needs it.
	h, err := windows.CreateFile(windows.StringToUTF16Ptr("CONOUT$"),
		windows.GENERIC_READ|windows.GENERIC_WRITE, windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE,
		nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return nil, false
	}
	windows.SetStdHandle(stdIDs[std], h)
	return os.NewFile(uintptr(h), stdNames[std]), true
}
