package claim

import "strings"

// Attribution: who a figure is attributed to. Handles
//
//	"..., Ukrainian authorities said."          speaker before a speech verb
//	"Kremlin spokesman Dmitry Peskov said ..."  the same, with the claim after
//	"..., said Kyrylo Tymoshenko, deputy head of the Ukrainian president's office."
//	"Oleksiy Aristovich, an adviser to the president, said ..."   (apposition)
//	"the head of the region, Radiy Khabirov, said"                 (apposition)
//	"the Kremlin, in a seeming shift, said ..."                    (adjunct skipped)
//	"..., according to a Telegram post by Vadim Filashkin, governor of ..."
//	"“... 5 ...,” Fesenko said" and "X said: “...”"                (quotations)
//	"he said" -> the latest named speaker of the sentences before;
//	"Gladkov said" -> "regional governor Vyacheslav Gladkov" said earlier.
//
// A figure takes the speaker of its quotation if it is inside one; else the
// speech cue of its sentence whose claim it is part of (the text before a
// speaker that follows a comma or quote, or the clause after "X said"),
// else the nearest speech cue of the sentence; else nothing.

// cue is a speech verb or source cue with its speaker, in one view.
type cue struct {
	sent          int32
	vs, ve        int32 // the verb or cue phrase
	ns, ne        int32 // the speaker; ns == ne when none
	q             int32 // quotation the verb is in
	pron          bool  // the speaker is a pronoun
	before, after bool  // which side of the cue it reports
}

func (cu *cue) lo() int { return int(min(cu.ns, cu.vs)) }
func (cu *cue) hi() int { return int(max(cu.ne, cu.ve)) }

// speaker is a resolved attribution: tokens [ns, ne) of v.
type speaker struct {
	v      *view
	ns, ne int
	text   string
}

// How a walk over a speaker phrase ended.
const (
	endStart = iota // the sentence's edge
	endPunct        // punctuation
	endStop         // a stop word (verb, conjunction)
	endCut          // a cut word (preposition, relative pronoun)
	endLong         // more than max_words
)

// walkBack collects the words of a speaker phrase ending at token j.
func (a *Annotator) walkBack(v *view, sa, j int) (int, int) {
	n := 0
	i := j
	for i >= sa {
		if v.word(i) {
			if a.stops.at(v, i) {
				return i + 1, endStop
			}
			if n++; n > a.maxWords {
				return i + 1, endLong
			}
			i--
			continue
		}
		if a.initialStop(v, sa, i) {
			i--
			continue
		}
		return i + 1, endPunct
	}
	return sa, endStart
}

// walkForward collects the words of a speaker phrase starting at token i.
func (a *Annotator) walkForward(v *view, sa, i, sb int) (int, int) {
	n := 0
	for i < sb {
		if v.word(i) {
			if a.cuts.at(v, i) {
				return i, endCut
			}
			if a.stops.at(v, i) || v.is(i, fDigit) {
				return i, endStop
			}
			if n++; n > a.maxWords {
				return i, endLong
			}
			i++
			continue
		}
		if a.initialStop(v, sa, i) {
			i++
			continue
		}
		return i, endPunct
	}
	return i, endStart
}

// initialStop reports whether token i is the full stop of an initial
// ("U.S.", "J. Smith"), which does not end a name.
func (a *Annotator) initialStop(v *view, sa, i int) bool {
	t := &v.toks[i]
	if t.kind != kStop || v.text[t.s] != '.' || i <= sa || !v.word(i-1) || v.toks[i-1].e != t.s {
		return false
	}
	p := &v.toks[i-1]
	return p.e-p.s == 1 && p.flags&fCap != 0
}

// trimStart drops leading skip words ("and", "its") while a phrase remains.
func (a *Annotator) trimStart(v *view, ns, ne int) int {
	for ns < ne-1 && v.word(ns) && a.skipStart.at(v, ns) {
		ns++
	}
	return ns
}

// validNP reports whether tokens [ns, ne) can name a speaker: a pronoun,
// or a phrase with a capitalised word or a speaker noun, no digits. The
// first word of a sentence (at sa) counts as capitalised only alone.
func (a *Annotator) validNP(v *view, sa, ns, ne int) (ok, pron bool) {
	n := ne - ns
	if n < 1 || n > a.maxWords {
		return false, false
	}
	if n == 1 && v.word(ns) {
		if a.pronouns.at(v, ns) {
			return true, true
		}
		if a.nonSpeakers.at(v, ns) {
			return false, false
		}
	}
	if v.is(ne-1, fPoss) {
		return false, false // "Moscow's claim": the verb is a noun
	}
	good, only := false, true
	for i := ns; i < ne; i++ {
		if !v.word(i) {
			continue
		}
		if !a.determiners.at(v, i) && !a.skipStart.at(v, i) {
			only = false
		}
		if v.is(i, fDigit) {
			return false, false
		}
		if v.is(i, fCap) && (i != sa || n == 1) || a.speakerNouns.at(v, i) {
			good = true
		}
	}
	return good && !only, false
}

// appositive returns the end of a role phrase after the comma at token c
// ("Kyrylo Tymoshenko, deputy head of ..."), or c when there is none.
func (a *Annotator) appositive(v *view, sa, c, sb int) int {
	i := c + 1
	if i >= sb || !v.word(i) {
		return c
	}
	if a.cuts.at(v, i) || a.stops.at(v, i) || a.pronouns.at(v, i) {
		return c
	}
	good := a.determiners.at(v, i) || v.is(i, fCap)
	end, why := a.walkForward(v, sa, i, sb)
	if why == endStop || why == endLong || end == i {
		return c
	}
	for k := i; k < end && !good; k++ {
		good = v.word(k) && a.speakerNouns.at(v, k)
	}
	if !good {
		return c
	}
	return end
}

func (a *Annotator) verbCue(v *view, sa, sb, vs, ve, tag int) (cue, bool) {
	inverted, bare := tag&verbInverted != 0, tag&verbBare != 0
	cu := cue{vs: int32(vs), ve: int32(ve), q: v.toks[vs].q}
	if bare && ve < sb && v.word(ve) && !a.complementizers.at(v, ve) && !a.cuts.at(v, ve) {
		return cu, false // "Hextar added 15 sen"
	}
	j := vs - 1
	for j >= sa && v.word(j) && a.modifiers.at(v, j) {
		j--
	}
	set := func(ns, ne int, pron, before bool) (cue, bool) {
		cu.ns, cu.ne, cu.pron, cu.before = int32(ns), int32(ne), pron, before
		cu.after = a.opensClaim(v, ve, sb, bare)
		return cu, true
	}
	if j > sa && v.word(j) && a.coordinators.at(v, j) {
		// "Governor Elena Sorokina toured the camp and said": the subject
		// is the run of names and roles that opens the clause.
		ns, _ := a.walkBack(v, sa, j-1)
		ns = a.trimStart(v, ns, j)
		ne := ns
		for ne < j && v.word(ne) && (v.is(ne, fCap) || a.determiners.at(v, ne) || a.speakerNouns.at(v, ne) || a.nameLinks.at(v, ne)) {
			ne++
		}
		for ne > ns && (a.determiners.at(v, ne-1) || a.nameLinks.at(v, ne-1)) {
			ne--
		}
		if ok, pron := a.validNP(v, sa, ns, ne); ok && ne < j {
			return set(ns, ne, pron, false)
		}
		if v.word(sa) && a.pronouns.at(v, sa) {
			return set(sa, sa+1, true, false) // "It does not distinguish ... but says"
		}
		return cu, false
	}
	if j >= sa && v.word(j) {
		// Speaker before the verb: "Ukrainian authorities said".
		ns, why := a.walkBack(v, sa, j)
		if why == endStop && a.predicateStops.at(v, ns-1) {
			return cu, false // "where the driver was fatally shot by police overnight said"
		}
		ns = a.trimStart(v, ns, j+1)
		ne := a.trimAdjunct(v, ns, j+1)
		if why == endLong && !v.is(ns, fCap) && !a.determiners.at(v, ns) {
			// The tail of a longer subject: "Relatives of a man who died
			// from a gunshot wound early Monday ... said".
			return cu, false
		}
		if ok, pron := a.validNP(v, sa, ns, ne); ok {
			return set(ns, ne, pron, why == endPunct && ns > sa && !a.joinsClause(v, sa, ns))
		}
		// "“...,” the village elder said.": between a comma or quotation and
		// a verb that ends the report, a short phrase opened by a determiner
		// is the speaker whatever its noun.
		if why == endPunct && ns > sa && !a.opensClaim(v, ve, sb, false) && j+1-ns <= 5 && a.determiners.at(v, ns) && !v.is(j, fPoss) {
			if k := v.toks[ns-1].kind; k == kComma || k == kQuoteClose {
				return set(ns, j+1, false, true)
			}
		}
		return cu, false
	}
	// Speaker after the verb: "..., said Kyrylo Tymoshenko, deputy head". It
	// wins over an apposition when it ends the sentence.
	pns, pne, post := 0, 0, false
	if inverted && (j < sa || v.toks[j].kind != kWord) {
		pns, pne, post = a.speakerAfter(v, sa, ve, sb)
	}
	final := post && (pne >= sb || v.toks[pne].kind == kStop || v.toks[pne].kind == kQuoteClose || v.word(pne) && a.cuts.at(v, pne))
	if !final && j >= sa && v.toks[j].kind == kComma {
		if ns, ne, ok := a.apposed(v, sa, j); ok {
			return set(ns, ne, false, ns > sa)
		}
	}
	if post {
		cu.ns, cu.ne, cu.before = int32(pns), int32(pne), vs > sa
		return cu, true
	}
	return cu, false
}

// speakerAfter reads a speaker phrase starting at token i, with a role
// after a comma; the phrase must end at punctuation, a cut word or the
// sentence end.
func (a *Annotator) speakerAfter(v *view, sa, i, sb int) (int, int, bool) {
	end, why := a.walkForward(v, sa, i, sb)
	if why == endStop || why == endLong || end == i {
		return 0, 0, false
	}
	if ok, pron := a.validNP(v, -1, i, end); !ok || pron {
		return 0, 0, false
	}
	if end < sb && v.toks[end].kind == kComma {
		end = a.appositive(v, sa, end, sb)
	}
	return i, end, true
}

// apposed finds the speaker of "NAME, ROLE, said" or "ROLE, NAME, said"
// or "NAME, ADJUNCT, said", where j is the comma before the verb.
func (a *Annotator) apposed(v *view, sa, j int) (int, int, bool) {
	if j-1 < sa || !v.word(j-1) {
		return 0, 0, false
	}
	s1, why1 := a.walkBack(v, sa, j-1)
	if why1 == endStop || why1 == endLong {
		return 0, 0, false
	}
	// seg2 is the phrase before the comma that precedes seg1.
	seg2 := func() (int, bool) {
		if why1 != endPunct || v.toks[s1-1].kind != kComma || s1-2 < sa || !v.word(s1-2) {
			return 0, false
		}
		s2, why2 := a.walkBack(v, sa, s1-2)
		if why2 != endPunct && why2 != endStart {
			return 0, false
		}
		s2 = a.trimStart(v, s2, s1-1)
		if a.cuts.at(v, s2) {
			return 0, false
		}
		ok, pron := a.validNP(v, sa, s2, s1-1)
		return s2, ok && !pron
	}
	if a.cuts.at(v, s1) {
		// "the Kremlin, in a seeming shift in its war aims, said"
		if s2, ok := seg2(); ok {
			return s2, s1 - 1, true
		}
		return 0, 0, false
	}
	s1 = a.trimStart(v, s1, j)
	if ok, pron := a.validNP(v, sa, s1, j); !ok || pron {
		return 0, 0, false
	}
	if s2, ok := seg2(); ok {
		return s2, j, true
	}
	return s1, j, true
}

// opensClaim reports whether what follows a verb is the reported claim
// ("said that ...", "said two workers ...", "said: “..."). After a bare verb
// ("added") only "that", a colon or a quotation opens one: "stocks added
// 15 cents" is no report.
func (a *Annotator) opensClaim(v *view, i, sb int, bare bool) bool {
	if i >= sb {
		return false
	}
	switch v.toks[i].kind {
	case kWord:
		return !bare || a.complementizers.at(v, i)
	case kQuoteOpen, kColon:
		return true
	}
	return false
}

// trimAdjunct cuts an adjunct off the end of a speaker phrase: a cut word
// followed by a date or a channel. "Dell on Monday said" -> "Dell", "The
// ministry in a statement said" -> "The ministry".
func (a *Annotator) trimAdjunct(v *view, ns, ne int) int {
	for c := ne - 2; c > ns; c-- {
		if !v.word(c) || !a.cuts.at(v, c) {
			continue
		}
		dates := true
		for i := c + 1; i < ne; {
			if v.word(i) && a.media.at(v, i) {
				return c
			}
			if n, _ := a.dates.match(v, i, ne); n > 0 {
				i += n
				continue
			}
			if !v.word(i) || !v.is(i, fDigit) {
				dates = false
			}
			i++
		}
		if dates {
			return c
		}
		return ne
	}
	return ne
}

func (a *Annotator) sourceCue(v *view, sa, sb, cs, ce int) (cue, bool) {
	cu := cue{vs: int32(cs), ve: int32(ce), q: v.toks[cs].q}
	end, why := a.walkForward(v, sa, ce, sb)
	if why == endStop || why == endLong || end == ce {
		return cu, false
	}
	ns := ce
	// "a Telegram post by Vadim Filashkin" names Vadim Filashkin; "their
	// account" names no one.
	for i := ns; i < end; i++ {
		if !a.media.at(v, i) {
			continue
		}
		link := -1
		for k := i + 1; k < end; k++ {
			if a.mediaLinks.at(v, k) {
				link = k
				break
			}
		}
		if link < 0 {
			if i == end-1 {
				// "a police statement" names the police.
				for ns < i && a.determiners.at(v, ns) {
					ns++
				}
				if ok, pron := a.validNP(v, -1, ns, i); !ok || pron {
					return cu, false
				}
				end = i
				break
			}
			continue
		}
		ns = link + 1
		break
	}
	if ok, pron := a.validNP(v, -1, ns, end); !ok || pron {
		return cu, false
	}
	ne := end
	if ne < sb && v.toks[ne].kind == kComma {
		ne = a.appositive(v, sa, ne, sb)
	}
	cu.ns, cu.ne = int32(ns), int32(ne)
	cu.before = cs > sa
	cu.after = cs == sa || ne < sb && v.toks[ne].kind == kComma
	return cu, true
}

// attribute finds the figure's speaker.
func (a *Annotator) attribute(c *call) speaker {
	s := c.s
	v := &s.main
	q := v.toks[c.fi].q
	if q != 0 {
		if k := a.quoteSpeaker(c, int(q), 0); k >= 0 {
			return a.resolve(c, v, k, c.target)
		}
	}
	k := a.pickCue(c, q)
	if k < 0 && q != 0 {
		k = a.pickCue(c, 0)
	}
	if k < 0 {
		return speaker{}
	}
	return a.resolve(c, v, k, c.target)
}

// pickCue chooses among the target sentence's cues in quotation q: one
// that reports the side the figure is on, else the nearest.
func (a *Annotator) pickCue(c *call, q int32) int {
	best, bestD, bestCov := -1, 1<<30, false
	for k := c.cueA; k < c.cueB; k++ {
		cu := &c.s.cues[k]
		if cu.q != q {
			continue
		}
		lo, hi := cu.lo(), cu.hi()
		if c.fi >= lo && c.fi < hi {
			continue
		}
		d := lo - c.fi
		cov := cu.before
		if c.fi < lo && !cov && a.joinsClause(&c.s.main, c.lo, lo) {
			continue // "The EU pledged X, and Washington said ...": not Washington's X
		}
		if c.fi >= hi {
			d = c.fi - hi + 1
			cov = cu.after
			// "“...,” Peskov said, five weeks after ...": what follows the
			// speaker of a quotation is the article's own voice.
			if !cov && lo > c.lo && c.s.main.toks[lo-1].kind == kQuoteClose {
				continue
			}
		}
		if cov && !bestCov || cov == bestCov && d < bestD {
			best, bestD, bestCov = int(k), d, cov
		}
	}
	return best
}

// joinsClause reports whether the speaker phrase starting at token lo opens
// a clause of its own, after "; ", ", and" or a clause word such as "but":
// what comes before it is not what that speaker said.
func (a *Annotator) joinsClause(v *view, sa, lo int) bool {
	j := lo - 1
	switch {
	case j < sa:
		return false
	case v.toks[j].kind == kSemi:
		return true
	case !v.word(j):
		return false
	case a.clauseWords.at(v, j):
		return true
	}
	return a.coordinators.at(v, j) && j-1 >= sa && v.toks[j-1].kind == kComma
}

// quoteSpeaker finds the cue that introduces quotation q: right after it
// ("“...,” Fesenko said"), right before it ("X said: “...”", "X said,
// “...”"), or, for a quotation that opens a sentence, the one before it on
// the same line ("“...,” X said. “More.”").
func (a *Annotator) quoteSpeaker(c *call, q, depth int) int {
	s := c.s
	v := &s.main
	qs := v.quotes[q-1]
	n := c.hi
	if qs.closed {
		k := int(qs.close) + 1
		if k < n && v.toks[k].kind == kComma {
			k++
		}
		for i := range s.cues {
			cu := &s.cues[i]
			if cu.q == 0 && cu.lo() == k {
				return i
			}
		}
	}
	if o := int(qs.open) - 1; o >= c.lo && v.toks[o].line == qs.line {
		switch v.toks[o].kind {
		case kColon, kComma:
			so := sentOf(s.sents, o)
			for i := len(s.cues) - 1; i >= 0; i-- {
				cu := &s.cues[i]
				if cu.q != 0 || int(cu.sent) != so || cu.hi() > o {
					continue
				}
				if v.toks[o].kind == kComma && cu.hi() != o {
					break
				}
				return i
			}
		}
	}
	if depth < 3 && q >= 2 && int(v.quotes[q-2].open) >= c.lo && v.quotes[q-2].line == qs.line {
		if so := sentOf(s.sents, int(qs.open)); so >= 0 && int(s.sents[so].a) == int(qs.open) {
			return a.quoteSpeaker(c, q-1, depth+1)
		}
	}
	return -1
}

// sentOf is the index of the sentence holding token i, or -1.
func sentOf(ss []sent, i int) int {
	for k := range ss {
		if int(ss[k].a) <= i && i < int(ss[k].b) {
			return k
		}
	}
	return -1
}

// resolve turns cue k of the main view into a speaker, looking back for the
// name a pronoun or a bare surname stands for. AnnotateAll resolves each
// cue of a sentence once for all its figures.
func (a *Annotator) resolve(c *call, v *view, k, si int) speaker {
	m := &c.d.resolved[k]
	if !m.ok {
		m.spk, m.ok = a.resolveCue(c, v, k), true
	}
	return m.spk
}

func (a *Annotator) resolveCue(c *call, v *view, k int) speaker {
	cu := &c.s.cues[k]
	if cu.pron {
		if j := earlierNamed(c.s, k); j >= 0 {
			return a.expand(c, v, &c.s.cues[j], c.target-int(cu.sent)) // "The agency said it had confirmed ..."
		}
		sv, sk, p, ok := a.lastNamed(c, c.target-int(cu.sent))
		if !ok {
			return speaker{}
		}
		return a.expand(c, sv, sk, p)
	}
	return a.expand(c, v, cu, c.target-int(cu.sent))
}

// The sentences before the target, nearest first, are numbered from 1:
// first those of the main view, then those of the back view (built on
// demand from the text before the paragraph; for AnnotateAll, read from
// the document window).

// prevCues returns the view and cues of earlier sentence p (1 = the one
// right before the target), or ok false past the last.
func (a *Annotator) prevCues(c *call, p int) (*view, []cue, bool) {
	s := c.s
	if si := c.target - p; si >= 0 {
		return &s.main, s.cues[s.cueAt[si]:s.cueAt[si+1]], true
	}
	return c.d.backCues(a, c, p-c.target)
}

// backStart is where the text read before a paragraph starting at pStart
// begins: the first line start at most resolve_bytes before it.
func (a *Annotator) backStart(text string, pStart int) int {
	start := max(0, pStart-a.resolveBytes)
	if start > 0 {
		if k := strings.IndexByte(text[start:pStart], '\n'); k >= 0 {
			start += k + 1
		} else {
			start = pStart
		}
	}
	return start
}

// earlierNamed returns the nearest cue before cue k in its sentence that
// names its speaker, for the pronoun of cue k, or -1.
func earlierNamed(s *scratch, k int) int {
	cu := &s.cues[k]
	for j := k - 1; j >= int(s.cueAt[cu.sent]); j-- {
		if p := &s.cues[j]; p.ns < p.ne && !p.pron && p.hi() <= cu.lo() {
			return j
		}
	}
	return -1
}

// lastNamed finds the latest named (not pronoun) speaker in the sentences
// before sentence p0 (counted as for prevCues), at most resolveSents back.
// An outlet is skipped: "The New York Times reported ... He added" is not
// the Times speaking.
func (a *Annotator) lastNamed(c *call, p0 int) (*view, *cue, int, bool) {
	for p := p0 + 1; p <= p0+a.resolveSents; p++ {
		v, cues, ok := a.prevCues(c, p)
		if !ok {
			break
		}
		for i := len(cues) - 1; i >= 0; i-- {
			if cues[i].ns < cues[i].ne && !cues[i].pron && !a.isOutlet(v, int(cues[i].ns), int(cues[i].ne)) {
				return v, &cues[i], p, true
			}
		}
	}
	return nil, nil, 0, false
}

// isOutlet reports whether tokens [ns, ne) are an outlet's name, after a
// determiner: "the New York Times".
func (a *Annotator) isOutlet(v *view, ns, ne int) bool {
	if ns < ne && v.word(ns) && a.determiners.at(v, ns) {
		ns++
	}
	n, _ := a.outlets.match(v, ns, ne)
	return n > 0 && ns+n == ne
}

// expand returns the speaker of cu; a lone capitalised word that is not a
// place ("Gladkov") becomes the fuller phrase an earlier sentence gave for
// it ("regional governor Vyacheslav Gladkov").
func (a *Annotator) expand(c *call, v *view, cu *cue, p0 int) speaker {
	ns, ne := int(cu.ns), int(cu.ne)
	spk := speaker{v: v, ns: ns, ne: ne, text: v.span(ns, ne)}
	if ne-ns != 1 || !v.is(ns, fCap) {
		return spk
	}
	if n, _ := a.places.match(v, ns, ne); n > 0 {
		return spk
	}
	name := v.key(ns)
	for p := p0 + 1; ; p++ {
		pv, cues, ok := a.prevCues(c, p)
		if !ok {
			return spk
		}
		for i := len(cues) - 1; i >= 0; i-- {
			e := &cues[i]
			if e.ne-e.ns >= 2 && !e.pron && namesPerson(pv, int(e.ns), int(e.ne), name) {
				return speaker{v: pv, ns: int(e.ns), ne: int(e.ne), text: pv.span(int(e.ns), int(e.ne))}
			}
		}
	}
}

// namesPerson reports whether one comma-separated part of tokens [ns, ne)
// ends with the word key and has at least two capitalised words.
func namesPerson(v *view, ns, ne int, key []byte) bool {
	caps := 0
	for i := ns; i <= ne; i++ {
		if i == ne || v.toks[i].kind == kComma {
			if caps >= 2 && i > ns && v.word(i-1) && string(v.key(i-1)) == string(key) {
				return true
			}
			caps = 0
			continue
		}
		if v.word(i) && v.is(i, fCap) {
			caps++
		}
	}
	return false
}
