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
