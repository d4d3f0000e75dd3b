package input

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// decodeText returns b as UTF-8 and, on failure, the offset of the first
// byte that could not be decoded.
//
// Valid UTF-8 is returned as is. Otherwise b is taken for windows-1252, the
// usual legacy encoding of English-language news, but only when it looks
// like it: no well-formed multi-byte UTF-8 sequence (that would be a file in
// two encodings, where any choice garbles half of it) and none of the five
// bytes windows-1252 leaves undefined. declaredUTF8 (a BOM said so) rules
// the guess out.
func decodeText(b []byte, declaredUTF8 bool) (string, int, error) {
	if utf8.Valid(b) {
		return string(b), 0, nil
	}
	bad, multibyte, undefined := -1, false, false
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			if bad < 0 {
				bad = i
			}
			switch c {
			case 0x81, 0x8d, 0x8f, 0x90, 0x9d:
				undefined = true
			}
		} else {
			multibyte = true
		}
		i += size
	}
	switch {
	case declaredUTF8:
		return "", bad, fmt.Errorf("invalid utf-8 at byte %d", bad)
	case multibyte:
		return "", bad, fmt.Errorf("invalid utf-8 at byte %d (mixed with valid utf-8, so not windows-1252)", bad)
	case undefined:
		return "", bad, fmt.Errorf("invalid utf-8 at byte %d (and not windows-1252)", bad)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return "", bad, fmt.Errorf("decoding windows-1252: %w", err)
	}
	return string(out), 0, nil
}

// decodeString is decodeText for a string that is usually valid already.
func decodeString(s string, declaredUTF8 bool) (string, error) {
	if utf8.ValidString(s) {
		return s, nil
	}
	out, _, err := decodeText([]byte(s), declaredUTF8)
	return out, err
}

// lineAt is the 1-based line of byte offset off in b.
func lineAt(b []byte, off int) int {
	if off > len(b) {
		off = len(b)
	}
	return bytes.Count(b[:off], []byte{'\n'}) + 1
}

// looksBinary reports whether the start of a stream is not text: any NUL
// byte, or more than one byte in ten a control character that text does
// not use. It runs on every input, so it counts through a table.
func looksBinary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range head {
		ctrl += int(controlByte[c])
	}
	return ctrl*10 > len(head)
}

// controlByte marks the control characters text does not use; tab, line
// breaks and ESC (text carrying terminal colours) are text.
var controlByte = func() (t [256]uint8) {
	for c := 0; c < 0x20; c++ {
		t[c] = 1
	}
	for _, c := range []byte{'\t', '\n', '\r', '\f', '\v', 0x1b} {
		t[c] = 0
	}
	t[0x7f] = 1
	return t
}()
