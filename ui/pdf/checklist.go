package pdf

import "briefdesk/app"

// hasChecklist reports whether the pack prints "What ITU-D is asked to
// do": the option is on and some printed clause asks something of BDT.
func (b *builder) hasChecklist() bool {
	if !b.in.Pack.Options.Checklist {
		return false
	}
	for _, s := range b.res {
		for _, c := range s.clauses {
			if app.AsksBDT(c) {
				return true
			}
		}
	}
	return false
}
