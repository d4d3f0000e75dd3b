package output

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract/tolls"
	"github.com/tally-news/tally/schema"
)

// TestHTMLTolls: with toll rules, each document's heading is followed by
// its tolls; without them the page has none.
func TestHTMLTolls(t *testing.T) {
	rules := &tolls.Rules{Categories: []string{"killed", "injured"}, Struck: tolls.NewStruck(nil), Revisions: []string{"rose to"}}
	figs := []schema.Figure{
		{Source: "a.txt", Section: "article", Category: "killed", Value: 11, Text: "11", Start: 0, End: 2, Basis: "stated", Scope: "incident", Sentence: "11 dead."},
		{Source: "a.txt", Section: "article", Category: "killed", Value: 12, Text: "12", Start: 20, End: 22, Basis: "stated", Scope: "incident", Sentence: "The toll rose to 12."},
		{Source: "a.txt", Section: "article", Category: "aid", Unit: "USD", Value: 5, Text: "$5", Start: 40, End: 42, Basis: "stated", Scope: "incident"},
	}
	for _, withRules := range []bool{true, false} {
		var buf bytes.Buffer
		opts := Options{}
		if withRules {
			opts.Tolls = rules
		}
		w := newHTML(&buf, opts)
		if err := w.WriteDocument(schema.Source{Source: "a.txt"}, "11 dead. The toll rose to 12. Aid: $5."); err != nil {
			t.Fatal(err)
		}
		for i := range figs {
			if err := w.Write(&figs[i]); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		_, line, has := strings.Cut(page, `<p class="tolls">Tolls:`)
		line, _, _ = strings.Cut(line, "</p>")
		if has != withRules || has && (!strings.Contains(line, ">killed 12 (disputed)</span>") || strings.Contains(line, "aid")) {
			t.Errorf("with rules %v: tolls line %v %q", withRules, has, line)
		}
	}
}
