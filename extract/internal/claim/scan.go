package claim

// The scanner turns a stretch of article text into tokens that carry byte
// offsets into the text and a normalised key (ASCII lower case, typographic
// apostrophes as "'", a possessive "'s" dropped). It never fails: a byte it
// does not understand becomes a punctuation token of kind kOther.

import (
	"unicode"
	"unicode/utf8"

	txt "github.com/tally-news/tally/extract/internal/text"
)

// Token kinds.
const (
	kWord uint8 = iota
	kComma
	kStop // . ! ?
	kColon
	kSemi
	kDash
	kOpen  // ( [
	kClose // ) ]
	kQuoteOpen
	kQuoteClose
	kQuote // a straight double quote, resolved to open or close per line
	kOther
)

// Token flags.
const (
	fCap   uint8 = 1 << iota // first letter is upper case
	fPoss                    // a possessive: Ukraine's, soldiers'
	fLine                    // a line break comes before the token
	fBlank                   // a blank line comes before the token
	fDigit                   // starts with a digit
)

type token struct {
	s, e   int32  // byte span in the text
	ks, ke int32  // key span in view.keys
	q      int32  // quote id, 0 outside quotes
	line   int32  // line number within the view
	id     int32  // vocabulary id of the key (views with a vocabulary)
	bits   uint32 // vocabulary bits of the key
	clause int32  // clause breaks up to here (the window only)
	kind   uint8
	flags  uint8
}

// qspan is a quotation: the tokens of its opening and closing marks (close
// is the last token of the line when the quote is left open).
type qspan struct {
	open, close int32
	closed      bool
	line        int32
}

// view is one tokenised stretch of text. With a vocabulary, tokens carry
// their word ids and set bits (see vocab.go).
type view struct {
	text   string
	toks   []token
	keys   []byte
	quotes []qspan
	voc    *txt.Vocab

	// scanWindow continues where it stopped: the line breaks read since
	// the last token, and where the first scan started (-1 before it).
	newlines int
	from     int
}

func (v *view) reset(text string) {
	v.text = text
	v.toks = v.toks[:0]
	v.keys = v.keys[:0]
	v.quotes = v.quotes[:0]
	v.newlines, v.from = 0, -1
}

func (v *view) key(i int) []byte { t := &v.toks[i]; return v.keys[t.ks:t.ke] }

func (v *view) word(i int) bool { return v.toks[i].kind == kWord }

func (v *view) is(i int, f uint8) bool { return v.toks[i].flags&f != 0 }

// span returns the text of tokens [a, b).
func (v *view) span(a, b int) string { return v.text[v.toks[a].s:v.toks[b-1].e] }

// scan appends the tokens of text[from:to] and resolves its quotations.
// A view may be scanned again from where it ended, provided it ended at a
// line break: it then reads as if scanned in one go.
func (v *view) scan(from, to int) {
	text := v.text
	first := len(v.toks)
	line := int32(0)
	if first > 0 {
		line = v.toks[first-1].line
	}
	for i := from; ; {
		j, newlines, r, size := skipSpace(text, i, to)
		if j >= to {
			break
		}
		i = j
		flags := v.breakFlags(newlines, from, &line)
		t := token{s: int32(i), line: line, ks: int32(len(v.keys))}
		var f uint8
		i, f = v.scanToken(&t, i, size, to, r)
		t.ke = int32(len(v.keys))
		t.flags = flags | f
		if v.voc != nil {
			t.id, t.bits = v.voc.LookupKey(v.keys[t.ks:t.ke])
		}
		v.toks = append(v.toks, t)
	}
	v.resolveQuotes(first)
}

// skipSpace skips the space between tokens from i: it returns where the
// next token starts (to when none does), the line breaks skipped and the
// rune that starts the token, of size bytes.
func skipSpace(text string, i, to int) (j, newlines int, r rune, size int) {
	for i < to {
		c := text[i]
		switch {
		case c == '\n':
			newlines++
			i++
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c < utf8.RuneSelf:
			return i, newlines, rune(c), 1
		default:
			r, size := utf8.DecodeRuneInString(text[i:to])
			nl, sp := wideSpace(r)
			if !sp {
				return i, newlines, r, size
			}
			newlines += nl
			i += size
		}
	}
	return to, newlines, 0, 0
}

// wideSpace classifies a multi-byte rune between tokens: sp when it is
// skipped, nl 1 when it also breaks the line.
func wideSpace(r rune) (nl int, sp bool) {
	if r == '\u2028' || r == '\u2029' {
		return 1, true
	}
	return 0, unicode.IsSpace(r) || r == '\u00ad' || r == '\u200b' || r == '\ufeff'
}

// breakFlags returns the flags the next token gets from the newlines
// line breaks before it (the view's first token also when its scan began,
// at start, at a line start) and counts a new line in line.
func (v *view) breakFlags(newlines, start int, line *int32) uint8 {
	if newlines == 0 && (len(v.toks) > 0 || start > 0 && v.text[start-1] != '\n') {
		return 0
	}
	flags := fLine
	if newlines > 1 {
		flags |= fBlank
	}
	if len(v.toks) > 0 {
		*line++
	}
	return flags
}

// scanToken reads the token whose first rune r (of size bytes) is at i, a
// word or a punctuation mark, into t: it returns where the token ends and,
// for a word, its flags. scanWindow reads all but the ASCII tokens with it.
func (v *view) scanToken(t *token, i, size, to int, r rune) (int, uint8) {
	if isWordRune(r) {
		return v.scanWord(t, i, size, to, r)
	}
	return v.scanPunct(t, i, size, to, r), 0
}

// scanWord reads the word whose first rune r (of size bytes) is at i: it sets
// t's kind, end and key and returns where the word ends and its flags.
func (v *view) scanWord(t *token, i, size, to int, r rune) (int, uint8) {
	text := v.text
	var flags uint8
	t.kind = kWord
	if unicode.IsUpper(r) {
		flags |= fCap
	}
	if r >= '0' && r <= '9' {
		flags |= fDigit
	}
	j := i + size
	keyEnd := -1 // set when a trailing apostrophe ends the word
	prev := r
	for j < to {
		r2, s2 := rune(text[j]), 1
		if r2 >= utf8.RuneSelf {
			r2, s2 = utf8.DecodeRuneInString(text[j:to])
		}
		if isWordRune(r2) {
			prev = r2
			j += s2
			continue
		}
		// A joiner stays inside the word when a word character follows.
		next := rune(0)
		if j+s2 < to {
			next, _ = utf8.DecodeRuneInString(text[j+s2 : to])
		}
		joined := false
		switch r2 {
		case '-', '\'', '\u2019', '\u2010', '\u2011':
			joined = isWordRune(next)
		case '.', ',':
			joined = isDigit(prev) && isDigit(next)
		}
		if !joined {
			// soldiers' : a trailing apostrophe after s is a possessive.
			if (r2 == '\'' || r2 == '\u2019') && (prev == 's' || prev == 'S') {
				keyEnd = j
				j += s2
			}
			break
		}
		prev = r2
		j += s2
	}
	t.e = int32(j)
	w := text[i:j]
	if keyEnd >= 0 {
		flags |= fPoss
		v.appendKey(text[i:keyEnd])
	} else if n := possessiveLen(w); n > 0 && n < len(w) {
		// Ukraine's: the key drops the possessive.
		flags |= fPoss
		v.appendKey(w[:len(w)-n])
	} else {
		v.appendKey(w)
	}
	return j, flags
}

// scanPunct reads the punctuation mark r (of size bytes) at i into t and
// returns where it ends.
func (v *view) scanPunct(t *token, i, size, to int, r rune) int {
	text := v.text
	t.kind = punctKind(r)
	t.e = int32(i + size)
	if t.kind == kDash && r == '-' && size == 1 {
		// a hyphen standing alone, or a run of them, is a dash
		for int(t.e) < to && text[t.e] == '-' {
			t.e++
		}
	}
	v.appendKey(text[i:t.e])
	return int(t.e)
}

// possessiveLen is the length of a trailing 's or ’s, or 0.
func possessiveLen(w string) int {
	n := len(w)
	if n >= 3 && (w[n-1] == 's' || w[n-1] == 'S') {
		if w[n-2] == '\'' {
			return 2
		}
		if n >= 5 && w[n-4:n-1] == "\u2019" {
			return 4
		}
	}
	return 0
}

// appendKey appends the key of w: lower-cased (ASCII only), with
// typographic apostrophes and hyphens as ASCII.
func (v *view) appendKey(w string) { v.keys = txt.AppendKey(v.keys, w, keyFold) }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

func punctKind(r rune) uint8 {
	switch r {
	case ',':
		return kComma
	case '.', '!', '?':
		return kStop
	case ':':
		return kColon
	case ';':
		return kSemi
	case '-', '\u2013', '\u2014', '\u2015':
		return kDash
	case '(', '[':
		return kOpen
	case ')', ']':
		return kClose
	case '\u201c', '\u00ab', '\u201e':
		return kQuoteOpen
	case '\u201d', '\u00bb':
		return kQuoteClose
	case '"':
		return kQuote
	}
	return kOther
}

// resolveQuotes pairs quotation marks line by line (see pairQuote) for
// the tokens from first on, which start a line.
func (v *view) resolveQuotes(first int) {
	open := -1 // index into v.quotes
	for i := first; i < len(v.toks); i++ {
		if v.toks[i].flags&fLine != 0 {
			open = v.endQuote(open, i-1)
		}
		open = v.pairQuote(i, open)
	}
	v.endQuote(open, len(v.toks)-1)
}

// pairQuote gives token n its quotation. A straight quote closes an open
// quotation and opens one otherwise; an opening mark inside a quotation
// and a closing one outside are ignored. open is the quotation open before
// n (an index into v.quotes, -1 for none); the one open after it is
// returned.
func (v *view) pairQuote(n, open int) int {
	t := &v.toks[n]
	switch t.kind {
	case kQuote:
		if open >= 0 {
			t.kind = kQuoteClose
		} else {
			t.kind = kQuoteOpen
		}
	case kQuoteOpen:
		if open >= 0 {
			t.kind = kOther
		}
	case kQuoteClose:
		if open < 0 {
			t.kind = kOther
		}
	}
	switch t.kind {
	case kQuoteOpen:
		v.quotes = append(v.quotes, qspan{open: int32(n), close: int32(n), line: t.line})
		open = len(v.quotes) - 1
		t.q = int32(open + 1)
	case kQuoteClose:
		t.q = int32(open + 1)
		v.quotes[open].closed = true
		open = v.endQuote(open, n)
	default:
		if open >= 0 {
			t.q = int32(open + 1)
		}
	}
	return open
}

// endQuote ends the open quotation, if any, at token last: a quotation
// left open ends with its line. It returns -1, for none open.
func (v *view) endQuote(open, last int) int {
	if open >= 0 {
		v.quotes[open].close = int32(last)
	}
	return -1
}

// sent is a sentence: tokens [a, b) of a view, those that start inside
// one of the document's sentence spans (see mapSents).
type sent struct {
	a, b    int32
	heading bool // ends its line with a word, not a full stop: a headline or caption
}
