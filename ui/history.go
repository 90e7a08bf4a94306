package ui

import "briefdesk/app"

// viewID names a top-level view; Ctrl+1..5 choose them in this order.
type viewID int

const (
	viewResolutions viewID = iota
	viewTables
	viewOverview
	viewNotes
	viewPacks
	viewCount
)

// place is one thing the main window can show: a view, and within the
// Resolutions view a card or an entity's citations.
type place struct {
	view viewID
	// Resolutions view: a card (res > 0) or an entity (key != "").
	res      int
	clauseID string // clause to show at the top of the card
	// hint is the clause of the best search hit, shown when the card
	// finds nothing of the query to highlight (search tokens that are not
	// a substring of the text). It does not make a new place.
	hint string
	kind app.RefKind
	key  string
}

func (p place) same(q place) bool {
	return p.view == q.view && p.res == q.res && p.clauseID == q.clauseID && p.kind == q.kind && p.key == q.key
}

// history is the back/forward list of places, like a browser's: visiting
// a new place drops everything ahead of the current one.
type history struct {
	places []place
	at     int // index of the current place; -1 when empty
}

func newHistory() *history { return &history{at: -1} }

// visit records p as the current place, unless it is the current place.
func (h *history) visit(p place) {
	if h.at >= 0 && h.places[h.at].same(p) {
		h.places[h.at] = p // keep the newest hint
		return
	}
	h.places = append(h.places[:h.at+1], p)
	h.at++
	// A long session must not grow without end.
	const max = 200
	if len(h.places) > max {
		drop := len(h.places) - max
		h.places = append(h.places[:0], h.places[drop:]...)
		h.at -= drop
	}
}

func (h *history) canBack() bool    { return h.at > 0 }
func (h *history) canForward() bool { return h.at >= 0 && h.at < len(h.places)-1 }

// back moves one place back and returns it, or false at the start.
func (h *history) back() (place, bool) {
	if !h.canBack() {
		return place{}, false
	}
	h.at--
	return h.places[h.at], true
}

// forward moves one place forward and returns it, or false at the end.
func (h *history) forward() (place, bool) {
	if !h.canForward() {
		return place{}, false
	}
	h.at++
	return h.places[h.at], true
}
