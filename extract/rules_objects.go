package extract

// The objects stage decides what a figure counts in the text's own words:
// the noun phrase after the number ("86 Ukrainian troops", "14 tons of
// food"), and when a number stands alone (object.go).

// objectRules are the compiled object section.
type objectRules struct {
	objMax                          int
	objSkip, objPlurals, stopwords  wordSet
	objCompounds                    wordSet
	rateWords, periods, participles wordSet
	gluedAdjectives, collectives    wordSet
}

func (c *compiler) objectRules(o ObjectConfig) {
	r := &c.r.objectRules
	r.objMax = o.MaxWords
	if r.objMax < 1 {
		c.fail("object.max_words", "", "must be at least 1, got %d", r.objMax)
	}
	r.objSkip = c.set("object.skip_start", o.SkipStart)
	r.objPlurals = c.set("object.plurals", o.Plurals)
	r.objCompounds = c.set("object.compound_heads", o.Compounds)
	r.stopwords = c.set("object.stopwords", o.Stopwords)
	r.rateWords = c.set("object.rate_words", o.RateWords)
	r.periods = c.set("object.periods", o.Periods)
	r.participles = c.set("object.participles", o.Participles)
	r.gluedAdjectives = c.set("object.glued_adjectives", o.GluedAdjectives)
	r.collectives = c.set("object.collectives", o.Collectives)
}
