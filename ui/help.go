package ui

import (
	"bufio"
	"context"
	"runtime"
	"strconv"
	"strings"

	"briefdesk/assets"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// The Help menu: the keyboard shortcuts and About.

// keyHelp is one line of the shortcuts list.
type keyHelp struct{ keys, does string }

// widgetKeys are the keys widgets take themselves (no menu item carries
// them), in the order a person meets them. The window's menu shortcuts
// are listed from the menus, so a new menu item is never missing here.
func widgetKeys() []keyHelp {
	ctrl := modifierName(fyne.KeyModifierShortcutDefault)
	return []keyHelp{
		{"↑ / ↓", lang.L("In the search box: move through the results")},
		{"Enter", lang.L("In the search box: open the selected result, or go to the next hit in the card")},
		{"Esc", lang.L("In the search box: clear it; in a dialog: close it")},
		{"F3 / Shift+F3", lang.L("Next / previous search hit in the card")},
		{ctrl + "+C", lang.L("Copy the focused clause with its reference")},
		{"Tab / Shift+Tab", lang.L("Move to the next / previous field, button or reference")},
		{"Space / Enter", lang.L("Press the focused button or follow the focused reference")},
		{ctrl + "+Enter, " + ctrl + "+S", lang.L("In the note editor: save the note")},
	}
}

// shortcutKeys is how a shortcut is written for people: "Ctrl+F",
// "Alt+←".
func shortcutKeys(s fyne.Shortcut) string {
	c, ok := s.(*desktop.CustomShortcut)
	if !ok {
		return s.ShortcutName()
	}
	key := string(c.KeyName)
	switch c.KeyName {
	case fyne.KeyLeft:
		key = "←"
	case fyne.KeyRight:
		key = "→"
	case fyne.KeyUp:
		key = "↑"
	case fyne.KeyDown:
		key = "↓"
	case fyne.KeyReturn, fyne.KeyEnter:
		key = "Enter"
	}
	if m := modifierName(c.Modifier); m != "" {
		return m + "+" + key
	}
	return key
}

// modifierName names modifier keys as the keyboard labels them.
func modifierName(m fyne.KeyModifier) string {
	var parts []string
	if m&fyne.KeyModifierControl != 0 {
		parts = append(parts, "Ctrl")
	}
	if m&fyne.KeyModifierSuper != 0 {
		if runtime.GOOS == "darwin" {
			parts = append(parts, "⌘")
		} else {
			parts = append(parts, "Super")
		}
	}
	if m&fyne.KeyModifierAlt != 0 {
		parts = append(parts, "Alt")
	}
	if m&fyne.KeyModifierShift != 0 {
		parts = append(parts, "Shift")
	}
	return strings.Join(parts, "+")
}

// shortcutList is every shortcut: those of the main menu (read from the
// menu itself), then the keys widgets take.
func shortcutList(menu *fyne.MainMenu) []keyHelp {
	var out []keyHelp
	seen := map[string]bool{}
	if menu != nil {
		for _, mm := range menu.Items {
			for _, it := range mm.Items {
				if it.Shortcut == nil || it.IsSeparator {
					continue
				}
				k := shortcutKeys(it.Shortcut)
				if seen[k] {
					continue
				}
				seen[k] = true
				out = append(out, keyHelp{k, strings.TrimSuffix(it.Label, "…")})
			}
		}
	}
	for _, k := range widgetKeys() {
		if !seen[k.keys] {
			out = append(out, k)
		}
	}
	return out
}

// showShortcuts lists every keyboard shortcut in a dialog.
func (m *mainWindow) showShortcuts() {
	grid := container.New(&uiw.PairGrid{})
	for _, k := range shortcutList(m.win.MainMenu()) {
		key := widget.NewLabelWithStyle(k.keys, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		does := widget.NewLabel(k.does)
		does.Wrapping = fyne.TextWrapWord
		grid.Add(key)
		grid.Add(does)
	}
	scroll := container.NewVScroll(grid)
	d := dialog.NewCustom(lang.L("Keyboard shortcuts"), lang.L("Close"), scroll, m.win)
	d.Resize(uiw.DialogSize(m.win, 620, 560))
	uiw.EscClosesDialog(m.win, d)
	d.Show()
}

// aboutText is what About says: the version, the document the
// resolutions come from, and whose work BriefDesk is built on.
func aboutText(meta fyne.AppMetadata, src string) string {
	name := meta.Name
	if name == "" {
		name = "BriefDesk"
	}
	v := meta.Version
	if v == "" {
		v = lang.L("development build")
	} else if meta.Build > 0 {
		v += " (" + lang.L("build {{.N}}", map[string]any{"N": meta.Build}) + ")"
	}
	var b strings.Builder
	b.WriteString(name + " " + v + "\n")
	b.WriteString(lang.L("WTSA-20 resolutions for ITU-D delegates, offline.") + "\n\n")
	b.WriteString(src + "\n\n")
	b.WriteString(lang.L("Built with Go {{.Go}} and Fyne; SQLite by modernc.org/sqlite; PDF by gofpdf.", map[string]any{"Go": strings.TrimPrefix(runtime.Version(), "go")}) + "\n")
	b.WriteString(lang.L("Font: {{.Font}} (subset), SIL Open Font License 1.1; the licence text follows.", map[string]any{"Font": assets.FontName}))
	return b.String()
}

// showAbout shows the version, the source document's name and SHA-256
// fingerprint, and the licences, the font's in full.
func (m *mainWindow) showAbout() {
	src := lang.L("Source document: unknown")
	if c := m.env.Corpus; c != nil {
		// One row of a local file: fast enough for the UI thread.
		if s, err := c.Source(context.Background()); err == nil {
			src = lang.L("Source document: {{.Name}}", map[string]any{"Name": s.Name})
			if s.Title != "" {
				src += "\n" + s.Title
			}
			src += "\nSHA-256: " + s.Fingerprint
		} else {
			fyne.LogError("about: source", err)
		}
	}
	text := widget.NewLabel(aboutText(m.app.Metadata(), src))
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	licence := widget.NewLabel(assets.FontLicense)
	licence.Wrapping = fyne.TextWrapWord
	licence.SizeName = "helperText"
	licence.Selectable = true
	body := container.NewVScroll(container.NewVBox(text, widget.NewSeparator(), licence))
	d := dialog.NewCustom(lang.L("About BriefDesk"), lang.L("Close"), body, m.win)
	d.Resize(uiw.DialogSize(m.win, 640, 600))
	uiw.EscClosesDialog(m.win, d)
	d.Show()
}

// fillMetadata gives a binary built with plain `go build` (which leaves
// Fyne's metadata empty; `fyne package` fills it) the name, version and
// build number of FyneApp.toml, so About can say which version this is.
func fillMetadata(a fyne.App, toml []byte) {
	meta := a.Metadata()
	if meta.Version != "" || len(toml) == 0 {
		return
	}
	details := fyneTOMLDetails(toml)
	if details["Version"] == "" {
		return
	}
	meta.Version = details["Version"]
	if meta.Name == "" {
		meta.Name = details["Name"]
	}
	if n, err := strconv.Atoi(details["Build"]); err == nil {
		meta.Build = n
	}
	fyneapp.SetMetadata(meta)
}

// fyneTOMLDetails reads the key = value lines of FyneApp.toml's [Details]
// table: the few plain strings and numbers About needs, not TOML at large.
func fyneTOMLDetails(b []byte) map[string]string {
	out := map[string]string{}
	in := false
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			in = line == "[Details]"
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !in || !ok || strings.HasPrefix(line, "#") {
			continue
		}
		v = strings.TrimSpace(v)
		if uq, err := strconv.Unquote(v); err == nil {
			v = uq
		}
		out[strings.TrimSpace(k)] = v
	}
	return out
}
