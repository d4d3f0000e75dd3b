package extract

// qualify decides how exact a figure is from the phrase right before it
// ("at least", "an estimated", "up to") or right after it ("or more"), and
// otherwise calls vague amounts and fractions ("a quarter of") approximate,
// sets its bounds: a minimum has a low, a maximum a high, a range or a vague
// amount both. floor is the first token the look-back may use.
func (r *rules) qualify(text string, toks []token, n *number, floor, limit int) (qualifier string, low, high *float64, phraseStart int) {
	qualifier = Exact
	if n.vague || n.fraction {
		qualifier = Approx
	}
	phraseStart = n.first
	if p := r.qualBefore.longestEndingAt(text, toks, n.first, floor); p != nil {
		qualifier = r.qualNames[p.tag]
		phraseStart = n.first - len(p.words)
	} else if n.end < limit {
		if p := r.qualAfter.longestAt(text, toks, n.end, limit); p != nil {
			qualifier = r.qualNames[p.tag]
		}
	}
	if n.isRange {
		qualifier = Range
	}
	lo, hi := n.value, n.value
	if n.bounded {
		lo, hi = n.low, n.high
	}
	switch {
	case qualifier == Range || qualifier == Approx && n.bounded:
		low, high = &lo, &hi
	case qualifier == Min:
		low = &lo
	case qualifier == Max:
		high = &hi
	}
	return qualifier, low, high, phraseStart
}
