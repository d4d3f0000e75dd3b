package claim

import (
	"context"
	"strings"

	txt "github.com/tally-news/tally/extract/internal/text"
	"github.com/tally-news/tally/schema"
)

// AnnotateAll shares the work of a document between its figures, and
// Annotate is AnnotateAll for one figure. A figure reads its sentence, its
// paragraph (the line around it), a few lines after it and, for a pronoun,
// the text before the paragraph: its views. AnnotateAll keeps one window of
// tokens over the document, scanned once as the figures move forward
// (window.go), and reads every view as a stretch of it:
//
//   - the window starts at a paragraph: most figures never look back past
//     it, so the text before it is scanned only when one does, into a
//     view of its own (pre) whose sentences come before the window's;
//   - a view starts and ends at line breaks, and tokens and quotations never
//     reach across one, so its tokens are the window's;
//   - sentences are the document's (txt.Doc, which the figure pass shares),
//     split once a line, mapped onto the window's tokens line by line: a
//     sentence is the tokens that start inside its span; the sentences
//     before and after a target are those lines', cut at the target's
//     bounds where they do not fall on theirs;
//   - the cues of a sentence are found once, kept by the sentence, and each
//     cue of a target is resolved once;
//   - the figures of one sentence share its split, cues, hedge phrases,
//     dates and places, found by visiting only the tokens where each rule
//     can start (marks);
//   - word ids and set bits come from the scan, clause numbers too.
//
// A run-on sentence is read only around its figure (maxSentence). A figure
// whose paragraph is so long that a bound cuts it gets a window of its own,
// scanned from the cut (cutFigure). The tests hold a whole-document run to
// single-figure runs on every number of every article they have, with
// several ways of cutting sentences, and fuzz it.

// Span is a sentence's byte range [Start, End) in a document's text.
type Span = txt.Span

// maxWindow bounds the window, in tokens: past it the window restarts at
// the next paragraph's back view, so a long document costs no more memory.
const maxWindow = 1 << 15

// AnnotateAll annotates every figure of one document; sents[i] is the
// sentence of figs[i], and figures come in text order. Each figure gets the
// fields Annotate gives it alone.
func (a *Annotator) AnnotateAll(text, published string, figs []schema.Figure, sents []Span) {
	_ = a.AnnotateAllContext(context.Background(), text, published, figs, sents)
}

// AnnotateAllContext is AnnotateAll that stops soon after ctx is done,
// returning its error; the figures are then not all annotated.
func (a *Annotator) AnnotateAllContext(ctx context.Context, text, published string, figs []schema.Figure, sents []Span) error {
	if len(figs) == 0 {
		return nil
	}
	d := a.docPool.Get().(*docScratch)
	defer a.docPool.Put(d)
	d.own.Reset(a.splitter, text)
	defer d.own.Clear() // keep no document alive from the pool
	return a.annotateAll(ctx, d, &d.own, published, figs, sents)
}

// AnnotateAllDocContext is AnnotateAllContext for a caller that holds the
// document's text layer (its line breaks, which bound the paragraphs, and
// its sentences): the extractor's, shared by both passes, so that a line
// the figure pass split is not split again here. doc must split as this
// Annotator's rules do (the same abbreviations).
func (a *Annotator) AnnotateAllDocContext(ctx context.Context, doc *txt.Doc, published string, figs []schema.Figure, sents []Span) error {
	if len(figs) == 0 {
		return nil
	}
	d := a.docPool.Get().(*docScratch)
	defer a.docPool.Put(d)
	return a.annotateAll(ctx, d, doc, published, figs, sents)
}

// annotateAll is AnnotateAllDocContext with its scratch.
func (a *Annotator) annotateAll(ctx context.Context, d *docScratch, doc *txt.Doc, published string, figs []schema.Figure, sents []Span) error {
	text := doc.Text()
	if len(text) == 0 || len(text) > maxText {
		for i := range figs {
			f := &figs[i]
			f.Attribution, f.Hedge, f.EventDate, f.Location = "", "", "", ""
		}
		return nil
	}
	d.s.main.voc = a.voc
	d.reset(doc, parseDate(published))
	defer func() { d.doc, d.text = nil, "" }()
	d.dl = a.findDateline(text)
	for i := range figs {
		if i%256 == 255 && ctx.Err() != nil {
			return ctx.Err()
		}
		f := &figs[i]
		f.Attribution, f.Hedge, f.EventDate, f.Location = "", "", "", ""
		sentStart := clamp(sents[i].Start, 0, len(text))
		sentEnd := clamp(sents[i].End, sentStart, len(text))
		if sentStart == sentEnd {
			continue
		}
		fs := clamp(f.Start, sentStart, sentEnd-1)
		fe := clamp(f.End, fs+1, sentEnd)
		// A run-on "sentence" (a page without full stops) is read only
		// around the figure, so a figure costs the same whatever the input.
		sp := Span{Start: max(sentStart, fs-maxSentence/2), End: min(sentEnd, fe+maxSentence/2)}
		if !d.geoOK || sp != d.span {
			d.span, d.geoOK = sp, true
			d.g = a.geometry(d.doc, sp, &d.line)
		}
		g := &d.g
		if g.empty {
			continue
		}
		if g.cut {
			a.cutFigure(d, *g, fs, f)
			continue
		}
		d.endCut()
		if !d.targetOK || d.tStart != g.sentStart || d.tEnd != g.sentEnd {
			a.cover(d, g.pStart, g.end)
			a.prepare(d, g)
		}
		if d.noTokens {
			continue
		}
		a.figure(d, fs, f)
	}
	return nil
}

// geom is what a figure's sentence derives: the stretch of
// text it reads.
type geom struct {
	empty              bool // no sentence: every field is ""
	cut                bool // a bound cuts the paragraph or the lines after it
	sentStart, sentEnd int
	pStart, pEnd, end  int // paragraph, and the end of the lines read after it
	backStart          int // where the text read before the paragraph starts
}

// geometry derives g from a sentence. What depends on the line
// alone is kept in line, so the sentences of a one-line paragraph share it.
func (a *Annotator) geometry(doc *txt.Doc, sp Span, line *lineGeom) geom {
	var g geom
	text := doc.Text()
	g.sentStart = clamp(sp.Start, 0, len(text))
	g.sentEnd = clamp(sp.End, g.sentStart, len(text))
	if g.sentStart == g.sentEnd {
		g.empty = true
		return g
	}
	if !line.ok || g.sentStart < line.start || g.sentEnd > line.end {
		*line = a.lineGeometry(doc, g.sentStart, g.sentEnd)
	}
	if line.ok {
		g.pStart, g.pEnd, g.end, g.backStart = line.start, line.end, line.follow, line.back
		g.cut = line.cut || g.sentStart-g.pStart > maxParagraph || g.pEnd-g.sentEnd > maxParagraph
		return g
	}
	g.pStart = doc.LineStart(g.sentStart)
	if g.sentStart-g.pStart > maxParagraph {
		g.cut = true
		return g
	}
	g.pEnd = doc.LineEnd(g.sentEnd)
	if g.pEnd-g.sentEnd > maxParagraph {
		g.cut = true
		return g
	}
	g.end, g.cut = a.following(doc, g.pEnd)
	g.backStart = a.backStart(text, g.pStart)
	return g
}

// lineGeom is the geometry of a sentence that does not cross a line break:
// its line [start, end), the end of the lines read after it (cut when a
// bound cuts them) and where the text read before it starts. ok is false
// when the last sentence asked about crossed a line break.
type lineGeom struct {
	ok                       bool
	cut                      bool
	start, end, follow, back int
}

func (a *Annotator) lineGeometry(doc *txt.Doc, sentStart, sentEnd int) lineGeom {
	l := lineGeom{ok: true}
	if l.end = doc.LineEnd(sentStart); l.end < sentEnd {
		return lineGeom{}
	}
	l.start = doc.LineStart(sentStart)
	l.follow, l.cut = a.following(doc, l.end)
	l.back = a.backStart(doc.Text(), l.start)
	return l
}

// following is the end of the lines read after a paragraph
// ending at pEnd, and whether maxFollowing cuts them.
func (a *Annotator) following(doc *txt.Doc, pEnd int) (int, bool) {
	text := doc.Text()
	end := pEnd
	for n := 0; n < a.lookahead && end < len(text) && end-pEnd < maxFollowing; n++ {
		next := end + 1
		lineEnd := doc.LineEnd(next)
		if strings.TrimSpace(text[next:lineEnd]) == "" {
			break
		}
		if lineEnd > pEnd+maxFollowing {
			return end, true
		}
		end = lineEnd
	}
	return end, false
}

// docScratch is one AnnotateAll call's memory, pooled.
type docScratch struct {
	s    scratch // s.main is the window; sents, cues and cueAt are the target's
	text string
	doc  *txt.Doc // the document's lines and sentences
	own  txt.Doc  // doc for a caller that has none
	pub  date
	dl   dateline // the story's dateline, if it has one

	span  Span // the sentence g was derived from
	g     geom
	geoOK bool
	line  lineGeom

	// The window holds the tokens of text[winLo:winHi]; winHi is a line
	// break or the end of the text.
	winLo, winHi int
	winOK        bool
	m            marks

	// lines are the window's sentences, line by line, up to token linesTo.
	lines   []lineSent
	linesTo int

	memo  cueMemo // cues of sentences that are not lines, by token span
	arena []cue

	// The current paragraph's back view: the sentences prev (of prevView),
	// then, when backLines, lines[backI0:backI1].
	backLines      bool
	backI0, backI1 int
	prev           []lineSent
	prevView       *view
	prevMarks      *marks
	backStart      int // byte where the target's back view starts
	backFor        int // pStart of the paragraph the back view is for
	backOK         bool
	cutBack        bool      // the back view is not the window's lines (cutFigure)
	cut            cutWindow // what the window holds for cut figures

	// pre holds text[preFrom:preTo], the part of back views before the
	// window's start, scanned when a figure looks back that far.
	pre            view
	preMarks       marks
	preFrom, preTo int
	preOK          bool

	ptoks paraTokens // the tokens of the current paragraph

	// The target sentence.
	tStart, tEnd int
	targetOK     bool
	noTokens     bool
	c            call
	lineOf       []int32       // the line sentence each of s.sents is, or -1
	resolved     []resolvedCue // by cue of s.cues
	hedges       []hedgeMatch
	dates        []dateMatch
	places       []placeMatch
	disc         disclaimer
	paraPlace    string // the place the paragraph gives, once asked
	paraOK       bool
}

// paraTokens are the window's tokens of a paragraph [pStart, pEnd) read
// up to end: lo, paraEnd, hi as in call; lines[k0:k3] are the line
// sentences from lo to hi.
type paraTokens struct {
	ok                      bool
	pStart, pEnd, end       int
	lo, hi, paraEnd, k0, k3 int
}

// lineSent is a sentence of lines, with its cues once found
// (arena[cueLo:cueHi]; cueLo is -1 before).
type lineSent struct {
	sent
	cueLo, cueHi int32
}

type resolvedCue struct {
	spk speaker
	ok  bool
}

type hedgeMatch struct{ a, b, r int }

type dateMatch struct {
	i, n int
	d    date
	text string // formatted on first use
}

type placeMatch struct {
	p      place
	inCue  bool // inside a speaker of one of the target's cues
	speaks bool // the whole of that speaker: "Kyiv says"
	poss   bool
	clause int32
}

// disclaimer is the first disclaimer after the target: rule r (-1 none)
// in the k-th sentence after it, naming a speaker at token name (-1 none).
type disclaimer struct{ r, k, name int }

func (d *docScratch) reset(doc *txt.Doc, pub date) {
	d.doc, d.text, d.pub = doc, doc.Text(), pub
	d.cut = cutWindow{}
	d.geoOK, d.winOK, d.targetOK, d.preOK = false, false, false, false
	d.line = lineGeom{}
	d.clearWindow()
}

func (d *docScratch) clearWindow() {
	d.lines, d.linesTo = d.lines[:0], 0
	d.m.reset()
	d.memo.reset()
	d.arena = d.arena[:0]
	d.backOK = false
	d.targetOK = false
	d.ptoks.ok = false
}

// cover makes the window hold text[lo:hi], both line starts or breaks.
func (a *Annotator) cover(d *docScratch, lo, hi int) {
	v := &d.s.main
	if d.winOK && lo >= d.winLo && hi <= d.winHi {
		return
	}
	// Past blank lines the window goes on; past text it starts afresh, as
	// most figures never look back (pre reads the text for one that does).
	if d.winOK && lo >= d.winLo && d.winHi < len(d.text) && d.text[d.winHi] == '\n' &&
		(lo <= d.winHi || strings.TrimSpace(d.text[d.winHi:lo]) == "") &&
		(len(v.toks) < maxWindow || lo == d.winLo) {
		a.scanWindow(v, &d.m, d.winHi, hi)
		d.winHi = hi
		return
	}
	d.clearWindow()
	v.reset(d.text)
	a.scanWindow(v, &d.m, lo, hi)
	d.winLo, d.winHi, d.winOK = lo, hi, true
}

// prepare reads the target sentence g, up to what depends on the figure.
func (a *Annotator) prepare(d *docScratch, g *geom) {
	d.tStart, d.tEnd, d.targetOK = g.sentStart, g.sentEnd, true
	s := &d.s
	v := &s.main
	d.backStart = g.backStart
	d.c = call{s: s, d: d, text: d.text, pub: d.pub, pStart: g.pStart}
	c := &d.c
	pc := &d.ptoks
	if !pc.ok || pc.pStart != g.pStart || pc.pEnd != g.pEnd || pc.end != g.end {
		*pc = paraTokens{ok: true, pStart: g.pStart, pEnd: g.pEnd, end: g.end}
		pc.lo, pc.hi, pc.paraEnd = tokenAt(v, g.pStart), tokenAt(v, g.end), tokenAt(v, g.pEnd)
		d.splitLines(pc.hi)
		pc.k0, pc.k3 = searchLines(d.lines, pc.lo), searchLines(d.lines, pc.hi)
	}
	c.lo, c.hi, c.paraEnd = pc.lo, pc.hi, pc.paraEnd
	c.ta, c.tb = tokenAt(v, g.sentStart), tokenAt(v, g.sentEnd)
	d.noTokens = c.ta >= c.tb
	if d.noTokens {
		return
	}

	// The main view's sentences: the line sentences before the target,
	// the target, the line sentences after it (cut where the target's
	// bounds fall inside one).
	s.sents, d.lineOf = s.sents[:0], d.lineOf[:0]
	d.appendSents(c.lo, c.ta, pc.k0)
	c.target = len(s.sents)
	s.sents = append(s.sents, sent{a: int32(c.ta), b: int32(c.tb)})
	d.lineOf = append(d.lineOf, -1)
	d.appendSents(c.tb, c.hi, searchLines(d.lines, c.tb))

	s.cues, s.cueAt = s.cues[:0], s.cueAt[:0]
	for i, sn := range s.sents {
		s.cueAt = append(s.cueAt, int32(len(s.cues)))
		if int(sn.a) >= c.paraEnd {
			continue
		}
		var lo, hi int
		if k := d.lineOf[i]; k >= 0 {
			lo, hi = d.lineCues(a, int(k))
		} else {
			lo, hi = d.cuesOf(a, int(sn.a), int(sn.b))
		}
		for _, cu := range d.arena[lo:hi] {
			cu.sent = int32(i)
			s.cues = append(s.cues, cu)
		}
	}
	s.cueAt = append(s.cueAt, int32(len(s.cues)))
	c.cueA, c.cueB = s.cueAt[c.target], s.cueAt[c.target+1]
	d.resolved = d.resolved[:0]
	for range s.cues {
		d.resolved = append(d.resolved, resolvedCue{})
	}

	// What the sentence holds, for every figure in it. Each loop visits
	// the tokens where its rule can match, at or after where the loop over
	// every token would stand (next).
	d.hedges = d.hedges[:0]
	next := c.ta
	for _, i := range marksIn(d.m.hedges, c.ta, c.tb) {
		if i := int(i); i >= next {
			n, r := a.hedges.match(v, i, c.tb)
			if n == 0 || a.hedgeIsNoun(v, i+n, c.tb) {
				next = i + 1
				continue
			}
			d.hedges = append(d.hedges, hedgeMatch{i, i + n, r})
			next = i + n
		}
	}
	d.disc = a.findDisclaimer(c)
	d.dates = d.dates[:0]
	next = c.ta
	for _, i := range marksIn(d.m.dates, c.ta, c.tb) {
		if i := int(i); i >= next {
			dt, n := a.dateAt(c, i)
			if n == 0 {
				next = i + 1
				continue
			}
			if dt.known() {
				d.dates = append(d.dates, dateMatch{i: i, n: n, d: dt})
			}
			next = i + n
		}
	}
	d.places = d.places[:0]
	next = c.ta
	for _, i := range marksIn(d.m.places, c.ta, c.tb) {
		if i := int(i); i >= next {
			var p place
			var ok bool
			if p, ok, next = a.countedPlace(d, v, i, c.tb); !ok {
				continue
			}
			m := placeMatch{p: p, poss: v.is(p.b-1, fPoss), clause: c.clauseOf(p.a)}
			for k := c.cueA; k < c.cueB; k++ {
				cu := &s.cues[k]
				if p.a >= int(cu.ns) && p.b <= int(cu.ne) {
					m.inCue = true
					m.speaks = p.a == int(cu.ns) && p.b == int(cu.ne)
					break
				}
			}
			d.places = append(d.places, m)
		}
	}
	d.paraOK = false
}

// appendSents appends the sentences of tokens [lo, hi) to s.sents, and
// their line sentences (or -1) to lineOf: the line sentences inside, and
// those the bounds cut, cut to them (a heading only if its end is kept).
// k is the first line sentence starting at or after lo.
func (d *docScratch) appendSents(lo, hi, k int) {
	s := &d.s
	if k > 0 && int(d.lines[k-1].b) > lo {
		k-- // lo cuts it
	}
	for ; k < len(d.lines) && int(d.lines[k].a) < hi; k++ {
		sn := d.lines[k].sent
		if int(sn.a) >= lo && int(sn.b) <= hi {
			s.sents = append(s.sents, sn)
			d.lineOf = append(d.lineOf, int32(k))
			continue
		}
		if int(sn.b) > hi {
			sn.b, sn.heading = int32(hi), false
		}
		sn.a = max(sn.a, int32(lo))
		s.sents = append(s.sents, sn)
		d.lineOf = append(d.lineOf, -1)
	}
}

// tokenAfterSearch is tokenAfter by binary search: token ends increase.
func tokenAfterSearch(v *view, a, b, pos int) int {
	lo, hi := a, b
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(v.toks[m].e) > pos {
			hi = m
		} else {
			lo = m + 1
		}
	}
	if lo == b {
		return b - 1
	}
	return lo
}

// marksIn is the stretch of list (ascending) within [lo, hi).
func marksIn(list []int32, lo, hi int) []int32 {
	i := searchInt32(list, int32(lo))
	j := i
	for j < len(list) && int(list[j]) < hi {
		j++
	}
	return list[i:j]
}

// figure fills the fields of one figure of the prepared sentence; fs is its
// first byte.
func (a *Annotator) figure(d *docScratch, fs int, f *schema.Figure) {
	c := &d.c
	v := &d.s.main
	c.fi = tokenAfterSearch(v, c.ta, c.tb, fs)
	spk := a.attribute(c)
	f.Attribution = spk.text

	best := len(a.rules)
	for _, m := range d.hedges {
		if m.r < best && a.reaches(c, m.r, m.a, m.b) {
			best = m.r
		}
	}
	if r := d.disclaims(&spk); r >= 0 && r < best {
		best = r
	}
	if best < len(a.rules) {
		f.Hedge = a.rules[best].kind
	}

	fc := c.clauseOf(c.fi)
	bestDate, bestD, bestSame := -1, 1<<30, false
	for k := range d.dates {
		m := &d.dates[k]
		dist := m.i - c.fi
		if dist < 0 {
			dist = c.fi - (m.i + m.n) + 1
		}
		same := c.clauseOf(m.i) == fc
		if same && !bestSame || same == bestSame && dist < bestD {
			bestDate, bestD, bestSame = k, dist, same
		}
	}
	if bestDate >= 0 {
		m := &d.dates[bestDate]
		if m.text == "" {
			m.text = m.d.format()
		}
		f.EventDate = m.text
	}

	f.Location = a.locationOf(d, &spk)
}

// searchInt32 is the index of the first element >= x.
func searchInt32(xs []int32, x int32) int {
	lo, hi := 0, len(xs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if xs[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
