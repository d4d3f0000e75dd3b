package extract

import (
	"unicode"
	"unicode/utf8"

	txt "github.com/tally-news/tally/extract/internal/text"
)

// tokenKind tells words, numbers written in digits and single punctuation
// marks apart.
type tokenKind uint8

const (
	tWord tokenKind = iota + 1
	tDigits
	tPunct
)

// token is a span of the text; it carries offsets, never a copy.
type token struct {
	start, end int
	kind       tokenKind
	// spaced is true when white space (or the start of the region) comes
	// right before the token: "45-bus" is three tokens none of them spaced
	// but the first.
	spaced bool
	// id is the token's entry in the rule vocabulary, noWord if it has none.
	id int32
	// masked tokens lie in excluded text (markup, links, clock times).
	masked bool
}

const noWord = txt.Unknown

// tokenize appends the tokens of text[from:to] to toks. Number tokens take
// their group separators ("6,266", "430 000", "1.5") so later stages see one
// number; white space of any kind separates tokens.
func tokenize(toks []token, text string, from, to int, v *txt.Vocab, key []byte) ([]token, []byte) {
	spaced := true
	for i := from; i < to; {
		kind, end, space := classify(text, i, to, spaced)
		if kind == 0 {
			spaced = spaced || space
			i = end
			continue
		}
		id := noWord
		if kind != tDigits {
			id, key = v.Lookup(text[i:end], key, keyFold)
		}
		// Set in place: a token built on the stack and copied stalls the
		// copy's wide reads on its narrow writes (2% of a run's cycles).
		toks = append(toks, token{})
		t := &toks[len(toks)-1]
		t.start, t.end, t.kind, t.spaced, t.id = i, end, kind, spaced, id
		spaced = false
		i = end
	}
	return toks, key
}

// classify returns the kind and end of the token at i, or kind 0 for white
// space (space is true) and for an invisible soft hyphen. spaced says white
// space came before i.
func classify(text string, i, to int, spaced bool) (kind tokenKind, end int, space bool) {
	c := text[i]
	if c < utf8.RuneSelf {
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			return 0, i + 1, true
		case isDigit(c):
			return tDigits, scanDigits(text, i, to), false
		case c == '.' && spaced && i+1 < to && isDigit(text[i+1]):
			return tDigits, scanDigits(text, i+1, to), false // ".001"
		case isASCIILetter(c):
			return tWord, scanWord(text, i, to), false
		}
		return tPunct, i + 1, false
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	switch {
	case txt.IsSpace(r):
		return 0, i + size, true
	case r == softHyphen:
		return 0, i + size, false // invisible: neither a token nor a break
	case unicode.IsLetter(r):
		return tWord, scanWord(text, i, to), false
	}
	return tPunct, i + size, false
}

const softHyphen = '\u00ad'

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// scanWord returns the end of the word starting at i: letters, marks, soft
// hyphens and apostrophes between letters ("Ukraine's") or after a plural s
// ("soldiers'").
func scanWord(text string, i, to int) int {
	for i < to {
		c := text[i]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) {
				i++
				continue
			}
			if c == '\'' && i > 0 && (letterAt(text, i+1, to) || text[i-1] == 's' && !letterAt(text, i+1, to)) {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == softHyphen {
			i += size
			continue
		}
		if r == '’' && (letterAt(text, i+size, to) || text[i-1] == 's' && !letterAt(text, i+size, to)) {
			i += size
			continue
		}
		return i
	}
	return i
}

func letterAt(text string, i, to int) bool {
	if i >= to {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

// scanDigits returns the end of the number starting at i, taking in comma
// groups ("6,266"), a decimal part ("1.5") and groups of three after a space
// ("430 000") when the number started with at most three digits.
func scanDigits(text string, i, to int) int {
	start := i
	for i < to && isDigit(text[i]) {
		i++
	}
	spaceGroups := i-start <= 3
	for i < to {
		if text[i] == ',' && threeDigits(text, i+1, to) {
			i += 4
			continue
		}
		if text[i] == '.' && i+1 < to && isDigit(text[i+1]) {
			i++
			for i < to && isDigit(text[i]) {
				i++
			}
			return i
		}
		if n := groupSpace(text, i, to); spaceGroups && n > 0 && threeDigits(text, i+n, to) {
			i += n + 3
			continue
		}
		return i
	}
	return i
}

// threeDigits reports whether exactly three digits start at i.
func threeDigits(text string, i, to int) bool {
	return i+3 <= to && isDigit(text[i]) && isDigit(text[i+1]) && isDigit(text[i+2]) &&
		(i+3 == to || !isDigit(text[i+3]))
}

// groupSpace returns the width of a single space, no-break space or thin
// space at i, 0 if there is none.
func groupSpace(text string, i, to int) int {
	if i >= to {
		return 0
	}
	if text[i] == ' ' {
		return 1
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if r == '\u00a0' || r == '\u2009' || r == '\u202f' {
		return size
	}
	return 0
}
