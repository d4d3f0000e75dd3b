package claim

import (
	"slices"
	"unicode/utf8"
)

// The vocabulary gives every word the rules mention (a word of a word list,
// of a phrase, a region word) a small id, and each id the bits of the word
// sets it belongs to and of the lexicons whose phrases it opens. A view
// with a vocabulary (the document window) looks each token's
// key up once, while scanning, with a hash over the key bytes; after that a
// set test is a bit test and a phrase match compares ids, with no map
// lookup and no string built. Views without one (the
// reference scanner, phrases being compiled) use the maps.

// vocab maps keys to ids; id 0 is every word the rules do not mention.
// Most words of a text are not in it: a bitmap of hash values small enough
// to stay in the first-level cache turns most of them away before the
// table is read.
type vocab struct {
	one    [utf8.RuneSelf]idBits // by the byte of a one-byte ASCII key
	filter [filterBits / 64]uint64
	slots  []vslot // open addressing, len a power of two
	shift  uint    // 64 - log2(len(slots))
	words  []vword // by id
}

const filterBits = 1 << 14

type idBits struct {
	id   int32
	bits uint32
}

// vslot holds a key by its first eight bytes and its length, so a probe
// for a short key compares two integers, and its bits, so a hit reads
// nothing else.
type vslot struct {
	w0   uint64 // packKey of the key
	n    int32  // key length; 0: empty slot
	id   int32
	bits uint32
}

type vword struct {
	key    string
	bits   uint32 // wordSet and lexicon bits
	region int32  // index into the region word suffixes, -1 when none
}

// packKey packs the first eight bytes of key, little-endian, zero-padded.
func packKey(key []byte) uint64 {
	var w uint64
	for k := 0; k < len(key) && k < 8; k++ {
		w |= uint64(key[k]) << (8 * k)
	}
	return w
}

// keyHash mixes the packed head of a key with its length and, past eight
// bytes, the rest of it.
func keyHash(w0 uint64, key []byte) uint64 {
	h := (w0 ^ uint64(len(key))<<58) * 0x9e3779b97f4a7c15
	if len(key) > 8 {
		for _, c := range key[8:] {
			h = (h ^ uint64(c)) * 0x100000001b3
		}
		h *= 0x9e3779b97f4a7c15
	}
	return h
}

// lookup returns the id and bits of key, 0 and 0 when the rules do not
// mention it.
func (vc *vocab) lookup(key []byte) (int32, uint32) {
	return vc.find(key, packKey(key))
}

// find is lookup with the key's packKey already known.
func (vc *vocab) find(key []byte, w0 uint64) (int32, uint32) {
	n := int32(len(key))
	h := keyHash(w0, key)
	if f := h >> (64 - 14); vc.filter[f/64]&(1<<(f%64)) == 0 {
		return 0, 0
	}
	mask := uint64(len(vc.slots) - 1)
	for i := h >> vc.shift; ; i = (i + 1) & mask {
		s := &vc.slots[i]
		if s.n == 0 {
			return 0, 0
		}
		if s.w0 == w0 && s.n == n && (n <= 8 || vc.words[s.id].key == string(key)) {
			return s.id, s.bits
		}
	}
}

// vocabBuilder collects the keys and bits while the rules compile.
type vocabBuilder struct {
	ids   map[string]int32
	words []vword
}

func (b *vocabBuilder) id(key string) int32 {
	if id, ok := b.ids[key]; ok {
		return id
	}
	if b.ids == nil {
		b.ids = map[string]int32{}
		b.words = []vword{{region: -1}}
	}
	id := int32(len(b.words))
	b.ids[key] = id
	b.words = append(b.words, vword{key: key, region: -1})
	return id
}

func (b *vocabBuilder) build() *vocab {
	if b.words == nil {
		b.words = []vword{{region: -1}}
	}
	bits := uint(4)
	for 1<<bits < 3*len(b.words) {
		bits++
	}
	vc := &vocab{slots: make([]vslot, 1<<bits), shift: 64 - bits, words: b.words}
	mask := uint64(len(vc.slots) - 1)
	for id := 1; id < len(b.words); id++ {
		key := []byte(b.words[id].key)
		w0 := packKey(key)
		h := keyHash(w0, key)
		f := h >> (64 - 14)
		vc.filter[f/64] |= 1 << (f % 64)
		i := h >> vc.shift
		for vc.slots[i].n != 0 {
			i = (i + 1) & mask
		}
		vc.slots[i] = vslot{w0: w0, n: int32(len(key)), id: int32(id), bits: b.words[id].bits}
	}
	for c := range vc.one {
		vc.one[c].id, vc.one[c].bits = vc.find([]byte{byte(c)}, uint64(c))
	}
	return vc
}

// wordSets are the annotator's word sets but the settlement and clause
// words, which the window's masks test and buildVocab takes first.
func (a *Annotator) wordSets() []*wordSet {
	return []*wordSet{
		&a.blockers, &a.nounAfter, &a.modifiers, &a.pronouns, &a.speakerNouns,
		&a.determiners, &a.stops, &a.cuts, &a.skipStart, &a.coordinators,
		&a.complementizers, &a.nameLinks, &a.nonSpeakers, &a.media, &a.mediaLinks,
		&a.daySuffixes, &a.ofWords, &a.andWords,
		&a.abbrevs, &a.actorVerbs, &a.actorAux, &a.hedgeObjects,
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
	var b vocabBuilder
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
			b.words[b.id(k)].bits |= l.bit
			for i := range es {
				es[i].ids = make([]int32, len(es[i].rest))
				for j, w := range es[i].rest {
					es[i].ids[j] = b.id(w)
				}
			}
		}
	}
	a.regionBit = next()
	for k, r := range a.regionWords {
		id := b.id(k)
		b.words[id].bits |= a.regionBit
		b.words[id].region = int32(r)
	}
	sets = append([]*wordSet{&a.settlements, &a.clauseWords}, sets...)
	for _, w := range sets {
		w.bit = next()
		for k := range w.m {
			b.words[b.id(k)].bits |= w.bit
		}
	}
	a.voc = b.build()
	for _, w := range sets {
		if w.bit == 0 {
			w.ids = make([]uint64, (len(a.voc.words)+63)/64)
			for k := range w.m {
				id := b.ids[k]
				w.ids[id/64] |= 1 << (id % 64)
			}
		}
	}
	for _, l := range lexicons {
		l.byID = make([]int32, len(a.voc.words))
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
			l.byID[b.ids[k]] = int32(len(l.groups))
			l.groups = append(l.groups, g)
		}
	}
}
