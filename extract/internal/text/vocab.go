package text

import "unicode/utf8"

// Vocab gives every word the rules mention a small id, so that matching a
// phrase compares integers, and each id 32 bits its user may give meaning
// to (the claims pass marks the word sets and lexicons a word is in).
// Words are added while the rules compile; the tokenizers then look up
// every word of every document. Its zero value is an empty vocabulary,
// and it is read-only once the rules are compiled, so safe to share.
//
// The table is ready after every Add, so there is no freezing step to
// forget: it is an open-addressing table whose slots hold each key's
// first eight bytes, length, id and bits, so that a short key is found
// by comparing two integers and a hit reads nothing else. Most words of
// a text are not in it: a bitmap of hash values small enough to stay in
// the first-level cache turns most of them away before the table is read.
type Vocab struct {
	ids    map[string]int32
	words  []word // by id; words[0] stands for Unknown once a word is in
	filter filter
	slots  []slot // len a power of two, at least three times the words
	shift  uint   // 64 - log2(len(slots))
}

// Unknown is the id of every word the vocabulary does not hold.
const Unknown int32 = 0

type word struct {
	key  string
	bits uint32
}

type slot struct {
	w0   uint64 // Pack of the key
	n    int32  // slotLen of the key; 0: empty slot
	id   int32
	bits uint32
}

// filter is a bitmap of hash values: a key whose bit is clear is not in
// the vocabulary. At 2 KB it stays in the first-level cache.
type filter [1 << filterLog / 64]uint64

const filterLog = 14

func (f *filter) add(h uint64) { b := h >> (64 - filterLog); f[b/64] |= 1 << (b % 64) }

func (f *filter) has(h uint64) bool { b := h >> (64 - filterLog); return f[b/64]&(1<<(b%64)) != 0 }

// Add returns the id of an already folded key, creating it if needed. An
// empty key gets an id but is never found.
func (v *Vocab) Add(key string) int32 {
	if id, ok := v.ids[key]; ok {
		return id
	}
	if v.ids == nil {
		v.ids = map[string]int32{}
		v.words = []word{{}}
	}
	id := int32(len(v.words))
	v.ids[key] = id
	v.words = append(v.words, word{key: key})
	if 3*len(v.words) > len(v.slots) {
		v.grow()
	} else {
		v.insert(id)
	}
	return id
}

// grow rebuilds the table at the size for the words, inserting them in
// id order: the table is the same whatever order Add and lookups came in.
func (v *Vocab) grow() {
	bits := uint(4)
	for 1<<bits < 3*len(v.words) {
		bits++
	}
	v.slots, v.shift = make([]slot, 1<<bits), 64-bits
	for id := 1; id < len(v.words); id++ {
		v.insert(int32(id))
	}
}

func (v *Vocab) insert(id int32) {
	w := &v.words[id]
	if w.key == "" {
		return
	}
	w0 := Pack(w.key)
	h := hash(w0, len(w.key))
	v.filter.add(h)
	mask := uint64(len(v.slots) - 1)
	i := h >> v.shift
	for v.slots[i].n != 0 {
		i = (i + 1) & mask
	}
	v.slots[i] = slot{w0: w0, n: slotLen(len(w.key)), id: id, bits: w.bits}
}

// slotLen is a key's length as its slot holds it: negated past eight
// bytes, so that TryFind, which compares no strings, never takes a
// long key's slot for a hit.
func slotLen(n int) int32 {
	if n > 8 {
		return int32(-n)
	}
	return int32(n)
}

// SetBits adds bits to those of id.
func (v *Vocab) SetBits(id int32, bits uint32) {
	w := &v.words[id]
	w.bits |= bits
	if w.key == "" {
		return
	}
	w0 := Pack(w.key)
	mask := uint64(len(v.slots) - 1)
	for i := hash(w0, len(w.key)) >> v.shift; ; i = (i + 1) & mask {
		if s := &v.slots[i]; s.id == id {
			s.bits = w.bits
			return
		}
	}
}

// ID returns the id of key, Unknown when it has none.
func (v *Vocab) ID(key string) int32 { return v.ids[key] }

// Len is one more than the largest id: a slice of that length has a place
// for every id, Unknown included.
func (v *Vocab) Len() int { return max(len(v.words), 1) }

// Word returns the key of id.
func (v *Vocab) Word(id int32) string { return v.words[id].key }

// Lookup folds word into key (the scratch it returns, for the next call),
// as f says, and returns the id of the key. ASCII words, most words, are
// lower-cased and packed in one pass.
func (v *Vocab) Lookup(word string, key []byte, f Fold) (int32, []byte) {
	key = key[:0]
	var w0 uint64
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			key = AppendKey(key[:0], word, f)
			w0 = Pack(key)
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		key = append(key, c)
		w0 |= uint64(c) << (8 * uint(i)) // nothing past the eighth byte
	}
	if id, _, ok := v.TryFind(w0, len(key)); ok {
		return id, key
	}
	id, _ := v.Find(key, w0)
	return id, key
}

// LookupKey returns the id and bits of an already folded key: Unknown and
// 0 when the vocabulary does not hold it.
func (v *Vocab) LookupKey(key []byte) (int32, uint32) { return v.Find(key, Pack(key)) }

// Find is LookupKey with w0, Pack(key), already known: the tokenizers
// pack a key as they build it.
func (v *Vocab) Find(key []byte, w0 uint64) (int32, uint32) {
	if id, bits, ok := v.TryFind(w0, len(key)); ok {
		return id, bits
	}
	n := slotLen(len(key))
	mask := uint64(len(v.slots) - 1)
	for i := hash(w0, len(key)) >> v.shift; ; i = (i + 1) & mask {
		s := &v.slots[i]
		if s.n == 0 {
			return Unknown, 0
		}
		if s.w0 == w0 && s.n == n && (n > 0 || v.words[s.id].key == string(key)) {
			return s.id, s.bits
		}
	}
}

// TryFind answers as Find does, with ok, when the filter or the key's own
// slot can tell: most keys. ok false (the slot is empty or holds another
// key, or the key is longer than eight bytes, see slotLen) says to call
// Find. It is small enough to inline into a tokenizer's loop, where a
// call would cost the loop its registers. n is the key's length.
func (v *Vocab) TryFind(w0 uint64, n int) (id int32, bits uint32, ok bool) {
	h := hash(w0, n)
	if !v.filter.has(h) {
		return Unknown, 0, true
	}
	s := &v.slots[h>>v.shift]
	return s.id, s.bits, s.w0 == w0 && s.n == int32(n)
}

// Pack packs the first eight bytes of key, little-endian, zero-padded.
func Pack[T string | []byte](key T) uint64 {
	var w uint64
	for k := 0; k < len(key) && k < 8; k++ {
		w |= uint64(key[k]) << (8 * k)
	}
	return w
}

// hash mixes the packed head of a key, its first eight bytes, with its
// length. Keys that share both, "humanitarian" and "humanitarism", share
// a filter bit and a probe sequence, and are told apart by the string.
func hash(w0 uint64, n int) uint64 { return (w0 ^ uint64(n)<<58) * 0x9e3779b97f4a7c15 }
