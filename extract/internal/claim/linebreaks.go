package claim

import (
	"sort"
	"strings"
)

// lineBreaks are the offsets of a document's line breaks, found once, so
// that finding the line around a figure costs the same at the end of a
// document without line breaks as at its start: searching back to the
// line start from every figure made such a document quadratic.
type lineBreaks struct {
	text string
	at   []int // own's, or the caller's (given)
	own  []int
	ok   bool
}

// reset starts on text; given, when not nil, are its line breaks as the
// caller found them, which are then not looked for again.
func (b *lineBreaks) reset(text string, given []int) {
	b.text = text
	if given != nil {
		b.at, b.ok = given, true
		return
	}
	b.at, b.ok = b.own[:0], false
}

func (b *lineBreaks) index() {
	if b.ok {
		return
	}
	for i := 0; ; {
		k := strings.IndexByte(b.text[i:], '\n')
		if k < 0 {
			break
		}
		b.at = append(b.at, i+k)
		i += k + 1
	}
	b.own, b.ok = b.at, true
}

// lineStart is the start of the line holding pos: one past the last line
// break before pos, or 0.
func (b *lineBreaks) lineStart(pos int) int {
	b.index()
	k := sort.SearchInts(b.at, pos)
	if k == 0 {
		return 0
	}
	return b.at[k-1] + 1
}

// lineEnd is the first line break at or after pos, or the text's end.
func (b *lineBreaks) lineEnd(pos int) int {
	b.index()
	if k := sort.SearchInts(b.at, pos); k < len(b.at) {
		return b.at[k]
	}
	return len(b.text)
}
