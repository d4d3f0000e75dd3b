package extract

// qualify decides how exact a figure is from the phrase right before it
// ("at least", "an estimated", "up to") or right after it ("or more"), and
// otherwise calls vague amounts and fractions in words ("a quarter of")
// approximate, but not shares stated exactly ("one in five", "1/16"); it
// sets its bounds: a minimum has a low, a maximum a high, a range or a vague
// amount both. Before a vague amount "under" and the like are prepositions
// ("trapped under thousands of buildings"). floor is the first token the
// look-back may use.
func (r *rules) qualify(text string, toks []token, n *number, floor, limit int) (qualifier string, b bounds, phraseStart int) {
	qualifier = Exact
	if n.vague || n.fraction && !n.share {
		qualifier = Approx
	}
	phraseStart = n.first
	p := r.qualBefore.longestEndingAt(toks, n.first, floor)
	if p != nil && (r.prepositionBefore(toks, n, p, limit) || r.direction(toks, n.first, p)) {
		p = nil // "under thousands of buildings", "edged up to 4.3%"
	}
	if p != nil {
		qualifier = r.qualNames[p.tag]
		phraseStart = n.first - len(p.words)
	} else if n.end < limit {
		if p := r.qualAfter.longestAt(toks, n.end, limit); p != nil {
			qualifier = r.qualNames[p.tag]
		}
	}
	if n.isRange {
		qualifier = Range
	}
	b.low, b.high = n.value, n.value
	if n.bounded {
		b.low, b.high = n.low, n.high
	}
	switch {
	case qualifier == Range || qualifier == Approx && n.bounded:
		b.hasLow, b.hasHigh = true, true
	case qualifier == Min:
		b.hasLow = true
	case qualifier == Max:
		b.hasHigh = true
	}
	return qualifier, b, phraseStart
}

// prepositionBefore reports whether the qualifier p before a vague amount
// of something is a preposition: "under thousands of buildings", not
// "under a dozen".
func (r *rules) prepositionBefore(toks []token, n *number, p *phrase, limit int) bool {
	return n.vague && len(p.words) == 1 && r.vaguePrepositions.has(toks[n.first-1]) &&
		n.end < limit && toks[n.end].id == r.of
}

// direction reports whether the qualifier p ending at token end is a
// direction after a verb of movement: "edged up to 4.3%", "went down to
// 12"; not "lost up to 15 helicopters" nor "rose by up to 3 metres".
func (r *rules) direction(toks []token, end int, p *phrase) bool {
	start := end - len(p.words)
	if start < 1 || r.directions.longestAt(toks, start, end) == nil {
		return false
	}
	return r.movements.has(toks[start-1])
}

// bounds are a figure's low and high, each present or not.
type bounds struct {
	low, high       float64
	hasLow, hasHigh bool
}

// boundSlab hands out the Low and High pointers of one document's figures
// from shared arrays: one allocation per few dozen figures instead of one
// per bound.
type boundSlab []float64

func (s *boundSlab) ptr(v float64, present bool) *float64 {
	if !present {
		return nil
	}
	if len(*s) == cap(*s) {
		*s = make([]float64, 0, 64) // earlier pointers keep the old array alive
	}
	*s = append(*s, tidy(v))
	return &(*s)[len(*s)-1]
}
