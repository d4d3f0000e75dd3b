package text

import (
	"unicode"
	"unicode/utf8"
)

// Fold says what a key folds besides what every key folds: ASCII upper
// case is lower-cased and the typographic apostrophes ’ and ‘ read as '.
// The two passes tokenise differently, and each folds what its tokens can
// hold: the figure pass keeps soft hyphens inside words and lower-cases
// "Ü"; the claims pass splits words at soft hyphens, keeps "Ü" (its
// rules are written with the same keys) and joins words with ‐ and ‑.
type Fold uint8

const (
	// FoldCase lower-cases letters beyond ASCII too; a byte that is not
	// UTF-8 then reads as U+FFFD. Without it such bytes are copied.
	FoldCase Fold = 1 << iota
	// DropSoftHyphen leaves soft hyphens (U+00AD) out.
	DropSoftHyphen
	// ASCIIHyphens reads the hyphens U+2010 and U+2011 as '-'.
	ASCIIHyphens
)

// AppendKey appends the key of word, folded as f says, to key.
func AppendKey(key []byte, word string, f Fold) []byte {
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
		if f&FoldCase == 0 && c != 0xe2 && c != 0xc2 {
			// Only U+0080-00BF and U+2000-2FFF hold a mark to fold:
			// any other byte is copied as it is, without decoding.
			key = append(key, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		switch {
		case r == '’' || r == '‘':
			key = append(key, '\'')
		case r == '\u00ad' && f&DropSoftHyphen != 0:
		case (r == '\u2010' || r == '\u2011') && f&ASCIIHyphens != 0:
			key = append(key, '-')
		case f&FoldCase != 0:
			key = utf8.AppendRune(key, unicode.ToLower(r))
		default:
			key = append(key, word[i:i+size]...)
		}
		i += size
	}
	return key
}
