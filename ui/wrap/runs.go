package wrap

// Run is a piece [Start, End) of a line; Marked says whether it lies inside
// one of the marked ranges (a search hit in the GUI, bold in the PDF).
type Run struct {
	Start, End int
	Marked     bool
}

// Runs splits the line [start, end) at the edges of marks, byte ranges in
// ascending order that do not overlap, so a line that crosses a mark is
// drawn in pieces. Marks outside the line are ignored.
func Runs(start, end int, marks [][2]int) []Run {
	var out []Run
	at := start
	for _, m := range marks {
		ms, me := max(m[0], start), min(m[1], end)
		if ms >= me {
			continue
		}
		if ms > at {
			out = append(out, Run{at, ms, false})
		}
		out = append(out, Run{ms, me, true})
		at = me
	}
	if at < end {
		out = append(out, Run{at, end, false})
	}
	return out
}
