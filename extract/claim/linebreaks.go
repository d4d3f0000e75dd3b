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
	at   []int
	ok   bool
}

func (b *lineBreaks) reset(text string) {
	b.text, b.at, b.ok = text, b.at[:0], false
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
	b.ok = true
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
