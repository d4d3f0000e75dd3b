package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// vocabulary numbers every word the rules mention, so that matching a phrase
// compares integers; a text word outside the rules gets noWord.
type vocabulary struct {
	ids   map[string]int32
	words []string
	// slots is an open-addressing table over words, built by freeze: the
	// tokenizer looks up every word of every document, and this is faster
	// than a map with string keys.
	slots []int32
	// packed holds each word of up to 8 bytes as an integer (0 for longer
	// ones), so that most probes compare one number instead of calling
	// the string comparison.
	packed []uint64
}

func newVocabulary() *vocabulary { return &vocabulary{ids: map[string]int32{}} }

// add returns the id of an already normalised word, creating it if needed.
func (v *vocabulary) add(word string) int32 {
	if id, ok := v.ids[word]; ok {
		return id
	}
	id := int32(len(v.words))
	v.ids[word] = id
	v.words = append(v.words, word)
	v.slots = nil
	return id
}

// freeze builds the lookup table once all words are in.
func (v *vocabulary) freeze() {
	size := 1
	for size < 4*len(v.words) {
		size <<= 1
	}
	v.slots = make([]int32, size)
	for i := range v.slots {
		v.slots[i] = noWord
	}
	v.packed = make([]uint64, len(v.words))
	mask := uint32(size - 1)
	for id, w := range v.words {
		v.packed[id] = pack(w)
		h := hashKey(w) & mask
		for v.slots[h] != noWord {
			h = (h + 1) & mask
		}
		v.slots[h] = int32(id)
	}
}

// lookup normalises word into key (lower case, typographic apostrophes as
// ASCII, soft hyphens dropped) and returns its id.
func (v *vocabulary) lookup(word string, key []byte) (int32, []byte) {
	if v.slots == nil {
		key = normalizeKey(key[:0], word)
		if id, ok := v.ids[string(key)]; ok {
			return id, key
		}
		return noWord, key
	}
	// Most words are ASCII: lower-case, hash and pack them in one pass.
	key = key[:0]
	h := fnvOffset
	var packed uint64
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			key = normalizeKey(key[:0], word)
			h, packed = hashKey(key), pack(key)
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		key = append(key, c)
		h = (h ^ uint32(c)) * fnvPrime
		packed |= uint64(c) << (8 * (i & 7))
	}
	short := len(key) <= 8
	mask := uint32(len(v.slots) - 1)
	for h &= mask; ; h = (h + 1) & mask {
		id := v.slots[h]
		if id == noWord {
			return noWord, key
		}
		if short {
			if v.packed[id] == packed && len(v.words[id]) == len(key) {
				return id, key
			}
		} else if v.words[id] == string(key) {
			return id, key
		}
	}
}

// pack returns a word of up to 8 bytes as an integer, its first byte
// lowest; longer words give 0.
func pack[T string | []byte](s T) uint64 {
	if len(s) > 8 {
		return 0
	}
	var p uint64
	for i := 0; i < len(s); i++ {
		p |= uint64(s[i]) << (8 * i)
	}
	return p
}

// hashKey is FNV-1a.
func hashKey[T string | []byte](s T) uint32 {
	h := fnvOffset
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

const (
	fnvOffset uint32 = 2166136261
	fnvPrime  uint32 = 16777619
)

func normalizeKey(key []byte, word string) []byte {
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			key = append(key, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		i += size
		switch r {
		case softHyphen:
			continue
		case '’', '‘':
			key = append(key, '\'')
			continue
		}
		key = utf8.AppendRune(key, unicode.ToLower(r))
	}
	return key
}

// phrase is a rule's words, as vocabulary ids, with what matching them
// means.
type phrase struct {
	words []int32
	text  string // as written in the config
	tag   int    // what the phrase stands for: a category, unit, qualifier...
	rule  string // the rule column's text when this phrase decides ("trigger:killed")
}

// lexicon finds phrases in a token stream. Phrases are indexed by their
// first and last word ids (slices, not maps: this is the hot path).
type lexicon struct {
	byFirst, byLast [][]*phrase
	rulePrefix      string // "trigger:", "head:"...: names the phrase in the rule column
}

func newLexicon() *lexicon { return &lexicon{} }

func newRuleLexicon(rulePrefix string) *lexicon { return &lexicon{rulePrefix: rulePrefix} }

// add compiles a phrase as written in the config. It reports false for a
// phrase with no words.
func (l *lexicon) add(v *vocabulary, text string, tag int) bool {
	p := &phrase{text: text, tag: tag, rule: l.rulePrefix + text}
	for _, w := range phraseWords(text) {
		p.words = append(p.words, v.add(w))
	}
	if len(p.words) == 0 {
		return false
	}
	l.byFirst = appendAt(l.byFirst, p.words[0], p)
	l.byLast = appendAt(l.byLast, p.words[len(p.words)-1], p)
	return true
}

func appendAt(index [][]*phrase, id int32, p *phrase) [][]*phrase {
	for int(id) >= len(index) {
		index = append(index, nil)
	}
	index[id] = append(index[id], p)
	return index
}

func lookupIndex(index [][]*phrase, id int32) []*phrase {
	if id < 0 || int(id) >= len(index) {
		return nil
	}
	return index[id]
}

// phraseWords splits a rule phrase into normalised tokens the way the text
// tokenizer would ("-strong" is "-" and "strong", "km²" is "km" and "²").
func phraseWords(text string) []string {
	var out []string
	for _, field := range strings.Fields(text) {
		toks, _ := tokenize(nil, field, 0, len(field), newVocabulary(), nil)
		for _, t := range toks {
			out = append(out, string(normalizeKey(nil, field[t.start:t.end])))
		}
	}
	return out
}

// matches reports whether phrase p matches the tokens starting at i. A
// word outside the vocabulary (noWord) matches no phrase word.
func (p *phrase) matches(toks []token, i, limit int) bool {
	if i+len(p.words) > limit {
		return false
	}
	for k, id := range p.words {
		if toks[i+k].id != id {
			return false
		}
	}
	return true
}

// longestAt returns the longest phrase starting at token i that ends before
// limit, or nil.
func (l *lexicon) longestAt(toks []token, i, limit int) *phrase {
	var best *phrase
	for _, p := range lookupIndex(l.byFirst, toks[i].id) {
		if (best == nil || len(p.words) > len(best.words)) && p.matches(toks, i, limit) {
			best = p
		}
	}
	return best
}

// longestEndingAt returns the longest phrase whose last token is end-1 and
// whose first token is at or after floor.
func (l *lexicon) longestEndingAt(toks []token, end, floor int) *phrase {
	if end <= floor {
		return nil
	}
	var best *phrase
	for _, p := range lookupIndex(l.byLast, toks[end-1].id) {
		n := len(p.words)
		if end-n >= floor && (best == nil || n > len(best.words)) && p.matches(toks, end-n, end) {
			best = p
		}
	}
	return best
}

// eachEndingAt calls fn for every phrase whose last token is end-1 and
// whose first token is at or after floor.
func (l *lexicon) eachEndingAt(toks []token, end, floor int, fn func(*phrase)) {
	if end <= floor {
		return
	}
	for _, p := range lookupIndex(l.byLast, toks[end-1].id) {
		if n := len(p.words); end-n >= floor && p.matches(toks, end-n, end) {
			fn(p)
		}
	}
}

// wordSet is a set of single vocabulary words, indexed by id. Words added
// to the vocabulary after the set was built are simply not in it.
type wordSet []bool

// set builds a wordSet; it returns the first entry that is not one word.
func (v *vocabulary) set(words []string) (wordSet, string) {
	var ids []int32
	for _, w := range words {
		parts := phraseWords(w)
		if len(parts) != 1 {
			return nil, w
		}
		ids = append(ids, v.add(parts[0]))
	}
	s := make(wordSet, len(v.words))
	for _, id := range ids {
		s[id] = true
	}
	return s, ""
}

func (s wordSet) has(t token) bool { return t.id >= 0 && int(t.id) < len(s) && s[t.id] }

// startsAt reports whether a phrase of the lexicon starts at token i.
func (l *lexicon) startsAt(toks []token, i, limit int) bool {
	return i < limit && l.longestAt(toks, i, limit) != nil
}

// startsAtToken reports whether some phrase of the lexicon begins with the
// token's word.
func (l *lexicon) startsAtToken(t token) bool {
	return len(lookupIndex(l.byFirst, t.id)) > 0
}
