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
	return id
}

// lookup normalises word into key (lower case, typographic apostrophes as
// ASCII, soft hyphens dropped) and returns its id. The map index with a
// converted byte slice does not allocate.
func (v *vocabulary) lookup(word string, key []byte) (int32, []byte) {
	key = normalizeKey(key[:0], word)
	if id, ok := v.ids[string(key)]; ok {
		return id, key
	}
	return noWord, key
}

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

// wordPattern is one word of a phrase: an exact vocabulary id, or a prefix
// when the rule word ends in "*".
type wordPattern struct {
	id     int32
	prefix string
}

// phrase is a rule's words with what matching them means.
type phrase struct {
	words []wordPattern
	text  string // as written in the config, for the rule column
	tag   int    // what the phrase stands for: a category, unit, qualifier...
}

// lexicon finds phrases in a token stream. Phrases are indexed by their
// first word; those starting with a prefix pattern are kept apart.
type lexicon struct {
	byFirst map[int32][]*phrase
	wild    []*phrase
	all     []*phrase
}

func newLexicon() *lexicon { return &lexicon{byFirst: map[int32][]*phrase{}} }

// add compiles a phrase as written in the config. It reports false for a
// phrase with no words.
func (l *lexicon) add(v *vocabulary, text string, tag int) bool {
	p := &phrase{text: text, tag: tag}
	for _, w := range phraseWords(text) {
		if len(w) > 1 && strings.HasSuffix(w, "*") {
			p.words = append(p.words, wordPattern{id: noWord, prefix: string(normalizeKey(nil, w[:len(w)-1]))})
			continue
		}
		p.words = append(p.words, wordPattern{id: v.add(w)})
	}
	if len(p.words) == 0 {
		return false
	}
	if p.words[0].prefix != "" {
		l.wild = append(l.wild, p)
	} else {
		l.byFirst[p.words[0].id] = append(l.byFirst[p.words[0].id], p)
	}
	l.all = append(l.all, p)
	return true
}

// phraseWords splits a rule phrase into normalised tokens the way the text
// tokenizer would ("-strong" is "-" and "strong", "km²" is "km" and "²").
func phraseWords(text string) []string {
	var out []string
	for _, field := range strings.Fields(text) {
		if strings.HasSuffix(field, "*") {
			out = append(out, field)
			continue
		}
		toks, _ := tokenize(nil, field, 0, len(field), newVocabulary(), nil)
		for _, t := range toks {
			out = append(out, string(normalizeKey(nil, field[t.start:t.end])))
		}
	}
	return out
}

// matches reports whether phrase p matches the tokens starting at i.
func (p *phrase) matches(text string, toks []token, i, limit int) bool {
	if i+len(p.words) > limit {
		return false
	}
	for k, w := range p.words {
		t := toks[i+k]
		if w.prefix == "" {
			if t.id != w.id || w.id == noWord {
				return false
			}
			continue
		}
		if t.kind != tWord || !hasFoldedPrefix(text[t.start:t.end], w.prefix) {
			return false
		}
	}
	return true
}

// longestAt returns the longest phrase starting at token i that ends before
// limit, or nil.
func (l *lexicon) longestAt(text string, toks []token, i, limit int) *phrase {
	var best *phrase
	for _, p := range l.byFirst[toks[i].id] {
		if (best == nil || len(p.words) > len(best.words)) && p.matches(text, toks, i, limit) {
			best = p
		}
	}
	if toks[i].kind == tWord {
		for _, p := range l.wild {
			if (best == nil || len(p.words) > len(best.words)) && p.matches(text, toks, i, limit) {
				best = p
			}
		}
	}
	return best
}

// longestEndingAt returns the longest phrase whose last token is end-1 and
// whose first token is at or after floor.
func (l *lexicon) longestEndingAt(text string, toks []token, end, floor int) *phrase {
	var best *phrase
	for _, p := range l.all {
		n := len(p.words)
		if end-n < floor || (best != nil && n <= len(best.words)) {
			continue
		}
		if p.matches(text, toks, end-n, end) {
			best = p
		}
	}
	return best
}

// hasFoldedPrefix reports whether word starts with prefix, ignoring ASCII
// case (prefix is already lower case).
func hasFoldedPrefix(word, prefix string) bool {
	if len(word) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// wordSet is a set of single vocabulary words.
type wordSet map[int32]bool

// set builds a wordSet; it returns the first entry that is not one word.
func (v *vocabulary) set(words []string) (wordSet, string) {
	s := wordSet{}
	for _, w := range words {
		parts := phraseWords(w)
		if len(parts) != 1 {
			return nil, w
		}
		s[v.add(parts[0])] = true
	}
	return s, ""
}

func (s wordSet) has(t token) bool { return t.id != noWord && s[t.id] }
