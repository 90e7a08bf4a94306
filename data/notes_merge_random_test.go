package data_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/data"
)

// TestMergeRandom plays random sequences of edits, deletes, exports,
// imports (of any file written so far, so files arrive late, twice and
// out of order) and conflict resolutions among three delegates, with
// clocks hours apart. At the end, and again after everyone has imported
// everyone's latest file, every version a delegate wrote last of a note
// is in that delegate's database — as a note's current version or as a
// side of a waiting conflict — unless someone knowingly replaced it:
// edited or deleted it while it was their current version, or resolved a
// conflict against it.
//
// The oracle knows nothing of the merge: texts are unique, so a version
// is its text (and whether it is deleted), and "knowingly replaced" is
// recorded from what the person saw when they acted.
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
	last      map[string]map[string]string // delegate → note ID → version they wrote last
	dismissed map[string]bool              // versions someone knowingly replaced
	counter   int
	stats     map[string]int
}

func playRandom(t *testing.T, template string, seed uint64, steps int) {
	ctx := context.Background()
	p := &randomPlay{t: t, rng: rand.New(rand.NewPCG(seed, 2026)), names: []string{"a", "b", "c"},
		dbs: map[string]*data.DB{}, latest: map[string][]byte{}, last: map[string]map[string]string{},
		dismissed: map[string]bool{}, stats: map[string]int{}}
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
		p.last[name] = map[string]string{}
	}
	for range 3 {
		p.write(p.names[p.rng.IntN(3)], "")
	}
	for range steps {
		who := p.names[p.rng.IntN(3)]
		switch r := p.rng.IntN(100); {
		case r < 8:
			p.write(who, "")
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
	t.Logf("seed %d: %v", seed, p.stats)
}

// version names a version of a note: its text, and whether it is deleted.
func version(n *app.Note) string {
	if n.Deleted {
		return n.Body + " (deleted)"
	}
	return n.Body
}

// write saves a new note (id "") or a new text of note id at who's.
func (p *randomPlay) write(who, id string) {
	p.counter++
	text := fmt.Sprintf("%s%d", who, p.counter)
	res, c1, _ := twoClauses(p.t)
	n := app.Note{Resolution: res, ClauseID: c1.ID, Author: app.Author{Name: who}, Body: text}
	if id != "" {
		cur, err := p.dbs[who].Note(context.Background(), id)
		if err != nil {
			p.t.Fatal(err)
		}
		p.dismissed[version(cur)] = true
		n = *cur
		n.Body = text
	}
	n = mustSave(p.t, p.dbs[who], n)
	p.last[who][n.ID] = version(&n)
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
		p.write(who, n.ID)
		return
	}
	if err := p.dbs[who].DeleteNote(ctx, n.ID); err != nil {
		p.t.Fatal(err)
	}
	p.dismissed[version(&n)] = true
	n.Deleted = true
	p.last[who][n.ID] = version(&n)
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
	c := cs[p.rng.IntN(len(cs))]
	keep := []app.Keep{app.KeepMine, app.KeepTheirs, app.KeepBoth}[p.rng.IntN(3)]
	if keep == app.KeepBoth && c.Incoming.Deleted {
		keep = app.KeepMine
	}
	if err := p.dbs[who].ResolveConflict(ctx, c.ID, keep); err != nil {
		p.t.Fatal(err)
	}
	switch keep {
	case app.KeepMine:
		p.dismissed[version(&c.Incoming)] = true
	case app.KeepTheirs:
		p.dismissed[version(&c.Local)] = true
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
		for id, v := range p.last[who] {
			if !p.dismissed[v] && !slices.Contains(there, v) {
				p.t.Errorf("%s: %s's last version %q of note %s is lost; the database has %q", when, who, v, id, there)
			}
		}
	}
}
