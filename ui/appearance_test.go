package ui

import (
	"os"
	"strings"
	"testing"

	"briefdesk/app"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func ctrlKey(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// cardHeight is the height of the open card's rows as laid out.
func cardHeight(d *docView) float32 {
	var h float32
	for _, l := range d.laid {
		h += l.height
	}
	return h
}

// TestZoomScalesSizes: Ctrl+= and Ctrl+- change every size the theme
// gives (text, padding), the card lays its rows out again at the new
// size, the zoom is remembered, and Ctrl+0 goes back to 100 %.
func TestZoomScalesSizes(t *testing.T) {
	f := newGUIFixture(t)
	sc := f.win.Canvas().(fyne.Shortcutable)
	label := widget.NewLabel("决议 Resolution")
	text0, pad0, label0 := theme.TextSize(), theme.Padding(), label.MinSize()
	card0 := cardHeight(f.m.card)
	if card0 == 0 {
		t.Fatal("the card has no laid-out rows before zooming")
	}
	sc.TypedShortcut(ctrlKey(fyne.KeyEqual))
	sc.TypedShortcut(ctrlKey(fyne.KeyEqual))
	want := zoomSteps[4] // 100 % → 110 % → 125 %
	if got := theme.TextSize(); got != text0*want {
		t.Errorf("text size after two Ctrl+= = %v, want %v", got, text0*want)
	}
	if got := theme.Padding(); got != pad0*want {
		t.Errorf("padding after two Ctrl+= = %v, want %v", got, pad0*want)
	}
	label.Refresh()
	if got := label.MinSize(); got.Height <= label0.Height || got.Width <= label0.Width {
		t.Errorf("a label measures %v after zooming in, %v before", got, label0)
	}
	if got := cardHeight(f.m.card); got <= card0*1.1 {
		t.Errorf("card rows are %v high after zooming to %v, %v before: not re-measured", got, want, card0)
	}
	if got := f.app.Preferences().Float(prefZoom); float32(got) != want {
		t.Errorf("saved zoom %v, want %v", got, want)
	}
	for range 10 {
		sc.TypedShortcut(ctrlKey(fyne.KeyMinus))
	}
	if got := theme.TextSize(); got != text0*zoomSteps[0] {
		t.Errorf("text size after many Ctrl+- = %v, want the smallest step %v", got, text0*zoomSteps[0])
	}
	sc.TypedShortcut(ctrlKey(fyne.Key0))
	if got := theme.TextSize(); got != text0 {
		t.Errorf("text size after Ctrl+0 = %v, want %v", got, text0)
	}
	if got := cardHeight(f.m.card); got != card0 {
		t.Errorf("card height back at 100%% = %v, want %v", got, card0)
	}
	// The zoom shortcuts work while the search box has the focus.
	f.m.focusSearch()
	f.m.resList.search.TypedShortcut(ctrlKey(fyne.KeyEqual))
	if got := theme.TextSize(); got != text0*zoomSteps[3] {
		t.Errorf("Ctrl+= in the search box: text size %v, want %v", got, text0*zoomSteps[3])
	}
}

func TestZoomSteps(t *testing.T) {
	for _, c := range []struct {
		z    float32
		dir  int
		want float32
	}{
		{1, 1, 1.1}, {1, -1, 0.9}, {0.8, -1, 0.8}, {2, 1, 2}, {1.3, 1, 1.5}, {0, 1, 1.1}, {-3, -1, 0.9},
	} {
		if got := zoomStep(c.z, c.dir); got != c.want {
			t.Errorf("zoomStep(%v, %d) = %v, want %v", c.z, c.dir, got, c.want)
		}
	}
	for _, c := range []struct {
		theme string
		zoom  float64
		want  look
	}{
		{"dark", 1.25, look{themeDark, 1.25}},
		{"purple", 7, look{themeSystem, 2}},
		{"", -1, look{themeSystem, 1}},
		{"light", 0.01, look{themeLight, 0.8}},
	} {
		a := test.NewTempApp(t)
		a.Preferences().SetString(prefTheme, c.theme)
		a.Preferences().SetFloat(prefZoom, c.zoom)
		if got := savedLook(a.Preferences()); got != c.want {
			t.Errorf("saved %q, %v: look %+v, want %+v", c.theme, c.zoom, got, c.want)
		}
	}
}

// settingsSelect finds the select of the open Settings dialog whose
// options include opt.
func settingsSelect(t *testing.T, c fyne.Canvas, opt string) *uiw.EscSelect {
	t.Helper()
	for _, o := range test.LaidOutObjects(c.Overlays().Top()) {
		if s, ok := o.(*uiw.EscSelect); ok {
			for _, x := range s.Options {
				if x == opt {
					return s
				}
			}
		}
	}
	t.Fatalf("no choice offering %q in Settings", opt)
	return nil
}

// TestSettingsThemeApplies: choosing Dark or Light in Settings changes the
// window's colours at once; Cancel puts the old look back; Save keeps it.
func TestSettingsThemeApplies(t *testing.T) {
	f := newGUIFixture(t)
	c := f.win.Canvas()
	bg := func() float64 { return luminance(theme.Color(theme.ColorNameBackground)) }
	f.m.showSettings()
	settingsSelect(t, c, "Dark").SetSelected("Dark")
	if bg() > 0.1 {
		t.Fatalf("choosing Dark leaves the background at luminance %.2f", bg())
	}
	settingsSelect(t, c, "150%").SetSelected("150%")
	if got := theme.TextSize(); got != 1.5*theme.DefaultTheme().Size(theme.SizeNameText) {
		t.Errorf("choosing 150%% gives text size %v", got)
	}
	f.m.settings.cancel()
	if got := currentLook(f.app); got != (look{themeSystem, 1}) {
		t.Errorf("after Cancel the look is %+v, want the system's at 100%%", got)
	}
	f.m.showSettings()
	settingsSelect(t, c, "Light").SetSelected("Light")
	tapButton(t, c, "Save")
	if got := currentLook(f.app).variant; got != themeLight {
		t.Errorf("after Save the theme is %q, want light", got)
	}
	if bg() < 0.8 {
		t.Errorf("Light chosen and saved, background luminance %.2f", bg())
	}
	if got := f.app.Preferences().String(prefTheme); got != themeLight {
		t.Errorf("saved theme %q, want light", got)
	}
}

// TestSettingsShowsLanguageInUse: started with --lang zh while the saved
// choice is English, Settings shows Chinese, says a change takes effect
// at the next start, and saving without touching it keeps the saved
// choice.
func TestSettingsShowsLanguageInUse(t *testing.T) {
	f := newGUIFixture(t)
	f.app.Preferences().SetString(prefLanguage, langEnglish)
	zh := langChinese
	runLanguage = &zh
	t.Cleanup(func() { runLanguage = nil })
	f.m.showSettings()
	s := f.m.settings
	if got := s.language.Selected; got != "中文（简体）" {
		t.Errorf("language shown %q, want the one in use, 中文（简体）", got)
	}
	if !strings.Contains(s.langHint.Text, "next starts") {
		t.Errorf("the hint %q does not say when a new language takes effect", s.langHint.Text)
	}
	s.save()
	if got := f.app.Preferences().String(prefLanguage); got != langEnglish {
		t.Errorf("saving an untouched language changed the saved choice to %q", got)
	}
	s.language.SetSelected("中文（简体）")
	s.language.SetSelected("English")
	s.language.SetSelected("中文（简体）")
	s.language.SetSelectedIndex(0)
	if !strings.Contains(s.langHint.Text, "The new language") {
		t.Errorf("after a change the hint says %q", s.langHint.Text)
	}
	s.save()
	if got := f.app.Preferences().String(prefLanguage); got != langSystem {
		t.Errorf("saved language %q, want the system's", got)
	}
	if got, _ := f.db.Setting(t.Context(), app.SettingLanguage); got != langSystem {
		t.Errorf("database language %q, want the system's", got)
	}
}

func TestAboutSaysVersionAndSource(t *testing.T) {
	b, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	d := fyneTOMLDetails(b)
	if d["Version"] == "" || d["Name"] != "BriefDesk" || d["ID"] == "" {
		t.Fatalf("FyneApp.toml details %v", d)
	}
	if got, want := aboutText(fyne.AppMetadata{Name: d["Name"], Version: d["Version"], Build: 3}, ""), "BriefDesk "+d["Version"]+" (build 3)"; !strings.HasPrefix(got, want) {
		t.Errorf("About begins %q, want %q", got, want)
	}
	f := newGUIFixture(t)
	src, err := f.db.Source(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	f.m.showAbout()
	var all []string
	for _, o := range test.LaidOutObjects(f.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			all = append(all, l.Text)
		}
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"BriefDesk", src.Name, src.Fingerprint, "SIL OPEN FONT LICENSE", "Noto Sans SC"} {
		if !strings.Contains(text, want) {
			t.Errorf("About does not say %q", want)
		}
	}
}

// TestShortcutList: the shortcuts dialog lists the menu's shortcuts and
// the keys widgets take, each once.
func TestShortcutList(t *testing.T) {
	f := newGUIFixture(t)
	list := shortcutList(f.win.MainMenu())
	seen := map[string]int{}
	for _, k := range list {
		seen[k.keys]++
		if k.does == "" {
			t.Errorf("%s: says nothing about what it does", k.keys)
		}
	}
	ctrl := modifierName(fyne.KeyModifierShortcutDefault)
	for _, want := range []string{ctrl + "+F", ctrl + "+1", "Alt+←", ctrl + "+=", ctrl + "+-", ctrl + "+0", ctrl + "+/", "F3 / Shift+F3", ctrl + "+C", "Tab / Shift+Tab"} {
		if seen[want] != 1 {
			t.Errorf("%q listed %d times, want once", want, seen[want])
		}
	}
	f.m.showShortcuts()
	if f.win.Canvas().Overlays().Top() == nil {
		t.Error("the shortcuts dialog did not open")
	}
}

// tapButton taps the button labelled text in the top overlay.
func tapButton(t *testing.T, c fyne.Canvas, text string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(c.Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no %q button on top", text)
}
