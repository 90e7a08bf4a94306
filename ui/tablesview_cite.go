package ui

import "briefdesk/app"

// The references copied table rows carry follow the card's rule
// (app/cite.go), in the reference words of the interface's language:
// "WTSA-20 第44号决议 做出决议 2" or "WTSA-20 Resolution 44 resolves 2";
// the text itself stays Chinese. These are where the Tables screen asks
// for a reference.

// tablesCiteResolution is the reference of resolution n.
func tablesCiteResolution(n int) string { return app.ResolutionRef(n, citeLang()) }

// tablesCiteClause is the reference of clause c of r.
func tablesCiteClause(r *app.Resolution, c app.Clause) string {
	if r == nil {
		return tablesCiteResolution(c.Resolution)
	}
	return app.ClauseRef(r, c.ID, citeLang())
}

// tablesCiteClauseText is clause c with its reference, as pasted into a
// brief: "WTSA-20 第44号决议 做出决议 2：…".
func tablesCiteClauseText(r *app.Resolution, c app.Clause) string {
	return app.CiteClause(r, c.ID, citeLang())
}
