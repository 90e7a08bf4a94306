package briefnotes

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// checkDuplicateKeys refuses an object with the same member twice.
// encoding/json keeps the last one silently, so {"format": "evernote",
// "format": "briefnotes"} would pass as a notes file, and a note could say
// one thing to a reader of the file and another to BriefDesk.
func checkDuplicateKeys(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		object bool
		keys   map[string]bool
		expect bool // in an object: the next string token is a key
	}
	var stack []frame
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return nil // malformed JSON is explained by the decoder proper
		}
		top := len(stack) - 1
		if key, ok := tok.(string); ok && top >= 0 && stack[top].object && stack[top].expect {
			if stack[top].keys[key] {
				return reject("the member %s appears twice in one object; the file is ambiguous", quote(key))
			}
			stack[top].keys[key] = true
			stack[top].expect = false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{object: true, keys: map[string]bool{}, expect: true})
			continue
		case json.Delim('['):
			stack = append(stack, frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:top]
		}
		// A value ended: in an object, a key comes next.
		if n := len(stack) - 1; n >= 0 && stack[n].object {
			stack[n].expect = true
		}
	}
}
