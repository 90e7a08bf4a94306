package ui

import "briefdesk/app"

// resNumberQuery returns the resolution number a query names (see
// app.ResolutionNumberQuery).
func resNumberQuery(q string) (int, bool) { return app.ResolutionNumberQuery(q) }
