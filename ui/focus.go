package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// scrollingFocusable is a list, table, tree or grid: a widget that takes
// the keyboard focus and moves through its items with the arrow keys.
// Text fields and buttons are not: focusing them on a view switch would
// start a blinking cursor or make Space press a button.
type scrollingFocusable interface {
	fyne.Focusable
	ScrollToTop()
}

// focusTarget finds the first visible list-like widget in o, looking
// through containers, splits, scrolls and tabs (the inside of other
// widgets is theirs to manage). It returns nil when there is none.
func focusTarget(o fyne.CanvasObject) fyne.Focusable {
	if o == nil || !o.Visible() {
		return nil
	}
	switch x := o.(type) {
	case scrollingFocusable:
		if d, ok := x.(fyne.Disableable); ok && d.Disabled() {
			return nil
		}
		return x
	case *docView:
		if x.list != nil {
			return x.list
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if t := focusTarget(c); t != nil {
				return t
			}
		}
	case *container.Split:
		if t := focusTarget(x.Leading); t != nil {
			return t
		}
		return focusTarget(x.Trailing)
	case *container.Scroll:
		return focusTarget(x.Content)
	case *container.AppTabs:
		if it := x.Selected(); it != nil {
			return focusTarget(it.Content)
		}
	case *container.DocTabs:
		if it := x.Selected(); it != nil {
			return focusTarget(it.Content)
		}
	}
	return nil
}
