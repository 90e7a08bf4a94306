package app

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
)

// ContentHash names the content of this version of a note: its resolution
// and clause, text, stance, priority, tags (in order) and whether it is
// deleted. Two versions with the same content have the same hash
// wherever and whenever they were written; nothing else counts: not the
// times (clocks differ between laptops), not the author or origin, not
// the clause hash (another edition of the document changes that without
// anyone changing the note). It is the first 64 bits of a SHA-256, as 16
// lowercase hex digits.
//
// It is the one definition of "the note changed": a save that keeps it
// makes no new version, and two versions that share it are the same words
// and never a conflict (see Merge). Until format version 3 it was also a
// version's identity (its revision); it still is the revision of a note's
// first version, of a version read from a file of format 1 or 2, and of a
// note stored before revisions were kept (see Note.Revision).
func (n *Note) ContentHash() string {
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

// NewRevision makes the revision of a new version of n, with content n's,
// made from the version(s) parents: a save here has the note's current
// revisions as parents, a resolved conflict both sides' (a merge). It
// hashes the parents with the content, so going back to earlier words
// makes a new revision, not an old one: the merge can then tell "back to
// X" from "still X". A random salt tells apart two saves of the same
// words from the same version (two delegates restoring one deleted note,
// one of whom then edits it): each is its own version, and the edit of
// one must not pass for a successor of the other, which it would with a
// hash of parents and content alone. A version without parents (a new
// note) has its ContentHash, as every version had before revisions were
// kept: no other note has its ID.
func NewRevision(parents []string, n *Note) string {
	if len(parents) == 0 {
		return n.ContentHash()
	}
	return revision(parents, n, rand.Text())
}

// revision hashes parents (in any order), n's content and salt.
func revision(parents []string, n *Note, salt string) string {
	ps := slices.Clone(parents)
	slices.Sort(ps)
	ps = slices.Compact(ps)
	b, _ := json.Marshal([]any{"briefnotes revision 3", ps, n.ContentHash(), salt}) // plain values always marshal
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// Revisions is n.Revision, or, for a version that has none (read from a
// file of format 1 or 2, or stored before revisions were kept), its
// ContentHash, which was its revision then.
func (n *Note) Revisions() []string {
	if len(n.Revision) == 0 {
		return []string{n.ContentHash()}
	}
	return n.Revision
}

// Lineage is what a version descends from, itself included: its history
// and its revisions.
func (n *Note) Lineage() []string {
	return JoinHistory(n.History, n.Revisions()...)
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
// notes file (incoming), which version wins. Each version has one or
// more revisions (Note.Revision: its identity, new with every change) and
// a History: the revisions of the versions it descends from that were
// ever exchanged (exported or imported); a version descends from itself.
// So:
//
//   - the same content (Note.ContentHash): MergeSame, whatever the
//     revisions; only the histories join (JoinSame);
//   - a revision of the file's version is in our lineage (we already had
//     it, or a later version of it): MergeKeepLocal;
//   - a revision of ours is in the file's lineage (they had ours and
//     changed it): MergeTakeIncoming;
//   - both, which cannot happen for versions made here (a revision
//     hashes its parents), only with revisions read from files of format
//     1 or 2, which name content: MergeConflict, as the order cannot be
//     told;
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
	if local.ContentHash() == incoming.ContentHash() {
		return MergeSame
	}
	mine, theirs := local.Revisions(), incoming.Revisions()
	theirsIsOld := containsAny(local.Lineage(), theirs)
	mineIsOld := containsAny(incoming.Lineage(), mine)
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

func containsAny(set, xs []string) bool {
	return slices.ContainsFunc(xs, func(x string) bool { return slices.Contains(set, x) })
}

// JoinSame is what a note here becomes when a version with the same
// content arrives (MergeSame): its revisions and history.
//
// When that version has seen ours (a revision of ours is in its history:
// the same words again, later, as in X, Y, X, or the same choice made
// after ours), it is ours and later: the note takes its revisions,
// keeping of its own only those the incoming history has not passed, and
// its whole lineage joins the history. So the next version of it
// elsewhere replaces ours, and an older one does not come back as a
// conflict.
//
// Otherwise the two only happen to read alike: the note keeps its
// revisions, and takes into its history only what the incoming version
// descends from, not that version itself. A history then still lists
// only versions its own descends from (or is), which is what lets the
// rule above trust it: had ours taken in their revision, a later meeting
// would see ours in their history and take their revision, and with it
// a successor of theirs written elsewhere that never saw ours would
// replace ours unseen. The price is a conflict, never a loss, when one
// of the two is edited later and meets the other.
func JoinSame(local, incoming *Note) (revisions, history []string) {
	mine, theirs := local.Revisions(), incoming.Revisions()
	if !containsAny(incoming.History, mine) {
		var before []string
		for _, r := range incoming.History {
			if !slices.Contains(theirs, r) {
				before = append(before, r)
			}
		}
		return mine, JoinHistory(local.History, before...)
	}
	for _, r := range mine {
		if slices.Contains(theirs, r) || !slices.Contains(incoming.History, r) {
			revisions = append(revisions, r)
		}
	}
	for _, r := range theirs {
		if !slices.Contains(revisions, r) && (slices.Contains(mine, r) || !slices.Contains(local.History, r)) {
			revisions = append(revisions, r)
		}
	}
	if len(revisions) == 0 { // each side's history passed the other's: a forged file
		revisions = mine
	}
	if len(revisions) > HistoryLimit {
		revisions = revisions[len(revisions)-HistoryLimit:]
	}
	return revisions, JoinHistory(local.History, incoming.Lineage()...)
}

// Resolve is the version a resolved conflict leaves: the content of the
// side kept (local for KeepMine and KeepBoth, incoming for KeepTheirs),
// with one new revision made from both sides' (a merge), so that it
// replaces both wherever they are, and an earlier, opposite resolution
// elsewhere meets it as one conflict, not forever; its history is both
// lineages. Unlike a save, its revision has no salt: two delegates who
// make the same choice between the same two versions make the same
// version, so that an edit of it by one later replaces it at the other.
// It does not keep the kept side's revision beside the new one: a
// version known by two names, one of which someone else has since
// passed, would look both older and newer than theirs.
func Resolve(local, incoming *Note, keep Keep) (revisions, history []string) {
	kept := local
	if keep == KeepTheirs {
		kept = incoming
	}
	parents := JoinHistory(slices.Clone(local.Revisions()), incoming.Revisions()...)
	return []string{revision(parents, kept, "")}, JoinHistory(local.Lineage(), incoming.Lineage()...)
}

// unchangedSinceExchange reports whether our version of a note is one we
// received and kept as it came: the note was imported and has not been
// saved here since (a save here stamps it with this machine's clock,
// after the import), and, when it has a history, a revision of it is there.
//
// A revision in the history alone is not enough: an export puts our own
// version there, and an exported version may exist nowhere else (the
// export failed, the file was lost, or a BriefDesk from before histories
// refused it, as it refuses any newer format); then a later clock on an
// untraced version would replace the last words of its writer.
func unchangedSinceExchange(n *Note, revs []string) bool {
	received := n.Origin.Imported && !n.Updated.After(n.Origin.ImportedAt)
	if len(n.History) > 0 {
		return received && containsAny(n.History, revs)
	}
	return received
}
