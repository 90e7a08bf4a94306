// Package corpusgen makes large synthetic corpora out of a real one, for
// benchmarks that need far more resolutions than WTSA-20 adopted.
//
// Every generated resolution reuses real text (a real resolution's title,
// status and summary, and clauses drawn from all over the base corpus), so
// term frequencies and text lengths are those of the real document, and
// queries that hit the real corpus hit the generated one too.
package corpusgen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"sort"

	"briefdesk/app"
)

// Generate returns a corpus of n resolutions numbered 1..n built from
// base, the same for the same base, n and seed. Clause IDs follow the
// real scheme (number/section/seq) and stay unique; references travel
// with the clauses that make them. base is not modified.
func Generate(base *app.Corpus, n int, seed int64) *app.Corpus {
	out := &app.Corpus{
		Source: app.Source{
			Name:  fmt.Sprintf("generated-%d-%d.txt", n, seed),
			Title: fmt.Sprintf("%d resolutions generated from %s (seed %d)", n, base.Source.Name, seed),
		},
		Overview: base.Overview,
	}
	sum := sha256.Sum256([]byte(out.Source.Name + base.Source.Fingerprint))
	out.Source.Fingerprint = hex.EncodeToString(sum[:])

	// Every clause of the base, with the refs it makes.
	type source struct {
		clause app.Clause
		refs   []app.Ref
	}
	var pool []source
	for _, r := range base.Resolutions {
		byClause := map[string][]app.Ref{}
		for _, f := range r.Refs {
			byClause[f.ClauseID] = append(byClause[f.ClauseID], f)
		}
		for _, c := range r.Clauses {
			pool = append(pool, source{c, byClause[c.ID]})
		}
	}
	if len(base.Resolutions) == 0 || len(pool) == 0 || n <= 0 {
		return out
	}
	avg := max(len(pool)/len(base.Resolutions), 1)

	rng := rand.New(rand.NewPCG(uint64(seed), 0x42444b31))
	out.Resolutions = make([]app.Resolution, n)
	for i := range out.Resolutions {
		num := i + 1
		tmpl := base.Resolutions[rng.IntN(len(base.Resolutions))]
		r := app.Resolution{
			Number:      num,
			Status:      tmpl.Status,
			Title:       tmpl.Title,
			TitleTable1: tmpl.TitleTable1,
			Summary:     tmpl.Summary,
		}
		// Refs of the title and summary stay with them.
		for _, f := range tmpl.Refs {
			if f.ClauseID == "" {
				r.Refs = append(r.Refs, f)
			}
		}
		picked := make([]source, 1+rng.IntN(2*avg))
		for j := range picked {
			picked[j] = pool[rng.IntN(len(pool))]
		}
		// Sections in the order resolutions use, so a generated
		// resolution reads like one.
		sort.SliceStable(picked, func(a, b int) bool {
			return app.SectionOrder(picked[a].clause.Section) < app.SectionOrder(picked[b].clause.Section)
		})
		for seq, p := range picked {
			c := p.clause
			c.Resolution, c.Seq = num, seq
			c.ID = fmt.Sprintf("%d/%s/%d", num, c.Section, seq)
			r.Clauses = append(r.Clauses, c)
			for _, f := range p.refs {
				f.ClauseID = c.ID
				r.Refs = append(r.Refs, f)
			}
		}
		for _, f := range tmpl.Footnotes {
			if f.Anchor == "title" || f.Anchor == "" {
				r.Footnotes = append(r.Footnotes, f)
			}
		}
		out.Resolutions[i] = r
	}
	return out
}
