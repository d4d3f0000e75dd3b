package claim

import "strings"

// Locations. Handles, from the gazetteer (places.names, with
// places.aliases mapping other spellings to a name):
//
//	"Mariupol", "Kiev" (-> Kyiv), "Ukraine's"        the place
//	"the Kyiv region", "Kyiv oblast" (-> Kyiv region)   place + region word
//	"the region of Odesa" (-> Odesa region)
//	"the Kyiv and Chernihiv regions"                  both take the region word
//	"the city of Salavat", "the villages of Sloboda"  a settlement word + "of" +
//	                                                  a capitalised name, listed or not
//	                                                  ("the City of David" is a name, not this)
//
// The figure's place is the one nearest it in its clause, else nearest in
// its sentence, else the one nearest the sentence in its paragraph; places
// inside the attribution ("governor of the Donetsk region") come last, and
// a place that acts ("Russia fired 84 missiles") does not count.

// place is a place mention at tokens [a, b).
type place struct {
	a, b int
	idx  int // index into placeNames, -1 for a name the gazetteer lacks
	name string
}

// placeAt reads a place mention starting at token i; a place inside an
// outlet's name ("the New York Times", "The Kyiv Independent") is none.
func (a *Annotator) placeAt(v *view, i, end int) (place, bool) {
	p, ok := a.placeMention(v, i, end)
	if ok && a.inOutlet(v, p.a, p.b, end) {
		return place{}, false
	}
	return p, ok
}

// outletReach is how many words an outlet's name may have before a place
// in it: "South China Morning Post".
const outletReach = 3

// inOutlet reports whether an outlet's name covers tokens [a, b).
func (a *Annotator) inOutlet(v *view, from, to, end int) bool {
	for k := max(0, from-outletReach); k <= from; k++ {
		if !v.word(k) {
			continue
		}
		if n, _ := a.outlets.match(v, k, end); n > 0 && k+n >= to {
			return true
		}
	}
	return false
}

func (a *Annotator) placeMention(v *view, i, end int) (place, bool) {
	if !v.word(i) {
		return place{}, false
	}
	// "the city of X", "the region of X"
	if !v.is(i, fCap) && (a.settlements.at(v, i) || a.isRegionWord(v, i)) && i+2 < end && a.ofWords.at(v, i+1) && v.word(i+2) && v.is(i+2, fCap) {
		if p, ok := a.gazetteer(v, i+2, end); ok {
			if r, ok := a.regionWord(v, i); ok {
				p.name = a.regionNames[p.idx][r]
			}
			p.a = i
			return p, true
		}
		if a.settlements.at(v, i) {
			j := i + 2
			for j < end && j < i+5 && v.word(j) && v.is(j, fCap) {
				j++
			}
			return place{a: i, b: j, idx: -1, name: v.span(i+2, j)}, true
		}
	}
	return a.gazetteer(v, i, end)
}

// acts reports whether place p opens a clause as the subject of an actor
// verb ("Russia fired", "Kyiv says Russia has deported", "and Moscow sent"):
// the place acts, the figure did not happen there.
func (a *Annotator) acts(v *view, p place, end int) bool {
	if i := p.a - 1; i >= 0 && v.toks[i].kind != kStop && v.toks[i].line == v.toks[p.a].line &&
		!(v.word(i) && (a.complementizers.at(v, i) || a.coordinators.at(v, i) || a.clauseWords.at(v, i) || verbEndsAt(a, v, i))) {
		return false
	}
	j := p.b
	for j < end && v.word(j) && (a.actorAux.at(v, j) || a.modifiers.at(v, j) || strings.HasSuffix(v.span(j, j+1), "ly")) {
		j++ // "Russia now controls", "Moscow has already sent", "has forcibly deported"
	}
	return j < end && v.word(j) && a.actorVerbs.at(v, j)
}

// verbEndsAt reports whether the one-word speech verb at token i ends
// there: the "says" of "Kyiv says Russia has deported".
func verbEndsAt(a *Annotator, v *view, i int) bool {
	n, _ := a.verbs.match(v, i, i+1)
	return n == 1
}

func (a *Annotator) isRegionWord(v *view, i int) bool {
	if v.voc != nil {
		return v.toks[i].bits&a.regionBit != 0
	}
	_, ok := a.regionWords[string(v.key(i))]
	return ok
}

// regionWord returns the region suffix index of token i's key.
func (a *Annotator) regionWord(v *view, i int) (int, bool) {
	if v.voc != nil {
		t := &v.toks[i]
		if t.bits&a.regionBit == 0 {
			return 0, false // spares most tokens the map
		}
	}
	r, ok := a.regionWords[string(v.key(i))]
	return r, ok
}

// gazetteer matches a listed place at token i, with a region word after it.
func (a *Annotator) gazetteer(v *view, i, end int) (place, bool) {
	n, idx := a.places.match(v, i, end)
	if n == 0 || !v.is(i+n-1, fCap) {
		return place{}, false
	}
	p := place{a: i, b: i + n, idx: idx, name: a.placeNames[idx]}
	j := i + n
	if j < end && v.word(j) {
		if r, ok := a.regionWord(v, j); ok {
			return place{a: i, b: j + 1, idx: idx, name: a.regionNames[idx][r]}, true
		}
		// "the Kyiv and Chernihiv regions"
		if a.andWords.at(v, j) && j+1 < end && v.is(j+1, fCap) {
			if m, _ := a.places.match(v, j+1, end); m > 0 && j+1+m < end && v.word(j+1+m) {
				if r, ok := a.regionWord(v, j+1+m); ok {
					p.name = a.regionNames[idx][r]
				}
			}
		}
	}
	return p, true
}

// locationOf is location over the sentence's places.
func (a *Annotator) locationOf(d *docScratch, spk *speaker) string {
	c := &d.c
	v := &d.s.main
	fc := c.clauseOf(c.fi)
	var best, fallback place
	bestRank, fbD := 1<<30, 1<<30
	for k := range d.places {
		m := &d.places[k]
		p := m.p
		dist := p.a - c.fi
		if dist < 0 {
			dist = c.fi - p.b + 1
		}
		if m.inCue || spk.v == v && p.a >= spk.ns && p.b <= spk.ne {
			if m.speaks || spk.v == v && p.a == spk.ns && p.b == spk.ne {
				continue // "Kyiv says": the place speaks for its government, nothing happened there
			}
			if dist < fbD {
				fallback, fbD = p, dist
			}
			continue
		}
		rank := dist
		if m.poss {
			rank += 1 << 12
		}
		if m.clause != fc {
			rank += 1 << 20
		}
		if rank < bestRank {
			best, bestRank = p, rank
		}
	}
	if best.name != "" {
		return best.name
	}
	if !d.paraOK {
		d.paraPlace, d.paraOK = a.paragraphPlace(d), true
	}
	if d.paraPlace != "" {
		return d.paraPlace
	}
	if fallback.name != "" {
		return fallback.name
	}
	return d.dl.name
}

// inDateline reports whether place p is written in the story's dateline,
// which speaks for the story, not for the paragraph it opens.
func (d *docScratch) inDateline(v *view, p place) bool {
	s := v.toks[p.a].s
	return d.dl.end > 0 && int(s) >= d.dl.start && int(s) < d.dl.end
}

// paragraphPlace is the place of the paragraph nearest the target
// sentence, outside it: the second loop of location, over the tokens where
// a place can start.
func (a *Annotator) paragraphPlace(d *docScratch) string {
	c := &d.c
	v := &c.s.main
	var best place
	bestD := 1 << 30
	next := c.lo
	for _, i := range marksIn(d.m.places, c.lo, c.paraEnd) {
		i := int(i)
		if i < next {
			continue
		}
		if i >= c.ta && i < c.tb {
			next = c.tb
			continue
		}
		var p place
		var ok bool
		if p, ok, next = a.countedPlace(d, v, i, c.paraEnd); !ok {
			continue
		}
		d := c.ta - p.b
		if p.a >= c.tb {
			d = p.a - c.tb
		}
		if d < bestD {
			best, bestD = p, d
		}
	}
	return best.name
}

// countedPlace reads the place starting at token i, before end, and says
// whether it counts: not one that acts ("Russia fired 84 missiles") nor
// the dateline's. next is where the next place may start.
func (a *Annotator) countedPlace(d *docScratch, v *view, i, end int) (p place, ok bool, next int) {
	p, ok = a.placeAt(v, i, end)
	switch {
	case !ok:
		return p, false, i + 1
	case a.acts(v, p, end) || d.inDateline(v, p):
		return p, false, p.b
	}
	return p, true, p.b
}
