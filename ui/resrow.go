package ui

import (
	"strings"

	"briefdesk/app"
	uiw "briefdesk/ui/widget"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// resRow is one row of the resolution list: number, status badge and note
// count; the title; and the search excerpt (hits in bold) or the start of
// the summary.
type resRow struct {
	widget.BaseWidget
	num     *widget.Label
	badge   *chip
	notes   *widget.Label
	title   *widget.Label
	snippet *widget.RichText

	raw    string  // the excerpt as the search gave it
	fitted string  // raw fitted to fitW
	fitW   float32 // the width fitted is for
}

func newResRow() fyne.CanvasObject {
	r := &resRow{
		num:     &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
		badge:   newChip("", toneNew, nil),
		notes:   &widget.Label{SizeName: theme.SizeNameCaptionText, Importance: widget.HighImportance},
		title:   &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		snippet: &widget.RichText{Truncation: fyne.TextTruncateEllipsis, Scroll: container.ScrollNone},
	}
	r.ExtendBaseWidget(r)
	return r
}

func (r *resRow) show(it resItem, notes int) {
	r.num.SetText(resName(it.n))
	r.badge.Text, r.badge.Tone = statusLabel(it.status), statusTone(it.status)
	r.badge.Refresh()
	r.notes.SetText("")
	if notes > 0 {
		r.notes.SetText(lang.N("{{.Count}} note", notes, map[string]any{"Count": notes}))
	}
	r.title.SetText(it.title)
	r.raw, r.fitW = it.snippet, -1
	r.fit(r.Size().Width)
}

// Resize fits the excerpt to the new width.
func (r *resRow) Resize(size fyne.Size) {
	r.BaseWidget.Resize(size)
	r.fit(size.Width)
}

// fit shortens the excerpt to one line of width w around its first hit
// (the RichText would cut it at the end, often before the hit or inside
// it, without saying so).
func (r *resRow) fit(w float32) {
	if w == r.fitW {
		return
	}
	r.fitW = w
	text := r.raw
	if w > 0 {
		size := theme.CaptionTextSize()
		m := snippetMeasurers.Get(size)
		room := w - 2*theme.InnerPadding() - 2
		text = fitSnippet(r.raw, room, func(s string, bold bool) float32 { return m.Width(s) })
	}
	if text == r.fitted && r.snippet.Segments != nil {
		return
	}
	r.fitted = text
	r.snippet.Segments = snippetSegments(text)
	r.snippet.Refresh()
}

// snippetMeasurers measure excerpts (UI goroutine only). A measurer's
// widths are those of the bolder face, so a fitted excerpt always fits.
var snippetMeasurers = uiw.Measurers{}

func (r *resRow) CreateRenderer() fyne.WidgetRenderer {
	badge := container.NewCenter(r.badge)
	head := container.NewHBox(r.num, badge, r.notes)
	// Labels carry their own padding; pull the three lines together.
	box := container.New(&uiw.TightVBox{}, head, r.title, r.snippet)
	return widget.NewSimpleRenderer(box)
}

// snippetSegments renders a search excerpt: text between « and » in bold
// primary colour, the rest grey.
func snippetSegments(s string) []widget.RichTextSegment {
	s = strings.ReplaceAll(s, "\n", " ")
	var segs []widget.RichTextSegment
	add := func(t string, hit bool) {
		if t == "" {
			return
		}
		st := widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameCaptionText, ColorName: theme.ColorNamePlaceHolder}
		if hit {
			st.TextStyle.Bold = true
			st.ColorName = theme.ColorNamePrimary
		}
		segs = append(segs, &widget.TextSegment{Text: t, Style: st})
	}
	for s != "" {
		i := strings.Index(s, app.MarkOpen)
		if i < 0 {
			add(s, false)
			break
		}
		add(s[:i], false)
		s = s[i+len(app.MarkOpen):]
		j := strings.Index(s, app.MarkClose)
		if j < 0 {
			add(s, true)
			break
		}
		add(s[:j], true)
		s = s[j+len(app.MarkClose):]
	}
	if len(segs) == 0 {
		add(" ", false)
	}
	return segs
}
