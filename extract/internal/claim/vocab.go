package claim

import (
	"slices"

	txt "github.com/tally-news/tally/extract/internal/text"
)

// The vocabulary (txt.Vocab) gives every word the rules mention (a word of
// a word list, of a phrase, a region word) a small id, and each id the bits
// of the word sets it belongs to and of the lexicons whose phrases it
// opens. A view with a vocabulary (the document window) looks each token's
// key up once, while scanning; after that a set test is a bit test and a
// phrase match compares ids, with no map lookup and no string built. Views
// without one (the reference scanner, phrases being compiled) use the
// maps. Id 0, txt.Unknown, is every word the rules do not mention.

// keyFold is how the claims pass folds its keys beyond ASCII case and
// apostrophes (see txt.Fold): its words join with ‐ and ‑.
const keyFold = txt.ASCIIHyphens

// wordSets are the annotator's word sets but the settlement and clause
// words, which the window's masks test and buildVocab takes first.
func (a *Annotator) wordSets() []*wordSet {
	return []*wordSet{
		&a.blockers, &a.nounAfter, &a.modifiers, &a.pronouns, &a.speakerNouns,
		&a.determiners, &a.stops, &a.predicateStops, &a.cuts, &a.skipStart, &a.coordinators,
		&a.complementizers, &a.nameLinks, &a.nonSpeakers, &a.media, &a.mediaLinks,
		&a.daySuffixes, &a.ofWords, &a.andWords,
		&a.actorVerbs, &a.actorAux, &a.hedgeObjects,
	}
}

// buildVocab gives the lexicons, the region words and the word sets sets
// (a.wordSets(), or more in a test) their bits and ids. It runs after a
// successful compile. A token has 32 bits: the window's masks (window.go)
// test the lexicons', the region words', the settlement and clause words'
// bits, so those, a fixed nine, take bits first; the sets take the rest in
// order, and a set past them is a bitmap of its word ids (wordSet.at), so
// there is no limit to the sets.
func (c *compiler) buildVocab(sets []*wordSet) {
	a := c.a
	voc := &txt.Vocab{}
	bit := uint32(1) // the next free bit, 0 once all are taken
	next := func() uint32 {
		r := bit
		bit <<= 1
		return r
	}
	lexicons := []*lexicon{a.verbs, a.sourceCues, a.hedges, a.dates, a.places, a.outlets}
	for _, l := range lexicons {
		l.bit = next()
		for k, es := range l.first {
			voc.SetBits(voc.Add(k), l.bit)
			for i := range es {
				es[i].ids = make([]int32, len(es[i].rest))
				for j, w := range es[i].rest {
					es[i].ids[j] = voc.Add(w)
				}
			}
		}
	}
	a.regionBit = next()
	for k := range a.regionWords {
		voc.SetBits(voc.Add(k), a.regionBit)
	}
	sets = append([]*wordSet{&a.settlements, &a.clauseWords}, sets...)
	for _, w := range sets {
		w.bit = next()
		for k := range w.m {
			voc.SetBits(voc.Add(k), w.bit)
		}
	}
	a.voc = voc
	for _, w := range sets {
		if w.bit == 0 {
			w.ids = make([]uint64, (voc.Len()+63)/64)
			for k := range w.m {
				id := voc.ID(k)
				w.ids[id/64] |= 1 << (id % 64)
			}
		}
	}
	for _, l := range lexicons {
		l.byID = make([]int32, voc.Len())
		l.groups = []group{{}} // 0: no phrase opens with the word
		for k, es := range l.first {
			g := group{entries: es}
			for _, e := range es {
				if len(e.ids) == 0 {
					g.single, g.one = e.tag, true
				} else if !slices.Contains(g.second, e.ids[0]) {
					g.second = append(g.second, e.ids[0])
				}
			}
			l.byID[voc.ID(k)] = int32(len(l.groups))
			l.groups = append(l.groups, g)
		}
	}
}
