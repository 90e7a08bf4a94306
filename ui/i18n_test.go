package ui

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"fyne.io/fyne/v2/lang"
)

// guiFiles are the files of package ui (and ui/widget) the GUI work owns; their strings
// must all be translated. Other screens' missing strings are listed in
// the log for whoever adds them.
var guiFiles = map[string]bool{
	"card.go": true, "entityview.go": true, "mainwindow.go": true, "overview.go": true,
	"reslist.go": true, "resrow.go": true, "run.go": true, "settings.go": true,
	"cardbar.go": true, "cardcopy.go": true, "searchhint.go": true, "mainwindow_notes.go": true,
	"help.go": true, "appearance.go": true, "widget/message.go": true,
}

var langCall = regexp.MustCompile(`lang\.(?:L|N)\(("(?:[^"\\]|\\.)*")`)

func TestTranslationsComplete(t *testing.T) {
	zh := readTranslation(t, "zh_Hans.json")
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	// The shared widgets' strings are the screens' too.
	widgets, err := filepath.Glob("widget/*.go")
	if err != nil || len(widgets) == 0 {
		t.Fatalf("no ui/widget sources (%v)", err)
	}
	files = append(files, widgets...)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range langCall.FindAllStringSubmatch(string(src), -1) {
			s, err := strconv.Unquote(m[1])
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if _, ok := zh[s]; ok {
				continue
			}
			if guiFiles[f] {
				t.Errorf("%s: %q has no Chinese translation in translation/zh_Hans.json", f, s)
			} else {
				t.Logf("%s: %q has no Chinese translation yet", f, s)
			}
		}
	}
}

func TestTranslationsAreJSON(t *testing.T) {
	for _, name := range []string{"en.json", "zh_Hans.json"} {
		if m := readTranslation(t, name); len(m) == 0 {
			t.Errorf("%s is empty", name)
		}
	}
}

func readTranslation(t *testing.T, name string) map[string]any {
	t.Helper()
	b, err := translationFS.ReadFile("translation/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// TestLanguageChoice loads the translations the way Run does and checks
// that each choice speaks its language (the files parse, the names are
// what lang expects, the choice overrides the system locale).
func TestLanguageChoice(t *testing.T) {
	t.Cleanup(func() { setupLanguage(langSystem) })
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	for _, c := range []struct{ choice, want string }{
		{langChinese, "第44号决议"},
		{langEnglish, "Resolution 44"},
	} {
		setupLanguage(c.choice)
		if got := resName(44); got != c.want {
			t.Errorf("language %q: resName(44) = %q, want %q", c.choice, got, c.want)
		}
	}
	if err := lang.AddTranslationsFS(translationFS, "translation"); err != nil {
		t.Errorf("translations do not load: %v", err)
	}
}

// TestTranslationsNoDuplicateKeys: a key written twice (as merges of
// several changes can leave it) silently keeps only one of its texts.
func TestTranslationsNoDuplicateKeys(t *testing.T) {
	for _, name := range []string{"en.json", "zh_Hans.json"} {
		b, err := translationFS.ReadFile("translation/" + name)
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
			t.Fatalf("%s: not a JSON object", name)
		}
		seen := map[string]bool{}
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			key := tok.(string)
			if seen[key] {
				t.Errorf("%s: %q is there twice", name, key)
			}
			seen[key] = true
			var v any
			if err := dec.Decode(&v); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
	}
}
