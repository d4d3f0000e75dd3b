package text

import (
	"sort"
	"strings"
)

// Doc is one document's text layer: its line breaks, found when it is
// reset, and the sentences of each line, split on first request and kept,
// so that the figure pass and the claims pass, asking the same Doc, split
// a line once between them. A Doc is reused from document to document; it
// is not safe for concurrent use.
type Doc struct {
	text     string
	splitter *Splitter
	breaks   []int       // the offset of every '\n', ascending
	lines    []lineSpans // by line; lo < 0 until the line is split
	spans    []Span      // the split lines' sentences, line after line as asked
	splits   int         // lines split since the reset
}

// lineSpans are a split line's sentences, spans[lo:hi] of its Doc.
type lineSpans struct{ lo, hi int32 }

// Reset starts d on text, split by sp.
func (d *Doc) Reset(sp *Splitter, text string) {
	d.text, d.splitter = text, sp
	d.breaks = LineBreaks(d.breaks[:0], text)
	n := len(d.breaks) + 1
	if cap(d.lines) < n {
		d.lines = make([]lineSpans, n)
	}
	d.lines = d.lines[:n]
	for i := range d.lines {
		d.lines[i] = lineSpans{-1, -1}
	}
	d.spans, d.splits = d.spans[:0], 0
}

// Clear lets go of the text, so that a pooled Doc keeps no document alive.
func (d *Doc) Clear() { d.text = "" }

// Splits is the number of lines split since the reset: each at most once.
func (d *Doc) Splits() int { return d.splits }

// Text is the document's text.
func (d *Doc) Text() string { return d.text }

// Breaks are the offsets of the text's line breaks, ascending; the caller
// must not change them.
func (d *Doc) Breaks() []int { return d.breaks }

// Lines is the number of lines: one more than of line breaks.
func (d *Doc) Lines() int { return len(d.lines) }

// LineOf is the index of the line holding byte pos (a line break belongs
// to the line it ends).
func (d *Doc) LineOf(pos int) int { return sort.SearchInts(d.breaks, pos) }

// Line is line k's byte range [start, end): end is its line break or the
// text's end.
func (d *Doc) Line(k int) (start, end int) {
	start, end = 0, len(d.text)
	if k > 0 {
		start = d.breaks[k-1] + 1
	}
	if k < len(d.breaks) {
		end = d.breaks[k]
	}
	return start, end
}

// LineStart is the start of the line holding pos.
func (d *Doc) LineStart(pos int) int {
	start, _ := d.Line(d.LineOf(pos))
	return start
}

// LineEnd is the first line break at or after pos, or the text's end.
func (d *Doc) LineEnd(pos int) int {
	_, end := d.Line(d.LineOf(pos))
	return end
}

// Sentences are the sentences of line k, split the first time they are
// asked for. The slice is d's: the caller must not change it.
func (d *Doc) Sentences(k int) []Span {
	ls := &d.lines[k]
	if ls.lo < 0 {
		start, end := d.Line(k)
		ls.lo = int32(len(d.spans))
		d.spans = d.splitter.Split(d.spans, d.text, start, end)
		ls.hi = int32(len(d.spans))
		d.splits++
	}
	return d.spans[ls.lo:ls.hi:ls.hi]
}

// SentencesIn appends the sentences of text[from:to], which lies within
// line k: the line's own when it is the whole line, else split here, not
// kept (a region that starts after a date header or ends at an end
// marker cuts its line, and a cut line splits otherwise).
func (d *Doc) SentencesIn(out []Span, k, from, to int) []Span {
	if start, end := d.Line(k); from == start && to == end {
		return append(out, d.Sentences(k)...)
	}
	return d.splitter.Split(out, d.text, from, to)
}

// LineBreaks appends the offset of every line break ('\n') of text: the
// lines are the figure pass's regions and the claims pass's paragraphs.
func LineBreaks(out []int, text string) []int {
	for i := 0; ; {
		k := strings.IndexByte(text[i:], '\n')
		if k < 0 {
			return out
		}
		out = append(out, i+k)
		i += k + 1
	}
}
