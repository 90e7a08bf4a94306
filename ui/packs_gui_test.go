package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
)

// packsFixture is the Packs view on a real database holding the embedded
// corpus, with an author in Settings.
type packsFixture struct {
	db     *data.DB
	win    fyne.Window
	env    *screenEnv
	v      *packsView
	rs     []app.Resolution // the corpus as the database returns it
	corpus *corpusCache     // the window's corpus, loaded once
}

func newPacksFixture(t *testing.T) *packsFixture {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	ctx := context.Background()
	f := &packsFixture{db: openGUIDB(t)}
	for _, kv := range [][2]string{{app.SettingAuthorName, "Li Wei"}, {app.SettingAuthorDelegation, "China"}} {
		if err := f.db.SetSetting(ctx, kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	var err error
	if f.rs, err = f.db.Resolutions(ctx, app.ResolutionFilter{Full: true}); err != nil {
		t.Fatal(err)
	}
	f.win = a.NewWindow("Packs")
	f.env = &screenEnv{Services: guiServices(f.db), Window: f.win, runAsync: runNow}
	f.corpus = testCorpus(t, f.env.Services)
	f.open()
	t.Cleanup(f.win.Close)
	return f
}

// open builds a fresh Packs view, as after a restart.
func (f *packsFixture) open() {
	f.v = newPacksView(f.env, f.corpus)
	f.win.SetContent(f.v.content())
	f.win.Resize(fyne.NewSize(1200, 800))
}

// checked are the resolutions whose checks are ticked.
func (f *packsFixture) checked() []int {
	var out []int
	for n, c := range f.v.ed.checks {
		if c.Checked {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// stored is the pack called name in the database.
func (f *packsFixture) stored(t *testing.T, name string) *app.Pack {
	t.Helper()
	p, err := f.db.Pack(context.Background(), name)
	if err != nil {
		t.Fatalf("pack %q: %v", name, err)
	}
	return p
}

func (f *packsFixture) names(t *testing.T) []string {
	t.Helper()
	ps, err := f.db.Packs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}

func TestPacksPresetToggleSaveReload(t *testing.T) {
	f := newPacksFixture(t)
	if len(f.v.packs) != 0 || f.v.sel != -1 || !f.v.delBtn.Disabled() {
		t.Fatalf("a new database shows packs=%d sel=%d", len(f.v.packs), f.v.sel)
	}
	test.Tap(f.v.newBtn)
	fresh := f.stored(t, lang.L("Untitled pack"))
	if fresh.Author != "Li Wei" || fresh.Delegation != "China" || len(fresh.Resolutions) != 0 {
		t.Fatalf("new pack = %+v, want the author from Settings and no resolutions", fresh)
	}

	ed := f.v.ed
	test.Tap(ed.presets[app.PresetSG2])
	want, err := app.PresetResolutions(app.PresetSG2, f.rs)
	if err != nil || len(want) == 0 || len(want) == len(f.rs) {
		t.Fatalf("preset itu-d-sg2 = %v, %v: want some resolutions, not all", want, err)
	}
	if got := f.checked(); !slices.Equal(got, want) {
		t.Fatalf("after Cites SG2 checked %v, want %v", got, want)
	}

	// By hand: add the first resolution the preset left out, drop its first.
	add, drop := 0, want[0]
	for _, r := range f.rs {
		if !slices.Contains(want, r.Number) {
			add = r.Number
			break
		}
	}
	test.Tap(ed.checks[add])
	test.Tap(ed.checks[drop])
	sel := append(slices.DeleteFunc(slices.Clone(want), func(n int) bool { return n == drop }), add)
	slices.Sort(sel)
	if got := ed.chosenNumbers(); !slices.Equal(got, sel) {
		t.Fatalf("after toggling %d and %d chosen %v, want %v", add, drop, got, sel)
	}
	if f.v.status.Text != lang.L("Unsaved changes") {
		t.Errorf("status = %q, want unsaved changes", f.v.status.Text)
	}

	ed.name.SetText("SG2 Geneva")
	ed.title.SetText("Positions for SG2")
	ed.target.SetSelected(lang.L("Custom…"))
	if ed.targetLabel.Disabled() {
		t.Error("the custom label stays disabled for a custom target")
	}
	ed.targetLabel.SetText("Regional meeting")
	test.Type(ed.meeting, "ITU-D SG2, Geneva, 2026-05")
	ed.date.SetText("2026-05-18")
	ed.clauses.SetSelected(lang.L("ITU-D / BDT clauses"))
	ed.notes.SetSelected(lang.L("All notes"))
	ed.refs.SetChecked(false)
	test.Tap(f.v.saveBtn)

	wantPack := app.Pack{
		Name: "SG2 Geneva", Title: "Positions for SG2", Target: app.TargetCustom, TargetLabel: "Regional meeting",
		Delegation: "China", Author: "Li Wei", Meeting: "ITU-D SG2, Geneva, 2026-05", Date: "2026-05-18",
		Resolutions: sel,
		Options:     app.PackOptions{Clauses: app.ClausesITUD, Notes: app.NotesAll, Overview: true, RefsAppendix: false},
	}
	got := *f.stored(t, "SG2 Geneva")
	got.Updated = wantPack.Updated
	if !reflect.DeepEqual(got, wantPack) {
		t.Fatalf("stored\n%+v\nwant\n%+v", got, wantPack)
	}
	if names := f.names(t); !slices.Equal(names, []string{"SG2 Geneva"}) {
		t.Errorf("packs after renaming = %v, want only the new name", names)
	}
	if strings.Contains(f.v.status.Text, lang.L("Unsaved changes")) {
		t.Errorf("status after saving = %q", f.v.status.Text)
	}

	f.open()
	if len(f.v.packs) != 1 || f.v.sel != 0 {
		t.Fatalf("after reopening: %d packs, selected %d", len(f.v.packs), f.v.sel)
	}
	cur := f.v.ed.current()
	cur.Updated = wantPack.Updated
	if !reflect.DeepEqual(cur, wantPack) {
		t.Fatalf("editor after reopening\n%+v\nwant\n%+v", cur, wantPack)
	}
	if got := f.checked(); !slices.Equal(got, sel) {
		t.Errorf("checks after reopening %v, want %v", got, sel)
	}
	if f.v.dirty() {
		t.Error("a pack just opened counts as changed")
	}
}

func TestPacksBadInputNotSaved(t *testing.T) {
	f := newPacksFixture(t)
	test.Tap(f.v.newBtn)
	name := f.v.saved.Name
	before := *f.stored(t, name)
	for _, tc := range []struct{ field, date, pack string }{
		{"Month13", "2026-13-01", name},
		{"Feb30", "2026-02-30", name},
		{"DayFirst", "18/05/2026", name},
		{"Words", "tomorrow", name},
		{"NoName", "2026-05-18", "  "},
	} {
		t.Run(tc.field, func(t *testing.T) {
			f.v.ed.date.SetText(tc.date)
			f.v.ed.name.SetText(tc.pack)
			test.Tap(f.v.saveBtn)
			msg := overlayText(f.win)
			if !strings.Contains(msg, lang.L("The pack was not saved.")) {
				t.Fatalf("dialog says %q, want that the pack was not saved", msg)
			}
			dismissOverlays(f.win)
			got := *f.stored(t, name)
			if !reflect.DeepEqual(got, before) {
				t.Errorf("stored pack changed:\n%+v\nwas\n%+v", got, before)
			}
			if names := f.names(t); len(names) != 1 {
				t.Errorf("packs = %v", names)
			}
		})
	}
	if f.v.ed.date.SetText("2026-13-01"); f.v.ed.date.Validate() == nil {
		t.Error("the date field accepts 2026-13-01")
	}
}

func TestValidPackDate(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"", true}, {"2026-05-18", true}, {" 2024-02-29 ", true},
		{"2025-02-29", false}, {"2026-5-18", false}, {"2026/05/18", false}, {"20260518", false}, {"２０２６-05-18", false},
	} {
		if err := validPackDate(tc.in); (err == nil) != tc.ok {
			t.Errorf("validPackDate(%q) = %v, want ok=%v", tc.in, err, tc.ok)
		} else if err != nil && app.ErrorCode(err) != app.EINVALID {
			t.Errorf("validPackDate(%q) code %s", tc.in, app.ErrorCode(err))
		}
	}
}

func TestPacksExport(t *testing.T) {
	f := newPacksFixture(t)
	test.Tap(f.v.newBtn)
	test.Tap(f.v.ed.presets[app.PresetSG2])
	test.Tap(f.v.saveBtn)
	p, err := f.v.ed.pack()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()

	t.Run("NewFile", func(t *testing.T) {
		path := filepath.Join(dir, "新的 pack #1.pdf")
		if ask, err := needsOverwrite(path); ask || err != nil {
			t.Fatalf("needsOverwrite(new file) = %v, %v", ask, err)
		}
		f.v.confirm, f.v.result = nil, nil
		f.v.exportTo(p, path)
		if f.v.confirm != nil {
			t.Error("asked before writing a new file")
		}
		b, err := os.ReadFile(path)
		if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
			t.Fatalf("exported file: %d bytes, %v; want a PDF", len(b), err)
		}
		if f.v.result == nil || !strings.Contains(dialogText(f.win), path) {
			t.Fatalf("no success dialog naming %s: %q", path, dialogText(f.win))
		}
		test.Tap(dialogButton(t, f.win, lang.L("Open")))
		if f.win.Canvas().Overlays().Top() != nil {
			t.Error("Open leaves the dialog up")
		}
	})

	t.Run("AsksBeforeReplacing", func(t *testing.T) {
		path := filepath.Join(dir, "old.pdf")
		if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		if ask, err := needsOverwrite(path); !ask || err != nil {
			t.Fatalf("needsOverwrite(existing file) = %v, %v", ask, err)
		}
		f.v.confirm = nil
		f.v.exportTo(p, path)
		if f.v.confirm == nil {
			t.Fatal("no question before replacing a file")
		}
		if b, _ := os.ReadFile(path); string(b) != "old" {
			t.Fatalf("the file changed before the person answered: %q", b[:min(len(b), 8)])
		}
		f.v.confirm.Dismiss()
		if b, _ := os.ReadFile(path); string(b) != "old" {
			t.Fatal("the file was replaced although the person said no")
		}
		f.v.exportTo(p, path)
		f.v.confirm.Confirm()
		if b, _ := os.ReadFile(path); !bytes.HasPrefix(b, []byte("%PDF")) {
			t.Fatal("the file was not replaced after the person agreed")
		}
		dismissOverlays(f.win)
	})

	t.Run("FolderIsNoFile", func(t *testing.T) {
		if _, err := needsOverwrite(dir); app.ErrorCode(err) != app.EINVALID {
			t.Fatalf("needsOverwrite(folder) = %v, want EINVALID", err)
		}
		f.v.confirm = nil
		f.v.exportTo(p, dir)
		if f.v.confirm != nil || !strings.Contains(overlayText(f.win), lang.L("Nothing was exported.")) {
			t.Errorf("exporting onto a folder: %q", overlayText(f.win))
		}
		dismissOverlays(f.win)
	})

	t.Run("FailureWritesNothing", func(t *testing.T) {
		sub := t.TempDir()
		path := filepath.Join(sub, "pack.pdf")
		if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		bad := *p
		bad.Resolutions = []int{9999} // not in the corpus: pdf.Export fails
		f.v.runExport(&bad, path)
		if !strings.Contains(overlayText(f.win), app.ErrorMessage(exportPack(context.Background(), f.env.Services, &bad, path))) {
			t.Errorf("the error dialog does not say why: %q", overlayText(f.win))
		}
		if b, _ := os.ReadFile(path); string(b) != "old" {
			t.Error("a failed export changed the file")
		}
		if es, _ := os.ReadDir(sub); len(es) != 1 {
			t.Errorf("a failed export left files behind: %v", es)
		}
		if f.v.exportBtn.Disabled() {
			t.Error("Export PDF stays disabled after a failure")
		}
		dismissOverlays(f.win)
	})
}

func TestPacksDuplicateAndDelete(t *testing.T) {
	f := newPacksFixture(t)
	test.Tap(f.v.newBtn)
	test.Tap(f.v.ed.presets[app.PresetBDT])
	test.Tap(f.v.saveBtn)
	orig := *f.stored(t, lang.L("Untitled pack"))
	test.Tap(f.v.newBtn)
	if got := f.v.saved.Name; got != lang.L("Untitled pack")+" 2" {
		t.Fatalf("second new pack is called %q", got)
	}
	f.v.list.Select(f.v.named(orig.Name))
	test.Tap(f.v.dupBtn)
	copyName := lang.L("{{.Name}} (copy)", map[string]any{"Name": orig.Name})
	cp := f.stored(t, copyName)
	if !slices.Equal(cp.Resolutions, orig.Resolutions) || cp.Title != orig.Title || f.v.saved.Name != copyName {
		t.Fatalf("copy = %+v (selected %q), want the resolutions of %+v", cp, f.v.saved.Name, orig)
	}

	f.v.confirm = nil
	test.Tap(f.v.delBtn)
	if f.v.confirm == nil {
		t.Fatal("Delete did not ask")
	}
	f.v.confirm.Dismiss()
	if len(f.names(t)) != 3 {
		t.Fatalf("saying no deleted a pack: %v", f.names(t))
	}
	test.Tap(f.v.delBtn)
	f.v.confirm.Confirm()
	names := f.names(t)
	if slices.Contains(names, copyName) || len(names) != 2 || len(f.v.packs) != 2 {
		t.Fatalf("after deleting %q: stored %v, listed %d", copyName, names, len(f.v.packs))
	}
	if f.v.sel < 0 || f.v.saved.Name == copyName {
		t.Errorf("after deleting, the editor shows %q (sel %d)", f.v.saved.Name, f.v.sel)
	}
	for len(f.v.packs) > 0 {
		test.Tap(f.v.delBtn)
		f.v.confirm.Confirm()
	}
	if f.v.sel != -1 || !f.v.delBtn.Disabled() || !f.v.exportBtn.Disabled() || len(f.names(t)) != 0 {
		t.Errorf("with no packs left: sel %d, stored %v", f.v.sel, f.names(t))
	}
}

func TestPacksAskBeforeDroppingEdits(t *testing.T) {
	f := newPacksFixture(t)
	test.Tap(f.v.newBtn)
	test.Tap(f.v.newBtn)
	first := f.v.sel
	name := f.v.saved.Name
	f.v.ed.title.SetText("Edited title")
	other := 1 - first

	f.v.confirm = nil
	f.v.list.Select(other)
	if f.v.confirm == nil {
		t.Fatal("switching packs with unsaved edits did not ask")
	}
	f.v.confirm.Dismiss()
	if f.v.sel != first || f.v.ed.title.Text != "Edited title" {
		t.Fatalf("keeping the edits: sel %d, title %q", f.v.sel, f.v.ed.title.Text)
	}
	f.v.list.Select(other)
	f.v.confirm.Confirm()
	if f.v.sel != other || f.v.dirty() {
		t.Fatalf("discarding: sel %d, dirty %v", f.v.sel, f.v.dirty())
	}
	if got := f.stored(t, name).Title; got == "Edited title" {
		t.Error("discarded edits were saved")
	}
}

func TestPDFFileName(t *testing.T) {
	for _, tc := range []struct{ title, name, want string }{
		{"Positions for SG2", "x", "Positions for SG2.pdf"},
		{"", "New pack", "New pack.pdf"},
		{"  ", "", "briefing-pack.pdf"},
		{"SG1/SG2: what? <all>", "", "SG1 SG2 what all.pdf"},
		{"第1研究组 简报", "", "第1研究组 简报.pdf"},
		{"report.PDF", "", "report.pdf"},
		{"...", "", "briefing-pack.pdf"},
		{"a\tb\nc", "", "a b c.pdf"},
		{strings.Repeat("国", 100), "", strings.Repeat("国", maxFileNameRunes) + ".pdf"},
	} {
		if got := pdfFileName(&app.Pack{Title: tc.title, Name: tc.name}); got != tc.want {
			t.Errorf("pdfFileName(%q, %q) = %q, want %q", tc.title, tc.name, got, tc.want)
		}
	}
}

func FuzzPDFFileName(f *testing.F) {
	for _, s := range []string{"Positions", "SG1/SG2: <x>", "第1研究组", "..", "a\x00b", "\xff\xfe", strings.Repeat("0000000  000 ", 6)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		got := pdfFileName(&app.Pack{Title: title})
		base := strings.TrimSuffix(got, ".pdf")
		if base == "" || strings.ContainsAny(base, "/\\:*?\"<>|\x00") || strings.HasPrefix(base, ".") || len([]rune(base)) > maxFileNameRunes {
			t.Fatalf("pdfFileName(%q) = %q", title, got)
		}
		if _, err := exportPath(t.TempDir(), got); err != nil {
			t.Fatalf("the suggested name %q is refused: %v", got, err)
		}
	})
}

func TestExportPath(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		folder, name, want string // want "" for an error
	}{
		{dir, "pack.pdf", filepath.Join(dir, "pack.pdf")},
		{dir, " pack ", filepath.Join(dir, "pack.pdf")},
		{dir, "pack.PDF", filepath.Join(dir, "pack.PDF")},
		{dir, "v1.2", filepath.Join(dir, "v1.2.pdf")},
		{dir, "", ""},
		{dir, "..", ""},
		{dir, "sub/pack.pdf", ""},
		{dir, `sub\pack.pdf`, ""},
		{"", "pack.pdf", ""},
		{filepath.Join(dir, "missing"), "pack.pdf", ""},
	} {
		got, err := exportPath(tc.folder, tc.name)
		if got != tc.want || (err != nil) != (tc.want == "") {
			t.Errorf("exportPath(%q, %q) = %q, %v; want %q", tc.folder, tc.name, got, err, tc.want)
		}
		if err != nil && app.ErrorCode(err) != app.EINVALID {
			t.Errorf("exportPath(%q, %q) error code %s", tc.folder, tc.name, app.ErrorCode(err))
		}
	}
}
