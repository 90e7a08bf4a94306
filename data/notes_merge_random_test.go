package data_test

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/data"
)

// TestMergeRandom plays random sequences of edits (some back to an
// earlier text of the note), deletes, exports, imports (of any file
// written so far, so files arrive late, twice and out of order) and
// conflict resolutions among three delegates, with clocks hours apart.
// At the end, and again after everyone has imported everyone's latest
// file, every version a delegate wrote last of a note is in that
// delegate's database — as a note's current version or as a side of a
// waiting conflict — unless someone knowingly replaced it: edited or
// deleted those words while they were their current version, or resolved
// a conflict against them, after it was written. Then everything settles
// (settle): once every conflict is resolved in one more round, a full
// exchange finds no conflict and leaves the three databases alike.
//
// The oracle knows nothing of the merge: a version is its text (and
// whether it is deleted), and "knowingly replaced" is recorded, with the
// step, from what the person saw when they acted. Texts are unique but
// for the reverts, which is why a replacement counts only for versions
// of those words written before it.
func TestMergeRandom(t *testing.T) {
	template := corpusFile(t, "template.db")
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			playRandom(t, template, seed, 250)
		})
	}
}

type randomPlay struct {
	t         *testing.T
	rng       *rand.Rand
	names     []string
	dbs       map[string]*data.DB
	files     [][]byte
	latest    map[string][]byte
	last      map[string]map[string]written // delegate → note ID → version they wrote last
	dismissed map[string]int                // version → the step someone last knowingly replaced it
	texts     map[string][]string           // note ID → every text written for it
	step      int
	counter   int
	stats     map[string]int
}

// written is a version a delegate wrote, and the step when.
type written struct {
	version string
	step    int
}

func newRandomPlay(t *testing.T, seed, stream uint64) *randomPlay {
	return &randomPlay{t: t, rng: rand.New(rand.NewPCG(seed, stream)), names: []string{"a", "b", "c"},
		dbs: map[string]*data.DB{}, latest: map[string][]byte{}, last: map[string]map[string]written{},
		dismissed: map[string]int{}, texts: map[string][]string{}, stats: map[string]int{}}
}

// dismiss records that someone knowingly replaced version v.
func (p *randomPlay) dismiss(v string) {
	p.step++
	p.dismissed[v] = p.step
}

// wrote records that who wrote version v of note id.
func (p *randomPlay) wrote(who, id, v string) {
	p.step++
	p.last[who][id] = written{v, p.step}
}

func playRandom(t *testing.T, template string, seed uint64, steps int) {
	ctx := context.Background()
	p := newRandomPlay(t, seed, 2026)
	for i, name := range p.names {
		path := filepath.Join(t.TempDir(), name+".db")
		copyFile(t, template, path)
		db, err := data.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		// Clocks up to a day apart, the middle one behind.
		db.Now = tickClock(time.Date(2026, 5, 2, 8, 0, 0, 0, time.UTC).Add(time.Duration([]int{0, -20, 11}[i]) * time.Hour))
		p.dbs[name] = db
		p.last[name] = map[string]written{}
	}
	for range 3 {
		p.write(p.names[p.rng.IntN(3)], "", false)
	}
	for range steps {
		who := p.names[p.rng.IntN(3)]
		switch r := p.rng.IntN(100); {
		case r < 8:
			p.write(who, "", false)
		case r < 40:
			p.editSome(who, false)
		case r < 45:
			p.editSome(who, true)
		case r < 65:
			b := mustExport(t, p.dbs[who], app.NoteFilter{})
			p.files = append(p.files, b)
			p.latest[who] = b
			p.stats["export"]++
		case r < 88:
			if len(p.files) > 0 {
				mustImportNotes(t, p.dbs[who], p.files[p.rng.IntN(len(p.files))], "f.briefnotes")
				p.stats["import"]++
			}
		default:
			p.resolveSome(who)
		}
	}
	p.check("after the random steps")
	for _, from := range p.names {
		for _, to := range p.names {
			if from != to {
				mustImportNotes(t, p.dbs[to], mustExport(t, p.dbs[from], app.NoteFilter{}), from+".briefnotes")
			}
		}
	}
	p.check("after everyone imported everyone")
	p.settle()
	t.Logf("seed %d: %v", seed, p.stats)
}

// version names a version of a note: its text, and whether it is deleted.
func version(n *app.Note) string {
	if n.Deleted {
		return n.Body + " (deleted)"
	}
	return n.Body
}

// write saves a new note (id "") or a new text of note id at who's:
// a new text, or, when revert is set and the note had another, one of
// its earlier texts.
func (p *randomPlay) write(who, id string, revert bool) {
	p.counter++
	text := fmt.Sprintf("%s%d", who, p.counter)
	res, c1, _ := twoClauses(p.t)
	n := app.Note{Resolution: res, ClauseID: c1.ID, Author: app.Author{Name: who}, Body: text}
	if id != "" {
		cur, err := p.dbs[who].Note(context.Background(), id)
		if err != nil {
			p.t.Fatal(err)
		}
		if earlier := slices.DeleteFunc(slices.Clone(p.texts[id]), func(s string) bool { return s == cur.Body }); revert && len(earlier) > 0 {
			text = earlier[p.rng.IntN(len(earlier))]
			p.stats["revert"]++
		}
		p.dismiss(version(cur))
		n = *cur
		n.Body = text
	}
	n = mustSave(p.t, p.dbs[who], n)
	p.texts[n.ID] = append(p.texts[n.ID], text)
	p.wrote(who, n.ID, version(&n))
	p.stats["write"]++
}

// editSome edits or deletes one of who's live notes.
func (p *randomPlay) editSome(who string, del bool) {
	ctx := context.Background()
	live, err := p.dbs[who].Notes(ctx, app.NoteFilter{})
	if err != nil {
		p.t.Fatal(err)
	}
	if len(live) == 0 {
		return
	}
	n := live[p.rng.IntN(len(live))]
	if !del {
		p.write(who, n.ID, p.rng.IntN(3) == 0)
		return
	}
	if err := p.dbs[who].DeleteNote(ctx, n.ID); err != nil {
		p.t.Fatal(err)
	}
	p.dismiss(version(&n))
	n.Deleted = true
	p.wrote(who, n.ID, version(&n))
	p.stats["delete"]++
}

// resolveSome resolves one of who's conflicts at random.
func (p *randomPlay) resolveSome(who string) {
	ctx := context.Background()
	cs, err := p.dbs[who].Conflicts(ctx)
	if err != nil {
		p.t.Fatal(err)
	}
	if len(cs) == 0 {
		return
	}
	p.resolve(who, cs[p.rng.IntN(len(cs))])
}

// resolve resolves conflict c at who's, keeping mine, theirs or both at
// random.
func (p *randomPlay) resolve(who string, c app.Conflict) {
	ctx := context.Background()
	keep := []app.Keep{app.KeepMine, app.KeepTheirs, app.KeepBoth}[p.rng.IntN(3)]
	if keep == app.KeepBoth && c.Incoming.Deleted {
		keep = app.KeepMine
	}
	if err := p.dbs[who].ResolveConflict(ctx, c.ID, keep); err != nil {
		p.t.Fatal(err)
	}
	switch keep {
	case app.KeepMine:
		p.dismiss(version(&c.Incoming))
	case app.KeepTheirs:
		p.dismiss(version(&c.Local))
	}
	p.stats["resolve "+string(keep)]++
}

// check asserts that no delegate lost a version they wrote last, unless
// it was knowingly replaced.
func (p *randomPlay) check(when string) {
	ctx := context.Background()
	for _, who := range p.names {
		db := p.dbs[who]
		all, err := db.Notes(ctx, app.NoteFilter{IncludeDeleted: true})
		if err != nil {
			p.t.Fatal(err)
		}
		cs, err := db.Conflicts(ctx)
		if err != nil {
			p.t.Fatal(err)
		}
		var there []string
		for i := range all {
			there = append(there, version(&all[i]))
		}
		for i := range cs {
			there = append(there, version(&cs[i].Local), version(&cs[i].Incoming))
		}
		p.stats["conflicts waiting at the end"] += len(cs)
		for id, w := range p.last[who] {
			if p.dismissed[w.version] < w.step && !slices.Contains(there, w.version) {
				p.t.Errorf("%s: %s's last version %q of note %s is lost; the database has %q", when, who, w.version, id, there)
			}
		}
	}
}

// settle ends a play: every delegate resolves all its conflicts; then, in
// turn, each imports the others' current files and resolves at once
// whatever conflicts, so that every conflict met is resolved. After that
// a full exchange must find no conflict and leave the three databases
// with the same version of every note: every resolution was recorded and
// travels. Nothing anyone wrote last is lost on the way.
func (p *randomPlay) settle() {
	t, ctx := p.t, context.Background()
	exchange := func(to string) (conflicts int) {
		for _, from := range p.names {
			if from != to {
				got := mustImportNotes(t, p.dbs[to], mustExport(t, p.dbs[from], app.NoteFilter{}), from+".briefnotes")
				conflicts += got.Conflicts
			}
		}
		return conflicts
	}
	resolveAll := func(who string) {
		for {
			cs, err := p.dbs[who].Conflicts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) == 0 {
				return
			}
			p.resolve(who, cs[0])
		}
	}
	for _, who := range p.names {
		resolveAll(who)
	}
	for _, who := range p.names {
		p.stats["conflicts while settling"] += exchange(who)
		resolveAll(who)
	}
	p.check("after every conflict was resolved")
	for _, who := range p.names {
		if n := exchange(who); n > 0 {
			t.Errorf("%s: %d conflicts after every conflict was resolved and exchanged", who, n)
		}
	}
	p.check("after the exchange that follows")
	held := map[string]map[string]string{}
	for _, who := range p.names {
		all, err := p.dbs[who].Notes(ctx, app.NoteFilter{IncludeDeleted: true})
		if err != nil {
			t.Fatal(err)
		}
		held[who] = map[string]string{}
		for i := range all {
			held[who][all[i].ID] = version(&all[i])
		}
		if cs, err := p.dbs[who].Conflicts(ctx); err != nil || len(cs) > 0 {
			t.Errorf("%s: %d conflicts wait after settling (%v)", who, len(cs), err)
		}
	}
	for _, who := range p.names[1:] {
		if !maps.Equal(held[who], held[p.names[0]]) {
			t.Errorf("after settling %s and %s hold different notes:\n%v\n%v", p.names[0], who, held[p.names[0]], held[who])
		}
	}
}
