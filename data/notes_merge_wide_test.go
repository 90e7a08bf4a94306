package data_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"briefdesk/app"
	"briefdesk/data"
)

// TestMergeRandomWide plays the random exchange of TestMergeRandom with
// what delegates also do: export only some notes (by author, mine,
// others'), restore deleted notes, load another edition of the document
// (in which the notes' clause changed), and pass files through a
// BriefDesk from before histories (format version 1). Before the clock was kept
// from replacing a version that had only been exported, a format 1 file
// lost an edit in two seeds out of six.
func TestMergeRandomWide(t *testing.T) {
	template := corpusFile(t, "template.db")
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			playRandomWide(t, template, seed, 250)
		})
	}
}

func playRandomWide(t *testing.T, template string, seed uint64, steps int) {
	ctx := context.Background()
	p := &randomPlay{t: t, rng: rand.New(rand.NewPCG(seed, 7)), names: []string{"a", "b", "c"},
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
		case r < 36:
			p.editSome(who, false)
		case r < 41:
			p.editSome(who, true)
		case r < 44:
			p.restoreSome(who)
		case r < 46:
			res, c1, _ := twoClauses(t)
			other := alteredCorpus(t, fmt.Sprintf("%064x", p.counter), res, func(cs []app.Clause) []app.Clause {
				for i := range cs {
					if cs[i].ID == c1.ID {
						cs[i].Text += fmt.Sprint("（第", p.counter, "版）")
					}
				}
				return cs
			})
			if _, err := p.dbs[who].Import(ctx, other); err != nil {
				t.Fatal(err)
			}
			p.counter++
			p.stats["load"]++
		case r < 65:
			filters := []app.NoteFilter{{}, {Author: p.names[p.rng.IntN(3)]}, {Mine: true}, {Others: true}}
			f := filters[p.rng.IntN(len(filters))]
			b := mustExport(t, p.dbs[who], f)
			if p.rng.IntN(4) == 0 {
				b = versionOne(t, b)
				p.stats["export v1"]++
			}
			p.files = append(p.files, b)
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

// restoreSome restores one of who's deleted notes.
func (p *randomPlay) restoreSome(who string) {
	ctx := context.Background()
	all, err := p.dbs[who].Notes(ctx, app.NoteFilter{IncludeDeleted: true})
	if err != nil {
		p.t.Fatal(err)
	}
	var dead []app.Note
	for _, n := range all {
		if n.Deleted {
			dead = append(dead, n)
		}
	}
	if len(dead) == 0 {
		return
	}
	n := dead[p.rng.IntN(len(dead))]
	if err := p.dbs[who].RestoreNote(ctx, n.ID); err != nil {
		p.t.Fatal(err)
	}
	p.dismissed[version(&n)] = true
	n.Deleted = false
	p.last[who][n.ID] = version(&n)
	p.stats["restore"]++
}
