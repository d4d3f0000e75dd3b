package extract

// The tolls stage decides which figures add up to a document's toll: the
// categories that get one, the injured figures that count people hit, and
// the words that make a count an increment or a revision (package tolls).

import (
	"fmt"
	"strings"

	"github.com/tally-news/tally/extract/tolls"
)

// tollRules are the compiled tolls section.
type tollRules struct {
	struck *tolls.Struck // injured figures that count people hit
	tolls  *tolls.Rules
	// tollCategory[c] says category c gets a toll, so counts of it can be
	// increments ("one more died").
	tollCategory []bool
}

// tollRules needs the categories compiled.
func (c *compiler) tollRules(cfg TollConfig) {
	r := &c.r.tollRules
	r.tollCategory = make([]bool, len(c.r.categories))
	for i, name := range cfg.Categories {
		if k := c.category(fmt.Sprintf("tolls.categories[%d]", i), name); k >= 0 {
			r.tollCategory[k] = true
		}
	}
	r.struck = tolls.NewStruck(cfg.StruckRules)
	revisions := lower(cfg.Revisions)
	r.tolls = &tolls.Rules{Categories: cfg.Categories, Struck: r.struck, Revisions: revisions, AnyPerson: lower(cfg.AnyPerson)}
}

// Tolls returns the rules that sum a document's figures into tolls.
func (e *Extractor) Tolls() *tolls.Rules { return e.r.tolls }

func lower(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strings.ToLower(w)
	}
	return out
}
