package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) of a document's text.
type Span struct{ Start, End int }

// Splitter cuts text into sentences. It holds the rules' abbreviations and
// is immutable once built, so one serves every goroutine.
type Splitter struct {
	// abbreviations are the words, lower case, whose full stop ends no
	// sentence.
	abbreviations map[string]bool
}

// NewSplitter returns a splitter that takes the words of abbreviations
// (the rules' top-level list, any case; "u.s" as written before its last
// full stop) for no sentence end.
func NewSplitter(abbreviations []string) *Splitter {
	set := make(map[string]bool, len(abbreviations))
	for _, a := range abbreviations {
		set[strings.ToLower(a)] = true
	}
	return &Splitter{abbreviations: set}
}

// MaxSentenceBytes bounds a sentence. A page without full stops would
// otherwise be one sentence: every figure in it would read all of it, so
// time would grow with the square of its length, and every row would
// carry it whole. News sentences are far shorter.
const MaxSentenceBytes = 4096

// Split appends the sentence spans of text[from:to]. A sentence ends at a
// line break (headlines, captions, paragraphs) or at . ! ? followed by
// space and a capital, digit or opening quote, unless the word before the
// stop is a known abbreviation or an initial ("Feb. 24", "Gen. Smith").
// A run-on sentence is cut into pieces of at most MaxSentenceBytes.
func (sp *Splitter) Split(out []Span, text string, from, to int) []Span {
	start := from
	emit := func(end int) {
		for {
			s, e := trimSpace(text, start, end)
			if e-s <= MaxSentenceBytes {
				if s < e {
					out = append(out, Span{s, e})
				}
				return
			}
			cut := runOnCut(text, s)
			ps, pe := trimSpace(text, s, cut)
			out = append(out, Span{ps, pe})
			start = cut
		}
	}
	for i := from; i < to; i++ {
		c := text[i]
		if !sentenceBreak[c] {
			continue // most bytes; a table test is cheaper than the switch
		}
		switch c {
		case '\n':
			emit(i)
			start = i + 1
		case '.', '!', '?':
			j := i + 1
			for j < to && isClosing(text[j:to]) {
				_, size := utf8.DecodeRuneInString(text[j:])
				j += size
			}
			if j >= to || !isSpaceAt(text, j, to) {
				continue
			}
			k := j
			for k < to && isSpaceAt(text, k, to) && text[k] != '\n' {
				_, size := utf8.DecodeRuneInString(text[k:])
				k += size
			}
			if k < to && text[k] != '\n' && !opensSentence(text[k:to]) {
				continue
			}
			if text[i] == '.' && sp.abbreviationBefore(text, from, i) {
				continue
			}
			emit(j)
			start = j
			i = j - 1
		}
	}
	emit(to)
	return out
}

// HasSentenceEnd reports whether s ends a sentence somewhere: a full stop,
// question or exclamation mark that does not end an abbreviation ("Inc.").
func (sp *Splitter) HasSentenceEnd(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '!', '?':
			return true
		case '.':
			w := i
			for w > 0 && isASCIILetter(s[w-1]) {
				w--
			}
			if !sp.abbreviations[strings.ToLower(s[w:i])] {
				return true
			}
		}
	}
	return false
}

// runOnCut is where the piece of a run-on sentence starting at s ends: at
// the last space of its second half, else (a page without spaces) at the
// bound, moved back to the start of a rune it would split.
func runOnCut(text string, s int) int {
	limit := s + MaxSentenceBytes
	for i := limit; i > s+MaxSentenceBytes/2; i-- {
		if c := text[i-1]; c == ' ' || c == '\t' || c == '\r' {
			return i - 1
		}
	}
	// A rune that straddles the bound starts at most UTFMax-1 bytes
	// before it; further back there are only stray continuation bytes
	// (invalid UTF-8), and cutting at the bound splits no rune of them.
	for i := limit; i > s+1 && i > limit-utf8.UTFMax; i-- {
		if utf8.RuneStart(text[i]) {
			return i
		}
	}
	return limit
}

// sentenceBreak marks the bytes at which a sentence may end.
var sentenceBreak = [256]bool{'\n': true, '.': true, '!': true, '?': true}

// abbreviationBefore reports whether the word ending at the full stop at i
// is an abbreviation or a single-letter initial.
func (sp *Splitter) abbreviationBefore(text string, from, i int) bool {
	w, lo := i, max(from, i-4*maxAbbreviation) // a longer word is no abbreviation
	for w > lo && !isSpaceAt(text, w-1, i) && text[w-1] != '(' && text[w-1] != '"' {
		w--
	}
	if w == lo && lo > from && !isSpaceAt(text, w-1, i) && text[w-1] != '(' && text[w-1] != '"' {
		return false
	}
	for w < i && strings.ContainsRune("“‘'\"", rune(text[w])) {
		w++ // opening quotes (ASCII ones; a curly quote is not a letter either)
	}
	word := text[w:i]
	if word == "" {
		return false
	}
	if r0, size := utf8.DecodeRuneInString(word); size == len(word) {
		return unicode.IsLetter(r0)
	}
	if len(word) > maxAbbreviation {
		return false
	}
	var buf [maxAbbreviation]byte
	for k := 0; k < len(word); k++ {
		c := word[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return sp.abbreviations[string(buf[:len(word)])]
}

// maxAbbreviation bounds the words looked up as abbreviations; longer
// words before a full stop end a sentence.
const maxAbbreviation = 8

func isClosing(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '"', '\'', '”', '’', ')', ']':
		return true
	}
	return false
}

func opensSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '—', '-', '•', '*':
		return true
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// IsSpace covers the spaces news copy uses between digit groups and
// words: no-break, thin and narrow no-break spaces among them. U+2028 and
// U+2029 are spaces too: only '\n' breaks a line.
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u2009' || r == '\u202f' || r == '\u00a0' || r == '\u200b'
}

func isSpaceAt(text string, i, to int) bool {
	if i >= to {
		return false
	}
	c := text[i]
	if c < utf8.RuneSelf {
		return c == ' ' || c == '\n' || c == '\t' || c == '\r'
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return IsSpace(r)
}

func trimSpace(text string, s, e int) (int, int) {
	for s < e && isSpaceAt(text, s, e) {
		_, size := utf8.DecodeRuneInString(text[s:])
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}
