package text

import "unicode/utf8"

// Vocab gives every word the rules mention a small id, so that matching a
// phrase compares integers, and each id 32 bits its user may give meaning
// to (the claims pass marks the word sets and lexicons a word is in).
// Words are added while the rules compile; Freeze then builds the table
// the tokenizers read for every word of every document. Its zero value is
// an empty vocabulary.
//
// Most words of a text are not in it: a bitmap of hash values small
// enough to stay in the first-level cache turns most of them away before
// the table is read.
type Vocab struct {
	ids   map[string]int32
	words []word // by id; words[0] stands for Unknown once a word is in

	// Built by Freeze; slots is nil before it and after a later Add.
	one    [utf8.RuneSelf]idBits // by the byte of a one-byte ASCII key
	filter [filterBits / 64]uint64
	slots  []slot // open addressing, len a power of two
	shift  uint   // 64 - log2(len(slots))
}

// Unknown is the id of every word the vocabulary does not hold.
const Unknown int32 = 0

const (
	filterLog  = 14
	filterBits = 1 << filterLog
)

type word struct {
	key  string
	bits uint32
}

type idBits struct {
	id   int32
	bits uint32
}

// slot holds a key by its first eight bytes and its length, so a probe
// for a short key compares two integers, and its bits, so a hit reads
// nothing else.
type slot struct {
	w0   uint64 // Pack of the key
	n    int32  // key length; 0: empty slot
	id   int32
	bits uint32
}

// Add returns the id of an already folded key, creating it if needed.
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
	v.slots = nil
	return id
}

// SetBits adds bits to those of id.
func (v *Vocab) SetBits(id int32, bits uint32) {
	v.words[id].bits |= bits
	v.slots = nil
}

// ID returns the id of key, Unknown when it has none; it reads no table,
// for the rules' compilers.
func (v *Vocab) ID(key string) int32 { return v.ids[key] }

// Len is one more than the largest id: a slice of that length has a place
// for every id, Unknown included.
func (v *Vocab) Len() int { return max(len(v.words), 1) }

// Word returns the key of id.
func (v *Vocab) Word(id int32) string { return v.words[id].key }

// Freeze builds the lookup table once all words are in. An empty key is
// never found.
func (v *Vocab) Freeze() {
	bits := uint(4)
	for 1<<bits < 3*len(v.words) {
		bits++
	}
	v.slots, v.shift = make([]slot, 1<<bits), 64-bits
	v.filter = [filterBits / 64]uint64{}
	mask := uint64(len(v.slots) - 1)
	for id := 1; id < len(v.words); id++ {
		key := v.words[id].key
		if key == "" {
			continue
		}
		w0 := Pack(key)
		h := hash(w0, key)
		f := h >> (64 - filterLog)
		v.filter[f/64] |= 1 << (f % 64)
		i := h >> v.shift
		for v.slots[i].n != 0 {
			i = (i + 1) & mask
		}
		v.slots[i] = slot{w0: w0, n: int32(len(key)), id: int32(id), bits: v.words[id].bits}
	}
	for c := range v.one {
		key := []byte{byte(c)}
		v.one[c].id, v.one[c].bits = v.probe(hash(uint64(c), key), uint64(c), key)
	}
}

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
	id, _ := v.Find(key, w0)
	return id, key
}

// LookupKey returns the id and bits of an already folded key: Unknown and
// 0 when the vocabulary does not hold it.
func (v *Vocab) LookupKey(key []byte) (int32, uint32) { return v.Find(key, Pack(key)) }

// Find is LookupKey with Pack(key) already known, for the tokenizers that
// pack a key as they build it.
func (v *Vocab) Find(key []byte, w0 uint64) (int32, uint32) {
	if v.slots == nil {
		if id, ok := v.ids[string(key)]; ok {
			return id, v.words[id].bits
		}
		return Unknown, 0
	}
	if len(key) == 1 && key[0] < utf8.RuneSelf {
		o := &v.one[key[0]]
		return o.id, o.bits
	}
	h := hash(w0, key)
	if f := h >> (64 - filterLog); v.filter[f/64]&(1<<(f%64)) == 0 {
		return Unknown, 0
	}
	return v.probe(h, w0, key)
}

func (v *Vocab) probe(h, w0 uint64, key []byte) (int32, uint32) {
	n := int32(len(key))
	mask := uint64(len(v.slots) - 1)
	for i := h >> v.shift; ; i = (i + 1) & mask {
		s := &v.slots[i]
		if s.n == 0 {
			return Unknown, 0
		}
		if s.w0 == w0 && s.n == n && (n <= 8 || v.words[s.id].key == string(key)) {
			return s.id, s.bits
		}
	}
}

// Pack packs the first eight bytes of key, little-endian, zero-padded.
func Pack[T string | []byte](key T) uint64 {
	var w uint64
	for k := 0; k < len(key) && k < 8; k++ {
		w |= uint64(key[k]) << (8 * k)
	}
	return w
}

// hash mixes the packed head of a key with its length and, past eight
// bytes, the rest of it.
func hash[T string | []byte](w0 uint64, key T) uint64 {
	h := (w0 ^ uint64(len(key))<<58) * 0x9e3779b97f4a7c15
	if len(key) > 8 {
		for k := 8; k < len(key); k++ {
			h = (h ^ uint64(key[k])) * 0x100000001b3
		}
		h *= 0x9e3779b97f4a7c15
	}
	return h
}
