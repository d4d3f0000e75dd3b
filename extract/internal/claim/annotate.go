package claim

import (
	txt "github.com/tally-news/tally/extract/internal/text"
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

// scratch holds the buffers of the target sentence's view.
type scratch struct {
	main  view
	sents []sent  // sentences of main
	cueAt []int32 // cues of sentence i are cues[cueAt[i]:cueAt[i+1]]
	cues  []cue
}

// call is what one figure's sentence works on. The main view's tokens are
// s.main.toks[lo:hi], the paragraph's stretch of the document window.
type call struct {
	s          *scratch
	d          *docScratch
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
// field that cannot be decided is set to "". It is AnnotateAll for a
// document of one figure.
func (a *Annotator) Annotate(text string, sentStart, sentEnd int, published string, f *schema.Figure) {
	if f == nil {
		return
	}
	figs := [1]schema.Figure{*f}
	sents := [1]Span{{Start: sentStart, End: sentEnd}}
	a.AnnotateAll(text, published, figs[:], sents[:])
	f.Attribution, f.Hedge, f.EventDate, f.Location = figs[0].Attribution, figs[0].Hedge, figs[0].EventDate, figs[0].Location
}

// cutGeometry sets the paragraph, the lines read after it and the back
// start of a sentence whose paragraph a bound cuts: the paragraph runs at
// most maxParagraph bytes either side of the sentence, the lines after it
// at most maxFollowing bytes. On a run-on line (longer than runOnLine) the
// paragraph is instead four blocks of runOnBlock bytes, counted from the
// line start, from the block before the sentence's, so the sentences of a
// block share one window and a page without line breaks costs about what
// news does per byte.
func (a *Annotator) cutGeometry(doc *txt.Doc, g *geom) {
	lineStart, lineEnd := doc.LineStart(g.sentStart), doc.LineEnd(g.sentEnd)
	if lineEnd-lineStart > runOnLine {
		block := max(0, (g.sentStart-lineStart)/runOnBlock-1)
		g.pStart = lineStart + block*runOnBlock
		g.pEnd = min(lineEnd, max(g.sentEnd, g.pStart+4*runOnBlock))
	} else {
		g.pStart = max(lineStart, g.sentStart-maxParagraph)
		g.pEnd = min(lineEnd, g.sentEnd+maxParagraph)
	}
	var cut bool
	switch {
	case g.pEnd < lineEnd:
		g.end = g.pEnd // the rest of the line is no paragraph after this one
	default:
		if g.end, cut = a.following(doc, g.pEnd); cut {
			g.end = g.pEnd + maxFollowing
		}
	}
	g.backStart = a.backStart(doc.Text(), g.pStart)
}

// runOnLine is the length past which a line is read in blocks of
// runOnBlock bytes.
const (
	runOnLine  = 16 * maxParagraph
	runOnBlock = 512
)

// cutWindow is the stretch a cut window was scanned over.
type cutWindow struct {
	ok                     bool
	backStart, pStart, end int
}

// cutFigure annotates a figure whose paragraph a bound cuts. The window is
// scanned afresh in two stretches, the text read before the paragraph and
// the paragraph with the lines after it, as neither need start at a line
// start; the back view's sentences are then mapped apart from the
// window's line sentences, which start at the paragraph. The figures
// after it that read the same stretch share the scan, and those of the
// same sentence its preparation, as on the uncut path.
func (a *Annotator) cutFigure(d *docScratch, g geom, fs int, f *schema.Figure) {
	a.cutGeometry(d.doc, &g)
	if w := (cutWindow{true, g.backStart, g.pStart, g.end}); d.cut != w {
		d.clearWindow()
		v := &d.s.main
		v.reset(d.text)
		a.scanWindow(v, &d.m, g.backStart, g.pStart)
		a.scanWindow(v, &d.m, g.pStart, g.end)
		d.winOK = false
		d.linesTo = tokenAt(v, g.pStart)
		d.cutBack = true
		d.cut = w
	}
	if !d.targetOK || d.tStart != g.sentStart || d.tEnd != g.sentEnd {
		a.prepare(d, &g)
	}
	if !d.noTokens {
		a.figure(d, fs, f)
	}
}

// endCut leaves the window of cut figures for the uncut path's.
func (d *docScratch) endCut() {
	if d.cut.ok {
		d.cutBack, d.targetOK, d.backOK, d.ptoks.ok = false, false, false, false
		d.cut = cutWindow{}
	}
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

// clauseOf numbers the clause of target token i; only equality counts.
// The window counts clause breaks as it scans.
func (c *call) clauseOf(i int) int32 {
	return c.s.main.toks[i].clause
}
