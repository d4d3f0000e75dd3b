package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tally "github.com/tally-news/tally"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/schema"
)

// TestRulesAreYAMLOnly adds a category, a unit and a claims phrase list to
// a copy of config.yaml, and nothing to the code: the figures show them.
func TestRulesAreYAMLOnly(t *testing.T) {
	const text = "Health officials said 40 patients were quarantined on Monday. " +
		"The convoy had covered 12 furlongs. " +
		"Rumour has it that 300 soldiers deserted."
	edits := []struct{ after, add string }{
		{"\ncategories:\n", "  - name: quarantined\n    weak_heads: [patients]\n    around: [quarantined, \"in quarantine\"]\n"},
		{"\nunits:\n", "  - {name: furlong, aliases: [furlong, furlongs], category: distance}\n"},
		{"\n  hedges:\n", "    - kind: unverified\n      scope: sentence\n      phrases: [\"rumour has it\", \"word is\"]\n"},
	}
	rules := string(tally.DefaultConfig)
	for _, e := range edits {
		if !strings.Contains(rules, e.after) {
			t.Fatalf("config.yaml has no %q to add after", e.after)
		}
		rules = strings.Replace(rules, e.after, e.after+e.add, 1)
	}
	path := filepath.Join(t.TempDir(), "rules.yaml")
	if err := os.WriteFile(path, []byte(rules), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := extract.DecodeConfig(path, data)
	if err != nil {
		t.Fatal(err)
	}
	e, err := extract.New(cfg, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	byValue := func(figs []schema.Figure) map[float64]schema.Figure {
		m := map[float64]schema.Figure{}
		for _, f := range figs {
			m[f.Value] = f
		}
		return m
	}
	got := byValue(e.Extract(extract.Document{Text: text}))
	shipped := byValue(defaultExtractor(t, extract.Options{}).Extract(extract.Document{Text: text}))
	checks := []struct {
		value       float64
		field, want string
		of          func(schema.Figure) string
	}{
		{40, "category", "quarantined", func(f schema.Figure) string { return f.Category }},
		{12, "unit", "furlong", func(f schema.Figure) string { return f.Unit }},
		{12, "category", "distance", func(f schema.Figure) string { return f.Category }},
		{300, "hedge", "unverified", func(f schema.Figure) string { return f.Hedge }},
	}
	for _, c := range checks {
		if f, ok := got[c.value]; !ok || c.of(f) != c.want {
			t.Errorf("%v: %s = %q, want %q (figure %+v)", c.value, c.field, c.of(f), c.want, f)
		}
		if f := shipped[c.value]; c.of(f) == c.want {
			t.Errorf("%v: %s is %q with the shipped rules too: the test proves nothing", c.value, c.field, c.want)
		}
	}
}

// TestOlderRulesFileSaysWhereKeysWent: a rules file written before months
// and abbreviations were listed once is told where they are now.
func TestOlderRulesFileSaysWhereKeysWent(t *testing.T) {
	const old = "months: [january, jan]\nclaims:\n  dates:\n    months: {january: 1, jan: 1}\n  abbreviations: [mr]\n"
	_, err := extract.DecodeConfig("old.yaml", []byte(old))
	for _, want := range []string{
		`old.yaml:1:9: months: want a mapping, got a list (months map each name to its number now`,
		`old.yaml:4:5: unknown key "months" in claims.dates (the claims use the top-level months now)`,
		`old.yaml:5:3: unknown key "abbreviations" in claims (the claims use the top-level abbreviations now)`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error:\n%v\nwant it to say %s", err, want)
		}
	}
}

// TestCategoryStepsAreData: the order the category rules decide in is
// config.yaml's category_steps; moving the weak head before the trigger
// makes "86 troops were released" troops, as no code change could undo.
func TestCategoryStepsAreData(t *testing.T) {
	const text = "Russia said 86 troops were released in the swap."
	category := func(e *extract.Extractor) string {
		figs := e.Extract(extract.Document{Text: text})
		if len(figs) != 1 {
			t.Fatalf("figures = %+v, want one", figs)
		}
		return figs[0].Category
	}
	if got := category(defaultExtractor(t, extract.Options{})); got != "released" {
		t.Fatalf("shipped rules: category = %q, want released", got)
	}
	cfg := defaultConfig(t)
	cfg.CategorySteps = []string{"age", "unit", "head", "weak_head", "trigger"}
	e, err := extract.New(cfg, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := category(e); got != "troops" {
		t.Errorf("weak head first: category = %q, want troops", got)
	}
}
