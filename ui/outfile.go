package ui

import (
	"bytes"
	"io"

	"briefdesk/data/outfile"

	"fyne.io/fyne/v2"
)

// outputWriter is where an export chosen in a save dialog is written. For
// a file on disk (nearly always) it collects the content and, on Close,
// writes it through outfile.Write, like the command line's -o: whole or
// not at all, only over a regular file, through a symlink to its target,
// keeping the mode of the file replaced. Fyne's own writer, which
// truncates the file in place, is closed at once. Other locations keep
// Fyne's writer.
func outputWriter(w fyne.URIWriteCloser) io.WriteCloser {
	u := w.URI()
	if u == nil || u.Scheme() != "file" {
		return w
	}
	w.Close()
	return &fileOutput{path: u.Path()}
}

// fileOutput gathers an export in memory (a notes file or a CSV table is
// at most a few megabytes) and writes it on Close.
type fileOutput struct {
	path string
	buf  bytes.Buffer
}

func (f *fileOutput) Write(p []byte) (int, error) { return f.buf.Write(p) }

func (f *fileOutput) Close() error {
	return outfile.Write(f.path, func(w io.Writer) error {
		_, err := w.Write(f.buf.Bytes())
		return err
	})
}
