package extract

// Category rules, strongest first:
//  1. a unit that settles it ("25 kilometres" is a distance), unless a
//     trigger of an overriding category is near ("$4.5 billion in aid");
//  2. a counted noun that settles it ("three rockets", "29 settlements");
//  3. the nearest trigger in the same clause ("bodies of at least eight",
//     "86 troops were released", "the death toll rose to 23");
//  4. a counted noun that speaks only when nothing else does ("150,000
//     troops");
//  5. a bare number after "including" and the like takes the category of
//     the figure before it in the sentence;
//  6. the nearest trigger anywhere in the sentence;
//  7. other.

// verdict is a category with the rule that decided it.
type verdict struct {
	category int
	rule     string
}

// context bounds where the category rules may look for one number.
type context struct {
	sentFirst, sentEnd int // tokens of the sentence
	objFirst, objEnd   int // tokens of the counted noun phrase
	qualStart          int // first token of the qualifier phrase, or the number
	prev               *verdict
}

func (r *rules) categorize(text string, toks []token, n *number, c context) verdict {
	if n.unit != noUnit {
		if u := r.unitInfos[n.unit]; u.category >= 0 {
			if u.currency {
				lo, hi := r.clause(text, toks, n, c)
				if v, ok := r.nearestTrigger(text, toks, n, lo, hi, r.moneyOverriders); ok {
					return v
				}
			}
			return verdict{u.category, "unit:" + u.name}
		}
	}
	if v, ok := r.headOf(text, toks, n, c, r.heads, "head:"); ok {
		return v
	}
	lo, hi := r.clause(text, toks, n, c)
	if v, ok := r.nearestTrigger(text, toks, n, lo, hi, nil); ok {
		return v
	}
	if v, ok := r.headOf(text, toks, n, c, r.weakHeads, "weak-head:"); ok {
		return v
	}
	if c.prev != nil && c.objFirst == c.objEnd && c.qualStart > c.sentFirst &&
		r.inheritAfter.longestEndingAt(text, toks, c.qualStart, c.sentFirst) != nil {
		return verdict{c.prev.category, "inherit:" + c.prev.rule}
	}
	if v, ok := r.nearestTrigger(text, toks, n, c.sentFirst, c.sentEnd, nil); ok {
		return v
	}
	return verdict{r.other, "default"}
}

// headOf looks for a head noun of the lexicon in the counted noun phrase,
// the last word first ("helicopter gunships" is decided by "gunships").
func (r *rules) headOf(text string, toks []token, n *number, c context, l *lexicon, prefix string) (verdict, bool) {
	var best *phrase
	for k := c.objEnd - 1; k >= c.objFirst; k-- {
		if p := l.longestAt(text, toks, k, c.objEnd); p != nil && (best == nil || len(p.words) > len(best.words)) {
			best = p
		}
		if best != nil && k < c.objEnd-1 {
			break
		}
	}
	if best == nil {
		return verdict{}, false
	}
	return verdict{best.tag, prefix + best.text}, true
}

// clause returns the token bounds of the clause around the number: the
// sentence cut at the nearest clause breaks (commas, dashes, "but").
func (r *rules) clause(text string, toks []token, n *number, c context) (lo, hi int) {
	lo, hi = c.sentFirst, c.sentEnd
	for k := n.first - 1; k >= c.sentFirst; k-- {
		if r.clauseBreaks.has(toks[k]) {
			lo = k + 1
			break
		}
	}
	for k := n.end; k < c.sentEnd; k++ {
		if r.clauseBreaks.has(toks[k]) {
			hi = k
			break
		}
	}
	return lo, hi
}

// nearestTrigger finds the category trigger closest to the number within
// the window and the bounds [lo, hi). only, when set, limits the categories.
func (r *rules) nearestTrigger(text string, toks []token, n *number, lo, hi int, only []bool) (verdict, bool) {
	var best *phrase
	bestDist := r.window + 1
	consider := func(p *phrase, dist int) {
		if p == nil || only != nil && !only[p.tag] {
			return
		}
		if dist < bestDist || dist == bestDist && best != nil && p.tag < best.tag {
			best, bestDist = p, dist
		}
	}
	dist := 0
	for k := n.first - 1; k >= lo && dist <= r.window; k-- {
		if toks[k].kind != tPunct {
			dist++
		}
		for _, p := range r.triggersEndingAt(text, toks, k+1, lo) {
			consider(p, dist-1)
		}
	}
	dist = 0
	for k := n.end; k < hi && dist <= r.window; k++ {
		if p := r.triggersAfter.longestAt(text, toks, k, hi); p != nil {
			consider(p, dist)
		}
		if toks[k].kind != tPunct {
			dist++
		}
	}
	if best == nil {
		return verdict{}, false
	}
	return verdict{best.tag, "trigger:" + best.text}, true
}

// triggersEndingAt returns the before-side triggers whose last token is
// end-1: the longest for each category.
func (r *rules) triggersEndingAt(text string, toks []token, end, floor int) []*phrase {
	var out []*phrase
	for start := end - 1; start >= floor && start >= end-maxPhraseWords; start-- {
		for _, p := range r.triggersBefore.byFirst[toks[start].id] {
			if start+len(p.words) == end && p.matches(text, toks, start, end) {
				out = append(out, p)
			}
		}
		if toks[start].kind == tWord {
			for _, p := range r.triggersBefore.wild {
				if start+len(p.words) == end && p.matches(text, toks, start, end) {
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// maxPhraseWords bounds how far back a trigger phrase may start.
const maxPhraseWords = 8
