package ui

import (
	"bytes"
	"io"

	"briefdesk/data/outfile"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// outputWriter is where an export chosen in a save dialog is written. For
// a file on disk (nearly always) it collects the content and, on Close,
// writes it through outfile.Write, like the command line's -o: whole or
// not at all, only over a regular file, through a symlink to its target,
// keeping the mode of the file replaced. A writer from safeFileWrites'
// repository is that already; any other writer of a file is closed at
// once. Other locations keep Fyne's writer.
func outputWriter(w fyne.URIWriteCloser) io.WriteCloser {
	if fo, ok := w.(*fileOutput); ok {
		return fo
	}
	u := w.URI()
	if u == nil || u.Scheme() != "file" {
		return w
	}
	w.Close()
	return &fileOutput{uri: u}
}

// fileOutput gathers an export in memory (a notes file or a CSV table is
// at most a few megabytes) and writes it on Close.
type fileOutput struct {
	uri fyne.URI
	buf bytes.Buffer
}

func (f *fileOutput) URI() fyne.URI               { return f.uri }
func (f *fileOutput) Write(p []byte) (int, error) { return f.buf.Write(p) }

func (f *fileOutput) Close() error {
	return outfile.Write(f.uri.Path(), func(w io.Writer) error {
		_, err := w.Write(f.buf.Bytes())
		return err
	})
}

// fileRepository is what Fyne's repository of file: URIs offers; the
// save and open dialogs rely on all of it.
type fileRepository interface {
	repository.AppendableRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.DeleteAllRepository
	repository.CopyableRepository
	repository.MovableRepository
}

// safeFileRepository is Fyne's file repository but for Writer, which
// opens nothing: it returns a fileOutput. Fyne's save dialog asks for the
// writer as soon as a file is chosen, and Fyne's own opens it with
// os.Create, which empties an existing file before a byte of the export
// exists, so that a refused or failed export (a read-only file, a full
// disk) would lose the file it was meant to replace.
type safeFileRepository struct{ fileRepository }

func (safeFileRepository) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &fileOutput{uri: u}, nil
}

// safeFileWrites puts safeFileRepository in place of the file repository
// the driver registered; called before a save dialog is shown.
func safeFileWrites() {
	r, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := r.(safeFileRepository); done {
		return
	}
	if fr, ok := r.(fileRepository); ok {
		repository.Register("file", safeFileRepository{fr})
	}
}
