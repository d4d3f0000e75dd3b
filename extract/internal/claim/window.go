package claim

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"

	txt "github.com/tally-news/tally/extract/internal/text" // text is scanWindow's document
)

// The window scanner gives the tokens view.scan gives, with their
// vocabulary ids and bits, each token's clause break count and the marks
// the rules start from, faster: a word of up to fifteen ASCII letters and
// digits followed by a mark that cannot join it is found, lower-cased and
// packed sixteen bytes at a time; a longer one, a hyphenated one and a
// number with separators are read byte by byte (asciiWordEnd); an ASCII
// punctuation mark and a one-byte key take table look-ups; anything else
// (an apostrophe, a multi-byte rune) goes to view.scan's own code
// (scanToken, scanWord). Quotations are resolved as tokens are read.
// TestScanWindow and FuzzScanWindow hold it to view.scan.

// ASCII byte classes.
const (
	aOther uint8 = iota
	aSpace
	aNewline
	aLower
	aUpper
	aDigit
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c == '\n':
			t[c] = aNewline
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			t[c] = aSpace
		case c >= 'a' && c <= 'z':
			t[c] = aLower
		case c >= 'A' && c <= 'Z':
			t[c] = aUpper
		case c >= '0' && c <= '9':
			t[c] = aDigit
		}
	}
	return t
}()

// isAlnum reports ASCII letters and digits, and false for every byte of a
// multi-byte rune.
var isAlnum = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiClass[c] >= aLower
	}
	return t
}()

// classFlags are the flags a word's first byte class gives it.
var classFlags = [...]uint8{aUpper: fCap, aDigit: fDigit}

// clauseBreak are the punctuation kinds that end a clause.
var clauseBreak = [kOther + 1]bool{kComma: true, kSemi: true, kColon: true, kDash: true, kOpen: true, kClose: true}

// marks lists, in order, the window's tokens at which a rule can match:
// a lexicon's phrases start only at a word with its bit, a date also at a
// number. The loops over a sentence visit these instead of every token.
type marks struct {
	places []int32 // places, settlement and region words: placeAt
	dates  []int32 // dates, and numbers that may be a day or a date: dateAt
	hedges []int32 // hedges.match
	cues   []int32 // speech verbs and source cues: findCues
}

func (m *marks) reset() {
	m.places, m.dates, m.hedges, m.cues = m.places[:0], m.dates[:0], m.hedges[:0], m.cues[:0]
}

// Eight bytes at a time: where a word of ASCII letters and digits ends,
// and its key, take a few integer operations.
const (
	ones = 0x0101010101010101
	high = 0x8080808080808080
)

// load64 reads s[i:i+8] little-endian.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// inRange sets the high bit of each byte of y (all below 0x80) from lo to
// hi.
func inRange(y uint64, lo, hi byte) uint64 {
	return (y + ones*uint64(0x80-lo)) &^ (y + ones*uint64(0x7f-hi)) & high
}

// nonAlnum sets the high bit of each byte of x that is not an ASCII letter
// or digit.
func nonAlnum(x uint64) uint64 {
	y := x &^ high
	alnum := inRange(y|ones*0x20, 'a', 'z') | inRange(y, '0', '9')
	return (^alnum | x) & high
}

// lower lower-cases the ASCII capitals of x.
func lower(x uint64) uint64 {
	return x | inRange(x&^high, 'A', 'Z')&^x>>2
}

// asciiWordEnd is where the word of ASCII letters and digits starting at i
// ends, as view.scanWord would find it: a hyphen before a letter or digit
// and a point or comma between digits join; ok is false when an apostrophe
// or a multi-byte rune decides, which scanWord must read.
func asciiWordEnd(text string, i, to int) (int, bool) {
	j := i + 1
	for {
		for j < to && isAlnum[text[j]] {
			j++
		}
		if j >= to {
			return j, true
		}
		var next byte // the byte after text[j], 0 at the end
		if j+1 < to {
			next = text[j+1]
		}
		switch b := text[j]; {
		case b >= utf8.RuneSelf || b == '\'' || next >= utf8.RuneSelf && (b == '-' || b == '.' || b == ','):
			return 0, false
		case b == '-' && isAlnum[next],
			(b == '.' || b == ',') && isDigit(rune(text[j-1])) && isDigit(rune(next)):
			j++
		default:
			return j, true
		}
	}
}

// scanWindow is scan for a view with a vocabulary; it also counts clause
// breaks (see Annotator.clauses) in token.clause and, when m is not nil,
// appends to m. A second call must go on from where the first stopped, at
// a line break; the tokens are then those of one call over both stretches.
func (a *Annotator) scanWindow(v *view, m *marks, from, to int) {
	text := v.text
	vc := v.voc
	first := len(v.toks)
	line := int32(0)
	clause := int32(0)
	if first > 0 {
		line = v.toks[first-1].line
		clause = v.toks[first-1].clause
	}
	if need := len(v.toks) + (to-from)/3 + 16; cap(v.toks) < need {
		toks := make([]token, len(v.toks), need+need/4)
		copy(toks, v.toks)
		v.toks = toks
	}
	// Keys are never longer than their tokens; the fast path writes
	// sixteen bytes at a time.
	if need := len(v.keys) + to - from + 16; cap(v.keys) < need {
		keys := make([]byte, len(v.keys), need+need/4)
		copy(keys, v.keys)
		v.keys = keys
	}
	if v.from < 0 {
		v.from = from
	}
	start := v.from
	clauseMask := a.clauseWords.bit
	placeMask := a.places.bit | a.settlements.bit | a.regionBit
	cueMask := a.verbs.bit | a.sourceCues.bit
	dateMask := a.dates.bit
	// dateAt reads a number as a date only when it is YYYY-MM-DD or a day
	// (dayNumber: two digits and a day suffix at most).
	dayMax := 2 + a.daySuffixMax
	hedgeMask := a.hedges.bit
	markMask := placeMask | dateMask | cueMask | hedgeMask
	open := -1 // the quotation open on this line, an index into v.quotes
	newlines := v.newlines
	i := from
	for i < to {
		c := text[i]
		r, size := rune(c), 1
		cl := aOther
		if c < utf8.RuneSelf {
			cl = asciiClass[c]
			if cl == aSpace {
				i++
				continue
			}
			if cl == aNewline {
				newlines++
				i++
				continue
			}
		} else if j, nl, r1, s1 := skipSpace(text, i, to); j > i {
			newlines += nl
			i = j
			continue
		} else {
			r, size = r1, s1
		}
		flags := v.breakFlags(newlines, start, &line)
		if flags&fLine != 0 {
			open = v.endQuote(open, len(v.toks)-1)
		}
		newlines = 0
		n := len(v.toks)
		if n == cap(v.toks) {
			v.toks = append(v.toks, token{})
		}
		v.toks = v.toks[:n+1]
		t := &v.toks[n]
		ks := len(v.keys)
		*t = token{s: int32(i), line: line, ks: int32(ks)}

		// Read the token and its key; w0 is txt.Pack of the key when packed.
		var w0 uint64
		packed := false
		switch {
		case cl >= aLower:
			wl, ok := 0, false // a word of ASCII letters and digits, then a mark that cannot join it
			var x, x2 uint64
			// The loads may read past to (a window ends at a line break,
			// and the text goes on); a word that runs past to goes the
			// slow way.
			if i+16 <= len(text) {
				x = load64(text, i)
				na := nonAlnum(x)
				if na == 0 {
					x2 = load64(text, i+8)
					if na = nonAlnum(x2); na != 0 {
						wl = 8 + bits.TrailingZeros64(na)>>3
					}
				} else {
					wl = bits.TrailingZeros64(na) >> 3
				}
				if wl > 0 && i+wl <= to {
					switch b := text[i+wl]; b {
					case '-', '\'':
					case '.', ',':
						ok = !(isDigit(rune(text[i+wl-1])) && i+wl+1 < to && isDigit(rune(text[i+wl+1])))
					default:
						ok = b < utf8.RuneSelf
					}
				}
			}
			if ok {
				t.kind = kWord
				flags |= classFlags[cl]
				v.keys = v.keys[:ks+16]
				if wl < 8 {
					w0 = lower(x) & (1<<(8*wl) - 1)
					binary.LittleEndian.PutUint64(v.keys[ks:], w0)
				} else {
					w0 = lower(x)
					binary.LittleEndian.PutUint64(v.keys[ks:], w0)
					binary.LittleEndian.PutUint64(v.keys[ks+8:], lower(x2))
				}
				v.keys = v.keys[:ks+wl]
				packed = true
				i += wl
				t.e = int32(i)
			} else if j, ok := asciiWordEnd(text, i, to); ok {
				// Longer, hyphenated or a number with separators.
				t.kind = kWord
				flags |= classFlags[cl]
				v.keys = append(v.keys, text[i:j]...)
				for k := ks; k < len(v.keys); k++ {
					if b := v.keys[k]; b >= 'A' && b <= 'Z' {
						v.keys[k] = b + 'a' - 'A'
					}
				}
				i = j
				t.e = int32(i)
			} else {
				var f uint8
				i, f = v.scanWord(t, i, size, to, r)
				flags |= f
			}
		case c >= utf8.RuneSelf:
			var f uint8
			i, f = v.scanToken(t, i, size, to, r)
			flags |= f
		case c == '-':
			i = v.scanPunct(t, i, size, to, r)
		default: // ASCII punctuation: its key is itself
			t.kind = punctKind(r)
			v.keys = append(v.keys, c)
			i++
			t.e = int32(i)
		}
		t.ke = int32(len(v.keys))
		t.flags = flags
		if i < to && text[i] == ' ' { // spare the loop the usual space after a token
			i++
		}

		// The key's word id and bits, without a call for most keys.
		key := v.keys[ks:]
		if !packed {
			w0 = txt.Pack(key)
		}
		id, idBits, ok := vc.TryFind(w0, len(key))
		if !ok {
			id, idBits = vc.Find(key, w0)
		}
		t.id, t.bits = id, idBits

		// Quotations, as resolveQuotes pairs them.
		if t.kind >= kQuoteOpen && t.kind <= kQuote {
			open = v.pairQuote(n, open)
		} else if open >= 0 {
			t.q = int32(open + 1)
		}

		if t.kind == kWord && t.bits&clauseMask != 0 || t.kind != kWord && clauseBreak[t.kind] {
			clause++
		}
		// Most tokens start no rule: one test passes them by.
		if m != nil && (t.bits&markMask != 0 || flags&fDigit != 0) {
			if t.kind == kWord {
				if t.bits&placeMask != 0 {
					m.places = append(m.places, int32(n))
				}
				if t.bits&dateMask != 0 || flags&fDigit != 0 && (int(t.ke-t.ks) <= dayMax || t.e-t.s == 10) {
					m.dates = append(m.dates, int32(n))
				}
				if t.bits&cueMask != 0 {
					m.cues = append(m.cues, int32(n))
				}
			}
			if t.bits&hedgeMask != 0 { // hedges are tried at any token
				m.hedges = append(m.hedges, int32(n))
			}
		}
		t.clause = clause
	}
	v.endQuote(open, len(v.toks)-1)
	v.newlines = newlines
}
