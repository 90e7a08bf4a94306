package seeds

import (
	"fmt"
	"regexp"
	"strings"

	"briefdesk/app"
)

// The operative text of a Table 2 row is a sequence of lines of five kinds.
// Deciding which is which is the heart of the parser; the rules, in the
// order they are tried:
//
//  1. Item: a label, a tab, then text ("1\t...", "b)\t...", "ii)\t...",
//     "二\t..."). Always content, whatever word it starts with (Res 100's
//     c) contains “请10”; Res 72's 6 starts with 请).
//  2. Annex title: "附件A：合作的程序方法" (Res 18). The export puts an
//     annex's name and title on one line; it becomes an item of the annex
//     section with Heading 附件, Label A and the title as Text.
//  3. Heading: a line that is exactly a heading word of app.Sections
//     (忆及, 做出决议, 进一步做出决议，, 责成, 请, 附件, 决议, ...); a line
//     "附件..." with no sentence punctuation (Res 2's 附件A、B和C); or an
//     addressing verb (责成, 进一步责成, 请, 鼓励, 呼吁) directly followed by
//     who it addresses, when that is a name (no sentence punctuation) and
//     content follows: 责成第17研究组, 进一步责成各研究组, Res 69's
//     请电信标准化局、无线电通信局和电信发展局主任. A line that merely starts
//     with a heading word is a sentence and has punctuation (Res 76's
//     鼓励ITU-T和ITU-D根据自身的职责...；, Res 2's 鼓励ITU-T各研究组...；).
//  4. Name line: no sentence punctuation, and followed by content (an item
//     or a sentence, not a heading):
//     - right after a heading it is the heading's addressee (Res 29
//     责成 / 电信标准化局主任; Res 44 进一步做出决议， / 国际电联区域代表处);
//     - after content, in a section that has an addressee, it names the
//     next addressee of the same section (Res 92's 第3研究组, 第5研究组...);
//     - after content, in a section with no addressee, it is a heading the
//     document adds to the usual ones, key "other" (Res 2's
//     ITU-T研究组的职权, which is followed by a heading, not content).
//     Res 58's 支持在需要、但目前没有创建CIRT的国际电联成员国创建国家CIRT has
//     no punctuation but is followed by a heading: it is content.
//  5. Anything else is an unlabelled paragraph of the current section.
//
// A heading directly followed by another heading has no text of its own
// (Res 52 做出决议 / 责成相关研究组; Res 78, 79 and 100 likewise: "resolves
// to instruct ..."; Res 69 请 / 请电信标准化局、...主任; Res 2
// ITU-T研究组的职权 / 附件A、B和C). The two are one section: its key is the first
// heading's (resolves), its Heading both lines joined by " / ", and its
// addressee the one the second line names. Nothing is lost and the
// section keeps the heading the document puts first.

// sectionKeys maps a heading as printed to its key in app.Sections.
var sectionKeys = func() map[string]string {
	m := map[string]string{}
	for _, s := range app.Sections {
		if s.Chinese != "" {
			m[s.Chinese] = s.Key
		}
	}
	return m
}()

// verbs are the headings that can carry their addressee on the same line,
// longest first so 进一步责成 is not read as 进一步 + 责成.
var verbs = []string{"进一步责成", "责成", "请", "鼓励", "呼吁"}

var annexItemRE = regexp.MustCompile(`^附件([A-Z])：(.+)$`)

// isName reports whether s can be a heading's addressee or a heading: it
// has no sentence punctuation (an enumeration comma 、 is fine).
func isName(s string) bool {
	return s != "" && len([]rune(s)) <= 60 && !strings.ContainsAny(s, "。；，：！？;,:!?“”\"")
}

// headingOf reports whether a line (without a label) is a heading and
// returns its key, the heading as printed and any addressee it names.
// contentNext says whether content follows, which a verb+addressee
// heading needs (rule 3).
func headingOf(s string, contentNext bool) (key, heading, addressee string, ok bool) {
	h := trimPunct(s)
	if k, ok := sectionKeys[h]; ok {
		return k, h, "", true
	}
	if strings.HasPrefix(h, "附件") && isName(h) && !annexItemRE.MatchString(s) {
		return "annex", h, "", true
	}
	for _, v := range verbs {
		if rest, ok := strings.CutPrefix(h, v); ok {
			rest = strings.TrimSpace(rest)
			if isName(rest) && contentNext {
				return sectionKeys[v], h, rest, true
			}
			break
		}
	}
	return "", "", "", false
}

// looksLikeHeading is headingOf without looking ahead, for look-ahead.
func looksLikeHeading(l line) bool {
	if l.label != "" {
		return false
	}
	if annexItemRE.MatchString(l.full) {
		return true
	}
	_, _, _, ok := headingOf(l.full, true)
	return ok
}

// body parses the operative text of one resolution into clauses.
type body struct {
	n       int
	lines   []line
	i       int
	sec     *section
	occ     map[string]int // occurrences of each section key so far
	ids     map[string]int
	pending []app.Footnote // footnotes of heading lines, for the next clause
	clauses []app.Clause
	notes   []app.Footnote
}

// section is one occurrence of a heading and what follows it.
type section struct {
	key, occ  string // occ is key, or key.2, key.3 ... when it recurs
	heading   string
	addressee string
	addressed bool // it has named an addressee: later name lines are addressees too
	fresh     bool // nothing under the heading yet: a heading now chains on
	stack     []level
	paras     int
}

// level is an open item: the parent of any sub-item that follows.
type level struct {
	kind  labelKind
	comp  string // its part of clause IDs: "2", "ii", "p1"
	colon bool   // its text ends with "：", announcing sub-items
}

func newBody(n int, lines []line) *body {
	return &body{n: n, lines: lines, occ: map[string]int{}, ids: map[string]int{}}
}

func (b *body) parse() error {
	for b.i = 0; b.i < len(b.lines); b.i++ {
		l := b.lines[b.i]
		if l.label != "" {
			if err := b.item(l, l.label, l.text); err != nil {
				return err
			}
			continue
		}
		if m := annexItemRE.FindStringSubmatch(l.full); m != nil {
			if b.sec == nil || b.sec.key != "annex" || b.sec.heading != "附件" {
				// The line's footnotes go with the item, not the heading.
				if err := b.open(line{n: l.n}, "annex", "附件", ""); err != nil {
					return err
				}
			}
			if err := b.item(l, m[1], m[2]); err != nil {
				return err
			}
			continue
		}
		if key, h, addr, ok := headingOf(l.full, b.contentNext()); ok {
			if err := b.open(l, key, h, addr); err != nil {
				return err
			}
			continue
		}
		if b.sec != nil && isName(l.full) {
			switch {
			case b.sec.fresh && b.contentNext():
				b.address(l)
				continue
			case !b.sec.fresh && b.sec.addressed && b.contentNext():
				b.address(l)
				continue
			case !b.sec.fresh && !b.sec.addressed && (b.contentNext() || b.headingNext()):
				if err := b.open(l, "other", trimPunct(l.full), ""); err != nil {
					return err
				}
				continue
			}
		}
		if err := b.paragraph(l); err != nil {
			return err
		}
	}
	return b.close(b.lines[len(b.lines)-1].n)
}

// contentNext reports whether the next line is content: an item or a
// sentence, not a heading.
func (b *body) contentNext() bool {
	return b.i+1 < len(b.lines) && !looksLikeHeading(b.lines[b.i+1])
}

func (b *body) headingNext() bool {
	return b.i+1 < len(b.lines) && looksLikeHeading(b.lines[b.i+1])
}

// open starts a section, or extends the current one when it has nothing
// under its heading yet (see the comment at the top of this file).
func (b *body) open(l line, key, heading, addressee string) error {
	b.pending = append(b.pending, l.bodies...)
	if b.sec != nil && b.sec.fresh {
		b.sec.heading += app.HeadingSep + heading
		if addressee != "" {
			b.sec.addressee, b.sec.addressed = addressee, true
		}
		return nil
	}
	if err := b.close(l.n); err != nil {
		return err
	}
	b.occ[key]++
	occ := key
	if k := b.occ[key]; k > 1 {
		occ = fmt.Sprintf("%s.%d", key, k)
	}
	b.sec = &section{key: key, occ: occ, heading: heading, addressee: addressee, addressed: addressee != "", fresh: true}
	return nil
}

// close checks that the current section has something under its heading;
// n is the line that ends it.
func (b *body) close(n int) error {
	if b.sec != nil && b.sec.fresh {
		return lineErr(n, "the heading %q of Res %d has no text under it", b.sec.heading, b.n)
	}
	return nil
}

// address sets the addressee of the clauses that follow.
func (b *body) address(l line) {
	b.pending = append(b.pending, l.bodies...)
	b.sec.addressee, b.sec.addressed, b.sec.fresh = l.full, true, false
	b.sec.stack = nil
}

func (b *body) paragraph(l line) error {
	if b.sec == nil {
		return b.noHeading(l)
	}
	b.sec.paras++
	lv := level{kind: kindPara, comp: fmt.Sprintf("p%d", b.sec.paras), colon: endsColon(l.full)}
	b.sec.stack = []level{lv}
	b.emit(l, "", l.full)
	return nil
}

func (b *body) item(l line, label, text string) error {
	if b.sec == nil {
		return b.noHeading(l)
	}
	b.sec.stack = nest(b.sec.stack, label, endsColon(text))
	b.emit(l, label, text)
	return nil
}

func (b *body) noHeading(l line) error {
	return lineErr(l.n, "expected a heading such as 忆及, 做出决议 or 责成 to start the text of Res %d, found %s", b.n, excerpt(l.raw))
}

// emit appends a clause at the position the section's stack describes.
func (b *body) emit(l line, label, text string) {
	s := b.sec
	s.fresh = false
	comps := make([]string, len(s.stack))
	for i, lv := range s.stack {
		comps[i] = lv.comp
	}
	id := fmt.Sprintf("%d/%s/%s", b.n, s.occ, strings.Join(comps, "/"))
	// A label printed twice in one list would give two clauses one ID;
	// the second becomes .2, which still depends on structure only.
	if k := b.ids[id]; k > 0 {
		b.ids[id] = k + 1
		id = fmt.Sprintf("%s.%d", id, k+1)
	} else {
		b.ids[id] = 1
	}
	b.clauses = append(b.clauses, app.Clause{
		ID:         id,
		Resolution: b.n,
		Seq:        len(b.clauses),
		Section:    s.key,
		Heading:    s.heading,
		Addressee:  s.addressee,
		Label:      label,
		Depth:      len(s.stack) - 1,
		Text:       text,
	})
	b.notes = append(b.notes, anchor(b.pending, id)...)
	b.notes = append(b.notes, anchor(l.bodies, id)...)
	b.pending = nil
}

func endsColon(s string) bool {
	return strings.HasSuffix(s, "：") || strings.HasSuffix(s, ":")
}
