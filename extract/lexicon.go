package extract

import (
	"strings"

	txt "github.com/tally-news/tally/extract/internal/text"
)

// keyFold is how the figure pass folds a word into its vocabulary key:
// its words keep soft hyphens (tokenize) and may be written in any case.
const keyFold = txt.FoldCase | txt.DropSoftHyphen

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
func (l *lexicon) add(v *txt.Vocab, written string, tag int) bool {
	p := &phrase{text: written, tag: tag, rule: l.rulePrefix + written}
	for _, w := range phraseWords(written) {
		p.words = append(p.words, v.Add(w))
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
	if int(id) >= len(index) {
		return nil
	}
	return index[id]
}

// phraseWords splits a rule phrase into normalised tokens the way the text
// tokenizer would ("-strong" is "-" and "strong", "km²" is "km" and "²").
func phraseWords(written string) []string {
	var out []string
	var none txt.Vocab // tokenize looks words up; here none is known
	for _, field := range strings.Fields(written) {
		toks, _ := tokenize(nil, field, 0, len(field), &none, nil)
		for _, t := range toks {
			out = append(out, string(txt.AppendKey(nil, field[t.start:t.end], keyFold)))
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
// limit, or nil (always nil from limit on).
func (l *lexicon) longestAt(toks []token, i, limit int) *phrase {
	if i >= limit {
		return nil
	}
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

// newWordSet builds a wordSet; it returns the first entry that is not one
// word.
func newWordSet(v *txt.Vocab, words []string) (wordSet, string) {
	var ids []int32
	for _, w := range words {
		parts := phraseWords(w)
		if len(parts) != 1 {
			return nil, w
		}
		ids = append(ids, v.Add(parts[0]))
	}
	s := make(wordSet, v.Len())
	for _, id := range ids {
		s[id] = true
	}
	return s, ""
}

func (s wordSet) has(t token) bool { return int(t.id) < len(s) && s[t.id] }

// startsAt reports whether a phrase of the lexicon starts at token i.
func (l *lexicon) startsAt(toks []token, i, limit int) bool {
	return i < limit && l.longestAt(toks, i, limit) != nil
}

// startsAtToken reports whether some phrase of the lexicon begins with the
// token's word.
func (l *lexicon) startsAtToken(t token) bool {
	return len(lookupIndex(l.byFirst, t.id)) > 0
}
