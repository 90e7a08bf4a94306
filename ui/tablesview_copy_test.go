package ui

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/ui/tables"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// clipboardRecords reads the clipboard as a spreadsheet reads pasted text.
func clipboardRecords(t *testing.T) [][]string {
	t.Helper()
	text := fyne.CurrentApp().Clipboard().Content()
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = '\t'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("the clipboard does not read as tab-separated rows: %v\n%s", err, text)
	}
	return recs
}

// pressCopy sends Ctrl+C to what has the keyboard focus, as the window does.
func pressCopy(t *testing.T, w fyne.Window) {
	t.Helper()
	sc, ok := w.Canvas().Focused().(fyne.Shortcutable)
	if !ok {
		t.Fatalf("the focus is on %T, which takes no Ctrl+C", w.Canvas().Focused())
	}
	sc.TypedShortcut(&fyne.ShortcutCopy{})
}

func TestTablesCiteClause(t *testing.T) {
	r := &app.Resolution{Number: 54, Clauses: []app.Clause{
		{ID: "54/resolves/1", Resolution: 54, Section: "resolves", Heading: "做出决议", Label: "1", Text: "甲"},
		{ID: "54/calls-upon/1", Resolution: 54, Section: "calls-upon", Heading: "呼吁", Label: "1"},
		{ID: "54/calls-upon/1/i", Resolution: 54, Section: "calls-upon", Heading: "呼吁", Label: "i)", Depth: 1},
		{ID: "54/calls-upon/2", Resolution: 54, Section: "calls-upon", Heading: "呼吁", Label: "2"},
		{ID: "54/calls-upon/2/i", Resolution: 54, Section: "calls-upon", Heading: "呼吁", Label: "i)", Depth: 1},
		{ID: "54/instructs.2/1", Resolution: 54, Section: "instructs", Heading: "做出决议 / 责成相关研究组", Label: "1"},
		{ID: "54/noting/1", Resolution: 54, Section: "noting", Label: ""},
		{ID: "54/other/1", Resolution: 54, Section: "other", Heading: "第2研究组的职责", Label: "a)"},
	}}
	cases := []struct {
		id, zh, en string
	}{
		{"54/resolves/1", "WTSA-20 第54号决议 做出决议 1", "WTSA-20 Resolution 54 resolves 1"},
		{"54/calls-upon/1/i", "WTSA-20 第54号决议 呼吁 1 i)", "WTSA-20 Resolution 54 calls upon 1 i)"},
		{"54/calls-upon/2/i", "WTSA-20 第54号决议 呼吁 2 i)", "WTSA-20 Resolution 54 calls upon 2 i)"},
		// The section's usual word, whatever heading lines the document joined.
		{"54/instructs.2/1", "WTSA-20 第54号决议 责成 1", "WTSA-20 Resolution 54 instructs 1"},
		// No label: none.
		{"54/noting/1", "WTSA-20 第54号决议 注意到", "WTSA-20 Resolution 54 noting"},
		// Outside the usual sections: the document's heading.
		{"54/other/1", "WTSA-20 第54号决议 第2研究组的职责 a)", "WTSA-20 Resolution 54 第2研究组的职责 a)"},
	}
	check := func(t *testing.T, zh bool) {
		for _, tc := range cases {
			want := tc.en
			if zh {
				want = tc.zh
			}
			i := slices.IndexFunc(r.Clauses, func(c app.Clause) bool { return c.ID == tc.id })
			if got := tablesCiteClause(r, r.Clauses[i]); got != want {
				t.Errorf("tablesCiteClause(%s)=%q, want %q", tc.id, got, want)
			}
		}
	}
	t.Run("English", func(t *testing.T) {
		test.NewTempApp(t)
		check(t, false)
		if got, want := tablesCiteClauseText(r, r.Clauses[0]), "WTSA-20 Resolution 54 resolves 1: 甲"; got != want {
			t.Errorf("tablesCiteClauseText=%q, want %q", got, want)
		}
	})
	t.Run("Chinese", func(t *testing.T) {
		test.NewTempApp(t)
		useChinese(t)
		check(t, true)
		if got, want := tablesCiteClauseText(r, r.Clauses[0]), "WTSA-20 第54号决议 做出决议 1：甲"; got != want {
			t.Errorf("tablesCiteClauseText=%q, want %q", got, want)
		}
	})
}

// TestTablesCopyITUDRows: a tapped row and a Ctrl-tapped one go to the
// clipboard by Ctrl+C, with their references, as a header line and
// tab-separated rows, whole (not as the cells cut them).
func TestTablesCopyITUDRows(t *testing.T) {
	t.Run("English", func(t *testing.T) { testTablesCopyITUDRows(t, "WTSA-20 Resolution 64 recognizing d)") })
	t.Run("Chinese", func(t *testing.T) {
		useChinese(t)
		testTablesCopyITUDRows(t, "WTSA-20 第64号决议 认识到 d)")
	})
}

func testTablesCopyITUDRows(t *testing.T, ref64d string) {
	f := newTablesFixture(t)
	f.v.show(tables.NameITUD)
	it := f.v.itud
	g, tab := it.grid, it.tab
	col := func(id string) int { return tab.Col(id) }
	first := slices.IndexFunc(tab.Rows, func(r []string) bool { return r[col(tables.ColClause)] == "64/recognizing/d" })
	var nested app.Clause
	second := slices.IndexFunc(tab.Rows, func(r []string) bool {
		c, ok := it.clauses[r[col(tables.ColClause)]]
		nested = c
		return ok && c.Depth == 1
	})
	if first < 0 || second < 0 {
		t.Fatalf("rows 64/recognizing/d (%d) or of a nested clause (%d) missing", first, second)
	}
	selectCell(g, first, col(tables.ColText))
	g.tap(second, col(tables.ColText), fyne.KeyModifierControl)
	if got := g.selected(); !slices.Equal(got, []int{min(first, second), max(first, second)}) {
		t.Fatalf("selected rows %v, want %d and %d", got, first, second)
	}
	pressCopy(t, f.w)
	recs := clipboardRecords(t)
	want := []string{"Reference", "Section", "Label", "Text", "Addressee", "Clause", "Title"}
	for i := range want {
		want[i] = lang.L(want[i])
	}
	if !slices.Equal(recs[0], want) || len(recs) != 3 {
		t.Fatalf("copied %d lines, header %q; want 3 lines, header %q", len(recs), recs[0], want)
	}
	byClause := map[string][]string{}
	for _, r := range recs[1:] {
		byClause[r[5]] = r
	}
	got := byClause["64/recognizing/d"]
	if got == nil || got[0] != ref64d || got[3] != tab.Rows[first][col(tables.ColText)] || got[6] != f.resolution(64).DisplayTitle() {
		t.Errorf("copied 64/recognizing/d as %q", got)
	}
	// The nested clause is cited under its parent item.
	r := f.resolution(nested.Resolution)
	parent := ""
	for _, c := range r.Clauses {
		if c.ID == nested.ID {
			break
		}
		if c.Depth == 0 && strings.HasPrefix(c.ID, nested.ID[:strings.LastIndex(nested.ID, "/")]) {
			parent = c.Label
		}
	}
	got = byClause[nested.ID]
	info, _ := app.SectionByKey(nested.Section)
	word := info.English
	if uiChinese() {
		word = info.Chinese
	}
	wantRef := tablesCiteResolution(nested.Resolution) + " " + word + " " + parent + " " + nested.Label
	if got == nil || got[0] != wantRef || got[3] != nested.Text {
		t.Errorf("copied %s as %q, want reference %q", nested.ID, got, wantRef)
	}
	if s := f.v.status.Text; !strings.Contains(s, "2") {
		t.Errorf("the footer says %q after copying 2 rows", s)
	}
}

// menuItem finds the item of the open pop-up menu labelled text.
func popupItem(t *testing.T, w fyne.Window, text string) fyne.Tappable {
	t.Helper()
	var found fyne.Tappable
	tablesWalk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		// The walk goes outside in: the last tappable holding the
		// text is the item itself, not the overlay around the menu.
		tp, ok := o.(fyne.Tappable)
		if !ok {
			return
		}
		tablesWalk(o, func(x fyne.CanvasObject) {
			if c, ok := x.(*canvas.Text); ok && c.Text == text {
				found = tp
			}
		})
	})
	if found == nil {
		t.Fatalf("no menu item %q is open", text)
	}
	return found
}

// TestTablesContextMenuCopies: a secondary tap on a row of the overview
// selects it and offers Copy, which copies it with its reference.
func TestTablesContextMenuCopies(t *testing.T) {
	f := newTablesFixture(t)
	o := f.v.overview
	row := slices.Index(o.tab.Res, 44)
	c := o.grid.create().(*tablesCell)
	o.grid.update(widget.TableCellID{Row: row, Col: o.grid.widgetCol(o.tab.Col(tables.ColTitle))}, c)
	test.TapSecondary(c)
	if got := o.grid.selected(); !slices.Equal(got, []int{row}) {
		t.Fatalf("after a secondary tap on Res 44 the selection is %v, want [%d]", got, row)
	}
	test.Tap(popupItem(t, f.w, lang.L("Copy")))
	recs := clipboardRecords(t)
	if len(recs) != 2 {
		t.Fatalf("copied %d lines, want a header and one row", len(recs))
	}
	header, got := recs[0], recs[1]
	if header[0] != lang.L("Reference") || got[0] != "WTSA-20 Resolution 44" || slices.Contains(header, lang.L("No.")) {
		t.Fatalf("copied header %q row %q: want the reference first and no number column", header, got)
	}
	if i := slices.Index(header, lang.L("Title")); i < 0 || got[i] != f.resolution(44).DisplayTitle() {
		t.Errorf("copied title %q, want the whole title %q", got, f.resolution(44).DisplayTitle())
	}
	if i := slices.Index(header, lang.L("Status")); i < 0 || got[i] != tablesStatus(string(f.resolution(44).Status)) {
		t.Errorf("copied status in %q, want it as the table names it", got)
	}
	// Select all from the menu, then Ctrl+C: every row.
	test.TapSecondary(c)
	test.Tap(popupItem(t, f.w, lang.L("Select all")))
	pressCopy(t, f.w)
	if recs := clipboardRecords(t); len(recs) != len(o.tab.Rows)+1 {
		t.Errorf("Select all and Ctrl+C copied %d lines, want %d", len(recs), len(o.tab.Rows)+1)
	}
}

// TestTablesKeyboardMovesTheSelection: after a tap, ↓ selects the next
// row, Shift+↓ extends the selection, Enter acts on the row.
func TestTablesKeyboardMovesTheSelection(t *testing.T) {
	f := newTablesFixture(t)
	f.v.show(tables.NameMatrix)
	g := f.v.matrix.grid
	h := newTablesHeader() // row 3 in the header column, which shows the number and title
	g.updateHeader(widget.TableCellID{Row: 3, Col: -1}, h)
	test.Tap(h)
	k, ok := f.w.Canvas().Focused().(*tablesKeys)
	if !ok {
		t.Fatalf("after a tap the focus is on %T", f.w.Canvas().Focused())
	}
	k.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if got := g.selected(); !slices.Equal(got, []int{4}) {
		t.Fatalf("after ↓ selected %v, want [4]", got)
	}
	k.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	k.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	k.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if got := g.selected(); !slices.Equal(got, []int{4, 5}) {
		t.Fatalf("after Shift+↓ selected %v, want [4 5]", got)
	}
	k.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !f.v.detail.box.Visible() || !strings.Contains(f.v.detail.title.Text, f.v.matrix.m.Rows[5].Title) {
		t.Errorf("Enter on row 5 shows %q", f.v.detail.title.Text)
	}
}

// TestTablesTranslated: every string the Tables screen shows has its
// Chinese translation.
func TestTablesTranslated(t *testing.T) {
	zh := readTranslation(t, "zh_Hans.json")
	files, err := filepath.Glob("tablesview*.go")
	if err != nil || len(files) < 5 {
		t.Fatalf("tables files %v, %v", files, err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range langCall.FindAllStringSubmatch(string(src), -1) {
			s, err := strconv.Unquote(m[1])
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if _, ok := zh[s]; !ok {
				t.Errorf("%s: %q has no Chinese translation", f, s)
			}
		}
	}
}

// TestTablesSideBySideCopies: a clause's context menu copies it with its
// reference ("WTSA-20 Resolution 54 instructs 2: …"), or its whole section across
// the compared resolutions.
func TestTablesSideBySideCopies(t *testing.T) {
	f := newTablesFixture(t)
	f.v.show(tables.NameSideBySide)
	s := f.v.side
	s.pick(0, 54)
	s.pick(1, 96)
	var para *tablesPara
	tablesWalk(s.rows, func(o fyne.CanvasObject) {
		if p, ok := o.(*tablesPara); ok && para == nil && p.onSecondary != nil && p.text == f.resolution(54).Clauses[0].Text {
			para = p
		}
	})
	if para == nil {
		t.Fatal("the first clause of Res 54 is not in the comparison")
	}
	c := f.resolution(54).Clauses[0]
	test.TapSecondary(para)
	test.Tap(popupItem(t, f.w, lang.L("Copy clause")))
	info, _ := app.SectionByKey(c.Section)
	want := "WTSA-20 Resolution 54 " + info.English + " " + c.Label + ": " + c.Text + "\n"
	if c.Depth != 0 || c.Label == "" {
		t.Fatalf("Res 54's first clause %+v is not a labelled top item", c)
	}
	if got := fyne.CurrentApp().Clipboard().Content(); got != want {
		t.Errorf("copied %q, want %q", got, want)
	}
	test.TapSecondary(para)
	test.Tap(popupItem(t, f.w, lang.L("Copy this section side by side")))
	recs := clipboardRecords(t)
	if want := []string{lang.L("Section"), "WTSA-20 Resolution 54", "WTSA-20 Resolution 96"}; len(recs) != 2 || !slices.Equal(recs[0], want) {
		t.Fatalf("copied section %q, want a header %q and one row", recs, want)
	}
	k := slices.IndexFunc(s.s.Rows, func(r tables.SideRow) bool { return r.Cells[0] != nil && r.Cells[0][0].ID == c.ID })
	if k < 0 || recs[1][1] != tables.CellText(s.s.Rows[k].Cells[0]) || recs[1][2] != tables.CellText(s.s.Rows[k].Cells[1]) {
		t.Errorf("copied section row %q", recs[1])
	}
}
