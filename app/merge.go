package app

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
)

// Revision names the content of this version of a note: its resolution
// and clause, text, stance, priority, tags (in order) and whether it is
// deleted. Two versions with the same content have the same revision
// wherever and whenever they were written; nothing else counts: not the
// times (clocks differ between laptops), not the author or origin, not
// the clause hash (another edition of the document changes that without
// anyone changing the note). It is the first 64 bits of a SHA-256, as 16
// lowercase hex digits: enough to tell apart the versions of one note.
//
// This is the one definition of "the note changed" that the merge of
// .briefnotes files relies on; see Merge.
func (n *Note) Revision() string {
	stance := n.Stance
	if stance == "" {
		stance = StanceNone
	}
	tags := n.Tags
	if tags == nil {
		tags = []string{}
	}
	// A JSON list is an unambiguous encoding of the fields: no separator
	// inside a field can make two different notes encode the same.
	b, _ := json.Marshal([]any{"briefnotes revision 1", n.Resolution, n.ClauseID,
		n.Body, string(stance), n.Priority, tags, n.Deleted}) // plain values always marshal
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// HistoryLimit is how many revisions a note's History keeps, newest last.
// Forgetting an old one can only make a later merge a conflict that the
// person resolves, never lose an edit.
const HistoryLimit = 64

// ValidRevision reports whether s looks like a Revision.
func ValidRevision(s string) bool {
	if len(s) != 16 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// JoinHistory returns h with those revisions of add it lacks appended,
// each once, keeping the newest HistoryLimit. It returns h itself when
// nothing is new, so a caller can tell whether anything was learnt.
func JoinHistory(h []string, add ...string) []string {
	if !slices.ContainsFunc(add, func(r string) bool { return r != "" && !slices.Contains(h, r) }) {
		return h
	}
	out := make([]string, 0, len(h)+len(add))
	for _, r := range h {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	for _, r := range add {
		if r != "" && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	if len(out) > HistoryLimit {
		out = out[len(out)-HistoryLimit:]
	}
	return out
}

// HistoryString and ParseHistory store a history as one text field:
// revisions separated by spaces.
func HistoryString(h []string) string { return strings.Join(h, " ") }

// ParseHistory reads what HistoryString wrote, dropping anything that is
// not a revision.
func ParseHistory(s string) []string {
	var out []string
	for _, r := range strings.Fields(s) {
		if ValidRevision(r) && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// MergeOutcome is what a merge does with one incoming version of a note.
type MergeOutcome int

// The outcomes of Merge.
const (
	// MergeSame: both versions have the same content; nothing to choose,
	// only their histories join.
	MergeSame MergeOutcome = iota
	// MergeKeepLocal: the note changed only here since the version the
	// file has (or the file's version is older than ours): ours stays.
	MergeKeepLocal
	// MergeTakeIncoming: the note changed only in the file since the
	// version we have: the file's version replaces ours.
	MergeTakeIncoming
	// MergeConflict: the note changed on both sides (or which side changed
	// cannot be told): both versions are kept for the person to choose.
	MergeConflict
	// MergeKeepLocalByTime: without histories, ours stays because its
	// update time is later. The file's version is not known to be older,
	// so, unlike MergeKeepLocal, it must not join our history: that would
	// tell its author, when our version travels back, that ours replaces
	// theirs.
	MergeKeepLocalByTime
	// MergeTakeIncomingByTime: without histories, theirs replaces ours
	// because its update time is later. It is not known to descend from
	// ours, so it keeps only its own history: ours, if it was newer after
	// all, meets it later as a conflict instead of being replaced again.
	MergeTakeIncomingByTime
)

// Merge decides, for a note that exists here (local) and arrives in a
// notes file (incoming), which version wins. Each version's History lists
// the revisions of the versions it descends from that were ever exchanged
// (exported or imported); a version descends from itself. So:
//
//   - same revision: MergeSame;
//   - the file's revision is in our history (we already had it, or a later
//     version of it): MergeKeepLocal;
//   - our revision is in the file's history (they had ours and changed it):
//     MergeTakeIncoming;
//   - both, which only happens when a note went back to earlier words:
//     MergeConflict, as the order cannot be told;
//   - neither: both changed since the last version they share:
//     MergeConflict.
//
// Times decide none of this. traced says the file carries histories
// (format version 2 on); without one on either side — a file of format
// version 1, or a note here that was never exchanged since histories were
// kept — the merge cannot see a common version. Then, when our version is
// one we received and did not change (so its writer has it and nothing
// written only here can be lost), the later update time wins as it did
// before histories (MergeTakeIncomingByTime or MergeKeepLocalByTime); otherwise
// it is a conflict.
func Merge(local, incoming *Note, traced bool) MergeOutcome {
	mine, theirs := local.Revision(), incoming.Revision()
	if mine == theirs {
		return MergeSame
	}
	theirsIsOld := slices.Contains(local.History, theirs)
	mineIsOld := slices.Contains(incoming.History, mine)
	switch {
	case theirsIsOld && mineIsOld:
		return MergeConflict
	case theirsIsOld:
		return MergeKeepLocal
	case mineIsOld:
		return MergeTakeIncoming
	case traced && len(local.History) > 0:
		return MergeConflict
	}
	if !unchangedSinceExchange(local, mine) {
		return MergeConflict
	}
	if incoming.Updated.After(local.Updated) {
		return MergeTakeIncomingByTime
	}
	return MergeKeepLocalByTime
}

// unchangedSinceExchange reports whether our version of a note is one we
// received and kept as it came: the note was imported and has not been
// saved here since (a save here stamps it with this machine's clock,
// after the import), and, when it has a history, its revision is there.
//
// A revision in the history alone is not enough: an export puts our own
// version there, and an exported version may exist nowhere else (the
// export failed, the file was lost, or a BriefDesk from before histories
// refused it, as it refuses format version 2); then a later clock on an
// untraced version would replace the last words of its writer.
func unchangedSinceExchange(n *Note, rev string) bool {
	received := n.Origin.Imported && !n.Updated.After(n.Origin.ImportedAt)
	if len(n.History) > 0 {
		return received && slices.Contains(n.History, rev)
	}
	return received
}
