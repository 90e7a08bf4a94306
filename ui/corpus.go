package ui

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"briefdesk/app"
)

// corpusCache holds the whole corpus in memory: 28 resolutions, about
// 60 KB of text. Loading it once at start-up makes opening a card, an
// entity or a filter instant and keeps the database for search and notes.
type corpusCache struct {
	list     []app.Resolution // by number
	byNum    map[int]*app.Resolution
	entities []app.Entity
	overview []app.OverviewSection

	noteCounts   map[int]int            // live notes per resolution
	clauseCounts map[int]map[string]int // live notes per clause, per resolution loaded
}

// loadCorpus reads everything the window shows from the services.
func loadCorpus(ctx context.Context, s Services) (*corpusCache, error) {
	list, err := s.Corpus.Resolutions(ctx, app.ResolutionFilter{Full: true})
	if err != nil {
		return nil, fmt.Errorf("load resolutions: %w", err)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Number < list[j].Number })
	ents, err := s.Corpus.Entities(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("load references: %w", err)
	}
	ov, err := s.Corpus.Overview(ctx)
	if err != nil {
		return nil, fmt.Errorf("load overview: %w", err)
	}
	c := &corpusCache{list: list, entities: ents, overview: ov, byNum: map[int]*app.Resolution{}, clauseCounts: map[int]map[string]int{}}
	for i := range c.list {
		c.byNum[c.list[i].Number] = &c.list[i]
	}
	if s.Notes != nil {
		if c.noteCounts, err = s.Notes.NoteCounts(ctx); err != nil {
			return nil, fmt.Errorf("count notes: %w", err)
		}
	}
	return c, nil
}

// clauseNotes is the cached count of notes per clause of resolution n.
func (c *corpusCache) clauseNotes(n int) map[string]int { return c.clauseCounts[n] }

// entity finds an entity by kind and key.
func (c *corpusCache) entity(kind app.RefKind, key string) *app.Entity {
	for i := range c.entities {
		if e := &c.entities[i]; e.Key == key && (kind == "" || e.Kind == kind) {
			return e
		}
	}
	return nil
}

// entitiesOf lists the entities of the given kinds, in the order the
// kinds are given, each kind sorted naturally (Q2/1 before Q10/1).
func (c *corpusCache) entitiesOf(kinds ...app.RefKind) []app.Entity {
	var out []app.Entity
	for _, k := range kinds {
		var part []app.Entity
		for _, e := range c.entities {
			if e.Kind == k {
				part = append(part, e)
			}
		}
		slices.SortStableFunc(part, func(a, b app.Entity) int { return app.CompareRefKeys(a.Key, b.Key) })
		out = append(out, part...)
	}
	return out
}

// clause finds a clause of resolution n.
func (c *corpusCache) clause(n int, id string) *app.Clause {
	return c.byNum[n].Clause(id)
}
