package app

// ChineseTermWords lists the English words ChineseTermFor knows, for the
// tests that check each of them.
func ChineseTermWords() []string {
	out := make([]string, 0, len(chineseTerms))
	for w := range chineseTerms {
		out = append(out, w)
	}
	return out
}
