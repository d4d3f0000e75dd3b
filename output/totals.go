package output

// Summary totals: a sum means something only within one category and one
// unit (people are not tonnes, dollars are not euros), over distinct facts
// (five outlets repeating "430,000" is one figure), leaving out figures
// about other times and places (Figure.Scope "background"), breakdowns
// of a figure already counted ("12 killed, including 3 children": rule
// "inherit:..."), and shares, distances, durations and uncategorised
// figures, which do not add.

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/tally-news/tally/extract/facts"
	"github.com/tally-news/tally/schema"
)

// scopeBackground marks figures about another time or place ("the 1999
// quake killed 17,000"), which no total of this story's figures includes;
// inheritRule starts the rule of a part of the figure before.
const (
	scopeBackground = schema.ScopeBackground
	inheritRule     = schema.InheritPrefix
)

// shareUnits are the canonical units of shares: 40% and 30% of different
// wholes do not make 70%.
var shareUnits = map[string]bool{"%": true, "fraction": true}

// noTotalCategories hold things that do not add up: lengths and spans of
// different things (40 km to the front and 25 km of road are not 65 km of
// anything), and "other", the figures no rule gave a meaning.
var noTotalCategories = map[string]bool{"distance": true, "duration": true, "other": true}

// unitTotal is one row of the Summary's totals table.
type unitTotal struct {
	category, unit string
	figures        int     // mentions counted, background excluded
	facts          int     // distinct facts they state
	total          float64 // sum of the facts' values; NaN where no sum means anything
}

// tollTotals are the casualty categories' totals from the per-document
// tolls: the sum over articles of each one's count, which mentions cannot
// give (an article saying "11 dead" and later "12 dead" killed 12, not 23).
type tollTotals struct {
	categories map[string]bool // categories that get tolls
	sums       map[string]float64
}

func newTollTotals(categories []string, all []schema.Toll) *tollTotals {
	t := &tollTotals{categories: map[string]bool{}, sums: map[string]float64{}}
	for _, c := range categories {
		t.categories[c] = true
	}
	for _, tl := range all {
		t.sums[tl.Category] += tl.Value
	}
	return t
}

// unitTotals sums figs per category and unit. Counts of a casualty
// category take their total from tolls when there are any.
func unitTotals(figs []schema.Figure, tolls *tollTotals) []unitTotal {
	kept := make([]schema.Figure, 0, len(figs))
	for i := range figs {
		if figs[i].Scope != scopeBackground && !strings.HasPrefix(figs[i].Rule, inheritRule) {
			kept = append(kept, figs[i])
		}
	}
	type key struct{ category, unit string }
	rows := map[key]*unitTotal{}
	row := func(k key) *unitTotal {
		r := rows[k]
		if r == nil {
			r = &unitTotal{category: k.category, unit: k.unit}
			if shareUnits[k.unit] || noTotalCategories[k.category] {
				r.total = math.NaN()
			}
			rows[k] = r
		}
		return r
	}
	for i := range kept {
		row(key{kept[i].Category, kept[i].Unit}).figures++
	}
	for _, f := range facts.Merge(kept) {
		r := row(key{f.Category, f.Unit})
		r.facts++
		r.total += f.Value
	}
	out := make([]unitTotal, 0, len(rows))
	for _, r := range rows {
		if r.facts == 0 {
			r.total = math.NaN() // bare numbers of no category: nothing to add up
		}
		if tolls != nil && r.unit == "" && tolls.categories[r.category] {
			r.total = tolls.sums[r.category]
		}
		r.total = roundTotal(r.total)
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b unitTotal) int {
		return cmp.Or(cmp.Compare(b.figures, a.figures), cmp.Compare(a.category, b.category), cmp.Compare(a.unit, b.unit))
	})
	return out
}

// roundTotal drops the noise of adding binary fractions (0.1 + 0.2) and
// the digits no reader needs: two decimals at most.
func roundTotal(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) >= 1e15 {
		return v
	}
	return math.Round(v*100) / 100
}
