package extract

// The qualifiers stage decides how exact a figure is: exact, approx, min
// or max from the phrase before or after it ("at least", "or more"), unless
// the phrase is a preposition before a vague amount ("under thousands") or
// a direction after a verb of movement ("edged up to 4.3%").

import "fmt"

// Qualifier names used in output; the config's qualifier lists must use
// these.
const (
	Exact  = "exact"
	Approx = "approx"
	Min    = "min"
	Max    = "max"
	Range  = "range"
)

// qualifierRules are the compiled qualifiers, vague_prepositions and
// qualifier_directions.
type qualifierRules struct {
	qualBefore *lexicon // tag: index into qualNames
	qualAfter  *lexicon
	qualNames  []string
	// vaguePrepositions are qualifiers that before a vague amount are
	// prepositions: "under thousands of buildings".
	vaguePrepositions wordSet
	directions        *lexicon // "up to" after a verb of movement: "edged up to 4.3%"
	movements         wordSet
}

func (c *compiler) qualifierRules(cfg Config) {
	r := &c.r.qualifierRules
	r.qualBefore, r.qualAfter = newLexicon(), newLexicon()
	for i, q := range cfg.Qualifiers {
		key := fmt.Sprintf("qualifiers[%d]", i)
		switch q.Name {
		case Min, Max, Approx, Exact:
		default:
			c.fail(key+".name", q.Name, "unknown qualifier: use min, max, approx or exact")
		}
		r.qualNames = append(r.qualNames, q.Name)
		c.phrases(r.qualBefore, key+".before", q.Before, i)
		c.phrases(r.qualAfter, key+".after", q.After, i)
	}
	r.vaguePrepositions = c.set("vague_prepositions", cfg.VaguePreps)
	r.directions = newLexicon()
	c.phrases(r.directions, "qualifier_directions.phrases", cfg.Directions.Phrases, 0)
	r.movements = c.set("qualifier_directions.after", cfg.Directions.After)
}
