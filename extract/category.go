package extract

// The category rules are steps tried in the order config.yaml's
// category_steps names them; the first that decides wins, and a number no
// step decides is "other". The shipped order, strongest first:
//
//	age                   an age ("a 65-year-old") is never a count
//	unit                  a unit that settles it ("25 kilometres"), unless a
//	                      trigger of an overriding category is near ("$4.5
//	                      billion in aid")
//	head                  a counted noun that settles it ("three rockets"),
//	                      unless its own verb is a trigger of a category
//	                      it yields to ("5,000 homes were evacuated")
//	verb_before_weak_head a before_weak trigger right before a number whose
//	                      noun is another category's weak head ("has lost
//	                      498 soldiers")
//	trigger               the nearest trigger in the clause ("86 troops were
//	                      released"), unless the noun refuses it (not_with,
//	                      not_for) or it is matter, not people; a trigger
//	                      yields to a later one it names ("remained in 20
//	                      evacuation centres"), and a hit that later died
//	                      is a death ("were shot and died")
//	part_of_previous      after "including", a weak-headed number is part of
//	                      the figure before ("298 killed, including 196
//	                      Dutch citizens")
//	weak_head             a counted noun that speaks when nothing else does
//	                      ("150,000 troops")
//	inherit               a number after "including", or after "and" with no
//	                      noun of its own, takes the figure before's category
//	clause                a bare number's nearest trigger in its clause, then
//	                      in the sentence, within twice the window ("the
//	                      death toll ... rose to 1,214")

import "github.com/tally-news/tally/schema"

// verdict is a category with the rule that decided it.
type verdict struct {
	category int
	rule     string
	byUnit   bool // decided by the unit: "three days" lends nothing to "60 people"
}

// inherited is the verdict of a figure that takes v's category.
func (v verdict) inherited() verdict {
	return verdict{category: v.category, rule: schema.InheritPrefix + v.rule}
}

// context bounds where the category rules may look for one number.
type context struct {
	sentFirst, sentEnd int // tokens of the sentence
	objFirst, objEnd   int // tokens of the counted noun phrase
	qualStart          int // first token of the qualifier phrase, or the number
	prev               verdict
	hasPrev            bool // prev is the verdict of an earlier figure in the sentence
	prevEnd            int  // the token after that figure
	lo, hi             int  // the number's clause (see clause), found once for the category and the scope
}

// categoryQuery is one number being categorized, with what the steps
// share: its counted noun's weak head is looked up once, when a step first
// asks. The number itself is passed beside it: Go's escape analysis does
// not tell fields apart, and a number held here would follow the verdicts
// read from here to the heap.
type categoryQuery struct {
	r          *rules
	text       string
	toks       []token
	c          context
	weak       verdict
	weakOK     bool
	weakLooked bool
}

func (q *categoryQuery) weakHead(n *number) (verdict, bool) {
	if !q.weakLooked {
		q.weak, q.weakOK = q.r.headOf(q.text, q.toks, n, q.c, q.r.weakHeads)
		q.weakLooked = true
	}
	return q.weak, q.weakOK
}

// categoryStep is one of the category rules, which decides a number's
// category or passes.
type categoryStep uint8

const (
	stepAge categoryStep = iota
	stepUnit
	stepHead
	stepVerbBeforeWeakHead
	stepTrigger
	stepPartOfPrevious
	stepWeakHead
	stepInherit
	stepClause
)

// categoryStepNames are the names config.yaml's category_steps may use.
var categoryStepNames = map[string]categoryStep{
	"age":                   stepAge,
	"unit":                  stepUnit,
	"head":                  stepHead,
	"verb_before_weak_head": stepVerbBeforeWeakHead,
	"trigger":               stepTrigger,
	"part_of_previous":      stepPartOfPrevious,
	"weak_head":             stepWeakHead,
	"inherit":               stepInherit,
	"clause":                stepClause,
}

func (r *rules) categorize(text string, toks []token, n *number, c context) verdict {
	q := categoryQuery{r: r, text: text, toks: toks, c: c}
	for _, step := range r.categorySteps {
		if v, ok := q.decide(step, n); ok {
			return v
		}
	}
	return verdict{category: r.other, rule: "default"}
}

// decide runs one step. A switch, not a table of functions: called through
// a function value, the query would escape to the heap once per figure.
func (q *categoryQuery) decide(step categoryStep, n *number) (verdict, bool) {
	switch step {
	case stepAge:
		return q.age(n)
	case stepUnit:
		return q.unit(n)
	case stepHead:
		return q.head(n)
	case stepVerbBeforeWeakHead:
		return q.verbBeforeWeakHead(n)
	case stepTrigger:
		return q.trigger(n)
	case stepPartOfPrevious:
		return q.partOfPrevious(n)
	case stepWeakHead:
		return q.weakHead(n)
	case stepInherit:
		return q.inherit(n)
	case stepClause:
		return q.clause(n)
	}
	return verdict{}, false
}

func (q *categoryQuery) age(n *number) (verdict, bool) {
	// the dead woman's age is not a death toll
	return verdict{category: q.r.other, rule: "age"}, n.age
}

func (q *categoryQuery) unit(n *number) (verdict, bool) {
	r, n, c := q.r, n, q.c
	if n.unit == noUnit {
		return verdict{}, false
	}
	u := r.unitInfos[n.unit]
	if u.category < 0 {
		return verdict{}, false
	}
	if u.currency {
		if v, ok := r.nearestTrigger(q.text, q.toks, n, c.qualStart, c.lo, c.hi, r.moneyOverriders); ok {
			return v, true
		}
	}
	return verdict{category: u.category, rule: u.rule, byUnit: true}, true
}

func (q *categoryQuery) head(n *number) (verdict, bool) {
	r, toks, c := q.r, q.toks, q.c
	v, ok := r.headOf(q.text, toks, n, c, r.heads)
	if !ok || r.headYieldsTo[v.category] == nil {
		return v, ok
	}
	// "5,000 homes were evacuated": the head's own verb, after an
	// auxiliary and an adverb, may speak for it instead.
	k := c.objEnd
	if k >= c.hi {
		return v, true
	}
	if aux := r.headAuxiliaries.longestAt(toks, k, c.hi); aux != nil {
		k += len(aux.words)
	}
	if k < c.hi && r.implied.adverbs.has(toks[k]) {
		k++
	}
	if k < c.hi {
		if p := r.triggersAfter.longestAt(toks, k, c.hi); p != nil && r.headYieldsTo[v.category][p.tag] {
			return verdict{category: p.tag, rule: p.rule}, true
		}
	}
	return v, true
}

func (q *categoryQuery) verbBeforeWeakHead(n *number) (verdict, bool) {
	weak, ok := q.weakHead(n)
	if !ok || weak.category == q.r.other {
		return verdict{}, false
	}
	// "has lost more than 2,870 soldiers": the verb right before speaks
	// for people, whatever comes after
	p := q.r.triggersBeforeWeak.longestEndingAt(q.toks, q.c.qualStart, q.c.lo)
	if p == nil || p.tag == weak.category {
		return verdict{}, false
	}
	return verdict{category: p.tag, rule: p.rule}, true
}

func (q *categoryQuery) trigger(n *number) (verdict, bool) {
	r, text, toks, n, c := q.r, q.text, q.toks, n, q.c
	v, ok := r.nearestTrigger(text, toks, n, c.qualStart, c.lo, c.hi, nil)
	if !ok && r.opensClause(toks, c.qualStart, c.lo) {
		// The number opens its clause, so its verb may come after a long
		// subject: "As many as 11,000 people from the town of Bria in
		// Haute Kotto prefecture fled".
		v, ok = r.nearestTriggerAfter(text, toks, n, c.lo, c.hi, r.subjectWindow)
	}
	if ok && r.yieldsTo[v.category] != nil {
		v = r.yielded(toks, n, v, c.hi)
	}
	if ok && v.category == r.implied.injured {
		// "One man, 20, was shot in the chest and died at the scene"
		if _, died := r.implied.laterDeath(toks, n.end, c.hi); died {
			v = verdict{category: r.implied.killed, rule: v.rule + laterRule}
		}
	}
	switch {
	case !ok:
		return verdict{}, false
	case c.objEnd > c.objFirst && r.notFor[v.category].has(toks[c.objEnd-1]):
		return verdict{}, false // "reached 4.1 million people with aid": people are not aid
	case n.unit != noUnit && r.unitInfos[n.unit].matter && r.tollCategory[v.category]:
		return verdict{}, false // "seized 40 kilograms of cocaine": stuff, not captives
	case !r.refused[v.category]:
		return v, true
	}
	weak, weakOK := q.weakHead(n)
	return v, !(weakOK && r.notWith[weak.category][v.category])
}

func (q *categoryQuery) partOfPrevious(n *number) (verdict, bool) {
	c := q.c
	if _, ok := q.weakHead(n); !ok || !c.hasPrev || c.prev.byUnit {
		return verdict{}, false
	}
	// "killing all 298 people on board, including 196 Dutch citizens":
	// the citizens are among the dead, not a population.
	if q.r.inheritAfter.longestEndingAt(q.toks, c.qualStart, c.sentFirst) == nil {
		return verdict{}, false
	}
	return c.prev.inherited(), true
}

func (q *categoryQuery) inherit(n *number) (verdict, bool) {
	c := q.c
	if !c.hasPrev || c.prev.byUnit || c.qualStart <= c.sentFirst || !q.r.inherits(q.toks, n, c) {
		return verdict{}, false
	}
	return c.prev.inherited(), true
}

func (q *categoryQuery) clause(n *number) (verdict, bool) {
	r, c := q.r, q.c
	if c.objFirst != c.objEnd {
		return verdict{}, false
	}
	// The clause first: "The death toll from Monday's quake rose to
	// more than 2,300, with 11,000 injured".
	if v, ok := r.nearestTriggerWithin(q.text, q.toks, n, c.qualStart, c.lo, c.hi, nil, 2*r.window); ok {
		return v, true
	}
	return r.nearestTriggerWithin(q.text, q.toks, n, c.qualStart, c.sentFirst, c.sentEnd, nil, 2*r.window)
}

// opensClause reports whether the number's phrase, from token qualStart,
// opens the clause starting at lo, with at most determiners before it.
func (r *rules) opensClause(toks []token, qualStart, lo int) bool {
	for k := lo; k < qualStart; k++ {
		if !r.subjectDeterminers.has(toks[k]) {
			return false
		}
	}
	return true
}

// inherits reports whether the number takes the category of the figure
// before it: after "including" and the like anywhere; after "and" and the
// like across a clause break only when the number has no noun of its own
// ("128 drones were launched, and 110 were shot down" is one count, "2,400
// soldiers were deployed, and 45 countries offered help" two).
func (r *rules) inherits(toks []token, n *number, c context) bool {
	if r.inheritAfter.longestEndingAt(toks, c.qualStart, c.sentFirst) != nil || r.inheritPart.startsAt(toks, n.end, c.sentEnd) {
		return true
	}
	p := r.inheritInClause.longestEndingAt(toks, c.qualStart, c.sentFirst)
	if p == nil {
		return false
	}
	if c.objFirst == c.objEnd {
		return true
	}
	for k := c.prevEnd; k < c.qualStart-len(p.words); k++ {
		if r.clauseBreaks.has(toks[k]) {
			return false
		}
	}
	return true
}

// headOf looks for a head noun of the lexicon in the counted noun phrase,
// the last word first ("helicopter gunships" is decided by "gunships").
func (r *rules) headOf(text string, toks []token, n *number, c context, l *lexicon) (verdict, bool) {
	var best *phrase
	for k := c.objEnd - 1; k >= c.objFirst; k-- {
		p := l.longestAt(toks, k, c.objEnd)
		if p != nil && r.modifiesNext(text, toks, k+len(p.words), c.objEnd) {
			p = nil // "aid workers", "school buses": the noun after is the head
		}
		if p != nil && (best == nil || len(p.words) > len(best.words)) {
			best = p
		}
		if best != nil && k < c.objEnd-1 {
			break
		}
	}
	if best == nil {
		return verdict{}, false
	}
	return verdict{category: best.tag, rule: best.rule}, true
}

// modifiesNext reports whether a head phrase ending at token e only
// describes the plural noun that follows it inside the counted phrase.
func (r *rules) modifiesNext(text string, toks []token, e, objEnd int) bool {
	return e < objEnd && toks[e].kind == tWord && !toks[e].masked && r.isPlural(text, toks[e])
}

// clause returns the token bounds of the clause around the number: the
// sentence cut at the nearest clause breaks (commas, dashes, "but").
func (r *rules) clause(text string, toks []token, n *number, c context) (lo, hi int) {
	lo, hi = c.sentFirst, c.sentEnd
	from := n.end
	for k := n.first - 1; k >= c.sentFirst; k-- {
		if r.clauseBreaks.has(toks[k]) {
			if e := r.asideEnd(text, toks, k, c.sentEnd); e >= n.end {
				lo, from = k+1, e+1 // inside an aside, the clause it interrupts goes on after it: "1.9 million people, or 85% of the population, have fled"
				break
			}
			if m := r.asideStart(text, toks, k, c.sentFirst); m >= 0 {
				k = m // "forced the evacuation of, according to the latest data, 17,631 people"
				continue
			}
			lo = k + 1
			break
		}
	}
	own := max(c.objEnd, n.end) // the counted phrase ends here; its verb may follow
	for k := from; k < c.sentEnd; k++ {
		if r.clauseBreaks.has(toks[k]) {
			if end := r.asideEnd(text, toks, k, c.sentEnd); end > k {
				k = end // the clause goes on after the aside
				continue
			}
			hi = k
			break
		}
		if k > own && toks[k].id == r.and && r.figureSoon(toks, k+1, c.sentEnd) {
			hi = k // "9 bodies were recovered and at least 30 people are missing": the rest is the next figure's
			break
		}
	}
	if own < hi && r.speaks(toks, own, c.sentEnd) {
		hi = own // the figure counts speakers: what they report is not its clause
	}
	return lo, hi
}

// figureSoon reports whether a figure may start within the three tokens
// from i, before a clause break: a clause joined by "and" that has a count
// of its own.
func (r *rules) figureSoon(toks []token, i, end int) bool {
	for k := i; k < min(i+3, end) && !r.clauseBreaks.has(toks[k]); k++ {
		if r.canStart(toks[:end], k) {
			return true
		}
	}
	return false
}

// speaks reports whether a speech verb at token k makes the counted phrase
// before it the speaker ("two officials said", not "said to be").
func (r *rules) speaks(toks []token, k, end int) bool {
	return r.speakerVerbs.has(toks[k]) && (k+1 >= end || !r.speakerNotBefore.has(toks[k+1]))
}

// asideEnd returns the closing token of the aside opened by the clause
// break at k, or -1 if k opens none: a parenthesis, or a comma before an
// aside word ("including") up to the next comma.
func (r *rules) asideEnd(text string, toks []token, k, end int) int {
	closer := r.closeParen
	switch {
	case toks[k].id == r.openParen:
	case toks[k].id == r.comma && r.clauseAsides.startsAt(toks, k+1, end):
		closer = r.comma
	case toks[k].id == r.comma && r.ageAsideAt(text, toks, k, end):
		return k + 2 // "One protester, 19, was seriously hurt"
	default:
		return -1
	}
	for m := k + 1; m < end; m++ {
		if toks[m].id == closer {
			return m
		}
		if closer == r.comma && r.clauseBreaks.has(toks[m]) {
			return -1 // the aside runs into another break: not one after all
		}
	}
	return -1
}

// asideStart returns the comma opening the aside that the comma at k
// closes, or -1: the clause before the aside goes on after it.
func (r *rules) asideStart(text string, toks []token, k, floor int) int {
	if toks[k].id != r.comma {
		return -1
	}
	for m := k - 1; m >= floor && m >= k-maxAsideTokens; m-- {
		if r.clauseBreaks.has(toks[m]) {
			if r.asideEnd(text, toks, m, k+1) == k {
				return m
			}
			return -1
		}
	}
	return -1
}

// maxAsideTokens bounds the aside asideStart looks back over.
const maxAsideTokens = 12

// nearestTrigger finds the category trigger closest to the number within
// the window and the bounds [lo, hi). only, when set, limits the categories.
// The qualifier, from token qualStart, is part of the number and adds no
// distance: in "killing at least 2,012 people and injuring 2,059" the
// killing is the nearer verb.
func (r *rules) nearestTrigger(text string, toks []token, n *number, qualStart, lo, hi int, only []bool) (verdict, bool) {
	return r.nearestTriggerWithin(text, toks, n, qualStart, lo, hi, only, r.window)
}

// nearestTriggerAfter finds the nearest trigger after the number only.
func (r *rules) nearestTriggerAfter(text string, toks []token, n *number, lo, hi, window int) (verdict, bool) {
	return r.nearestTriggerWithin(text, toks, n, n.first, n.first, hi, nil, window)
}

func (r *rules) nearestTriggerWithin(text string, toks []token, n *number, qualStart, lo, hi int, only []bool, window int) (verdict, bool) {
	var best *phrase
	bestDist := window + 1
	bestAfter := false
	// At equal distance a trigger after the number wins ("46 were killed and
	// thousands were stranded": "stranded" is the thousands' own verb), then
	// the category listed first.
	consider := func(p *phrase, dist int, after bool) {
		if p == nil || only != nil && !only[p.tag] {
			return
		}
		better := dist < bestDist || dist == bestDist && best != nil &&
			(after && !bestAfter || after == bestAfter && p.tag < best.tag)
		if better {
			best, bestDist, bestAfter = p, dist, after
		}
	}
	dist := 0
	for k := n.end; k < hi && dist <= window; k++ {
		if e := r.asideEnd(text, toks, k, hi); e > k {
			k = e // an aside does not put the verb after it out of reach
			continue
		}
		if p := r.triggersAfter.longestAt(toks, k, hi); p != nil && !r.negated(toks, k, n.end) {
			consider(p, dist, true)
		} else if p := r.gluedAt(text, toks[k]); p != nil {
			consider(p, dist, true)
		}
		if toks[k].kind != tPunct {
			dist++
		}
	}
	hasAfter := best != nil
	dist = 0
	for k := n.first - 1; k >= lo && dist <= window; k-- {
		if hasAfter && toks[k].id == r.and {
			break // "one man was killed and nine others were wounded": the number's own verb follows it
		}
		if toks[k].kind != tPunct && k < qualStart {
			dist++
		}
		d := max(dist-1, 0)
		r.triggersBefore.eachEndingAt(toks, k+1, lo, func(p *phrase) {
			if !r.negated(toks, k+1-len(p.words), lo) {
				consider(p, d, false)
			}
		})
		if p := r.gluedAt(text, toks[k]); p != nil {
			consider(p, d, false)
		}
	}
	if best == nil {
		return verdict{}, false
	}
	return verdict{category: best.tag, rule: best.rule}, true
}

// yielded is v, or the trigger of a category v yields to that follows v's
// own trigger after the number within yieldWindow words: "870 families
// remained in 20 evacuation centres" are evacuated, "1,900 people were
// sheltering in reception centres" displaced.
func (r *rules) yielded(toks []token, n *number, v verdict, hi int) verdict {
	for k := n.end; k < hi; k++ {
		p := r.triggersAfter.longestAt(toks, k, hi)
		if p == nil || p.tag != v.category || p.rule != v.rule {
			continue
		}
		words := 0
		for j := k + len(p.words); j < hi && words <= r.yieldWindow; j++ {
			if q := r.triggersAfter.longestAt(toks, j, hi); q != nil && r.yieldsTo[v.category][q.tag] {
				return verdict{category: q.tag, rule: q.rule}
			}
			if toks[j].kind != tPunct {
				words++
			}
		}
		return v
	}
	return v
}

// negated reports whether a negation sits in the few words before the
// trigger starting at token start: "No one was injured when two people
// burst in", "Two passengers were not hurt".
func (r *rules) negated(toks []token, start, floor int) bool {
	for k := start - 1; k >= floor && k >= start-3; k-- {
		if r.negations.has(toks[k]) {
			return true
		}
	}
	return false
}
