package facts

import (
	"math"
	"testing"

	"github.com/tally-news/tally/schema"
)

func TestTotals(t *testing.T) {
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
	want := map[[2]string]Total{
		{"aid", "USD"}:     {Figures: 2, Facts: 1, Sum: 2.5e9},
		{"aid", "EUR"}:     {Figures: 1, Facts: 1, Sum: 1e6},
		{"aid", "t"}:       {Figures: 1, Facts: 1, Sum: 400},
		{"killed", ""}:     {Figures: 1, Facts: 1, Sum: 12},
		{"other", ""}:      {Figures: 3, Facts: 2, Sum: math.NaN()},
		{"money", "EUR"}:   {Figures: 2, Facts: 2, Sum: 0.3},
		{"other", "%"}:     {Figures: 2, Facts: 2, Sum: math.NaN()},
		{"distance", "km"}: {Figures: 2, Facts: 2, Sum: math.NaN()},
	}
	got := Totals(figs)
	if len(got) != len(want) {
		t.Errorf("%d rows, want %d: %+v", len(got), len(want), got)
	}
	for _, g := range got {
		w, ok := want[[2]string{g.Category, g.Unit}]
		if !ok {
			t.Errorf("unexpected row %+v", g)
			continue
		}
		same := g.Sum == w.Sum || math.IsNaN(g.Sum) && math.IsNaN(w.Sum)
		if g.Figures != w.Figures || g.Facts != w.Facts || !same {
			t.Errorf("%s/%s = %d figures, %d facts, total %v; want %d, %d, %v",
				g.Category, g.Unit, g.Figures, g.Facts, g.Sum, w.Figures, w.Facts, w.Sum)
		}
	}
}

// TestTotalsWithTolls: a casualty category's count takes its total from
// the articles' tolls, not from adding every mention ("11 dead", later "12
// dead" is 12); measures and other categories are unchanged.
func TestTotalsWithTolls(t *testing.T) {
	figs := []schema.Figure{
		{Source: "a.txt", Section: "article", Category: "killed", Value: 11, Object: "people"},
		{Source: "a.txt", Section: "article", Category: "killed", Value: 12, Object: "people", Sentence: "later"},
		{Source: "b.txt", Section: "article", Category: "killed", Value: 3, Object: "people"},
		{Source: "a.txt", Section: "article", Category: "aid", Unit: "USD", Value: 5, Object: "aid"},
	}
	totals := Totals(figs)
	WithTolls(totals, []string{"killed", "injured"}, []schema.Toll{
		{Source: "a.txt", Category: "killed", Value: 12}, {Source: "b.txt", Category: "killed", Value: 3},
	})
	if len(totals) != 2 {
		t.Errorf("%d rows, want 2: %+v", len(totals), totals)
	}
	for _, g := range totals {
		want := map[string]float64{"killed": 15, "aid": 5}[g.Category]
		if g.Sum != want {
			t.Errorf("%s/%s total %v, want %v", g.Category, g.Unit, g.Sum, want)
		}
	}
}
