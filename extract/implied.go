package extract

import (
	"maps"
	"slices"
	"strings"

	"github.com/tally-news/tally/schema"
)

// Bases: how a figure's value was obtained.
const (
	BasisStated    = schema.BasisStated
	BasisImplied   = schema.BasisImplied
	BasisDerived   = schema.BasisDerived
	BasisIncrement = schema.BasisIncrement
)

// Implied casualty kinds, the tags of the implied lexicons.
const (
	impliedKilled = iota
	impliedStruck
)

var impliedKinds = []string{"killed", "struck"}

// impliedRules find single casualties told without a number: "a man was
// shot dead", "the victim died", "killed a woman", "left a man dead".
type impliedRules struct {
	determiners, increments wordSet
	adverbs                 wordSet
	persons, pronouns       wordSet
	maxModifiers            int
	auxiliaries             *lexicon
	states, actions, frames *lexicon // tag: impliedKilled or impliedStruck
	resultVerbs             wordSet
	results                 *lexicon
	notAfter                wordSet
	notBefore               wordSet // before a frame: "attempted murder of a man"
	incrementAfter          wordSet
	// laterDeaths, within laterWindow words after a hit and before one of
	// laterStops, make it a death.
	laterDeaths *lexicon
	laterWindow int
	laterStops  wordSet
	// relatives open a relative clause after a person ("a man who was
	// shot"); an action up to relativeWindow words after one is the
	// person's ("... died").
	relatives      wordSet
	relativeWindow int
	// postModifiers open a short phrase after a person's noun, at most
	// maxModifiers words: "a male in his 20s was found dead".
	postModifiers wordSet
	// cues hold a rare word of every state, action, frame and result (see
	// cueWord): a sentence without one
	// holds no implied count, and the figure filter passes sentences with
	// one. firsts hold their first words, where a match can begin.
	cues, firsts wordSet
	// killed and injured are the category indexes the kinds report as.
	killed, injured int
	comma           int32 // an aside after the person: "The victim, 25, died"
	hyphen          int32 // inside a word: "was shot in the left-hand side"
}

func (c *compiler) implied(cfg ImpliedConfig) {
	r := c.r
	ir := &r.implied
	ir.determiners = c.set("implied.determiners", cfg.Determiners)
	ir.increments = c.set("implied.increments", cfg.Increments)
	ir.adverbs = c.set("implied.adverbs", cfg.Adverbs)
	ir.persons = c.set("implied.persons", cfg.Persons)
	ir.pronouns = c.set("implied.pronouns", cfg.Pronouns)
	ir.maxModifiers = cfg.MaxModifiers
	ir.auxiliaries = newLexicon()
	c.phrases(ir.auxiliaries, "implied.auxiliaries", cfg.Auxiliaries, 0)
	ir.resultVerbs = c.set("implied.result_verbs", cfg.ResultVerbs)
	ir.notAfter = c.set("implied.not_after", cfg.NotAfter)
	ir.notBefore = c.set("implied.not_before", cfg.NotBefore)
	ir.incrementAfter = c.set("implied.increment_after", cfg.IncrementAfter)
	ir.comma, ir.hyphen = r.vocab.Add(","), r.vocab.Add("-")
	ir.laterDeaths = newLexicon()
	c.phrases(ir.laterDeaths, "implied.later_deaths", cfg.LaterDeaths, impliedKilled)
	ir.laterWindow = cfg.LaterWindow
	ir.laterStops = c.set("implied.later_stops", cfg.LaterStops)
	ir.relatives = c.set("implied.relatives", cfg.Relatives)
	ir.relativeWindow = cfg.RelativeWindow
	ir.postModifiers = c.set("implied.post_modifiers", cfg.PostModifiers)
	var cues, firsts []string
	// Kinds in a fixed order, so the lexicons and the vocabulary come out
	// the same on every run.
	kinded := func(key string, m map[string][]string) *lexicon {
		for _, kind := range slices.Sorted(maps.Keys(m)) {
			if !slices.Contains(impliedKinds, kind) {
				c.fail(key+"."+kind, kind, "unknown kind: use killed or struck")
			}
		}
		l := newLexicon()
		for tag, kind := range impliedKinds {
			c.phrases(l, key+"."+kind, m[kind], tag)
			for _, p := range m[kind] {
				if w := phraseWords(p); len(w) > 0 {
					firsts = append(firsts, w[0])
					cues = append(cues, cueWord(w))
				}
			}
		}
		return l
	}
	ir.states = kinded("implied.states", cfg.States)
	ir.actions = kinded("implied.actions", cfg.Actions)
	ir.frames = kinded("implied.frames", cfg.Frames)
	ir.results = kinded("implied.results", cfg.Results)
	firsts = append(firsts, cfg.ResultVerbs...)
	firsts = append(firsts, cfg.Increments...)
	ir.cues = c.set("implied", cues)
	ir.firsts = c.set("implied", firsts)
	ir.killed = c.category("implied", "killed")
	ir.injured = c.category("implied", "injured")
	if cfg.MaxModifiers < 0 {
		c.fail("implied.max_modifiers", "", "must not be negative, got %d", cfg.MaxModifiers)
	}
	if cfg.LaterWindow < 0 {
		c.fail("implied.later_window", "", "must not be negative, got %d", cfg.LaterWindow)
	}
	if cfg.RelativeWindow < 0 {
		c.fail("implied.relative_window", "", "must not be negative, got %d", cfg.RelativeWindow)
	}
}

// person is a casualty found without a number: its tokens, and whether
// it is a pronoun (counted only after a stated casualty) or adds one to
// the count so far ("another man").
type person struct {
	first, end int
	pronoun    bool
	increment  bool
}

// impliedFigures appends the single casualties of the sentence toks[first:end]
// that no number states. figsFrom is the sentence's first figure in figs.
func (e *Extractor) impliedFigures(figs []schema.Figure, s *scratch, text string, toks []token, sent span, first, end, figsFrom int, meta *schema.Figure) []schema.Figure {
	ir := &e.r.implied
	if !ir.hasCue(toks, first, end) {
		return figs
	}
	seenCasualty := s.casualty
	scoped := false
	emit := func(p person, kind int, how string) {
		if p.pronoun && !seenCasualty {
			return // "he died" tells a count only once a victim is known
		}
		start, stop := toks[p.first].start, toks[p.end-1].end
		for i := figsFrom; i < len(figs); i++ {
			g := &figs[i]
			if g.Start < stop && start < g.End && g.Rule != "age" {
				if kind == impliedKilled && g.Start == start && g.End == stop && strings.HasPrefix(g.Rule, impliedRule(impliedStruck, "")) {
					// "a man who was shot in the chest died": the one hit died
					g.Category, g.Rule = e.r.categories[ir.killed], impliedRule(impliedKilled, how)
				}
				return // "one man was killed": the number says it
			}
		}
		f := *meta
		f.Value, f.Qualifier, f.Basis = 1, Exact, BasisImplied
		if p.increment {
			f.Basis = BasisIncrement
		}
		f.Category = e.r.categories[ir.killed]
		if kind == impliedStruck {
			f.Category = e.r.categories[ir.injured]
		}
		f.Rule = impliedRule(kind, how)
		f.Start, f.End, f.Text = start, stop, text[start:stop]
		f.Object = text[toks[p.end-1].start:toks[p.end-1].end]
		f.Sentence = text[sent.start:sent.end]
		if !scoped && len(figs) == figsFrom {
			e.r.scopeOfSentence(&s.scope, text, toks, first, end, s.year)
		}
		scoped = true
		f.Scope = e.r.scopeOf(&s.scope, first, end, first, end, p.first, p.end)
		figs = append(figs, f)
		seenCasualty = true
	}
	for k := first; k < end; k++ {
		if !ir.firsts.has(toks[k]) {
			continue
		}
		if k > first && toks[k-1].id == e.r.and && ir.increments.has(toks[k]) {
			// "one man was killed and another injured": the auxiliary is
			// the clause before's
			if st := ir.states.longestAt(toks, k+1, end); st != nil && !ir.deniedAfter(st, toks, k+1+len(st.words), end) {
				emit(person{first: k, end: k + 1, increment: true}, st.tag, "elided")
				k += len(st.words)
				continue
			}
		}
		if st := ir.states.longestAt(toks, k, end); st != nil && !ir.deniedAfter(st, toks, k+len(st.words), end) {
			auxEnd := k
			if auxEnd > first && ir.adverbs.has(toks[auxEnd-1]) {
				auxEnd-- // "was accidentally shot"
			}
			if aux := ir.auxiliaries.longestEndingAt(toks, auxEnd, first); aux != nil {
				if p, ok := ir.personBefore(text, toks, auxEnd-len(aux.words), first); ok {
					kind, how, next := ir.outcome(st, "state", toks, k+len(st.words), end)
					emit(p, kind, how)
					k = next - 1
					continue
				}
			}
		}
		if ac := ir.actions.longestAt(toks, k, end); ac != nil {
			personEnd := k
			if personEnd > first && ir.adverbs.has(toks[personEnd-1]) {
				personEnd-- // "the gunman then shot himself"
			}
			p, ok := ir.personBefore(text, toks, personEnd, first)
			how := "action"
			if !ok {
				p, ok = ir.personBeforeRelative(text, toks, personEnd, first)
				how = "relative"
			}
			if ok {
				kind, how, next := ir.outcome(ac, how, toks, k+len(ac.words), end)
				emit(p, kind, how)
				k = next - 1
				continue
			}
		}
		if fr := ir.frames.longestAt(toks, k, end); fr != nil && !ir.deniedAfter(fr, toks, k+len(fr.words), end) &&
			!(k > first && ir.notBefore.has(toks[k-1])) {
			if p, ok := ir.personAfter(text, toks, k+len(fr.words), end); ok {
				emit(p, fr.tag, "frame")
				k = p.end - 1
				continue
			}
		}
		if ir.resultVerbs.has(toks[k]) {
			if p, ok := ir.personAfter(text, toks, k+1, end); ok && p.end < end {
				if res := ir.results.longestAt(toks, p.end, end); res != nil {
					emit(p, res.tag, "result")
					k = p.end + len(res.words) - 1
				}
			}
		}
	}
	return figs
}

// outcome is what a person's state or action p, ending at token e, makes
// of them: its own kind, or killed when a later death follows a hit in
// the same clause ("was shot in the chest Sunday and later died"). It
// returns the kind, the rule's last part and the token after the match.
func (ir *impliedRules) outcome(p *phrase, how string, toks []token, e, end int) (kind int, rule string, next int) {
	if p.tag == impliedStruck {
		if next, ok := ir.laterDeath(toks, e, end); ok {
			return impliedKilled, how + laterRule, next
		}
	}
	return p.tag, how, e
}

// laterRule ends the rule of a hit that a later death made a death.
const laterRule = "+later"

// impliedRule is the rule column of an implied count: its kind and how
// it was told ("implied:struck:state").
func impliedRule(kind int, how string) string { return "implied:" + impliedKinds[kind] + ":" + how }

// laterDeath finds a later-death phrase within laterWindow words from
// token e, before a stop other than a comma and before a later stop
// ("were wounded when a gunman opened fire and died"): it returns the
// token after it. The phrases start with their link ("and died"), so
// another subject ("and a woman died") is not one.
func (ir *impliedRules) laterDeath(toks []token, e, end int) (next int, ok bool) {
	words := 0
	for k := e; k < end && words <= ir.laterWindow; k++ {
		if d := ir.laterDeaths.longestAt(toks, k, end); d != nil {
			return k + len(d.words), true
		}
		t := toks[k]
		if t.kind == tPunct && t.id != ir.hyphen && t.id != ir.comma || ir.laterStops.has(t) {
			return 0, false // another sentence part: "was shot; his brother died"
		}
		if t.spaced {
			words++
		}
	}
	return 0, false
}

func (ir *impliedRules) hasCue(toks []token, first, end int) bool {
	for k := first; k < end; k++ {
		if ir.cues.has(toks[k]) {
			return true
		}
	}
	return false
}

// deniedAfter reports whether the word after a hit takes it back: "was
// shot at" hit nobody ("was found dead at home" stands).
func (ir *impliedRules) deniedAfter(p *phrase, toks []token, k, end int) bool {
	return p.tag == impliedStruck && k < end && ir.notAfter.has(toks[k])
}

// personBefore finds the person whose tokens end right before e (see
// personAt), or whose noun a short phrase opened by a post-modifier
// follows: "a male in his 20s", "the son of a local pastor".
func (ir *impliedRules) personBefore(text string, toks []token, e, floor int) (person, bool) {
	if p, ok := ir.personAt(text, toks, e, floor); ok {
		return p, true
	}
	if k := ir.wordBack(toks, e, floor, ir.maxModifiers, ir.postModifiers); k >= 0 {
		if p, ok := ir.personAt(text, toks, k, floor); ok && !p.pronoun && !p.increment {
			return p, true
		}
	}
	return person{}, false
}

// wordBack returns the nearest token before e whose word is in set, with
// at most window words and no punctuation but hyphens between, or -1.
func (ir *impliedRules) wordBack(toks []token, e, floor, window int, set wordSet) int {
	words := 0
	for k := e - 1; k > floor && words <= window; k-- {
		t := toks[k]
		if set.has(t) {
			return k
		}
		if t.kind == tPunct && t.id != ir.hyphen {
			return -1
		}
		if t.spaced {
			words++
		}
	}
	return -1
}

// personAt finds the person whose tokens end right before e, past an
// aside in commas ("The victim, 25, died"): a pronoun, or a determiner,
// at most maxModifiers words and a person noun.
func (ir *impliedRules) personAt(text string, toks []token, e, floor int) (person, bool) {
	if e-1 >= floor && toks[e-1].id == ir.comma {
		for k := e - 2; k >= floor && k >= e-10; k-- {
			if toks[k].id == ir.comma {
				e = k
				break
			}
		}
	}
	if e-1 > floor && ir.relatives.has(toks[e-1]) {
		e-- // "a man who was shot"
	}
	if e-1 < floor {
		return person{}, false
	}
	if ir.pronouns.has(toks[e-1]) {
		return person{first: e - 1, end: e, pronoun: true}, true
	}
	if ir.increments.has(toks[e-1]) {
		return person{first: e - 1, end: e, increment: true}, true // "and another was wounded"
	}
	last := e - 1
	if !ir.persons.has(toks[last]) {
		if last = ageNounStart(text, toks, e, floor); last < 0 {
			return person{}, false
		}
	}
	words := 0
	for k := last - 1; k >= floor; k-- {
		t := toks[k]
		if ir.determiners.has(t) {
			return person{first: k, end: e, increment: ir.increments.has(t)}, true
		}
		if t.kind == tPunct && text[t.start:t.end] != "-" {
			return person{}, false
		}
		if t.spaced {
			words++ // "20-year-old" is one word
		}
		if words > ir.maxModifiers {
			return person{}, false
		}
	}
	return person{}, false
}

// personBeforeRelative finds the person of a relative clause that ends
// right before e, within relativeWindow words and no punctuation: "a man
// who was shot in the chest" before "died".
func (ir *impliedRules) personBeforeRelative(text string, toks []token, e, floor int) (person, bool) {
	if k := ir.wordBack(toks, e, floor, ir.relativeWindow, ir.relatives); k >= 0 {
		return ir.personBefore(text, toks, k, floor)
	}
	return person{}, false
}

// personAfter finds a determiner, at most maxModifiers words and a person
// noun starting at token k: "killed a 20-year-old man".
func (ir *impliedRules) personAfter(text string, toks []token, k, end int) (person, bool) {
	if k >= end || !ir.determiners.has(toks[k]) {
		return person{}, false
	}
	words := 0
	for m := k + 1; m < end; m++ {
		t := toks[m]
		if a := ageNounStart(text, toks, m+1, k+1); a >= 0 && (m+1 == end || toks[m+1].spaced) && !ir.persons.has(toks[min(m+1, end-1)]) {
			return person{first: k, end: m + 1, increment: ir.increments.has(toks[k])}, true // "found the 23-year-old suffering"
		}
		if ir.persons.has(t) {
			if m+1 < end && toks[m+1].kind == tWord && !toks[m+1].spaced {
				return person{}, false
			}
			return person{first: k, end: m + 1, increment: ir.increments.has(toks[k])}, true
		}
		if t.kind == tPunct && t.spaced {
			return person{}, false
		}
		if t.spaced {
			words++
		}
		if words > ir.maxModifiers {
			return person{}, false
		}
	}
	return person{}, false
}

// ageNounStart returns the first token of an age used as a noun that ends
// right before e ("a 29-year-old was shot"), or -1.
func ageNounStart(text string, toks []token, e, floor int) int {
	k := e - 5
	if k < floor || toks[k].kind != tDigits {
		return -1
	}
	for i, want := range []string{"-", "year", "-", "old"} {
		t := toks[k+1+i]
		if t.spaced || !strings.EqualFold(text[t.start:t.end], want) {
			return -1
		}
	}
	return k
}

// cueWord picks the word of a phrase the figure filter looks for: the
// last of four letters or more, which is the state itself and rarer than
// the verbs before it ("found dead" is cued by "dead", "lost his life" by
// "life"), else the longest.
func cueWord(words []string) string {
	for i := len(words) - 1; i >= 0; i-- {
		if len(words[i]) >= 4 {
			return words[i]
		}
	}
	best := words[0]
	for _, w := range words[1:] {
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}
