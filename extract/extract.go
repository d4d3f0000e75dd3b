package extract

import (
	gocontext "context" // context is the categorizer's type here
	"slices"
	"sort"
	"strings"

	"github.com/tally-news/tally/extract/internal/claim"
	txt "github.com/tally-news/tally/extract/internal/text"
	"github.com/tally-news/tally/schema"
)

// Sections of a document.
const (
	SectionArticle  = schema.SectionArticle
	SectionComments = schema.SectionComments
)

// scratch is per-call working memory, pooled so a worker reuses it.
type scratch struct {
	figs  []schema.Figure
	toks  []token
	key   []byte
	masks []span
	mask  int // the first of masks that may cover the next token
	// dollar is what a bare "$" means in the document (unitInfos index);
	// dollarKnown says the outlet's country settled it.
	dollar      int
	dollarKnown bool
	sents       []txt.Span
	spans       []claim.Span // the sentence of each figure, for the claims pass
	doc         txt.Doc      // the document's lines and sentences, for both passes
	// bounds backs the figures' Low and High; it is dropped, never reused,
	// between documents because the figures keep pointing into it.
	bounds boundSlab
	// year is the article's year (0 when unknown), for telling other
	// years' figures; casualty says a casualty was counted already, so
	// that "he died" can count.
	year     int
	casualty bool
	scope    sentenceScope
	ctx      gocontext.Context
	ticks    int // sentences read since ctx was last asked
}

// Extract returns every figure the document states, in text order.
func (e *Extractor) Extract(doc Document) []schema.Figure {
	figs, _ := e.ExtractContext(gocontext.Background(), doc)
	return figs
}

// ExtractContext is Extract that stops soon after ctx is done, returning
// ctx's error: a document of many megabytes takes seconds.
func (e *Extractor) ExtractContext(ctx gocontext.Context, doc Document) ([]schema.Figure, error) {
	if err := ctx.Err(); err != nil {
		return nil, err // a run already stopping starts no document
	}
	s := e.scratch.Get().(*scratch)
	defer e.scratch.Put(s)
	defer s.doc.Clear() // keep no document alive from the pool
	return e.extract(ctx, doc, s)
}

// extract is ExtractContext with its scratch; s.doc holds the document's
// text layer after it.
func (e *Extractor) extract(ctx gocontext.Context, doc Document, s *scratch) ([]schema.Figure, error) {
	r := e.r
	s.ctx, s.ticks = ctx, 0
	defer func() { s.ctx = nil }()

	text := doc.Text
	published, from := doc.Published, 0
	if r.dateHeader != nil {
		head := text[:minInt(len(text), 256)]
		if m := r.dateHeader.FindStringSubmatchIndex(head); m != nil {
			if published == "" {
				published = head[m[2]:m[3]]
			}
			from = m[1]
		}
	}
	end, commentsFrom := r.articleEnd(text, from)
	meta := schema.Figure{Source: doc.Source, Published: published, DocID: doc.ID, URL: doc.URL, Title: doc.Title, Outlet: doc.Outlet}
	// The figures are gathered in the reused scratch slice and copied out
	// at their exact number, which allocates half of what sizing a fresh
	// slice by a guess of the density does.
	figs := s.figs[:0]
	s.spans, s.bounds = s.spans[:0], nil
	s.year, s.casualty = yearOf(published), false
	if s.year == 0 {
		s.year = r.latestYear(text[from:end])
	}
	s.dollar, s.dollarKnown = r.bare.local(doc.Outlet, doc.URL)
	s.doc.Reset(r.splitter, text)
	meta.Section = SectionArticle
	figs = e.region(figs, s, text, &meta, from, end)
	if e.includeComments && commentsFrom < len(text) {
		meta.Section = SectionComments
		figs = e.region(figs, s, text, &meta, commentsFrom, len(text))
	}
	err := ctx.Err()
	if err == nil {
		err = r.claims.AnnotateAllDocContext(ctx, &s.doc, published, figs, s.spans)
	}
	var out []schema.Figure
	switch {
	case err == nil && len(figs) > maxPooledFigures:
		out, s.figs = figs, nil // a long document's: handed over, not copied
		return out, nil
	case err == nil:
		out = slices.Clone(figs)
	}
	clear(figs) // keep no document alive from the pool
	s.figs = figs[:0]
	return out, err
}

// maxPooledFigures is the most figures whose slice the pool keeps for the
// next document; a larger one goes to the caller whole.
const maxPooledFigures = 4096

// stopped reports whether the run was cancelled, asking the context once
// every checkEvery sentences.
func (s *scratch) stopped() bool {
	if s.ticks++; s.ticks < checkEvery {
		return false
	}
	s.ticks = 0
	return s.ctx.Err() != nil
}

const checkEvery = 256

// articleEnd returns where the article proper ends (the first end marker,
// such as a copyright line) and where the comments below it begin: the line
// after the marker.
func (r *rules) articleEnd(text string, from int) (end, commentsFrom int) {
	end = len(text)
	for _, re := range r.endMarkers {
		for at := from; at < end; {
			m := re.FindStringIndex(text[at:end])
			if m == nil {
				break
			}
			if r.splitter.HasSentenceEnd(text[from : at+m[0]]) {
				end = at + m[0]
				break
			}
			at += m[1] // before any full stop: a credit line under the headline, not the end
		}
	}
	if end == len(text) {
		return end, end
	}
	nl := strings.IndexByte(text[end:], '\n')
	if nl < 0 {
		return end, len(text)
	}
	return end, end + nl + 1
}

// region appends the figures of text[from:to], sentence by sentence. Most
// lines and sentences of news hold no figure, and the filter finds them
// from their bytes: only the others are split into sentences, masked and
// tokenized. Each sentence is tokenized alone, so no rule reaches into
// the next.
func (e *Extractor) region(figs []schema.Figure, s *scratch, text string, meta *schema.Figure, from, to int) []schema.Figure {
	r := e.r
	if !r.masksByLine {
		s.masks, s.mask = r.masks(s.masks[:0], text, from, to), 0
	}
	breaks := s.doc.Breaks()
	k := sort.SearchInts(breaks, from)
	for start := from; start < to && !s.stopped(); {
		end, line := to, k
		if k < len(breaks) && breaks[k] < to {
			end = breaks[k]
			k++
		}
		figs = e.line(figs, s, text, meta, line, start, end)
		start = end + 1
	}
	return figs
}

// line appends the figures of text[from:to], which is the document's line
// k or, where the region cuts it, part of it.
func (e *Extractor) line(figs []schema.Figure, s *scratch, text string, meta *schema.Figure, k, from, to int) []schema.Figure {
	r := e.r
	var hit int
	if hit, s.key = r.filter.next(text, from, to, r.vocab, s.key); hit < 0 {
		return figs
	}
	if r.masksByLine {
		s.masks, s.mask = r.masks(s.masks[:0], text, from, to), 0
	}
	s.sents = s.doc.SentencesIn(s.sents[:0], k, from, to)
	for _, ts := range s.sents {
		sent := span{ts.Start, ts.End}
		if s.stopped() {
			break
		}
		if hit < sent.start {
			if hit, s.key = r.filter.next(text, sent.start, to, r.vocab, s.key); hit < 0 {
				break
			}
		}
		if hit >= sent.end {
			continue
		}
		s.toks, s.key = tokenize(s.toks[:0], text, sent.start, sent.end, r.vocab, s.key)
		s.mask = markMasked(s.toks, s.masks, s.mask)
		figs = e.sentence(figs, s, text, s.toks, sent, 0, len(s.toks), meta)
	}
	return figs
}

// sentence appends the figures of one sentence, whose tokens are
// toks[first:end].
func (e *Extractor) sentence(figs []schema.Figure, s *scratch, text string, toks []token, sent span, first, end int, meta *schema.Figure) []schema.Figure {
	r := e.r
	var prev verdict
	hasPrev, prevEnd := false, 0
	var last number // the figure before, for "from 4.8 to 4.7 per cent"
	lastFig := -1
	figsFrom := len(figs)
	for i := first; i < end; {
		if !r.canStart(toks[:end], i) {
			i++
			continue
		}
		n, next, ok := r.scanAt(text, toks, i, end)
		if !ok {
			i = maxInt(next, i+1)
			continue
		}
		i = n.end
		qualifier, b, qualStart := r.qualify(text, toks, &n, first, end)
		objFirst, objEnd := r.object(text, toks, &n, end)
		ctx := context{
			sentFirst: first, sentEnd: end, objFirst: objFirst, objEnd: objEnd,
			qualStart: qualStart, prev: prev, hasPrev: hasPrev, prevEnd: prevEnd,
		}
		ctx.lo, ctx.hi = r.clause(text, toks, &n, ctx)
		v := r.categorize(text, toks, &n, ctx)
		if !n.age { // a speaker's age says nothing of the counts after it
			prev, hasPrev, prevEnd = v, true, n.end
		}
		f := *meta
		f.Value, f.Qualifier = tidy(n.value), qualifier
		f.Low, f.High = s.bounds.ptr(b.low, b.hasLow), s.bounds.ptr(b.high, b.hasHigh)
		f.Unit = r.unitName(&n)
		if s.dollar != noUnit && r.bareSign(toks, &n) {
			f.Unit = r.unitInfos[s.dollar].name
			if !s.dollarKnown {
				f.Note = AmbiguousCurrency
			}
		}
		f.Object = r.objectText(text, toks, &n, objFirst, objEnd)
		f.Category, f.Rule = r.categories[v.category], v.rule
		f.Start, f.End = toks[n.first].start, toks[n.end-1].end
		f.Text = text[f.Start:f.End]
		f.Sentence = text[sent.start:sent.end]
		f.Basis = BasisStated
		if n.end < end && r.implied.incrementAfter.has(toks[n.end]) && r.tollCategory[v.category] {
			f.Basis = BasisIncrement // "one more passenger died"
		}
		if len(figs) == figsFrom {
			r.scopeOfSentence(&s.scope, text, toks, first, end, s.year)
		}
		f.Scope = r.scopeOf(&s.scope, first, end, ctx.lo, ctx.hi, n.first, n.end)
		if lastFig >= 0 && r.changeTo(toks, &last, &n) && figs[lastFig].Unit == "" {
			shareUnit(&figs[lastFig], &f)
		}
		if lastFig >= 0 && r.partOf(toks, &last, &n) {
			shareUnit(&figs[lastFig], &f)
			figs[lastFig].Object = f.Object // not "billion shekels"
		}
		if lastFig >= 0 && r.restates(toks, &last, &n) {
			restate(&figs[lastFig], &f, s)
		}
		if lastFig >= 0 && n.age && r.suspendedHyphen(toks, &last, &n) {
			// "15- to 19-year-old males": the first number is an age too
			figs[lastFig].Category, figs[lastFig].Rule = r.categories[r.other], "age"
		}
		last, lastFig = n, len(figs)
		if len(figs) == cap(figs) {
			// Double, where append grows a long slice by a quarter: the
			// figures of a document of many megabytes are then copied
			// twice in all, not five times.
			figs = slices.Grow(figs, len(figs)+1)
		}
		figs = append(figs, f)
	}
	figs = e.impliedFigures(figs, s, text, toks, sent, first, end, figsFrom, meta)
	figs = r.deriveInjured(figs, figsFrom)
	if byStart := func(a, b schema.Figure) int { return a.Start - b.Start }; !slices.IsSortedFunc(figs[figsFrom:], byStart) {
		slices.SortStableFunc(figs[figsFrom:], byStart) // implied figures come after the numbers
	}
	for i := figsFrom; i < len(figs); i++ {
		if c := figs[i].Category; c == r.categories[r.implied.killed] || c == r.categories[r.implied.injured] {
			s.casualty = true
		}
		s.spans = append(s.spans, claim.Span{Start: sent.start, End: sent.end})
	}
	return figs
}

// deriveInjured adds the injured of a sentence that counts people hit and
// the killed among them, but not the injured: "Four people were shot, one
// fatally" gives 3 injured.
func (r *rules) deriveInjured(figs []schema.Figure, from int) []schema.Figure {
	hit, killed := -1, -1
	for i := from; i < len(figs); i++ {
		f := &figs[i]
		switch {
		case f.Basis != BasisStated && f.Basis != BasisImplied:
		case f.Category == r.categories[r.implied.injured] && r.struck.Has(f.Rule):
			if hit < 0 {
				hit = i
			}
		case f.Category == r.categories[r.implied.injured]:
			return figs // the injured are counted as such
		case f.Category == r.categories[r.implied.killed] && hit >= 0 && killed < 0:
			killed = i
		}
	}
	if hit < 0 || killed < 0 || figs[killed].Value >= figs[hit].Value {
		return figs
	}
	d := figs[hit]
	d.Value = tidy(figs[hit].Value - figs[killed].Value)
	d.Low, d.High, d.Basis, d.Rule = nil, nil, BasisDerived, "derived:struck-minus-killed"
	return append(figs, d)
}

// suspendedHyphen reports whether a's hyphenated word is left to b: the
// "- to " of "15- to 19-year-old", the "- and " of "20- and 30-year-olds".
func (r *rules) suspendedHyphen(toks []token, a, b *number) bool {
	return b.first == a.end+2 && toks[a.end].id == r.hyphen && !toks[a.end].spaced && r.rangeJoin.has(toks[a.end+1])
}

// changeTo reports whether two figures state a change, "from a to b",
// where b's unit is a's too: "from 4.8 to 4.7 per cent".
func (r *rules) changeTo(toks []token, a, b *number) bool {
	return b.unit != noUnit && a.unit == noUnit && a.rawUnit == "" && !a.fraction && !a.age &&
		b.first == a.end+1 && toks[a.end].id == r.to && a.first > 0 && r.rangeChange.has(toks[a.first-1])
}

// restates reports whether b restates measure a in another unit, in
// brackets right after it: "40 km (25 miles)", "(US $1.1 million)".
func (r *rules) restates(toks []token, a, b *number) bool {
	return a.unit != noUnit && b.unit != noUnit && b.first == a.end+1 && r.restatementOpens.has(toks[a.end])
}

// restate gives a restated measure the qualifier and category of the first
// statement, when it has no qualifier of its own.
func restate(from, to *schema.Figure, s *scratch) {
	if to.Qualifier == Exact && from.Qualifier != Exact {
		to.Qualifier = from.Qualifier
		switch from.Qualifier {
		case Min:
			to.Low = s.bounds.ptr(to.Value, true)
		case Max:
			to.High = s.bounds.ptr(to.Value, true)
		}
	}
	to.Category, to.Rule = from.Category, inheritRule(from.Rule)
}

// partOf reports whether a is a part of b, stated in b's unit: "280
// million of the 1.5 billion shekels".
func (r *rules) partOf(toks []token, a, b *number) bool {
	if b.unit == noUnit || a.unit != noUnit || a.rawUnit != "" || a.fraction || a.age || a.end >= b.first || toks[a.end].id != r.of {
		return false
	}
	k := a.end + 1
	if k < b.first && r.objSkip.has(toks[k]) {
		k++ // "of the", "of its"
	}
	return k == b.first
}

// shareUnit gives the first figure of a change the unit of the second and,
// if nothing else decided its category, the second's category.
func shareUnit(from, to *schema.Figure) {
	from.Unit = to.Unit
	if from.Rule == "default" {
		from.Category, from.Rule = to.Category, inheritRule(to.Rule)
	}
}

// inheritRule names the rule of a figure that took another's category.
func inheritRule(rule string) string {
	return schema.InheritPrefix + strings.TrimPrefix(rule, schema.InheritPrefix)
}

func (r *rules) unitName(n *number) string {
	switch {
	case n.unit != noUnit:
		return r.unitInfos[n.unit].name
	case n.rawUnit != "":
		return n.rawUnit
	case n.fraction:
		return "fraction"
	}
	return ""
}

func (r *rules) objectText(text string, toks []token, n *number, first, end int) string {
	if first >= end {
		return ""
	}
	s := text[toks[first].start:toks[end-1].end]
	if n.gluedNoun >= 0 {
		return pluralize(strings.ToLower(s), n.value)
	}
	return s
}
