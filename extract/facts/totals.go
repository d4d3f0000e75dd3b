package facts

// Totals: a sum means something only within one category and one unit
// (people are not tonnes, dollars are not euros), over distinct facts
// (five outlets repeating "430,000" is one figure), leaving out figures
// about other times and places (Scope "background"), breakdowns of a
// figure already counted ("12 killed, including 3 children": rule
// "inherit:..."), and shares, distances, durations and uncategorised
// figures, which do not add.

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/tally-news/tally/schema"
)

// Total is one category and unit of the figures: how many mentions and
// distinct facts, and what the facts add up to.
type Total struct {
	Category, Unit string
	Figures        int     // mentions counted, background and parts excluded
	Facts          int     // distinct facts they state
	Sum            float64 // the facts' values added; NaN where no sum means anything
}

// shareUnits are the canonical units of shares: 40% and 30% of different
// wholes do not make 70%.
var shareUnits = map[string]bool{"%": true, "fraction": true}

// noTotalCategories hold things that do not add up: lengths and spans of
// different things (40 km to the front and 25 km of road are not 65 km of
// anything), and "other", the figures no rule gave a meaning.
var noTotalCategories = map[string]bool{"distance": true, "duration": true, categoryOther: true}

// Totals sums figs per category and unit, most mentioned first.
func Totals(figs []schema.Figure) []Total {
	kept := make([]schema.Figure, 0, len(figs))
	for i := range figs {
		if figs[i].Scope != scopeBackground && !strings.HasPrefix(figs[i].Rule, inheritRule) {
			kept = append(kept, figs[i])
		}
	}
	type key struct{ category, unit string }
	rows := map[key]*Total{}
	row := func(k key) *Total {
		r := rows[k]
		if r == nil {
			r = &Total{Category: k.category, Unit: k.unit}
			if shareUnits[k.unit] || noTotalCategories[k.category] {
				r.Sum = math.NaN()
			}
			rows[k] = r
		}
		return r
	}
	for i := range kept {
		row(key{kept[i].Category, kept[i].Unit}).Figures++
	}
	for _, f := range Merge(kept) {
		r := row(key{f.Category, f.Unit})
		r.Facts++
		r.Sum += f.Value
	}
	out := make([]Total, 0, len(rows))
	for _, r := range rows {
		if r.Facts == 0 {
			r.Sum = math.NaN() // bare numbers of no category: nothing to add up
		}
		r.Sum = roundSum(r.Sum)
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b Total) int {
		return cmp.Or(cmp.Compare(b.Figures, a.Figures), cmp.Compare(a.Category, b.Category), cmp.Compare(a.Unit, b.Unit))
	})
	return out
}

// WithTolls gives the counts (no unit) of the casualty categories that
// get tolls the sum of the articles' tolls instead: an article saying "11
// dead" and later "12 dead" killed 12, not 23, which its mentions cannot
// tell.
func WithTolls(totals []Total, categories []string, tolls []schema.Toll) {
	sums := map[string]float64{}
	for _, tl := range tolls {
		sums[tl.Category] += tl.Value
	}
	for i := range totals {
		if t := &totals[i]; t.Unit == "" && slices.Contains(categories, t.Category) {
			t.Sum = roundSum(sums[t.Category])
		}
	}
}

// roundSum drops the noise of adding binary fractions (0.1 + 0.2) and
// the digits no reader needs: two decimals at most.
func roundSum(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) >= 1e15 {
		return v
	}
	return math.Round(v*100) / 100
}
