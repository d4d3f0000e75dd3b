package facts

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/tally-news/tally/schema"
)

// fig is an article figure; opts adjust the rest.
func fig(source, category string, value float64, unit, place, object string, opts ...func(*schema.Figure)) schema.Figure {
	f := schema.Figure{
		Source: source, Category: category, Value: value, Unit: unit,
		Location: place, Object: object, Section: "article",
	}
	for _, o := range opts {
		o(&f)
	}
	return f
}

func published(d string) func(*schema.Figure)  { return func(f *schema.Figure) { f.Published = d } }
func attributed(a string) func(*schema.Figure) { return func(f *schema.Figure) { f.Attribution = a } }
func on(d string) func(*schema.Figure)         { return func(f *schema.Figure) { f.EventDate = d } }
func section(s string) func(*schema.Figure)    { return func(f *schema.Figure) { f.Section = s } }
func qualifier(q string) func(*schema.Figure)  { return func(f *schema.Figure) { f.Qualifier = q } }
func rule(r string) func(*schema.Figure)       { return func(f *schema.Figure) { f.Rule = r } }
func scope(s string) func(*schema.Figure)      { return func(f *schema.Figure) { f.Scope = s } }
func sentence(s string, start int) func(*schema.Figure) {
	return func(f *schema.Figure) { f.Sentence, f.Start = s, start }
}

func TestMerge(t *testing.T) {
	tests := []struct {
		name string
		figs []schema.Figure
		want []schema.Fact
	}{
		{
			name: "same figure in two sources",
			figs: []schema.Figure{
				fig("kyiv-post.txt", "population", 430000, "", "Mariupol", "residents", published("2026-03-02"), attributed("city council")),
				fig("wire.txt", "population", 430000, "", "Mariupol", "people", published("2026-03-01"), attributed("City Council")),
			},
			want: []schema.Fact{{
				Category: "population", Value: 430000, Location: "Mariupol", Object: "people",
				Sources: 2, SourceList: "kyiv-post.txt; wire.txt",
				FirstPublished: "2026-03-01", LastPublished: "2026-03-02",
				Attributions: "City Council", Values: "430000 (kyiv-post.txt, wire.txt)", Mentions: 2,
			}},
		},
		{
			name: "values within half a percent merge, others do not",
			figs: []schema.Figure{
				fig("a.txt", "population", 431000, "", "Mariupol", ""),
				fig("b.txt", "population", 430000, "", "Mariupol", ""),
				fig("c.txt", "population", 430000, "", "mariupol ", ""),
				fig("d.txt", "population", 440000, "", "Mariupol", ""),
			},
			want: []schema.Fact{
				{Category: "population", Value: 430000, Location: "Mariupol", Sources: 3, SourceList: "a.txt; b.txt; c.txt", Values: "430000 (b.txt, c.txt); 431000 (a.txt)", Mentions: 3},
				{Category: "population", Value: 440000, Location: "Mariupol", Sources: 1, SourceList: "d.txt", Values: "440000 (d.txt)", Mentions: 1},
			},
		},
		{
			name: "units and categories keep figures apart",
			figs: []schema.Figure{
				fig("a.txt", "distance", 30, "km", "Kherson", ""),
				fig("b.txt", "distance", 30, "mi", "Kherson", ""),
				fig("c.txt", "killed", 30, "", "Kherson", ""),
			},
			want: []schema.Fact{
				{Category: "distance", Value: 30, Unit: "km", Location: "Kherson", Sources: 1, SourceList: "a.txt", Values: "30 (a.txt)", Mentions: 1},
				{Category: "distance", Value: 30, Unit: "mi", Location: "Kherson", Sources: 1, SourceList: "b.txt", Values: "30 (b.txt)", Mentions: 1},
				{Category: "killed", Value: 30, Location: "Kherson", Sources: 1, SourceList: "c.txt", Values: "30 (c.txt)", Mentions: 1},
			},
		},
		{
			name: "without a place the object decides, case and spaces aside",
			figs: []schema.Figure{
				fig("a.txt", "equipment", 31, "", "", "Abrams  tanks"),
				fig("b.txt", "equipment", 31, "", "", " abrams tanks"),
				fig("c.txt", "equipment", 31, "", "", "howitzers"),
			},
			want: []schema.Fact{
				{Category: "equipment", Value: 31, Object: "Abrams  tanks", Sources: 2, SourceList: "a.txt; b.txt", Values: "31 (a.txt, b.txt)", Mentions: 2},
				{Category: "equipment", Value: 31, Object: "howitzers", Sources: 1, SourceList: "c.txt", Values: "31 (c.txt)", Mentions: 1},
			},
		},
		{
			name: "one source repeating itself",
			figs: []schema.Figure{
				fig("a.txt", "aid", 2.5e9, "USD", "", "aid", attributed("the ministry")),
				fig("a.txt", "aid", 2.5e9, "USD", "", "aid", attributed("officials")),
			},
			want: []schema.Fact{{
				Category: "aid", Value: 2.5e9, Unit: "USD", Object: "aid", Sources: 1, SourceList: "a.txt",
				Attributions: "officials; the ministry", Values: "2500000000 (a.txt)", Mentions: 2,
			}},
		},
		{
			name: "comments, bare other figures and non-finite values are left out",
			figs: []schema.Figure{
				fig("a.txt", "killed", 7, "", "Izium", "", section("comments")),
				fig("a.txt", "other", 2019, "", "Izium", ""),
				fig("a.txt", "", 12, "", "", " "),
				fig("a.txt", "killed", math.NaN(), "", "Izium", ""),
				fig("a.txt", "killed", math.Inf(1), "", "Izium", ""),
				fig("a.txt", "other", 3, "", "", "bridges over the river"),
			},
			want: []schema.Fact{
				{Category: "other", Value: 3, Object: "bridges over the river", Sources: 1, SourceList: "a.txt", Values: "3 (a.txt)", Mentions: 1},
			},
		},
		{
			name: "sources disagree on one day",
			figs: []schema.Figure{
				fig("a.txt", "displaced", 100000, "", "Kharkiv", "people", on("2026-03-01")),
				fig("b.txt", "displaced", 120000, "", "Kharkiv", "people", on("2026-03-01")),
				fig("c.txt", "displaced", 100000, "", "kharkiv", "people", on("2026-03-01")),
			},
			want: []schema.Fact{
				{
					Category: "displaced", Value: 100000, Location: "Kharkiv", Object: "people", Sources: 2, SourceList: "a.txt; c.txt",
					Disputed: true, Values: "100000 (a.txt, c.txt); 120000 (b.txt)", Mentions: 2,
				},
				{
					Category: "displaced", Value: 120000, Location: "Kharkiv", Object: "people", Sources: 1, SourceList: "b.txt",
					Disputed: true, Values: "100000 (a.txt, c.txt); 120000 (b.txt)", Mentions: 1,
				},
			},
		},
		{
			name: "a breakdown in one article is no dispute",
			figs: []schema.Figure{
				fig("a.txt", "killed", 12, "", "Odesa", "people", on("2026-04-09")),
				fig("a.txt", "killed", 3, "", "Odesa", "children", on("2026-04-09")),
				fig("b.txt", "killed", 12, "", "Odesa", "people", on("2026-04-09")),
			},
			want: []schema.Fact{
				{Category: "killed", Value: 3, Location: "Odesa", Object: "children", Sources: 1, SourceList: "a.txt", Values: "3 (a.txt)", Mentions: 1},
				{Category: "killed", Value: 12, Location: "Odesa", Object: "people", Sources: 2, SourceList: "a.txt; b.txt", Values: "12 (a.txt, b.txt)", Mentions: 2},
			},
		},
		{
			name: "no dispute without a date or a place, or on different days",
			figs: []schema.Figure{
				fig("a.txt", "killed", 10, "", "Sumy", ""),
				fig("b.txt", "killed", 14, "", "Sumy", ""),
				fig("a.txt", "injured", 5, "", "", "people", on("2026-05-01")),
				fig("b.txt", "injured", 8, "", "", "people", on("2026-05-01")),
				fig("a.txt", "missing", 40, "", "Sumy", "", on("2026-05-01")),
				fig("b.txt", "missing", 45, "", "Sumy", "", on("2026-05-02")),
			},
			want: []schema.Fact{
				{Category: "injured", Value: 5, Object: "people", Sources: 1, SourceList: "a.txt", Values: "5 (a.txt)", Mentions: 1},
				{Category: "injured", Value: 8, Object: "people", Sources: 1, SourceList: "b.txt", Values: "8 (b.txt)", Mentions: 1},
				{Category: "killed", Value: 10, Location: "Sumy", Sources: 1, SourceList: "a.txt", Values: "10 (a.txt)", Mentions: 1},
				{Category: "killed", Value: 14, Location: "Sumy", Sources: 1, SourceList: "b.txt", Values: "14 (b.txt)", Mentions: 1},
				{Category: "missing", Value: 40, Location: "Sumy", Sources: 1, SourceList: "a.txt", Values: "40 (a.txt)", Mentions: 1},
				{Category: "missing", Value: 45, Location: "Sumy", Sources: 1, SourceList: "b.txt", Values: "45 (b.txt)", Mentions: 1},
			},
		},
		{
			name: "one fact disputed on two days",
			figs: []schema.Figure{
				fig("a.txt", "trapped", 2000, "", "Avdiivka", "", on("2026-02-10")),
				fig("a.txt", "trapped", 2000, "", "Avdiivka", "", on("2026-02-11")),
				fig("b.txt", "trapped", 1500, "", "Avdiivka", "", on("2026-02-10")),
				fig("c.txt", "trapped", 900, "", "Avdiivka", "", on("2026-02-11")),
			},
			want: []schema.Fact{
				{
					Category: "trapped", Value: 900, Location: "Avdiivka", Sources: 1, SourceList: "c.txt", Mentions: 1,
					Disputed: true, Values: "900 (c.txt); 2000 (a.txt)",
				},
				{
					Category: "trapped", Value: 1500, Location: "Avdiivka", Sources: 1, SourceList: "b.txt", Mentions: 1,
					Disputed: true, Values: "1500 (b.txt); 2000 (a.txt)",
				},
				{
					Category: "trapped", Value: 2000, Location: "Avdiivka", Sources: 1, SourceList: "a.txt", Mentions: 2,
					Disputed: true, Values: "2026-02-10: 1500 (b.txt); 2000 (a.txt) | 2026-02-11: 900 (c.txt); 2000 (a.txt)",
				},
			},
		},
		{
			name: "a count changed within one article, with no place",
			figs: []schema.Figure{
				fig("a.txt", "killed", 11, "", "", "", sentence("At least 11 died.", 40), qualifier("min")),
				fig("a.txt", "killed", 11, "", "", "", sentence("11 people were killed.", 0)),
				fig("a.txt", "killed", 12, "", "", "people", sentence("The toll rose to 12.", 90)),
			},
			want: []schema.Fact{
				{
					Category: "killed", Value: 11, Sources: 1, SourceList: "a.txt", Mentions: 2, Sentence: "11 people were killed.",
					Disputed: true, Values: "11 (a.txt); 12 (a.txt)",
				},
				{
					Category: "killed", Value: 12, Object: "people", Sources: 1, SourceList: "a.txt", Mentions: 1, Sentence: "The toll rose to 12.",
					Disputed: true, Values: "11 (a.txt); 12 (a.txt)",
				},
			},
		},
		{
			name: "sources disagree on the day both were published",
			figs: []schema.Figure{
				fig("wire.txt", "killed", 4, "", "Dallas", "", published("2026-07-08")),
				fig("local.txt", "killed", 1, "", "Dallas", "officers", published("2026-07-08")),
				fig("later.txt", "killed", 5, "", "Dallas", "", published("2026-07-09")),
			},
			want: []schema.Fact{
				{
					Category: "killed", Value: 1, Location: "Dallas", Object: "officers", Sources: 1, SourceList: "local.txt", Mentions: 1,
					FirstPublished: "2026-07-08", LastPublished: "2026-07-08", Disputed: true, Values: "1 (local.txt); 4 (wire.txt)",
				},
				{
					Category: "killed", Value: 4, Location: "Dallas", Sources: 1, SourceList: "wire.txt", Mentions: 1,
					FirstPublished: "2026-07-08", LastPublished: "2026-07-08", Disputed: true, Values: "1 (local.txt); 4 (wire.txt)",
				},
				{
					Category: "killed", Value: 5, Location: "Dallas", Sources: 1, SourceList: "later.txt", Mentions: 1,
					FirstPublished: "2026-07-09", LastPublished: "2026-07-09", Values: "5 (later.txt)",
				},
			},
		},
		{
			name: "consistent bounds, a breakdown by object, one sentence, background figures and parts dispute nothing",
			figs: []schema.Figure{
				fig("a.txt", "killed", 30, "", "Gaza", "", on("2026-01-05"), qualifier("min")),
				fig("b.txt", "killed", 34, "", "Gaza", "", on("2026-01-05")),
				fig("a.txt", "killed", 6, "", "Gaza", "", on("2026-01-05"), rule("inherit:killed")),
				fig("b.txt", "killed", 9, "", "Gaza", "", on("2026-01-05"), scope("background")),
				fig("c.txt", "injured", 5, "", "Gaza", "soldiers", on("2026-01-05")),
				fig("c.txt", "injured", 7, "", "Gaza", "civilians", on("2026-01-05")),
				fig("e.txt", "equipment", 34, "", "", "drones", sentence("They launched 34 drones; 29 of the drones were shot down.", 12)),
				fig("e.txt", "equipment", 29, "", "", "", sentence("They launched 34 drones; 29 of the drones were shot down.", 26)),
			},
			want: []schema.Fact{
				{Category: "equipment", Value: 29, Sources: 1, SourceList: "e.txt", Values: "29 (e.txt)", Mentions: 1, Sentence: "They launched 34 drones; 29 of the drones were shot down."},
				{Category: "equipment", Value: 34, Object: "drones", Sources: 1, SourceList: "e.txt", Values: "34 (e.txt)", Mentions: 1, Sentence: "They launched 34 drones; 29 of the drones were shot down."},
				{Category: "injured", Value: 5, Location: "Gaza", Object: "soldiers", Sources: 1, SourceList: "c.txt", Values: "5 (c.txt)", Mentions: 1},
				{Category: "injured", Value: 7, Location: "Gaza", Object: "civilians", Sources: 1, SourceList: "c.txt", Values: "7 (c.txt)", Mentions: 1},
				{Category: "killed", Value: 6, Location: "Gaza", Sources: 1, SourceList: "a.txt", Values: "6 (a.txt)", Mentions: 1},
				{Category: "killed", Value: 9, Location: "Gaza", Sources: 1, SourceList: "b.txt", Values: "9 (b.txt)", Mentions: 1},
				{Category: "killed", Value: 30, Location: "Gaza", Sources: 1, SourceList: "a.txt", Values: "30 (a.txt)", Mentions: 1},
				{Category: "killed", Value: 34, Location: "Gaza", Sources: 1, SourceList: "b.txt", Values: "34 (b.txt)", Mentions: 1},
			},
		},
		{
			name: "order is category, place, value",
			figs: []schema.Figure{
				fig("a.txt", "killed", 5, "", "Lviv", ""),
				fig("b.txt", "killed", 2, "", "Lviv", ""),
				fig("a.txt", "injured", 9, "", "Lviv", ""),
				fig("a.txt", "killed", 50, "", "Dnipro", ""),
			},
			want: []schema.Fact{
				{Category: "injured", Value: 9, Location: "Lviv", Sources: 1, SourceList: "a.txt", Values: "9 (a.txt)", Mentions: 1},
				{Category: "killed", Value: 50, Location: "Dnipro", Sources: 1, SourceList: "a.txt", Values: "50 (a.txt)", Mentions: 1},
				{Category: "killed", Value: 2, Location: "Lviv", Sources: 1, SourceList: "b.txt", Values: "2 (b.txt)", Mentions: 1},
				{Category: "killed", Value: 5, Location: "Lviv", Sources: 1, SourceList: "a.txt", Values: "5 (a.txt)", Mentions: 1},
			},
		},
		{
			name: "negative values merge within tolerance",
			figs: []schema.Figure{
				fig("a.txt", "money", -100.4, "USD", "", "budget"),
				fig("b.txt", "money", -100, "USD", "", "budget"),
			},
			want: []schema.Fact{
				{Category: "money", Value: -100.4, Unit: "USD", Object: "budget", Sources: 2, SourceList: "a.txt; b.txt", Values: "-100.4 (a.txt); -100 (b.txt)", Mentions: 2},
			},
		},
		{
			name: "empty",
			figs: nil,
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Merge(tt.figs)
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Merge:\n got %+v\nwant %+v", got, tt.want)
			}
			// The same facts merged one category key at a time.
			byKey := map[string][]schema.Figure{}
			for _, f := range tt.figs {
				byKey[CategoryKey(f.Category)] = append(byKey[CategoryKey(f.Category)], f)
			}
			var parts []schema.Fact
			for _, k := range slices.Sorted(maps.Keys(byKey)) {
				parts = append(parts, Merge(byKey[k])...)
			}
			if !reflect.DeepEqual(parts, got) {
				t.Errorf("Merge by category key:\n got %+v\nwant %+v", parts, got)
			}
			// The same facts whatever order the figures come in.
			r := rand.New(rand.NewPCG(1, 2))
			for range 5 {
				shuffled := append([]schema.Figure(nil), tt.figs...)
				r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
				if again := Merge(shuffled); !reflect.DeepEqual(again, got) {
					t.Fatalf("Merge depends on input order:\n got %+v\nwant %+v", again, got)
				}
			}
		})
	}
}

func TestSame(t *testing.T) {
	tests := []struct {
		base, v float64
		want    bool
	}{
		{430000, 430000, true},
		{430000, 432150, true}, // exactly 0.5% of the larger is within
		{430000, 432200, false},
		{0, 0, true},
		{0, 0.001, false},
		{-5, -5.02, true},
		{-5, 5, false},
	}
	for _, tt := range tests {
		if got := same(tt.base, tt.v); got != tt.want {
			t.Errorf("same(%v, %v) = %v, want %v", tt.base, tt.v, got, tt.want)
		}
	}
}

func ExampleMerge() {
	figs := []schema.Figure{
		{Source: "a.txt", Section: "article", Category: "population", Value: 430000, Location: "Mariupol"},
		{Source: "b.txt", Section: "article", Category: "population", Value: 430000, Location: "Mariupol"},
	}
	for _, f := range Merge(figs) {
		fmt.Println(f.Category, f.Location, schema.FormatNumber(f.Value), f.Sources, f.SourceList)
	}
	// Output:
	// population Mariupol 430000 2 a.txt; b.txt
}

// BenchmarkMerge merges 100,000 figures about 2,000 places, a large run.
func BenchmarkMerge(b *testing.B) {
	categories := []string{"killed", "injured", "displaced", "aid", "other"}
	figs := make([]schema.Figure, 100_000)
	for i := range figs {
		figs[i] = fig(fmt.Sprintf("doc%d.txt", i%5000), categories[i%len(categories)], float64(i%700*100),
			"", fmt.Sprintf("Place %d", i%2000), "people", on(fmt.Sprintf("2026-03-%02d", i%28+1)))
	}
	b.ReportAllocs()
	for b.Loop() {
		Merge(figs)
	}
}
