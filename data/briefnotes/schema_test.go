package briefnotes_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"briefdesk/data/briefnotes"
)

// The documented schema must describe what Encode writes: the sample file
// validates against docs/briefnotes.schema.json, every member it has is
// documented, and a broken file does not validate. The validator below
// knows only the keywords the schema uses; it fails on any other, so the
// schema cannot drift into keywords this check ignores.

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile("../../docs/briefnotes.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	return s
}

func TestSampleMatchesSchema(t *testing.T) {
	root := loadSchema(t)
	var buf bytes.Buffer
	if err := briefnotes.Encode(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	v := &validator{root: root, strict: true}
	v.check(root, doc, "$")
	for _, e := range v.errs {
		t.Error(e)
	}

	for _, c := range []struct {
		name string
		edit func(map[string]any)
	}{
		{"NoFormat", func(m map[string]any) { delete(m, "format") }},
		{"Version4", func(m map[string]any) { m["version"] = 4 }},
		{"BadRevision", func(m map[string]any) { note0(m)["revision"] = []any{"0123456789ABCDEF"} }},
		{"RevisionNotList", func(m map[string]any) { note0(m)["revision"] = "0123456789abcdef" }},
		{"LongRevision", func(m map[string]any) { note0(m)["revision"] = revisionList(65) }},
		{"RepeatedRevision", func(m map[string]any) { note0(m)["revision"] = append(revisionList(2), "0000000000000000") }},
		{"BadHistory", func(m map[string]any) { note0(m)["history"] = []any{"not-a-revision"} }},
		{"LongHistory", func(m map[string]any) { note0(m)["history"] = revisionList(65) }},
		{"RepeatedHistory", func(m map[string]any) { note0(m)["history"] = append(revisionList(2), "0000000000000000") }},
		{"BadStance", func(m map[string]any) { note0(m)["stance"] = "oppose" }},
		{"BadID", func(m map[string]any) { note0(m)["id"] = "x" }},
		{"NoUpdated", func(m map[string]any) { delete(note0(m), "updated") }},
		{"TagNewline", func(m map[string]any) { note0(m)["tags"] = []any{"a\nb"} }},
		{"PriorityText", func(m map[string]any) { note0(m)["priority"] = "high" }},
		{"PackLangFrench", func(m map[string]any) { pack(m, 1)["lang"] = "fr" }},
		{"PackLangUnspelt", func(m map[string]any) { pack(m, 1)["lang"] = "zh-CN" }},
		{"ChecklistText", func(m map[string]any) { pack(m, 1)["options"].(map[string]any)["checklist"] = "yes" }},
		{"ClauseIDsNumber", func(m map[string]any) { pack(m, 1)["options"].(map[string]any)["clause_ids"] = 1 }},
	} {
		t.Run(c.name, func(t *testing.T) {
			var m map[string]any
			json.Unmarshal(buf.Bytes(), &m)
			c.edit(m)
			v := &validator{root: root}
			v.check(root, m, "$")
			if len(v.errs) == 0 {
				t.Fatal("the schema accepts it")
			}
		})
	}
}

// pack returns the i-th pack (from 0) of a decoded file.
func pack(m map[string]any, i int) map[string]any {
	return m["packs"].([]any)[i].(map[string]any)
}

// Every file Decode accepts is valid by the schema: the schema may not
// refuse what BriefDesk reads, or a colleague's tool that checks files
// against it would turn away good files. (FuzzDecode checks the same for
// whatever it finds.)
func TestAcceptedFilesMatchSchema(t *testing.T) {
	for _, c := range decodeCases {
		if _, err := briefnotes.Decode(bytes.NewReader(c.data)); err != nil {
			continue
		}
		for _, e := range schemaErrors(t, c.data) {
			t.Errorf("%s: Decode accepts it, the schema refuses it: %s", c.name, e)
		}
	}
}

var schemaRoot = sync.OnceValues(func() (map[string]any, error) {
	b, err := os.ReadFile("../../docs/briefnotes.schema.json")
	if err != nil {
		return nil, err
	}
	var s map[string]any
	return s, json.Unmarshal(b, &s)
})

// schemaErrors validates a file's JSON against the schema.
func schemaErrors(t *testing.T, data []byte) []string {
	t.Helper()
	root, err := schemaRoot()
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &doc); err != nil {
		return []string{err.Error()}
	}
	v := &validator{root: root}
	v.check(root, doc, "$")
	return v.errs
}

func revisionList(n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = fmt.Sprintf("%016x", i)
	}
	return out
}

func note0(m map[string]any) map[string]any { return m["notes"].([]any)[0].(map[string]any) }

type validator struct {
	root   map[string]any
	strict bool // every member must be documented
	errs   []string
}

func (v *validator) fail(path, format string, args ...any) {
	v.errs = append(v.errs, path+": "+fmt.Sprintf(format, args...))
}

func (v *validator) check(schema map[string]any, doc any, path string) {
	keys := make([]string, 0, len(schema))
	for k := range schema {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		want := schema[k]
		switch k {
		case "$schema", "$id", "$defs", "title", "description":
		case "$ref":
			ref := strings.TrimPrefix(want.(string), "#/$defs/")
			v.check(v.root["$defs"].(map[string]any)[ref].(map[string]any), doc, path)
		case "type":
			if !hasType(doc, want.(string)) {
				v.fail(path, "%v is not of type %s", doc, want)
			}
		case "const":
			if fmt.Sprint(doc) != fmt.Sprint(want) {
				v.fail(path, "%v is not %v", doc, want)
			}
		case "enum":
			found := false
			for _, e := range want.([]any) {
				found = found || fmt.Sprint(e) == fmt.Sprint(doc)
			}
			if !found {
				v.fail(path, "%v is not one of %v", doc, want)
			}
		case "anyOf":
			ok := false
			for _, alt := range want.([]any) {
				sub := &validator{root: v.root, strict: v.strict}
				sub.check(alt.(map[string]any), doc, path)
				ok = ok || len(sub.errs) == 0
			}
			if !ok {
				v.fail(path, "%v matches none of anyOf", doc)
			}
		case "required":
			if m, ok := doc.(map[string]any); ok {
				for _, r := range want.([]any) {
					if _, ok := m[r.(string)]; !ok {
						v.fail(path, "required member %s is missing", r)
					}
				}
			}
		case "properties":
			m, ok := doc.(map[string]any)
			if !ok {
				continue
			}
			props := want.(map[string]any)
			for name, val := range m {
				if p, ok := props[name]; ok {
					v.check(p.(map[string]any), val, path+"."+name)
				} else if v.strict {
					v.fail(path, "member %s is not documented", name)
				}
			}
		case "items":
			if a, ok := doc.([]any); ok {
				for i, x := range a {
					v.check(want.(map[string]any), x, fmt.Sprintf("%s[%d]", path, i))
				}
			}
		case "minLength", "maxLength":
			if s, ok := doc.(string); ok {
				n, lim := utf8.RuneCountInString(s), int(want.(float64))
				if k == "minLength" && n < lim || k == "maxLength" && n > lim {
					v.fail(path, "length %d breaks %s %d", n, k, lim)
				}
			}
		case "pattern":
			if s, ok := doc.(string); ok && !regexp.MustCompile(want.(string)).MatchString(s) {
				v.fail(path, "%q does not match %s", s, want)
			}
		case "minimum", "maximum":
			if f, ok := doc.(float64); ok {
				lim := want.(float64)
				if k == "minimum" && f < lim || k == "maximum" && f > lim {
					v.fail(path, "%v breaks %s %v", f, k, lim)
				}
			}
		case "uniqueItems":
			if a, ok := doc.([]any); ok && want.(bool) {
				seen := map[string]bool{}
				for _, x := range a {
					k := fmt.Sprintf("%T %v", x, x)
					if seen[k] {
						v.fail(path, "%v appears twice", x)
					}
					seen[k] = true
				}
			}
		case "maxItems":
			if a, ok := doc.([]any); ok && len(a) > int(want.(float64)) {
				v.fail(path, "%d items breaks maxItems %v", len(a), want)
			}
		default:
			v.fail(path, "schema keyword %s is unknown to this check", k)
		}
	}
}

func hasType(doc any, typ string) bool {
	switch typ {
	case "object":
		_, ok := doc.(map[string]any)
		return ok
	case "array":
		_, ok := doc.([]any)
		return ok
	case "string":
		_, ok := doc.(string)
		return ok
	case "boolean":
		_, ok := doc.(bool)
		return ok
	case "integer":
		f, ok := doc.(float64)
		return ok && f == float64(int64(f))
	case "number":
		_, ok := doc.(float64)
		return ok
	}
	return false
}
