package output

import (
	"math"
	"testing"

	"github.com/tally-news/tally/schema"
)

func TestUnitTotals(t *testing.T) {
	fig := func(src, cat, unit string, v float64, object, place string) schema.Figure {
		return schema.Figure{Source: src, Section: "article", Category: cat, Unit: unit, Value: v, Object: object, Location: place}
	}
	background := fig("a.txt", "killed", "", 17000, "people", "Izmit")
	background.Scope = "background"
	part := fig("a.txt", "killed", "", 3, "children", "Odesa")
	part.Rule = "inherit:killed"
	figs := []schema.Figure{
		fig("a.txt", "aid", "USD", 2.5e9, "aid", ""),
		fig("b.txt", "aid", "USD", 2.5e9, "aid", ""), // the same figure, repeated
		fig("a.txt", "aid", "EUR", 1e6, "aid", ""),
		fig("b.txt", "aid", "t", 400, "food", ""),
		fig("a.txt", "killed", "", 12, "people", "Odesa"),
		part, background,
		fig("a.txt", "other", "", 0.1, "rate", "Kyiv"),
		fig("b.txt", "other", "", 0.2, "ratio", "Kyiv"),
		fig("a.txt", "money", "EUR", 0.1, "fee", ""),
		fig("b.txt", "money", "EUR", 0.2, "levy", ""), // 0.1 + 0.2 without float noise
		fig("a.txt", "other", "%", 40, "turnout", ""),
		fig("b.txt", "other", "%", 30, "share", ""),
		fig("a.txt", "other", "", 7, "", ""), // a bare number
		fig("a.txt", "distance", "km", 40, "", "Kyiv"),
		fig("b.txt", "distance", "km", 25, "", "Lviv"),
	}
	want := map[[2]string]unitTotal{
		{"aid", "USD"}:     {figures: 2, facts: 1, total: 2.5e9},
		{"aid", "EUR"}:     {figures: 1, facts: 1, total: 1e6},
		{"aid", "t"}:       {figures: 1, facts: 1, total: 400},
		{"killed", ""}:     {figures: 1, facts: 1, total: 12},
		{"other", ""}:      {figures: 3, facts: 2, total: math.NaN()},
		{"money", "EUR"}:   {figures: 2, facts: 2, total: 0.3},
		{"other", "%"}:     {figures: 2, facts: 2, total: math.NaN()},
		{"distance", "km"}: {figures: 2, facts: 2, total: math.NaN()},
	}
	got := unitTotals(figs, nil)
	if len(got) != len(want) {
		t.Errorf("%d rows, want %d: %+v", len(got), len(want), got)
	}
	for _, g := range got {
		w, ok := want[[2]string{g.category, g.unit}]
		if !ok {
			t.Errorf("unexpected row %+v", g)
			continue
		}
		same := g.total == w.total || math.IsNaN(g.total) && math.IsNaN(w.total)
		if g.figures != w.figures || g.facts != w.facts || !same {
			t.Errorf("%s/%s = %d figures, %d facts, total %v; want %d, %d, %v",
				g.category, g.unit, g.figures, g.facts, g.total, w.figures, w.facts, w.total)
		}
	}
}

// TestUnitTotalsFromTolls: a casualty category's count takes its total
// from the articles' tolls, not from adding every mention ("11 dead",
// later "12 dead" is 12); measures and other categories are unchanged.
func TestUnitTotalsFromTolls(t *testing.T) {
	figs := []schema.Figure{
		{Source: "a.txt", Section: "article", Category: "killed", Value: 11, Object: "people"},
		{Source: "a.txt", Section: "article", Category: "killed", Value: 12, Object: "people", Sentence: "later"},
		{Source: "b.txt", Section: "article", Category: "killed", Value: 3, Object: "people"},
		{Source: "a.txt", Section: "article", Category: "aid", Unit: "USD", Value: 5, Object: "aid"},
	}
	tolls := newTollTotals([]string{"killed", "injured"}, []schema.Toll{
		{Source: "a.txt", Category: "killed", Value: 12}, {Source: "b.txt", Category: "killed", Value: 3},
	})
	for _, g := range unitTotals(figs, tolls) {
		want := map[string]float64{"killed": 15, "aid": 5}[g.category]
		if g.total != want {
			t.Errorf("%s/%s total %v, want %v", g.category, g.unit, g.total, want)
		}
	}
}
