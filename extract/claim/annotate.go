package claim

import (
	"strings"

	"github.com/tally-news/tally/schema"
)

// Bounds on how much text one call reads, so a document without line breaks
// costs the same as one with them.
const (
	maxParagraph = 4096 // bytes either side of the sentence
	maxFollowing = 2048 // bytes after the paragraph, for disclaimers
	maxSentence  = 8192 // bytes of a sentence around the figure
	maxText      = 1<<31 - 1
)

// scratch holds one call's buffers; Annotator keeps them in a pool so a
// call allocates nothing but the strings it returns.
type scratch struct {
	main, back view
	sents      []sent  // sentences of main
	cueAt      []int32 // cues of sentence i are cues[cueAt[i]:cueAt[i+1]]
	cues       []cue
	backSents  []sent
	backCueAt  []int32
	backCues   []cue
	backBuilt  bool
	clause     []int32 // clause number of each target sentence token
}

// call is what one Annotate call works on. The main view's tokens are
// s.main.toks[lo:hi]: all of them for Annotate, the paragraph's stretch of
// the document window for AnnotateAll.
type call struct {
	s          *scratch
	d          *docScratch // nil for Annotate
	text       string
	pStart     int   // byte where the paragraph starts
	lo, hi     int   // the main view's tokens
	paraEnd    int   // first main token after the paragraph
	target     int   // index of the sentence in s.sents
	ta, tb     int   // its tokens
	fi         int   // the figure's first token
	pub        date  // zero when unknown
	cueA, cueB int32 // the target sentence's cues
}

// Annotate fills f.Attribution, f.Hedge, f.EventDate and f.Location for a
// figure whose sentence is text[sentStart:sentEnd]; published is the
// article date "YYYY-MM-DD" or "" (then relative dates stay empty). The
// figure's span is f.Start, f.End. Out-of-range offsets are clamped; a
// field that cannot be decided is set to "".
func (a *Annotator) Annotate(text string, sentStart, sentEnd int, published string, f *schema.Figure) {
	if f == nil {
		return
	}
	f.Attribution, f.Hedge, f.EventDate, f.Location = "", "", "", ""
	if len(text) == 0 || len(text) > maxText {
		return
	}
	sentStart = clamp(sentStart, 0, len(text))
	sentEnd = clamp(sentEnd, sentStart, len(text))
	if sentStart == sentEnd {
		return
	}
	fs := clamp(f.Start, sentStart, sentEnd-1)
	fe := clamp(f.End, fs+1, sentEnd)
	// A run-on "sentence" (a page without full stops) is read only around
	// the figure, so a call costs the same whatever the input.
	sentStart = max(sentStart, fs-maxSentence/2)
	sentEnd = min(sentEnd, fe+maxSentence/2)

	s := a.pool.Get().(*scratch)
	defer a.pool.Put(s)
	c := call{s: s, text: text, pub: parseDate(published)}

	// The paragraph is the line around the sentence.
	pStart := strings.LastIndexByte(text[:sentStart], '\n') + 1
	if sentStart-pStart > maxParagraph {
		pStart = sentStart - maxParagraph
	}
	pEnd := len(text)
	if k := strings.IndexByte(text[sentEnd:], '\n'); k >= 0 {
		pEnd = sentEnd + k
	}
	if pEnd-sentEnd > maxParagraph {
		pEnd = sentEnd + maxParagraph
	}
	// Following lines up to a blank one, for disclaimers.
	end := pEnd
	for n := 0; n < a.lookahead && end < len(text) && end-pEnd < maxFollowing; n++ {
		next := end + 1
		k := strings.IndexByte(text[next:], '\n')
		lineEnd := len(text)
		if k >= 0 {
			lineEnd = next + k
		}
		if strings.TrimSpace(text[next:lineEnd]) == "" {
			break
		}
		end = min(lineEnd, pEnd+maxFollowing)
	}
	c.pStart = pStart

	v := &s.main
	v.reset(text)
	v.scan(pStart, end)
	c.lo, c.hi = 0, len(v.toks)
	c.ta = tokenAt(v, sentStart)
	c.tb = tokenAt(v, sentEnd)
	if c.ta >= c.tb {
		return
	}
	c.paraEnd = tokenAt(v, pEnd)
	c.fi = tokenAfter(v, c.ta, c.tb, fs)

	s.sents = a.split(v, c.lo, c.ta, s.sents[:0])
	c.target = len(s.sents)
	s.sents = append(s.sents, sent{a: int32(c.ta), b: int32(c.tb)})
	s.sents = a.split(v, c.tb, c.hi, s.sents)
	s.cues, s.cueAt = s.cues[:0], s.cueAt[:0]
	for i, sn := range s.sents {
		s.cueAt = append(s.cueAt, int32(len(s.cues)))
		if int(sn.a) < c.paraEnd {
			s.cues = a.findCues(v, int(sn.a), int(sn.b), i, s.cues)
		}
	}
	s.cueAt = append(s.cueAt, int32(len(s.cues)))
	c.cueA, c.cueB = s.cueAt[c.target], s.cueAt[c.target+1]
	s.backBuilt = false
	a.clauses(&c)

	spk := a.attribute(&c)
	f.Attribution = spk.text
	f.Hedge = a.hedge(&c, &spk)
	f.EventDate = a.eventDate(&c)
	f.Location = a.location(&c, &spk)
}

func clamp(x, lo, hi int) int {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

// tokenAt is the index of the first token starting at or after byte pos.
func tokenAt(v *view, pos int) int {
	lo, hi := 0, len(v.toks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(v.toks[m].s) < pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// tokenAfter is the first token in [a, b) that ends after byte pos: the
// token holding pos, or the next one.
func tokenAfter(v *view, a, b, pos int) int {
	for i := a; i < b; i++ {
		if int(v.toks[i].e) > pos {
			return i
		}
	}
	return b - 1
}

// clauses numbers the clauses of the target sentence: a comma, semicolon,
// colon, dash, bracket or a clause word ("but", "while") starts a new one.
func (a *Annotator) clauses(c *call) {
	v := &c.s.main
	cl := c.s.clause[:0]
	n := int32(0)
	for i := c.ta; i < c.tb; i++ {
		switch v.toks[i].kind {
		case kComma, kSemi, kColon, kDash, kOpen, kClose:
			n++
		case kWord:
			if a.clauseWords.at(v, i) {
				n++
			}
		}
		cl = append(cl, n)
	}
	c.s.clause = cl
}

// clauseOf numbers the clause of target token i; only equality counts.
// The document window counts clause breaks as it scans.
func (c *call) clauseOf(i int) int32 {
	if c.d != nil {
		return c.s.main.toks[i].clause
	}
	return c.s.clause[i-c.ta]
}
