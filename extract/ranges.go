package extract

import (
	"strings"
)

// Ranges, ratios and fractions joined by a sign: "30 to 40", "between 30
// and 40", "30-40", "one in five", "1/16".

// ratio turns "one in five" and "one out of three" into a share.
func (r *rules) ratio(text string, toks []token, n *number, limit int) {
	if n.vague || n.fraction || n.end >= limit {
		return
	}
	p := r.ratios.longestAt(toks, n.end, limit)
	if p == nil || n.end+len(p.words) >= limit {
		return
	}
	m, ok := r.core(text, toks, n.end+len(p.words), limit, false)
	if !ok || m.vague || m.fraction || m.value <= n.value || isYearLike(text[toks[m.first].start:toks[m.first].end]) ||
		r.units.startsAt(toks, m.end, limit) {
		return // not "scored 2 in 5 minutes"
	}
	// "one in four" is a share whatever follows ("one in four developed
	// complications"); "2 in 5" only before what it counts, not "scored 2
	// in 5 minutes".
	if toks[n.first].id != r.one {
		if m.end >= limit {
			return
		}
		if follow := toks[m.end]; follow.id != r.of && !r.looksCounted(text, follow) && !isPluralName(text[follow.start:follow.end]) {
			return
		}
	}
	n.value /= m.value
	n.fraction, n.share = true, true
	n.end, n.numEnd = m.end, m.end
}

// changeBefore reports whether a change word other than "from" sits at
// most changeReach words before the "from" at token i.
func (r *rules) changeBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-changeReach; k-- {
		if r.rangeChange.has(toks[k]) && toks[k].id != r.from {
			return true
		}
	}
	return false
}

// slashFraction turns "1/16 of a pint" and "3⁄4 cup" into a share: whole
// digits, a fraction slash and larger whole digits, glued together, then
// "of" or a unit. Other slashed numbers stay dates and codes ("9/11 attacks",
// "24/7", "12/03/2024"), which rejectCore drops.
func (r *rules) slashFraction(text string, toks []token, n *number, numTok, limit int) {
	j := n.numEnd
	if !n.digits || n.fraction || n.scale != 1 || n.numEnd != numTok+1 || j+2 >= limit {
		return
	}
	slash, den, follow := toks[j], toks[j+1], toks[j+2]
	if !r.fractionSlashes.has(slash) || slash.spaced || den.kind != tDigits || den.spaced ||
		r.codeJoiners.has(follow) && !follow.spaced {
		return
	}
	num := text[toks[numTok].start:toks[numTok].end]
	d, err := parseDigits(text[den.start:den.end])
	if err != nil || strings.ContainsAny(num, ".,") || d <= n.value || n.value <= 0 {
		return
	}
	if follow.id != r.of && !r.units.startsAt(toks, j+2, limit) {
		return
	}
	n.value /= d
	n.fraction, n.share = true, true
	n.end, n.numEnd = j+2, j+2
}

// joinRange extends n over a second number that closes a range. money says
// the first number had a currency sign. It rejects the pair, with the token
// to resume at, when it is not a figure at all (a score such as "3-1").
func (r *rules) joinRange(text string, toks []token, n *number, limit int, money bool) (reject bool, skip int) {
	if n.vague || n.fraction {
		return false, 0
	}
	j := n.end
	u := r.units.longestAt(toks, minInt(j, limit-1), limit)
	if j < limit && u != nil {
		j += len(u.words)
	}
	if j+1 >= limit || !r.rangeJoin.has(toks[j]) || toks[j].masked {
		return false, 0
	}
	join := toks[j]
	hyphen := join.kind == tPunct && isHyphen(text[join.start:join.end])
	byRange := false
	var before token
	if n.first > 0 {
		before = toks[n.first-1]
	}
	switch {
	case hyphen:
		if join.spaced || toks[j+1].spaced {
			return false, 0
		}
	case join.id == r.and:
		if n.first == 0 || !r.rangeOpen.has(before) {
			return false, 0
		}
	case n.first > 0 && r.rangeChange.has(before) && (before.id != r.from || r.changeBefore(toks, n.first-1)):
		if before.id != r.by || u != nil {
			return false, 0 // "rose from 20 to 30": two figures
		}
		byRange = true // "dropped by 1 to 1.5 degrees", unless "rose by 5 to 30"
	}
	j++
	signed := false
	if p := r.symbols.longestAt(toks, j, limit); p != nil && tight(text, toks, j, len(p.words)) && j+len(p.words) < limit {
		if !money {
			return false, 0 // "up 9.4 per cent to $84"
		}
		j += len(p.words) // "$200 to $400"
		signed = true     // so "$2m" is millions, as "$1m" was
	}
	m, ok := r.core(text, toks, j, limit, signed)
	if !ok || m.vague || m.fraction {
		return false, 0
	}
	if r.isDate(text, toks, j, m.end) {
		return true, m.end // "24-30 November": days
	}
	if hyphen && n.digits && !m.digits && isCapital(text[toks[j].start]) {
		return true, m.end // "7-Eleven": a name
	}
	if m.scale > 1 && n.scale == 1 && n.value*m.scale <= m.value*1.0001 {
		n.value *= m.scale
	}
	if m.value <= n.value {
		// "3-1", "2014-15", "2024-11-08": a score, season or date, not a count
		return hyphen, skipCodeChain(text, toks, n.first, limit, r.codeJoiners)
	}
	if byRange && (m.value > r.byRatio*n.value || !r.units.startsAt(toks, m.end, limit)) {
		return false, 0 // a change by one amount to a level: two figures
	}
	n.low, n.high = n.value, m.value
	n.bounded, n.isRange = true, true
	n.end, n.numEnd = m.end, m.end
	if u != nil && m.unit == noUnit {
		n.unit = u.tag
	}
	return false, 0
}
