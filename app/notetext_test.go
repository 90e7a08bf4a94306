package app

import "testing"

func TestNoteBody(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"\t\t支持", "支持"},
		{"支持\t", "支持"},
		{"\t\n\t支持\n\t", "\n\t支持\n"},
		{"a\tb", "a\tb"},
		{"  indented", "  indented"},
		{"\t", ""},
		{"", ""},
	} {
		if got := NoteBody(c.in); got != c.want {
			t.Errorf("NoteBody(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
