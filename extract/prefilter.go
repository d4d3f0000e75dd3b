package extract

import (
	"strings"
	"unicode/utf8"

	txt "github.com/tally-news/tally/extract/internal/text"
)

// figureFilter tells from a sentence's bytes that it cannot hold a figure:
// it has no digit and no word that can begin one. Most sentences of news
// hold no figure, and the filter spares them the vocabulary look-ups, the
// tokens and the scanner.
//
// It must never skip a sentence the scanner would find a figure in, so it
// keeps every start word except "a", "an" and the hyphen: those begin a
// figure only before a word it keeps ("a dozen") or a digit ("-5").
type figureFilter struct {
	off   bool    // skip nothing: the tests' reference, every sentence scanned
	words wordSet // the kept words
	// asciiRuns is true when every kept ASCII word is letters only or one
	// punctuation mark, which punct holds.
	asciiRuns bool
	punct     [utf8.RuneSelf]bool
	// shapes holds a bit for each kept ASCII word's shape, which rules out
	// nearly all other words without a look-up.
	shapes [1 << shapeBits / 64]uint64
}

const shapeBits = 16

func (r *rules) newFigureFilter() figureFilter {
	f := figureFilter{words: make(wordSet, r.vocab.Len()), asciiRuns: true}
	for id, start := range r.starts {
		if !start {
			continue
		}
		if id == int(r.a) || id == int(r.an) || id == int(r.hyphen) {
			continue
		}
		f.keep(r.vocab.Word(int32(id)), int32(id))
	}
	for id, follows := range r.afterArticle {
		if follows {
			f.keep(r.vocab.Word(int32(id)), int32(id))
		}
	}
	for id, cue := range r.implied.cues {
		if cue {
			f.keep(r.vocab.Word(int32(id)), int32(id))
		}
	}
	return f
}

func (f *figureFilter) keep(key string, id int32) {
	f.words[id] = true
	if !isASCII(key) {
		return // tokens beyond ASCII are looked up whole
	}
	s := shape(key)
	f.shapes[s/64] |= 1 << (s % 64)
	switch {
	case len(key) == 1 && !isASCIILetter(key[0]) && !isDigit(key[0]):
		f.punct[key[0]] = true
	case strings.IndexFunc(key, func(r rune) bool { return !isASCIILetter(byte(r)) }) >= 0:
		f.asciiRuns = false
	}
}

// shape returns the bit of a word of ASCII letters: a hash of its length
// and its first, second and last letters, lower-cased as the vocabulary
// keys are.
func shape(word string) uint32 {
	n := len(word)
	h := uint32(min(n, 15))<<15 | uint32(word[0]|0x20)&31<<10 | uint32(word[min(1, n-1)]|0x20)&31<<5 | uint32(word[n-1]|0x20)&31
	return h * 0x9E3779B1 >> (32 - shapeBits)
}

// isASCII reports whether s is ASCII throughout: only then is its
// vocabulary key its lower-cased self.
func isASCII(s string) bool {
	var or byte
	for i := 0; i < len(s); i++ {
		or |= s[i]
	}
	return or < utf8.RuneSelf
}

// next returns the offset of the first token in text[from:to] that may
// begin a figure, or -1. key is scratch for the vocabulary look-ups of the
// words that pass the shape test.
//
// It reads ASCII a byte at a time through a class table, without
// tokenizing: a word is a run of ASCII letters, which is the whole token
// whenever the token is a kept word (kept words have no apostrophes, see
// asciiRuns). At a byte of a wider character it tokenizes the one token
// there as tokenize would, which is exact.
func (f *figureFilter) next(text string, from, to int, v *txt.Vocab, key []byte) (int, []byte) {
	if f.off {
		return from, key
	}
	if !f.asciiRuns {
		return f.nextToken(text, from, to, v, key)
	}
	run := -1 // start of the current run of ASCII letters
	for i := from; i < to; i++ {
		c := text[i]
		switch byteClasses[c] {
		case classLetter:
			if run < 0 {
				run = i
			}
			continue
		case classDigit:
			if run >= 0 {
				return run, key // the letters glued before may start it ("a few0")
			}
			return i, key
		case classWide:
			start := i
			if run >= 0 {
				start = run // the letters before belong to this token
			}
			var hit bool
			var end int
			if end, hit, key = f.tokenAt(text, start, to, v, key); hit {
				return start, key
			}
			run, i = -1, end-1
			continue
		}
		if run >= 0 {
			var hit bool
			if hit, key = f.kept(text[run:i], v, key); hit {
				return run, key
			}
			run = -1
		}
		if f.punct[c] {
			return i, key
		}
	}
	if run >= 0 {
		if hit, key := f.kept(text[run:to], v, key); hit {
			return run, key
		}
	}
	return -1, key
}

// nextToken is next token by token, for rules whose kept words the byte
// runs would not see whole.
func (f *figureFilter) nextToken(text string, from, to int, v *txt.Vocab, key []byte) (int, []byte) {
	for i := from; i < to; {
		var hit bool
		var end int
		if end, hit, key = f.tokenAt(text, i, to, v, key); hit {
			return i, key
		}
		i = end
	}
	return -1, key
}

// tokenAt reads the token at i as tokenize does and reports where it ends
// and whether it may start a figure: digits, or a kept word or mark.
func (f *figureFilter) tokenAt(text string, i, to int, v *txt.Vocab, key []byte) (end int, hit bool, _ []byte) {
	kind, end, _ := classify(text, i, to, true)
	switch kind {
	case tDigits:
		return end, true, key
	case tWord, tPunct:
		hit, key = f.lookUp(text[i:end], v, key)
	}
	return end, hit, key
}

// kept reports whether a run of ASCII letters is a kept word, testing its
// shape before looking it up.
func (f *figureFilter) kept(run string, v *txt.Vocab, key []byte) (bool, []byte) {
	if s := shape(run); f.shapes[s/64]&(1<<(s%64)) == 0 {
		return false, key
	}
	return f.lookUp(run, v, key)
}

// lookUp reports whether a token is a kept word.
func (f *figureFilter) lookUp(token string, v *txt.Vocab, key []byte) (bool, []byte) {
	id, key := v.Lookup(token, key, keyFold)
	return id != noWord && int(id) < len(f.words) && f.words[id], key
}

// Byte classes for mayHold.
const (
	classOther  = iota // space or ASCII punctuation
	classLetter        // ASCII letter
	classDigit
	classWide // a byte of a character beyond ASCII
)

var byteClasses = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = classWide
		case isDigit(byte(c)):
			t[c] = classDigit
		case isASCIILetter(byte(c)):
			t[c] = classLetter
		}
	}
	return t
}()
