package ui

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"briefdesk/app"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// packEditor edits one pack definition: its cover fields, its options
// and the resolutions it prints. It only edits; the Packs view saves.
type packEditor struct {
	rs       []app.Resolution
	onChange func()
	// loading is set while set() fills the widgets, whose change
	// callbacks must not count as edits.
	loading bool

	name, title, targetLabel, delegation, author, meeting, date *widget.Entry
	target, language                                            *widget.Select
	clauses, notes                                              *widget.RadioGroup
	overview, refs, checklist, clauseIDs                        *widget.Check

	presets map[string]*widget.Button // by app.Preset*
	none    *widget.Button
	count   *widget.Label
	// scope warns when the last preset picked one resolution or all.
	scope *widget.Label
	// reasons says why each chosen resolution is in: the reference or
	// clause that made the preset pick it, or that it was added by hand.
	reasons map[int]string
	why     map[int]*widget.Label // by resolution number
	form    *container.Scroll
	rows    *fyne.Container
	checks  map[int]*widget.Check // by resolution number
	chosen  map[int]bool
	updated time.Time
}

// Choices of the editor's selects and radio groups: the stored code and
// the label shown. Labels are built at use, after the language is set.
type packChoice struct{ code, label string }

func packTargets() []packChoice {
	return []packChoice{
		{app.TargetSG1, lang.L("ITU-D SG1")},
		{app.TargetSG2, lang.L("ITU-D SG2")},
		{app.TargetTDAG, lang.L("TDAG")},
		{app.TargetWTDC, lang.L("WTDC preparation")},
		{app.TargetCustom, lang.L("Custom…")},
	}
}

func packClauseChoices() []packChoice {
	return []packChoice{
		{app.ClausesAll, lang.L("Every clause")},
		{app.ClausesITUD, lang.L("ITU-D / BDT clauses")},
	}
}

func packNoteChoices() []packChoice {
	return []packChoice{
		{app.NotesNone, lang.L("No notes")},
		{app.NotesMine, lang.L("My notes")},
		{app.NotesAll, lang.L("All notes")},
	}
}

// packLangChoices are the languages a pack prints in; "" follows the
// interface language when the pack is printed.
func packLangChoices() []packChoice {
	return []packChoice{
		{"", lang.L("As the interface")},
		{app.LangZH, "中文"},
		{app.LangEN, "English"},
	}
}

// uiPackLang is the interface language as a pack language.
func uiPackLang() string {
	if uiChinese() {
		return app.LangZH
	}
	return app.LangEN
}

func choiceLabels(cs []packChoice) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.label
	}
	return out
}

func choiceLabel(cs []packChoice, code string) string {
	for _, c := range cs {
		if c.code == code {
			return c.label
		}
	}
	return ""
}

func choiceCode(cs []packChoice, label string) string {
	for _, c := range cs {
		if c.label == label {
			return c.code
		}
	}
	return ""
}

func newPackEditor(onChange func()) *packEditor {
	return &packEditor{onChange: onChange, checks: map[int]*widget.Check{}, chosen: map[int]bool{}}
}

func (e *packEditor) changed() {
	if !e.loading && e.onChange != nil {
		e.onChange()
	}
}

func (e *packEditor) entry(placeholder string) *widget.Entry {
	w := widget.NewEntry()
	w.SetPlaceHolder(placeholder)
	w.OnChanged = func(string) { e.changed() }
	return w
}

// content builds the editor: the fields on the left, the resolutions on
// the right.
func (e *packEditor) content() fyne.CanvasObject {
	e.name = e.entry(lang.L("What the pack is called in this list"))
	e.title = e.entry(lang.L("Printed on the cover"))
	e.targetLabel = e.entry(lang.L("e.g. Regional meeting"))
	e.target = widget.NewSelect(choiceLabels(packTargets()), func(string) {
		e.enableTargetLabel()
		e.changed()
	})
	e.delegation = e.entry(lang.L("e.g. China"))
	e.author = e.entry("")
	e.meeting = e.entry(lang.L("e.g. SG1, Geneva, 2026-05"))
	e.date = e.entry("YYYY-MM-DD")
	e.date.Validator = validPackDate
	e.clauses = widget.NewRadioGroup(choiceLabels(packClauseChoices()), func(string) { e.changed() })
	e.clauses.Required = true
	e.notes = widget.NewRadioGroup(choiceLabels(packNoteChoices()), func(string) { e.changed() })
	e.notes.Required = true
	e.language = widget.NewSelect(choiceLabels(packLangChoices()), func(string) { e.changed() })
	e.overview = widget.NewCheck(lang.L("Overview table"), func(bool) { e.changed() })
	e.refs = widget.NewCheck(lang.L("References appendix"), func(bool) { e.changed() })
	e.checklist = widget.NewCheck(lang.L("What ITU-D is asked to do"), func(bool) { e.changed() })
	e.clauseIDs = widget.NewCheck(lang.L("Clause IDs in the margin"), func(bool) { e.changed() })
	// Short labels and options stacked, so the form fits the width it
	// gets in an 800 px window without scrolling sideways.
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Name"), e.name),
		widget.NewFormItem(lang.L("Title"), e.title),
		widget.NewFormItem(lang.L("Target"), container.NewVBox(e.target, e.targetLabel)),
		widget.NewFormItem(lang.L("Language"), e.language),
		widget.NewFormItem(lang.L("Delegation"), e.delegation),
		widget.NewFormItem(lang.L("Author"), e.author),
		widget.NewFormItem(lang.L("Meeting"), e.meeting),
		widget.NewFormItem(lang.L("Date"), e.date),
		widget.NewFormItem(lang.L("Clauses to print"), e.clauses),
		widget.NewFormItem(lang.L("Notes"), e.notes),
		widget.NewFormItem(lang.L("Include"), container.NewVBox(e.overview, e.checklist, e.refs, e.clauseIDs)),
	)

	e.presets = map[string]*widget.Button{}
	// The preset buttons wrap, so the check list can be narrow.
	row := container.New(&uiw.WrapRows{})
	for _, pc := range []packChoice{
		{app.PresetSG1, lang.L("Cites SG1")},
		{app.PresetSG2, lang.L("Cites SG2")},
		{app.PresetBDT, lang.L("Addresses BDT")},
		{app.PresetAll, lang.L("All")},
	} {
		preset := pc.code
		b := &widget.Button{Text: pc.label, OnTapped: func() { e.applyPreset(preset) }}
		e.presets[preset] = b
		row.Add(b)
	}
	e.none = &widget.Button{Text: lang.L("None"), OnTapped: func() { e.choose(nil) }}
	row.Add(e.none)
	e.count = widget.NewLabel("")
	e.count.TextStyle.Bold = true
	e.scope = widget.NewLabel("")
	e.scope.Wrapping = fyne.TextWrapWord
	e.scope.Importance = widget.WarningImportance
	e.scope.Hide()
	e.rows = container.NewVBox()
	res := container.New(&uiw.Column{Fill: 5},
		widget.NewLabelWithStyle(lang.L("Resolutions"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		row, e.count, e.scope, widget.NewSeparator(), container.NewVScroll(e.rows))

	// The form scrolls down only: its fields take the width they get.
	e.form = container.NewVScroll(form)
	split := container.NewHSplit(e.form, res)
	split.Offset = 0.55
	return split
}

// setCorpus gives the editor the resolutions it can choose from.
func (e *packEditor) setCorpus(rs []app.Resolution) {
	e.rs = rs
	e.presets[app.PresetAll].SetText(lang.L("All {{.N}}", map[string]any{"N": len(rs)}))
}

func (e *packEditor) enableTargetLabel() {
	if choiceCode(packTargets(), e.target.Selected) == app.TargetCustom {
		e.targetLabel.Enable()
	} else {
		e.targetLabel.Disable()
	}
}

// set fills the editor with p.
func (e *packEditor) set(p *app.Pack) {
	e.loading = true
	defer func() { e.loading = false }()
	e.name.SetText(p.Name)
	e.title.SetText(p.Title)
	e.target.SetSelected(choiceLabel(packTargets(), p.Target))
	if p.Target == "" {
		e.target.ClearSelected()
	}
	e.targetLabel.SetText(p.TargetLabel)
	e.enableTargetLabel()
	e.language.SetSelected(choiceLabel(packLangChoices(), p.Lang))
	e.delegation.SetText(p.Delegation)
	e.author.SetText(p.Author)
	e.meeting.SetText(p.Meeting)
	e.date.SetText(p.Date)
	e.clauses.SetSelected(choiceLabel(packClauseChoices(), orDefault(p.Options.Clauses, app.ClausesAll)))
	e.notes.SetSelected(choiceLabel(packNoteChoices(), orDefault(p.Options.Notes, app.NotesNone)))
	e.overview.SetChecked(p.Options.Overview)
	e.refs.SetChecked(p.Options.RefsAppendix)
	e.checklist.SetChecked(p.Options.Checklist)
	e.clauseIDs.SetChecked(p.Options.ClauseIDs)
	e.reasons = nil
	e.scope.Hide()
	e.updated = p.Updated
	e.buildRows(p.Resolutions)
	e.choose(p.Resolutions)
}

// orDefault is s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// buildRows makes a check row for every resolution of the corpus and
// for any number the pack holds that the corpus lacks (so it can be
// seen and removed: the PDF cannot print it).
func (e *packEditor) buildRows(extra []int) {
	titles := make(map[int]string, len(e.rs))
	var nums []int
	for i := range e.rs {
		titles[e.rs[i].Number] = e.rs[i].DisplayTitle()
		nums = append(nums, e.rs[i].Number)
	}
	for _, n := range extra {
		if _, ok := titles[n]; !ok {
			titles[n] = lang.L("Not in the document BriefDesk holds now")
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	nums = slices.Compact(nums)
	if len(nums) == len(e.checks) && len(e.rows.Objects) == len(nums) {
		same := true
		for _, n := range nums {
			same = same && e.checks[n] != nil
		}
		if same {
			return
		}
	}
	e.checks = make(map[int]*widget.Check, len(nums))
	e.why = make(map[int]*widget.Label, len(nums))
	e.rows.Objects = e.rows.Objects[:0]
	// The numbers take one width, that of the widest, so every title
	// starts at the same x whether its number has one digit or three.
	var numW fyne.Size
	for _, n := range nums {
		c := widget.NewCheck(strconv.Itoa(n), func(on bool) { e.toggle(n, on) })
		e.checks[n] = c
		numW = numW.Max(c.MinSize())
	}
	for _, n := range nums {
		t := widget.NewLabel(titles[n])
		t.Truncation = fyne.TextTruncateEllipsis
		why := newReasonLabel()
		e.why[n] = why
		e.rows.Add(container.NewBorder(nil, nil, container.NewGridWrap(numW, e.checks[n]), nil, container.NewVBox(t, why)))
	}
	e.rows.Refresh()
}

// toggle is a resolution added or removed by hand.
func (e *packEditor) toggle(n int, on bool) {
	if e.loading {
		return
	}
	if on {
		e.chosen[n] = true
		e.setReason(n, lang.L("Added by hand"))
	} else {
		delete(e.chosen, n)
		e.setReason(n, "")
	}
	e.showCount()
	e.changed()
}

func (e *packEditor) applyPreset(preset string) {
	picks, err := app.PresetPicks(preset, e.rs)
	if err != nil { // a preset of our own buttons: cannot happen
		fyne.LogError("packs: preset", err)
		return
	}
	ns := make([]int, len(picks))
	for i, p := range picks {
		ns[i] = p.Number
	}
	e.choose(ns)
	e.showPicks(preset, picks)
}

// choose makes ns the chosen resolutions and ticks their checks.
func (e *packEditor) choose(ns []int) {
	e.clearPicks()
	was := e.loading
	e.loading = true
	e.chosen = make(map[int]bool, len(ns))
	for _, n := range ns {
		e.chosen[n] = true
	}
	for n, c := range e.checks {
		c.SetChecked(e.chosen[n])
	}
	e.loading = was
	e.showCount()
	e.changed()
}

func (e *packEditor) showCount() {
	e.count.SetText(lang.L("{{.N}} of {{.T}} resolutions", map[string]any{"N": len(e.chosen), "T": len(e.rs)}))
}

// chosenNumbers are the chosen resolutions by number: the order the pack
// prints them in, as the document has them.
func (e *packEditor) chosenNumbers() []int {
	out := make([]int, 0, len(e.chosen))
	for n := range e.chosen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// current is the pack as the editor shows it, unchecked.
func (e *packEditor) current() app.Pack {
	p := app.Pack{
		Name:   strings.TrimSpace(e.name.Text),
		Title:  strings.TrimSpace(e.title.Text),
		Target: choiceCode(packTargets(), e.target.Selected),
		// Kept for other targets too (greyed out, not printed), so that
		// switching the target back and forth loses nothing.
		TargetLabel: strings.TrimSpace(e.targetLabel.Text),
		Delegation:  strings.TrimSpace(e.delegation.Text),
		Author:      strings.TrimSpace(e.author.Text),
		Meeting:     strings.TrimSpace(e.meeting.Text),
		Date:        strings.TrimSpace(e.date.Text),
		Lang:        choiceCode(packLangChoices(), e.language.Selected),
		Resolutions: e.chosenNumbers(),
		Options: app.PackOptions{
			Clauses:      choiceCode(packClauseChoices(), e.clauses.Selected),
			Notes:        choiceCode(packNoteChoices(), e.notes.Selected),
			Overview:     e.overview.Checked,
			RefsAppendix: e.refs.Checked,
			Checklist:    e.checklist.Checked,
			ClauseIDs:    e.clauseIDs.Checked,
		},
		Updated: e.updated,
	}
	return p
}

// pack is the pack as the editor shows it, or what is wrong with it, in
// words for the person (the caller says what did not happen).
func (e *packEditor) pack() (*app.Pack, error) {
	p := e.current()
	if p.Name == "" {
		return nil, app.Errorf(app.EINVALID, "%s", lang.L("A pack needs a name."))
	}
	if err := validPackDate(p.Date); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return &p, nil
}

// validPackDate accepts "" (no date printed) or a real YYYY-MM-DD date.
func validPackDate(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if _, err := time.Parse(app.DateLayout, s); err != nil {
		return app.Errorf(app.EINVALID, "%s", lang.L("The date “{{.Date}}” is not a date written as year-month-day, like 2026-05-18.", map[string]any{"Date": s}))
	}
	return nil
}
