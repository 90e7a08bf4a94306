package briefnotes

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"unicode"
)

// memberNames maps the folded name of every member the format defines
// to its spelling. encoding/json matches member names case-insensitively
// (with Unicode folding: "ſtance" is "stance"), so a file could say
// "Body" to BriefDesk and nothing to a reader of the schema, or say
// "body" and "Body" and mean the last.
var memberNames = func() map[string]string {
	m := map[string]string{}
	for _, t := range []reflect.Type{reflect.TypeFor[wireFile](), reflect.TypeFor[wirePerson](),
		reflect.TypeFor[wireCorpus](), reflect.TypeFor[wireNote](), reflect.TypeFor[wirePack](), reflect.TypeFor[wirePackOptions]()} {
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			m[foldKey(name)] = name
		}
	}
	return m
}()

// foldKey maps each character of s to the smallest in its Unicode
// simple-folding orbit: two names fold alike exactly when
// strings.EqualFold, which is how encoding/json compares them.
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}

// checkDuplicateKeys refuses an object with the same member twice, and a
// member spelt otherwise than the format spells it (see memberNames).
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
			if name, ok := memberNames[foldKey(key)]; ok && name != key {
				return reject("the member %s should be written %q: BriefDesk would read it as that member and other tools would not, so the file is ambiguous", quote(key), name)
			}
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
