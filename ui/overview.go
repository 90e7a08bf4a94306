package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// overviewView is the Overview screen: the meeting facts from the
// document's first sections (概要, 引言, GSS-20, the main results of
// WTSA-20, conclusions), as one scrolling document.
type overviewView struct {
	env    *screenEnv
	corpus *corpusCache
}

func newOverviewView(env *screenEnv, c *corpusCache) *overviewView {
	return &overviewView{env: env, corpus: c}
}

func (v *overviewView) content() fyne.CanvasObject {
	rows := []docRow{{kind: rowTitle, text: lang.L("WTSA-20 and GSS-20: overview")}}
	if v.corpus != nil {
		for _, s := range v.corpus.overview {
			rows = append(rows, docRow{kind: rowSection, text: s.Title})
			for _, p := range s.Paragraphs {
				r := docRow{kind: rowText, text: p.Text}
				if p.Bullet {
					r.label = "•"
				}
				rows = append(rows, r)
			}
		}
	}
	rows = append(rows, docRow{kind: rowGap})
	return newDocView(rows)
}
