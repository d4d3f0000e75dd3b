package extract

// The starts stage decides, from the words all the other stages compiled,
// which words can begin a figure: the scanner and the sentence filter
// (prefilter.go) skip the others.

// startRules are derived from the other stages, not from a section of
// the rules.
type startRules struct {
	// starts[id] says a word can begin a figure (a number word, "a", a
	// currency sign, a vague amount...): the scanner skips other words at
	// the cost of one slice lookup.
	starts []bool
	// afterArticle holds the words that can follow "a" in a figure ("a
	// quarter", "a few", "a million"), so most "a"s are skipped at once.
	afterArticle wordSet
	filter       figureFilter
}

// startRules runs last: it reads the vocabulary and the other stages.
func (c *compiler) startRules() {
	r := c.r
	r.starts = r.startWords()
	r.afterArticle = r.articleFollowers()
	r.filter = r.newFigureFilter()
}

// startWords marks the vocabulary words that can begin a figure.
func (r *rules) startWords() []bool {
	starts := make([]bool, r.vocab.Len())
	mark := func(ids ...int32) {
		for _, id := range ids {
			starts[id] = true
		}
	}
	for _, m := range []map[int32]float64{r.words, r.scales, r.fractions, r.vulgar} {
		for id := range m {
			mark(id)
		}
	}
	for _, l := range []*lexicon{r.vague, r.symbols, r.asciiSymbols} {
		for id, ps := range l.byFirst {
			if len(ps) > 0 {
				mark(int32(id))
			}
		}
	}
	for id, in := range r.negative {
		if in {
			mark(int32(id))
		}
	}
	mark(r.a, r.an, r.hyphen, r.vocab.Add("−"))
	return starts
}

// articleFollowers lists the second words of figures that start with "a"
// or "an".
func (r *rules) articleFollowers() wordSet {
	follow := make(wordSet, r.vocab.Len())
	for _, m := range []map[int32]float64{r.scales, r.fractions} {
		for id := range m {
			follow[id] = true
		}
	}
	// Vague amounts ("a few") and currency signs ("A$7 billion").
	for _, l := range []*lexicon{r.vague, r.symbols} {
		for _, ps := range [][]*phrase{lookupIndex(l.byFirst, r.a), lookupIndex(l.byFirst, r.an)} {
			for _, p := range ps {
				if len(p.words) > 1 {
					follow[p.words[1]] = true
				}
			}
		}
	}
	return follow
}

// canStart reports whether the token at i may begin a figure: a cheap test
// that spares the scanner most words.
func (r *rules) canStart(toks []token, i int) bool {
	t := toks[i]
	switch {
	case t.kind == tDigits:
		return true
	case t.id == noWord || int(t.id) >= len(r.starts) || !r.starts[t.id]:
		return false
	case t.id == r.a || t.id == r.an:
		// "a dozen", or "A$50": the sign after the letter is one of the
		// words that follow "a" in a figure (articleFollowers).
		return i+1 < len(toks) && r.afterArticle.has(toks[i+1])
	case t.id == r.hyphen:
		return i+1 < len(toks) && toks[i+1].kind == tDigits
	}
	return true
}
