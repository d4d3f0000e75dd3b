package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a half-open byte range [start, end).
type span struct{ start, end int }

// sentences appends the sentence spans of text[from:to]. A sentence ends at
// a line break (headlines, captions, paragraphs) or at . ! ? followed by
// space and a capital, digit or opening quote, unless the word before the
// stop is a known abbreviation or an initial ("Feb. 24", "Gen. Smith").
// A run-on sentence is cut into pieces of at most maxSentenceBytes.
func (r *rules) sentences(out []span, text string, from, to int) []span {
	start := from
	emit := func(end int) {
		for {
			s, e := trimSpace(text, start, end)
			if e-s <= maxSentenceBytes {
				if s < e {
					out = append(out, span{s, e})
				}
				return
			}
			cut := runOnCut(text, s)
			ps, pe := trimSpace(text, s, cut)
			out = append(out, span{ps, pe})
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
			if text[i] == '.' && r.abbreviationBefore(text, from, i) {
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

// lineBreaks appends the offset of every line break ('\n') of text: the
// lines are the figure pass's regions and the claims pass's paragraphs.
func lineBreaks(out []int, text string) []int {
	for i := 0; ; {
		k := strings.IndexByte(text[i:], '\n')
		if k < 0 {
			return out
		}
		out = append(out, i+k)
		i += k + 1
	}
}

// maxSentenceBytes bounds a sentence. A page without full stops would
// otherwise be one sentence: every figure in it would read all of it, so
// time would grow with the square of its length, and every row would
// carry it whole. News sentences are far shorter.
const maxSentenceBytes = 4096

// runOnCut is where the piece of a run-on sentence starting at s ends: at
// the last space of its second half, else (a page without spaces) at the
// last rune start within the bound.
func runOnCut(text string, s int) int {
	limit := s + maxSentenceBytes
	for i := limit; i > s+maxSentenceBytes/2; i-- {
		if c := text[i-1]; c == ' ' || c == '\t' || c == '\r' {
			return i - 1
		}
	}
	for limit > s+1 && !utf8.RuneStart(text[limit]) {
		limit--
	}
	return limit
}

// sentenceBreak marks the bytes at which a sentence may end.
var sentenceBreak = [256]bool{'\n': true, '.': true, '!': true, '?': true}

// abbreviationBefore reports whether the word ending at the full stop at i
// is an abbreviation or a single-letter initial.
func (r *rules) abbreviationBefore(text string, from, i int) bool {
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
	return r.abbreviations[string(buf[:len(word)])]
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

func isSpaceAt(text string, i, to int) bool {
	if i >= to {
		return false
	}
	c := text[i]
	if c < utf8.RuneSelf {
		return c == ' ' || c == '\n' || c == '\t' || c == '\r'
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isSpaceRune(r)
}

func trimSpace(text string, s, e int) (int, int) {
	for s < e && isSpaceAt(text, s, e) {
		_, size := utf8.DecodeRuneInString(text[s:])
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpaceRune(r) {
			break
		}
		e -= size
	}
	return s, e
}
