package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// patternSet runs several regular expressions over a text. Most patterns
// start with a literal ("http", "<", "©") that Go's regexp finds with
// strings.Index, one pass over the text per pattern; the set finds where
// every literal first occurs in a single pass instead, and runs each
// pattern only from there, or not at all when its literal never occurs,
// which is the case for most patterns in most articles.
type patternSet struct {
	res    []*regexp.Regexp
	prefix []string // the literal every match of res[k] starts with, or ""
	// byFirst lists the patterns whose literal starts with a byte.
	byFirst [256][]int
	always  []int // patterns without a literal: run over the whole text
}

func newPatternSet(res []*regexp.Regexp) *patternSet {
	p := &patternSet{res: res, prefix: make([]string, len(res))}
	for k, re := range res {
		prefix, _ := re.LiteralPrefix()
		p.prefix[k] = prefix
		if prefix == "" {
			p.always = append(p.always, k)
			continue
		}
		p.byFirst[prefix[0]] = append(p.byFirst[prefix[0]], k)
	}
	return p
}

// starts sets from[k] to where pattern k should be run from in s: one
// rune before the first occurrence of its literal, so that an assertion
// such as \b at the match start still sees the character before it; 0
// without a literal; -1 when the literal does not occur, so the pattern
// cannot match.
func (p *patternSet) starts(s string, from []int) []int {
	from = from[:0]
	for range p.res {
		from = append(from, -1)
	}
	for _, k := range p.always {
		from[k] = 0
	}
	left := len(p.res) - len(p.always)
	for i := 0; i < len(s) && left > 0; i++ {
		for _, k := range p.byFirst[s[i]] {
			if from[k] < 0 && strings.HasPrefix(s[i:], p.prefix[k]) {
				_, size := utf8.DecodeLastRuneInString(s[:i])
				from[k] = i - size
				left--
			}
		}
	}
	return from
}
