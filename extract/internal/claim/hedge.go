package claim

// Hedges: how sure the article is of a figure. Handles
//
//	"Russia denied ...", "rejected the claim"                    denied
//	"could not be independently verified", "has not been confirmed",
//	  in the sentence or opening one of the next sentences       unverified
//	"claimed", "alleged", "said to be"                           claimed
//	"an estimated 100,000", "is believed", "is said to"          estimated
//
// The rules are tried in config order and the first that reaches the
// figure wins (the shipped order is denied, unverified, claimed,
// estimated: the strongest doubt wins). "According to X" is attribution
// only, never a hedge.
//
// A disclaimer sentence ("Zelensky's statements could not be independently
// verified.") has a following-scope phrase within disclaimer.within_words
// words of its start. It hedges the figures of the sentence right before
// it; when it names a speaker with a possessive, it also hedges figures up
// to disclaimer.lookahead sentences before it whose attribution contains
// that name. The search stops at a blank line, a headline or the first
// disclaimer found.

// reaches reports whether rule r, matched at tokens [ma, mb), reaches the
// figure.
func (a *Annotator) reaches(c *call, r, ma, mb int) bool {
	switch rule := a.rules[r]; rule.scope {
	case scopeBefore:
		return mb <= c.fi && c.fi-mb <= rule.gap
	case scopeClause:
		return c.clauseOf(ma) == c.clauseOf(c.fi)
	}
	return true
}

// has reports whether one of the speaker's words has the key.
func (p *speaker) has(key []byte) bool {
	if p.v == nil {
		return false
	}
	for i := p.ns; i < p.ne; i++ {
		if p.v.word(i) && string(p.v.key(i)) == string(key) {
			return true
		}
	}
	return false
}

// hedgeIsNoun reports whether the hedge phrase ending before token e has
// another object than the figures: "claimed control of the town",
// "denied responsibility".
func (a *Annotator) hedgeIsNoun(v *view, e, end int) bool {
	return e < end && v.word(e) && a.hedgeObjects.at(v, e)
}

// findDisclaimer is the part of disclaimed that does not depend on the
// figure.
func (a *Annotator) findDisclaimer(c *call) disclaimer {
	s := c.s
	v := &s.main
	for k := 1; k <= a.lookahead; k++ {
		si := c.target + k
		if si >= len(s.sents) {
			break
		}
		sn := s.sents[si]
		if sn.heading || v.is(int(sn.a), fBlank) {
			break
		}
		words := 0
		for i := int(sn.a); i < int(sn.b) && words <= a.within; {
			n, r := 0, 0
			if v.toks[i].bits&a.hedges.bit != 0 {
				n, r = a.hedges.match(v, i, int(sn.b))
			}
			if n == 0 {
				if v.word(i) {
					words++
				}
				i++
				continue
			}
			if a.rules[r].scope != scopeFollowing {
				words += n
				i += n
				continue
			}
			name := -1
			for j := int(sn.a); j < i; j++ {
				if v.word(j) && v.is(j, fPoss) && v.is(j, fCap) {
					name = j
				}
			}
			return disclaimer{r: r, k: k, name: name}
		}
	}
	return disclaimer{r: -1}
}

// disclaims is the rest of disclaimed: whether the disclaimer reaches a
// figure with speaker spk.
func (d *docScratch) disclaims(spk *speaker) int {
	dc := d.disc
	switch {
	case dc.r < 0:
		return -1
	case dc.name < 0 && dc.k == 1:
		return dc.r
	case dc.name >= 0 && (spk.has(d.s.main.key(dc.name)) || spk.v == nil && dc.k == 1):
		return dc.r
	}
	return -1
}
