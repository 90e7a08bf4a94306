package app

import (
	"regexp"
	"strconv"
	"strings"
)

// resNumberPattern matches a query that names a resolution by number, the
// ways delegates type it: 72, #72, 第72号, 第72号决议, 72号决议, 决议72,
// Res 72, Res. 72, Resolution 72, WTSA Res 72, WTSA-20 Resolution 72.
var resNumberPattern = regexp.MustCompile(`^(?i:(?:wtsa(?:-?\d{2})?\s*)?(?:res(?:olution)?\.?|决议)?\s*(?:第|#|no\.?)?\s*(\d{1,3})\s*(?:号)?\s*(?:决议)?)$`)

// ResolutionNumberQuery returns the resolution number a search query names
// ("72", "第72号", "Res 72"), and false when it names none: the window and
// the command line both list that resolution first.
func ResolutionNumberQuery(q string) (int, bool) {
	q = strings.TrimSpace(strings.ReplaceAll(q, "\u3000", " "))
	m := resNumberPattern.FindStringSubmatch(q)
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	return n, err == nil && n > 0
}
