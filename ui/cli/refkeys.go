package cli

import (
	"sort"
	"strings"

	"briefdesk/app"
)

// resolveRefKeys maps the reference keys a person typed to the keys the
// resolutions cite: the exact key; the same ignoring case and spaces
// ("wtdc res 59"); or the one key that ends with it ("SG17" is ITU-T SG17,
// "Q3/2" is ITU-D Q3/2). An ambiguous key is a usage error listing the
// choices; one nothing cites is a failure that says how to see the keys —
// never an empty result that looks like an answer.
func (e *env) resolveRefKeys(cmd string, typed []string) ([]string, error) {
	if len(typed) == 0 {
		return nil, nil
	}
	cs, err := e.corpus()
	if err != nil {
		return nil, err
	}
	ents, err := cs.Entities(e.ctx, "")
	if err != nil {
		return nil, err
	}
	fold := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }
	out := make([]string, 0, len(typed))
	for _, t := range typed {
		want := fold(t)
		if want == "" {
			return nil, usagef(cmd, "--ref needs a key, such as \"WTDC Res 59\" or \"ITU-D SG2\"")
		}
		var exact string
		var ending []string
		for _, en := range ents {
			k := fold(en.Key)
			switch {
			case en.Key == t || k == want:
				exact = en.Key
			case strings.HasSuffix(k, want) && strings.HasSuffix(strings.ToLower(en.Key), strings.ToLower(strings.TrimSpace(t))):
				ending = append(ending, en.Key)
			}
		}
		switch {
		case exact != "":
			out = append(out, exact)
		case len(ending) == 1:
			out = append(out, ending[0])
		case len(ending) > 1:
			sort.Strings(ending)
			return nil, usagef(cmd, "--ref %q could be %s: say which", t, strings.Join(ending, ", "))
		default:
			return nil, app.Errorf(app.ENOTFOUND, "no resolution cites %q; \"briefdesk refs\" lists every key that is cited", t)
		}
	}
	return out, nil
}
