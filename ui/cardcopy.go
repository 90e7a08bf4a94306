package ui

import (
	"briefdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// rowCopy is what a card row copies, as plain text a delegate pastes into
// a brief. The texts are built when asked for (app.Cite*), never for rows
// that are only looked at.
type rowCopy struct {
	self      func() string // Ctrl+C and the copy button: the row itself
	selfLabel string        // its menu item ("Copy clause")
	what      string        // what was copied, for the confirmation
	// heading copies every clause under the row's heading; nil when the
	// row is not under one or is the heading itself (then self does).
	heading func() string
	all     func() string // the whole resolution
}

// citeLang is the reference language of copied text: the interface's.
func citeLang() app.CiteLang {
	if uiChinese() {
		return app.CiteChinese
	}
	return app.CiteEnglish
}

// clauseCopy is the copy spec of clause id's row.
func clauseCopy(r *app.Resolution, id string) *rowCopy {
	l := citeLang()
	return &rowCopy{
		self:      func() string { return app.CiteClause(r, id, l) },
		selfLabel: lang.L("Copy clause"),
		what:      app.ClauseRef(r, id, l),
		heading:   func() string { return app.CiteHeading(r, id, l) },
		all:       func() string { return app.CiteResolution(r, l) },
	}
}

// headingCopy is the copy spec of a heading row: the clauses under it,
// of which id is the first.
func headingCopy(r *app.Resolution, id string) *rowCopy {
	l := citeLang()
	c := r.Clause(id)
	what := app.ResolutionRef(r.Number, l)
	if c != nil {
		what += " " + app.SectionRef(*c, l)
	}
	return &rowCopy{
		self:      func() string { return app.CiteHeading(r, id, l) },
		selfLabel: lang.L("Copy this heading's clauses"),
		what:      what,
		all:       func() string { return app.CiteResolution(r, l) },
	}
}

// sectionCopy is the copy spec of a section heading: every clause of
// the section, of which id is the first.
func sectionCopy(r *app.Resolution, id string) *rowCopy {
	c := headingCopy(r, id)
	l := citeLang()
	c.self = func() string { return app.CiteSection(r, id, l) }
	return c
}

// textCopy is the copy spec of a row whose own text is worth copying
// alone (a summary paragraph, a footnote), with the resolution's
// reference in front.
func textCopy(r *app.Resolution, text, label string) *rowCopy {
	l := citeLang()
	ref := app.ResolutionRef(r.Number, l)
	return &rowCopy{
		self:      func() string { return ref + l.Colon() + text },
		selfLabel: label,
		what:      ref,
		all:       func() string { return app.CiteResolution(r, l) },
	}
}

// wholeCopy is the copy spec of the card's title: the whole resolution.
func wholeCopy(r *app.Resolution) *rowCopy {
	l := citeLang()
	all := func() string { return app.CiteResolution(r, l) }
	return &rowCopy{self: all, selfLabel: lang.L("Copy the whole resolution"), what: app.ResolutionRef(r.Number, l), all: nil}
}

// copyText puts s on the clipboard and says what was copied.
func (d *docView) copyText(s, what string) {
	if s == "" {
		return
	}
	fyne.CurrentApp().Clipboard().SetContent(s)
	if d.onCopied != nil {
		d.onCopied(what)
	}
}

// copyRow copies row i's own text (Ctrl+C, the copy button).
func (d *docView) copyRow(i int) {
	if i < 0 || i >= len(d.rows) || d.rows[i].copy == nil {
		return
	}
	c := d.rows[i].copy
	d.copyText(c.self(), c.what)
}

// rowMenu is the context menu of row i: the copies it offers, then what
// the card adds (notes).
func (d *docView) rowMenu(i int) *fyne.Menu {
	if i < 0 || i >= len(d.rows) {
		return nil
	}
	r := &d.rows[i]
	var items []*fyne.MenuItem
	if c := r.copy; c != nil {
		self := fyne.NewMenuItem(c.selfLabel, func() { d.copyText(c.self(), c.what) })
		self.Shortcut = &fyne.ShortcutCopy{}
		items = append(items, self)
		if c.heading != nil {
			items = append(items, fyne.NewMenuItem(lang.L("Copy this heading's clauses"), func() { d.copyText(c.heading(), c.what) }))
		}
		if c.all != nil {
			items = append(items, fyne.NewMenuItem(lang.L("Copy the whole resolution"), func() { d.copyText(c.all(), c.what) }))
		}
	}
	if r.noteBtn && d.onNewNote != nil {
		res, id := r.res, r.clauseID
		if len(items) > 0 {
			items = append(items, fyne.NewMenuItemSeparator())
		}
		items = append(items, fyne.NewMenuItem(lang.L("New note…"), func() { d.onNewNote(res, id) }))
		if r.notes > 0 && d.onNote != nil {
			items = append(items, fyne.NewMenuItem(lang.L("Open notes ({{.N}})", map[string]any{"N": r.notes}), func() { d.onNote(res, id) }))
		}
	}
	if len(items) == 0 {
		return nil
	}
	return fyne.NewMenu("", items...)
}
