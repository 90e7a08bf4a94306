package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

// schemaPatterns reads the patterns docs/briefnotes.schema.json gives the
// one-line fields: a name or delegation ($defs.line), a tag, a pack title.
func schemaPatterns(t *testing.T) map[string]*regexp.Regexp {
	t.Helper()
	b, err := os.ReadFile("../../docs/briefnotes.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Defs struct {
			Line struct{ Pattern string }
			Note struct {
				Properties struct {
					Tags struct{ Items struct{ Pattern string } }
				}
			}
			Pack struct {
				Properties struct {
					Title struct{ Pattern string }
				}
			}
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	out := map[string]*regexp.Regexp{}
	for k, p := range map[string]string{"line": s.Defs.Line.Pattern, "tag": s.Defs.Note.Properties.Tags.Items.Pattern, "title": s.Defs.Pack.Properties.Title.Pattern} {
		if p == "" {
			t.Fatalf("the schema gives %s no pattern", k)
		}
		out[k] = regexp.MustCompile(p)
	}
	return out
}

// exportWith exports the notes of db and sets, in the file's JSON, one
// field of its first note (or of a pack it adds) to v: a colleague's file
// as another program might write it.
func exportWith(t *testing.T, db, field, v string) string {
	t.Helper()
	code, stdout, stderr := run(t, "--db", db, "notes", "export")
	if code != ExitOK {
		t.Fatalf("export: %s", stderr)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(stdout), &m); err != nil {
		t.Fatal(err)
	}
	note := m["notes"].([]any)[0].(map[string]any)
	switch field {
	case "author":
		note["author"] = map[string]any{"name": v}
	case "delegation":
		note["author"] = map[string]any{"name": "Li", "delegation": v}
	case "tag":
		note["tags"] = []any{v}
	case "pack name", "pack title", "meeting":
		p := map[string]any{"name": "ok", "resolutions": []any{44}}
		key := map[string]string{"pack name": "name", "pack title": "title", "meeting": "meeting"}[field]
		p[key] = v
		m["packs"] = []any{p}
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "colleague.briefnotes")
	os.WriteFile(path, b, 0o644)
	return path
}

// TestOneRulePerField: every entry point (the app rule itself, the data
// layer's saves, the command line, the importer and the JSON Schema)
// refuses the same bad values of each user-entered field, and accepts the
// same good ones, so that nothing saved in one place is refused later in
// another.
func TestOneRulePerField(t *testing.T) {
	bad := map[string]string{
		"BEL":           "a\u0007b",
		"RLO":           "approve\u202Eevorppa",
		"LRE":           "a\u202Ab",
		"Isolate":       "a\u2066b\u2069",
		"Newline":       "a\nb",
		"LineSeparator": "a\u2028b",
		"Escape":        "a\x1b[2Jb",
		"C1":            "a\u0085b",
		"DEL":           "a\x7fb",
		"InvalidUTF8":   "a\xffb",
		"TooLongForAll": strings.Repeat("很", 1001),
	}
	good := map[string]string{
		"Chinese":     "中国代表团",
		"Latin":       "ITU-D SG1 / Q3/2",
		"ArabicMarks": "مصر\u200f (Egypt)",
		"Emoji":       "✓ 支持",
	}
	patterns := schemaPatterns(t)
	db := newDB(t)
	ctx := context.Background()
	if code, _, stderr := run(t, "--db", db, "notes", "add", "44", "--text", "base", "--author", "Li"); code != ExitOK {
		t.Fatal(stderr)
	}

	type entry struct {
		name string
		// refuse returns an error (or a non-nil "accepted" marker of nil)
		check func(t *testing.T, v string) error
	}
	cliErr := func(args ...string) error {
		code, _, stderr := run(t, append([]string{"--db", db}, args...)...)
		if code != ExitOK {
			return app.Errorf(app.EINVALID, "%s", stderr)
		}
		return nil
	}
	viaDB := func(f func(d *data.DB) error) error {
		d, err := data.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		return f(d)
	}
	schema := func(which string) func(t *testing.T, v string) error {
		return func(t *testing.T, v string) error {
			if !patterns[which].MatchString(v) || len([]rune(v)) > 1000 {
				return app.Errorf(app.EINVALID, "schema refuses")
			}
			return nil
		}
	}
	imports := func(field string) func(t *testing.T, v string) error {
		return func(t *testing.T, v string) error {
			return cliErr("notes", "import", "--dry-run", exportWith(t, db, field, v))
		}
	}
	fields := map[string][]entry{
		"author": {
			{"Note.Validate", func(t *testing.T, v string) error {
				n := app.Note{Resolution: 44, Body: "x", Author: app.Author{Name: v}}
				return n.Validate()
			}},
			{"SaveNote", func(t *testing.T, v string) error {
				return viaDB(func(d *data.DB) error {
					return d.SaveNote(ctx, &app.Note{Resolution: 44, Body: "x", Author: app.Author{Name: v}})
				})
			}},
			{"SetSetting", func(t *testing.T, v string) error {
				return viaDB(func(d *data.DB) error { return d.SetSetting(ctx, app.SettingAuthorName, v) })
			}},
			{"CLI notes add", func(t *testing.T, v string) error { return cliErr("notes", "add", "44", "--text", "x", "--author", v) }},
			{"CLI pack --author", func(t *testing.T, v string) error {
				return cliErr("pack", "--preset", "itu-d-sg2", "--date", "2026-05-18", "--dry-run", "--author", v)
			}},
			{"import", imports("author")},
			{"schema", schema("line")},
		},
		"delegation": {
			{"CLI notes add", func(t *testing.T, v string) error {
				return cliErr("notes", "add", "44", "--text", "x", "--author", "Li", "--delegation", v)
			}},
			{"SetSetting", func(t *testing.T, v string) error {
				return viaDB(func(d *data.DB) error { return d.SetSetting(ctx, app.SettingAuthorDelegation, v) })
			}},
			{"import", imports("delegation")},
			{"schema", schema("line")},
		},
		"tag": {
			{"CLI notes add", func(t *testing.T, v string) error { return cliErr("notes", "add", "44", "--text", "x", "--tag", v) }},
			{"import", imports("tag")},
			{"schema", schema("tag")},
		},
		"pack name": {
			{"Pack.Validate", func(t *testing.T, v string) error {
				p := app.Pack{Name: v}
				return p.Validate()
			}},
			{"CLI pack --save", func(t *testing.T, v string) error {
				return cliErr("pack", "--preset", "itu-d-sg2", "--date", "2026-05-18", "--save", v)
			}},
			{"import", imports("pack name")},
			{"schema", schema("line")},
		},
		"pack title": {
			{"CLI pack --title", func(t *testing.T, v string) error {
				return cliErr("pack", "--preset", "itu-d-sg2", "--date", "2026-05-18", "--title", v, "--save", "t")
			}},
			{"SavePack", func(t *testing.T, v string) error {
				return viaDB(func(d *data.DB) error {
					return d.SavePack(ctx, &app.Pack{Name: "t2", Title: v, Resolutions: []int{44}})
				})
			}},
			{"import", imports("pack title")},
			{"schema", schema("title")},
		},
		"meeting": {
			{"CLI pack --meeting", func(t *testing.T, v string) error {
				return cliErr("pack", "--preset", "itu-d-sg2", "--date", "2026-05-18", "--meeting", v, "--dry-run")
			}},
			{"import", imports("meeting")},
			{"schema", schema("title")},
		},
	}
	for field, entries := range fields {
		for _, e := range entries {
			t.Run(field+"/"+e.name, func(t *testing.T) {
				for name, v := range bad {
					if name == "InvalidUTF8" && (e.name == "schema" || e.name == "import") {
						continue // JSON cannot carry it; the decoder refuses the file
					}
					if e.check(t, v) == nil {
						t.Errorf("%s: %q accepted", name, v)
					}
				}
				for name, v := range good {
					if err := e.check(t, v); err != nil {
						t.Errorf("%s: %q refused: %v", name, v, err)
					}
				}
			})
		}
	}
	// And nothing bad reached the database on the way.
	d, err := data.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ps, _ := d.Packs(ctx)
	ns, _ := d.Notes(ctx, app.NoteFilter{})
	for _, p := range ps {
		if app.CheckField(app.FieldPackName, p.Name) != nil || app.CheckField(app.FieldPackTitle, p.Title) != nil {
			t.Errorf("pack %q was saved with a bad field", p.Name)
		}
	}
	for _, n := range ns {
		if n.Validate() != nil {
			t.Errorf("note %q was saved: %v", n.Author.Name, n.Validate())
		}
	}
}
