package extract

import (
	"cmp"
	"regexp/syntax"
	"slices"
	"strings"
)

// Exclusions: text where no figure can sit (markup, links, clock times:
// the exclude_patterns), and numbers that are not counts: years, calendar
// dates, labels ("Article 5"), model names ("F-16", "MH17") and pronoun
// "one". Ordinals and decades ("3rd", "1990s") fall out in rejectCore.

// masks returns the excluded spans of text[from:to], sorted by start. A
// pattern whose literal prefix is not in the text is not run: most lines
// hold no link or markup, and a regexp call costs more than the search.
func (r *rules) masks(out []span, text string, from, to int) []span {
	region := text[from:to]
	for _, re := range r.exclude {
		if p, _ := re.LiteralPrefix(); p != "" && !strings.Contains(region, p) {
			continue
		}
		for _, m := range re.FindAllStringIndex(region, -1) {
			out = append(out, span{from + m[0], from + m[1]})
		}
	}
	slices.SortFunc(out, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	return out
}

// markMasked sets masked on every token that overlaps a mask, starting at
// masks[k]; it returns where the next, later tokens should start.
func markMasked(toks []token, masks []span, k int) int {
	for i := range toks {
		for k < len(masks) && masks[k].end <= toks[i].start {
			k++
		}
		for j := k; j < len(masks) && masks[j].start < toks[i].end; j++ {
			if masks[j].end > toks[i].start {
				toks[i].masked = true
				break
			}
		}
	}
	return k
}

// modelAfterCount reports whether the digits at token i name a model
// between a count and its noun: the 2 of "14 Leopard 2 tanks". A
// capitalised word that is not a possessive sits between them.
func (r *rules) modelAfterCount(text string, toks []token, i int) bool {
	if i < 2 || !toks[i].spaced || !isName(text, toks[i-1]) || r.stopwords.has(toks[i-1]) {
		return false // not the 31 of a headline's "29 Of 31 Missiles"
	}
	before := toks[i-2]
	return before.kind == tDigits || r.words[before.id] > 0
}

// isName reports whether a token reads as a name, the model's in "Leopard
// 2" or a street's: a capitalised word, not a possessive ("Ukraine's 15").
func isName(text string, t token) bool {
	return t.kind == tWord && isCapital(text[t.start]) && !isPossessive(text, t)
}

// gluedToName reports whether the digits at token i belong to a name or
// code: letters right before them ("MH17") or letters and a hyphen ("F-16",
// "COVID-19").
func gluedToName(text string, toks []token, i int) bool {
	if toks[i].spaced || i == 0 {
		return false
	}
	prev := toks[i-1]
	if prev.kind == tWord {
		return true
	}
	if prev.kind == tPunct && isHyphen(text[prev.start:prev.end]) && !prev.spaced && i >= 2 {
		return toks[i-2].kind == tWord || toks[i-2].kind == tDigits && isYearLike(text[toks[i-2].start:toks[i-2].end])
	}
	if p := text[prev.start:prev.end]; (p == "." || p == "+") && !prev.spaced && i >= 2 && toks[i-2].kind == tWord {
		w := text[toks[i-2].start:toks[i-2].end]
		return len(w) <= 2 && isCapital(w[0]) // "B.1.1.7", "P+5"
	}
	return false
}

func isHyphen(s string) bool { return s == "-" || s == "‐" || s == "‑" }

func isYearLike(s string) bool {
	return len(s) == 4 && (s[0] == '1' || s[0] == '2')
}

// isYear reports whether a plain four-digit number is a year: in range, and
// either introduced like one ("in 2014") or not followed by what it counts
// ("2,000 troops" has a separator; "2000 troops" is a count).
func (r *rules) isYear(text string, toks []token, i int, value float64, followedByCount bool) bool {
	if !r.yearShaped(toks[i], value) {
		return false
	}
	if i > 0 && r.yearBefore.has(toks[i-1]) {
		// "in 2014 elections"; before years.min only with no count after:
		// "signed in 1648", but "in 1500 homes".
		return value >= float64(r.years.Min) || !followedByCount
	}
	return value >= float64(r.years.Min) && !followedByCount
}

// yearShaped reports whether a number of value written as token t could
// be a year at all: four digits, within the years' range.
func (r *rules) yearShaped(t token, value float64) bool {
	return t.end-t.start == 4 && value >= float64(min(r.years.IntroducedMin, r.years.Min)) && value <= float64(r.years.Max)
}

// isDate reports whether the number at tokens [i, end) sits next to a month
// name: "February 24", "Feb. 24", "24 February", "24 of February", or ends
// a span of days after one: the 30 of "Nov. 24-30".
func (r *rules) isDate(text string, toks []token, i, end int) bool {
	if i > 0 && r.months.has(toks[i-1]) {
		return true
	}
	if i > 1 && text[toks[i-1].start:toks[i-1].end] == "." && r.months.has(toks[i-2]) {
		return true // "Feb. 24", but not "In November, 40 people died"
	}
	if i > 1 && toks[i-1].kind == tPunct && !toks[i-1].spaced && !toks[i].spaced && toks[i-2].kind == tDigits &&
		(isHyphen(text[toks[i-1].start:toks[i-1].end]) || text[toks[i-1].start:toks[i-1].end] == "–") && r.isDate(text, toks, i-2, i-1) {
		return true
	}
	if end < len(toks) && r.months.has(toks[end]) {
		return true
	}
	if end+2 < len(toks) && r.rangeJoin.has(toks[end]) && toks[end+1].kind == tDigits && r.months.has(toks[end+2]) {
		return true // the 8 of "on 8 and 9 November"
	}
	return end+1 < len(toks) && toks[end].id == r.of && r.months.has(toks[end+1])
}

// isAddress reports whether the number ending at token end starts a street
// address: capitalised words, then an address word ("12 Baker Street").
func (r *rules) isAddress(text string, toks []token, end, limit int) bool {
	if end < limit && r.namesAfter.longestAt(toks, end, limit) != nil {
		return true // "the 5200 block of 30th Place", ".45-caliber"
	}
	for k := end; k < limit && k < end+4; k++ {
		t := toks[k]
		if !isName(text, t) {
			return false
		}
		if k > end && r.addressWords.has(t) {
			return true
		}
	}
	return false
}

// isLabel reports whether the number at token i names rather than counts:
// "Article 5", "No. 3", "Flight 752".
func (r *rules) isLabel(toks []token, i int) bool {
	if i > 0 && r.labels.has(toks[i-1]) {
		return true
	}
	if i > 2 && toks[i-1].id == r.of && toks[i-2].kind == tDigits && r.labels.has(toks[i-3]) {
		return true // the total of a label's count: the 17 of "page 1 of 17"
	}
	return i > 1 && toks[i-1].kind == tPunct && r.labels.has(toks[i-2])
}

// isPronounOne reports whether a lone "one" at token i is a pronoun: "no
// one", "one of the", or "one" not followed by a counted word.
func (r *rules) isPronounOne(toks []token, i int) bool {
	if i > 0 && r.onePronounBefore.has(toks[i-1]) {
		return true
	}
	if i+1 >= len(toks) {
		return true
	}
	next := toks[i+1]
	if next.kind != tWord && next.kind != tDigits {
		return !(next.kind == tPunct && next.id == r.hyphen && !next.spaced)
	}
	if r.implied.incrementAfter.has(next) && i+2 < len(toks) && toks[i+2].kind == tWord &&
		!r.onePronounAfter.has(toks[i+2]) && !r.stopwords.has(toks[i+2]) {
		return false // "one more passenger died" counts; "one more time" does not
	}
	return r.onePronounAfter.has(next) || r.stopwords.has(next)
}

// withinLine reports whether every match of pattern lies inside one line
// and is found the same in the line alone as in the whole text: it cannot
// match a line break or empty text, and has no anchors, whose meaning the
// line's edges would change. Exclusions that are can be matched only in
// the lines that may hold a figure.
func withinLine(pattern string) bool {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return false
	}
	re = re.Simplify()
	return minLength(re) > 0 && !matchesLineBreak(re)
}

// minLength is the fewest characters re matches, 0 for an anchor.
func minLength(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpPlus:
		return minLength(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min * minLength(re.Sub[0])
	case syntax.OpConcat:
		n := 0
		for _, sub := range re.Sub {
			n += minLength(sub)
		}
		return n
	case syntax.OpAlternate:
		n := minLength(re.Sub[0])
		for _, sub := range re.Sub[1:] {
			n = min(n, minLength(sub))
		}
		return n
	}
	return 0 // empty, star, quest, anchors, word boundaries
}

// matchesLineBreak reports whether re may match a line break, or holds an
// anchor to a line's or the text's edge.
func matchesLineBreak(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		return slices.Contains(re.Rune, '\n')
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i] <= '\n' && '\n' <= re.Rune[i+1] {
				return true
			}
		}
		return false
	case syntax.OpAnyChar, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return true
	}
	return slices.ContainsFunc(re.Sub, matchesLineBreak)
}

// isYearAt applies the year rule to a plain four-digit number, or to both
// ends of a range of them ("between 2014 and 2017").
func (r *rules) isYearAt(text string, toks []token, n *number, numTok, limit int) bool {
	t := toks[numTok]
	if n.scale != 1 || strings.ContainsAny(text[t.start:t.end], ",. \u00a0") {
		return false
	}
	if n.isRange && (n.high < float64(r.years.Min) || n.high > float64(r.years.Max)) {
		return false
	}
	if !n.isRange && n.numEnd != numTok+1 {
		return false
	}
	low := n.value
	if n.isRange {
		low = n.low
	}
	if !r.yearShaped(t, low) {
		return false // most numbers: no look-up needed
	}
	counted := n.end < limit && r.looksCounted(text, toks[n.end])
	if numTok > 0 && r.qualBefore.longestEndingAt(toks, numTok, maxInt(0, numTok-4)) != nil {
		return false
	}
	return r.isYear(text, toks, numTok, low, counted)
}
