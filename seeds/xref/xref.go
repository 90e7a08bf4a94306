// Package xref finds cross-references in resolution text: WTDC, PP and
// WTSA resolutions, ITU-D and ITU-T study groups and Questions,
// Recommendations, bureaus, groups and organisations.
package xref

import "briefdesk/app"

// Annotate fills Refs of every resolution in c from its title, summary and
// clauses. It is called by the seeds parser after parsing.
func Annotate(c *app.Corpus) {
	// Implemented by the xref work; until then no references are found.
	_ = c
}
