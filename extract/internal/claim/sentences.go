package claim

// Sentences of the window: the document's sentences (package text, split
// once per line for both passes) mapped onto the window's tokens.

import "sort"

// splitLines finds the window's line sentences up to token upTo, and on
// to the end of its line, so that no call cuts a line.
func (d *docScratch) splitLines(upTo int) {
	if d.linesTo >= upTo {
		return
	}
	toks := d.s.main.toks
	for lineEnd := d.doc.LineEnd(int(toks[upTo-1].s)); upTo < len(toks) && int(toks[upTo].s) < lineEnd; {
		upTo++
	}
	d.lines = d.mapSents(d.lines, &d.s.main, d.linesTo, upTo)
	d.linesTo = upTo
}

// mapSents appends the sentences of tokens [lo, hi) of v: the document's
// sentences of their lines, each the tokens that start inside its span,
// cut at lo and hi. A sentence is a heading when it ends its line with a
// word.
func (d *docScratch) mapSents(out []lineSent, v *view, lo, hi int) []lineSent {
	toks := v.toks[:hi]
	for i := lo; i < hi; {
		at := int(toks[i].s)
		k := d.doc.LineOf(at)
		_, lineEnd := d.doc.Line(k)
		spans := d.doc.Sentences(k)
		// A run-on line has thousands: start at the token's.
		n := sort.Search(len(spans), func(n int) bool { return spans[n].End > at })
		for ; n < len(spans) && i < hi; n++ {
			sp := spans[n]
			for i < hi && int(toks[i].s) < sp.Start {
				i++ // no token starts between sentences; this is a guard
			}
			a := i
			for i < hi && int(toks[i].s) < sp.End {
				i++
			}
			if i > a {
				kept := i == len(v.toks) || int(v.toks[i].s) >= sp.End // not cut at hi
				heading := n == len(spans)-1 && toks[i-1].kind == kWord && kept
				out = append(out, lineSent{sent: sent{a: int32(a), b: int32(i), heading: heading}, cueLo: -1})
			}
		}
		for i < hi && int(toks[i].s) < lineEnd {
			i++ // the guard again, after the line's last sentence
		}
	}
	return out
}

// searchLines is the index of the first line sentence starting at or
// after token i.
func searchLines(ls []lineSent, i int) int {
	lo, hi := 0, len(ls)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(ls[m].a) < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
