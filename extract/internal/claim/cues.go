package claim

// Cues: the speech verbs and source phrases of a sentence ("officials
// said", "according to the Red Cross"), found once per sentence of the
// window, of the back view or of the text read before it, and kept in the
// document's arena for every figure that asks (see attribution.go).

// cuesOf returns the cues of the window's sentence of tokens [sa, sb), as
// arena[lo:hi], finding them the first time.
func (d *docScratch) cuesOf(a *Annotator, sa, sb int) (lo, hi int) {
	if k := searchLines(d.lines, sa); k < len(d.lines) && int(d.lines[k].a) == sa && int(d.lines[k].b) == sb {
		return d.lineCues(a, k)
	}
	key := uint64(sa)<<32 | uint64(sb)
	if lo, hi, ok := d.memo.get(key); ok {
		return lo, hi
	}
	lo = len(d.arena)
	d.arena = a.findCuesAt(&d.s.main, &d.m, sa, sb, d.arena)
	hi = len(d.arena)
	d.memo.put(key, lo, hi)
	return lo, hi
}

// lineCues is cuesOf line sentence k.
func (d *docScratch) lineCues(a *Annotator, k int) (lo, hi int) {
	ls := &d.lines[k]
	if ls.cueLo < 0 {
		ls.cueLo = int32(len(d.arena))
		d.arena = a.findCuesAt(&d.s.main, &d.m, int(ls.a), int(ls.b), d.arena)
		ls.cueHi = int32(len(d.arena))
	}
	return int(ls.cueLo), int(ls.cueHi)
}

// findCuesAt is findCues over a scanned view with marks m, visiting the
// tokens where a cue can start.
func (a *Annotator) findCuesAt(v *view, m *marks, sa, sb int, out []cue) []cue {
	next := sa
	for _, i := range marksIn(m.cues, sa, sb) {
		i := int(i)
		if i < next {
			continue
		}
		bits := v.toks[i].bits
		if bits&a.verbs.bit != 0 {
			if n, tag := a.verbs.match(v, i, sb); n > 0 {
				next = i + n
				// "like to say", "estimates of 64,900": not a speech verb here.
				if i > sa && v.word(i-1) && a.blockers.at(v, i-1) || i+n < sb && v.word(i+n) && a.nounAfter.at(v, i+n) {
					continue
				}
				if cu, ok := a.verbCue(v, sa, sb, i, i+n, tag); ok {
					out = append(out, cu)
				}
				continue
			}
		}
		if bits&a.sourceCues.bit != 0 {
			if n, _ := a.sourceCues.match(v, i, sb); n > 0 {
				next = i + n
				if cu, ok := a.sourceCue(v, sa, sb, i, i+n); ok {
					out = append(out, cu)
				}
				continue
			}
		}
		next = i + 1
	}
	return out
}

// backCues is prevCues past the main view: the cues of the p-th sentence
// (from the end) of the text read before the paragraph.
func (d *docScratch) backCues(a *Annotator, c *call, p int) (*view, []cue, bool) {
	if !d.backOK || d.backFor != c.pStart {
		d.buildBack(a, c)
	}
	if d.backLines {
		if k := d.backI1 - p; k >= d.backI0 {
			lo, hi := d.lineCues(a, k)
			return &d.s.main, d.arena[lo:hi], true
		}
		p -= d.backI1 - d.backI0
	}
	bi := len(d.prev) - p
	if bi < 0 {
		return nil, nil, false
	}
	ps := &d.prev[bi]
	if ps.cueLo < 0 {
		ps.cueLo = int32(len(d.arena))
		d.arena = a.findCuesAt(d.prevView, d.prevMarks, int(ps.a), int(ps.b), d.arena)
		ps.cueHi = int32(len(d.arena))
	}
	return d.prevView, d.arena[ps.cueLo:ps.cueHi], true
}

// buildBack finds the sentences of the lines from the back start to the
// paragraph: the window's line sentences, after those of the text before
// the window (pre) when the back start is before it.
func (d *docScratch) buildBack(a *Annotator, c *call) {
	d.backFor, d.backOK = c.pStart, true
	v := &d.s.main
	lo := c.lo
	d.backLines, d.backI0, d.backI1 = true, 0, 0
	d.prev = d.prev[:0]
	if d.backStart < v.from {
		d.splitLines(lo)
		d.scanPre(a, v.from)
		d.backI1 = searchLines(d.lines, lo)
		return
	}
	blo := tokenAt(v, d.backStart)
	if blo >= lo {
		return
	}
	if d.cutBack {
		d.backLines = false
		d.prev, d.prevView, d.prevMarks = d.mapSents(d.prev[:0], v, blo, lo), v, &d.m
		return
	}
	d.splitLines(lo)
	d.backI0, d.backI1 = searchLines(d.lines, blo), searchLines(d.lines, lo)
}

// scanPre makes prev the sentences of text[backStart:to], read into pre,
// a window of its own over the text before the main one's: back starts
// and paragraphs move forward, so it too is scanned once as they do. to
// is a line start.
func (d *docScratch) scanPre(a *Annotator, to int) {
	pv := &d.pre
	switch {
	case !d.preOK || d.backStart < d.preFrom || d.backStart > d.preTo:
		pv.voc = a.voc
		pv.reset(d.text)
		d.preMarks.reset()
		a.scanWindow(pv, &d.preMarks, d.backStart, to)
		d.preFrom, d.preTo, d.preOK = d.backStart, to, true
	case to > d.preTo:
		a.scanWindow(pv, &d.preMarks, d.preTo, to)
		d.preTo = to
	}
	lo, hi := tokenAt(pv, d.backStart), tokenAt(pv, to)
	d.prev, d.prevView, d.prevMarks = d.mapSents(d.prev[:0], pv, lo, hi), pv, &d.preMarks
}
