package cli

import "briefdesk/app"

// exportPDF writes pack p to path. The PDF package is still being
// written; until it lands, printing a pack fails with a clear message.
func exportPDF(e *env, p *app.Pack, path string) error {
	return notYet("PDF packs")
}
