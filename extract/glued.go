package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text pulled from PDF reports loses spaces: "weredisplaced",
// "newdisplacements", "displacedabout", "fledShirqat". A category's glued
// words are found at either end of an unknown word, so such a figure still
// reaches its verb.

// gluedWord is a trigger word that may be found glued to another.
type gluedWord struct {
	word     string // lower case
	category int
	rule     phrase // "glued:displaced", as a verdict reports it
}

// gluedEdges hold the first and last letters of the glued words, lower
// case, so that most words are passed over at a glance.
type gluedEdges struct{ firsts, lasts [256]bool }

func newGluedEdges(words []gluedWord) gluedEdges {
	var e gluedEdges
	for _, g := range words {
		e.firsts[g.word[0]] = true
		e.lasts[g.word[len(g.word)-1]] = true
	}
	return e
}

// minGluedAlone is the length from which a glued word is trusted at a
// lower-case join; a shorter one ("fled") only where a capital starts the
// other word ("fledShirqat"), or "fledgling" would count.
const minGluedAlone = 6

// gluedAt returns the glued trigger in the word token t, if any.
func (r *rules) gluedAt(text string, t token) *phrase {
	if len(r.glued) == 0 || t.kind != tWord || t.id != noWord || t.end-t.start < 6 {
		return nil
	}
	word := text[t.start:t.end]
	if !r.gluedEdges.firsts[word[0]|0x20] && !r.gluedEdges.lasts[word[len(word)-1]|0x20] {
		return nil // most words: neither end can be a glued word's
	}
	for i := range r.glued {
		g := &r.glued[i]
		n := len(g.word)
		if len(word) < n+2 {
			continue
		}
		if hasFoldedPrefix(word, g.word) && gluedJoin(word[n:], n) || hasFoldedSuffix(word, g.word) && gluedJoin(word[:len(word)-n], n) {
			return &g.rule
		}
	}
	return nil
}

// gluedJoin reports whether rest, glued to a trigger of length n, makes a
// join to trust: a capital after the trigger, or a long trigger.
func gluedJoin(rest string, n int) bool {
	if n >= minGluedAlone {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r)
}

func hasFoldedSuffix(word, suffix string) bool {
	return len(word) >= len(suffix) && strings.EqualFold(word[len(word)-len(suffix):], suffix)
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
