package extract

import (
	"math"
	"strconv"
	"strings"
)

// Number scanning: digits ("6,266", "1.5", "430 000"), magnitudes ("4
// million", "4.5m", "1.2bn", "430K"), number words ("eight", "twenty-five",
// "two hundred and five", "three and a half", "a million"), fractions ("a
// quarter of", "two-thirds of", "half the"), vague amounts ("dozens", "tens
// of thousands", "several hundred") and ranges ("30 to 40", "between 30 and
// 40", "30-40", "two or three").

// number is a value as written, before its meaning is read.
type number struct {
	first, end int // tokens of the surface: sign, currency sign, number, unit
	numEnd     int // end of the number itself, before any unit
	value      float64
	low, high  float64
	scale      float64 // the magnitude word or suffix applied, 1 if none
	bounded    bool    // low and high are set (a range or a vague amount)
	isRange    bool
	vague      bool
	fraction   bool
	share      bool // a fraction stated exactly: "one in five", "1/16"
	age        bool // "a 65-year-old", "six months old": no unit, no category
	digits     bool
	unit       int    // index into rules.unitInfos, -1 for a plain count
	rawUnit    string // a unit glued to the digits that the rules do not name ("640bhp")
	gluedNoun  int    // token of "bus" in "a 45-bus convoy", -1 if none
}

const noUnit = -1

// scanAt reads a figure starting at token i. It returns the figure, or
// ok=false and the token to resume at.
func (r *rules) scanAt(text string, toks []token, i, limit int) (n number, next int, ok bool) {
	if toks[i].masked {
		return n, i + 1, false
	}
	start := i
	unit := noUnit
	negative := false
	if r.negative.has(toks[i]) {
		j := i + 1
		if j < limit && isMinus(text, toks[j]) && !toks[j].spaced {
			j++
		}
		if j < limit && toks[j].kind == tDigits {
			negative, i = true, j
		}
	}
	if p := r.asciiSymbols.longestAt(toks, i, limit); p != nil && r.markedAmount(text, toks, i+len(p.words), limit) {
		unit, i = p.tag, i+len(p.words) // "PS2.7m"
	} else if p := r.symbols.longestAt(toks, i, limit); p != nil && tight(text, toks, i, len(p.words)) {
		j := i + len(p.words)
		if j+1 < limit && isMinus(text, toks[j]) && !toks[j].spaced && toks[j+1].kind == tDigits && !toks[j+1].spaced {
			negative, j = true, j+1
		}
		if j < limit && toks[j].kind == tDigits {
			unit, i = p.tag, j
		}
	}
	if !negative && isMinus(text, toks[i]) && toks[i].spaced && i+1 < limit && toks[i+1].kind == tDigits && !toks[i+1].spaced {
		negative, i = true, i+1
	}
	n, ok = r.core(text, toks, i, limit, unit != noUnit)
	if !ok {
		return n, i + 1, false
	}
	n.first = start
	r.ratio(text, toks, &n, limit)
	r.slashFraction(text, toks, &n, i, limit)
	if reject, skip := r.rejectCore(text, toks, &n, i, limit, start != i); reject {
		return n, skip, false
	}
	if reject, skip := r.joinRange(text, toks, &n, limit, unit != noUnit); reject {
		return n, skip, false
	}
	if unit != noUnit {
		n.unit = unit
	} else {
		r.attachUnit(text, toks, &n, limit)
		n.age = n.age || r.ageAside(text, toks, &n, limit) || n.unit == noUnit && r.agedBefore(toks, n.first)
		if n.unit != noUnit && n.end < limit && r.agoWords.has(toks[n.end]) {
			return n, n.end + 1, false // "three years ago" is a date
		}
	}
	if n.digits && n.unit == noUnit && n.rawUnit == "" && r.isYearAt(text, toks, &n, i, limit) {
		return n, n.end, false
	}
	for k := n.first; k < n.end; k++ {
		if toks[k].masked {
			return n, n.end, false
		}
	}
	if !exactFloat(n.value) || n.bounded && (!exactFloat(n.low) || !exactFloat(n.high)) {
		return n, n.end, false // "1e308 people", "9,999,999,999,999,999,999 dead"
	}
	if negative || unit != noUnit && r.inParentheses(text, toks, &n, i, limit) {
		n.value, n.low, n.high = -n.value, -n.high, -n.low
	}
	return n, n.end, true
}

// maxExact is the largest magnitude a float64 holds to the unit: 2^53.
const maxExact = 1 << 53

// exactFloat reports whether v is a value a figure can carry without
// rounding it: finite and within ±2^53. Beyond it a figure is refused,
// as no count news reports comes near, and a rounded value would be
// wrong in its last digits.
func exactFloat(v float64) bool { return v >= -maxExact && v <= maxExact }

// inParentheses reports an amount in an accounts' brackets, a negative:
// "a loss of ($99.99)": a currency sign glued to "(" before the digits at
// numTok and ")" glued after them, with no scale, and not a restatement of
// an amount before the brackets ("€4 ($4.30)", "40 euros ($43)").
func (r *rules) inParentheses(text string, toks []token, n *number, numTok, limit int) bool {
	o := n.first - 1
	if o < 0 || n.end >= limit || n.scale != 1 || n.numEnd != numTok+1 || toks[n.first].spaced || toks[n.end].spaced ||
		text[toks[o].start:toks[o].end] != "(" || text[toks[n.end].start:toks[n.end].end] != ")" {
		return false
	}
	if p := o - 1; p >= 0 && (toks[p].kind == tDigits || r.units.startsAt(toks, p, o) || r.scales[toks[p].id] > 0 || r.suffixes[toks[p].id] > 0) {
		return false
	}
	return true
}

// tidy rounds a value to 12 significant digits, which drops the binary
// noise of scaling ("4.1 million" is 4099999.9999999995 in floating point)
// and keeps every digit news copy writes.
func tidy(v float64) float64 {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return v
	}
	t, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return t
}

// isMinus reports whether a token is a hyphen-minus or a minus sign.
func isMinus(text string, t token) bool {
	return t.kind == tPunct && (isHyphen(text[t.start:t.end]) || text[t.start:t.end] == "−")
}

// tight reports whether the n tokens from i are written without spaces
// between them, so that "A$5" is a currency but "a $5 bill" is not. A
// country's two or three capitals may stand apart: "HK $5.4m".
func tight(text string, toks []token, i, n int) bool {
	for k := i + 1; k < i+n; k++ {
		if toks[k].spaced && !(k == i+1 && isCountryPrefix(text[toks[i].start:toks[i].end])) {
			return false
		}
	}
	return true
}

// isCountryPrefix reports whether w is two or three capitals: "HK", "US".
func isCountryPrefix(w string) bool {
	return len(w) >= 2 && len(w) <= 3 && strings.Trim(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// core reads the number itself at token i: a vague amount, a fraction, a
// number in words or in digits. money says a currency sign came before.
func (r *rules) core(text string, toks []token, i, limit int, money bool) (number, bool) {
	n := number{first: i, unit: noUnit, gluedNoun: -1, scale: 1}
	t := toks[i]
	if t.kind == tDigits {
		return r.digitsNumber(text, toks, n, i, limit, money) // most numbers: no word rule applies
	}
	if p := r.vague.longestAt(toks, i, limit); p != nil {
		a := r.vagueAmts[p.tag]
		n.end = i + len(p.words)
		n.value, n.low, n.high = a.Value, a.Low, a.High
		for a.Scalable && n.end < limit {
			s, ok := r.scales[toks[n.end].id]
			if !ok || s <= n.scale {
				break
			}
			// "several hundred", "several hundred thousand"
			n.value, n.low, n.high, n.scale = n.value*s, n.low*s, n.high*s, n.scale*s
			n.end++
		}
		n.bounded, n.vague, n.numEnd = true, true, n.end
		return n, true
	}
	if v, end, bare, ok := r.fractionWord(toks, i, limit); ok {
		if r.gluedHyphen(toks, end, limit) {
			if s := r.scales[toks[end+1].id]; s >= 1000 {
				n.value, n.end, n.numEnd, n.scale = v*s, end+2, end+2, s // "a quarter-million"
				return n, true
			}
		}
		// Alone, only "half" is a fraction, and only of a whole that follows
		// ("of", "the", "its"): "half the city", not "quarter".
		if (!bare || v == 0.5) && end < limit && (toks[end].id == r.of || r.objSkip.has(toks[end])) {
			if s, e, ok := r.scaleOfFraction(toks, end, limit); ok {
				n.value, n.end, n.numEnd, n.scale = v*s, e, e, s // "half a million"
				return n, true
			}
			n.value, n.end, n.numEnd, n.fraction = v, end, end, true
			return n, true
		}
		// Before a unit it is a measure: "one-half mile", "three quarters mile".
		if !bare && end < limit && r.units.startsAt(toks, end, limit) {
			n.value, n.end, n.numEnd = v, end, end
			return n, true
		}
	}
	if t.kind == tPunct {
		f, ok := r.vulgar[t.id]
		if !ok {
			return n, false
		}
		// "¼ of homes" is a share; "½ mile" a measure
		n.value, n.end, n.numEnd = f, i+1, i+1
		n.fraction = i+1 < limit && (toks[i+1].id == r.of || r.objSkip.has(toks[i+1]))
		return n, true
	}
	if t.kind == tWord {
		v, end, scale, ok := r.wordNumber(toks, i, limit)
		if !ok {
			return n, false
		}
		n.value, n.end, n.numEnd, n.scale = v, end, end, scale
		return n, true
	}
	return n, false
}

// digitsNumber reads a number in digits at token i: "6,266", "1.5", "4.5m",
// "2½ million", "2,5 million".
func (r *rules) digitsNumber(text string, toks []token, n number, i, limit int, money bool) (number, bool) {
	t := toks[i]
	v, err := parseDigits(text[t.start:t.end])
	if err != nil {
		return n, false
	}
	n.value, n.end, n.digits = v, i+1, true
	if i+1 < limit && !toks[i+1].spaced && toks[i+1].kind == tPunct && r.vulgar[toks[i+1].id] > 0 {
		n.value += r.vulgar[toks[i+1].id] // "2½ million"
		n.end = i + 2
	}
	if d, ok := r.decimalComma(text, toks, i, limit); ok {
		n.value, n.end = d, i+3 // "2,5 million euros"
	}
	if exp, end, ok := r.power(text, toks, n.end, limit); ok {
		n.value, n.end = n.value*math.Pow10(exp), end // "4e14", "2.48×10^-5"
		n.numEnd = n.end
		return n, true
	}
	if f, end, ok := r.mixedFraction(text, toks, i, n.end, limit); ok {
		n.value, n.end = n.value+f, end // "2 1/2 in"
	}
	r.magnitude(text, toks, &n, limit, money)
	n.numEnd = n.end
	return n, true
}

// power reads a power of ten after a number, from token j: a glued letter
// and exponent ("4e14", "1e-6"), or a times sign, 10 and an exponent glued
// to it after a caret or with a sign ("2.48×10^-5", "2.48x10−5"); a bare
// "3x10" is a size, not a power.
func (r *rules) power(text string, toks []token, j, limit int) (exp, end int, ok bool) {
	if j+1 >= limit || toks[j].spaced && !r.powerTimes.has(toks[j]) {
		return 0, 0, false
	}
	k, marked := j, false
	switch {
	case r.powerLetters.has(toks[j]) && !toks[j].spaced:
		k, marked = j+1, true
	case r.powerTimes.has(toks[j]) && text[toks[j+1].start:toks[j+1].end] == "10" && toks[j+1].spaced == toks[j].spaced:
		k = j + 2
		if k < limit && r.powerCarets.has(toks[k]) && !toks[k].spaced {
			k, marked = k+1, true
		}
	default:
		return 0, 0, false
	}
	sign := 1
	if k+1 < limit && !toks[k].spaced && (isMinus(text, toks[k]) || text[toks[k].start:toks[k].end] == "+") {
		if isMinus(text, toks[k]) {
			sign = -1
		}
		k, marked = k+1, true
	}
	if !marked || k >= limit || toks[k].kind != tDigits || toks[k].spaced {
		return 0, 0, false
	}
	e, err := strconv.Atoi(text[toks[k].start:toks[k].end])
	if err != nil || e > 999 {
		return 0, 0, false
	}
	return sign * e, k + 1, true
}

// mixedFraction reads the fraction of a mixed number after the whole number
// at token i, which ends at j: the "1/2" of "2 1/2 in", a smaller numerator
// over its denominator, not part of a date ("5 12/25/2024").
func (r *rules) mixedFraction(text string, toks []token, i, j, limit int) (float64, int, bool) {
	if j != i+1 || j+2 >= limit || !toks[j].spaced || toks[j].kind != tDigits {
		return 0, 0, false
	}
	slash, den := toks[j+1], toks[j+2]
	if !r.fractionSlashes.has(slash) || slash.spaced || den.kind != tDigits || den.spaced ||
		j+3 < limit && r.codeJoiners.has(toks[j+3]) && !toks[j+3].spaced ||
		strings.ContainsAny(text[toks[i].start:toks[j+2].end], ".,") {
		return 0, 0, false
	}
	num, err1 := strconv.Atoi(text[toks[j].start:toks[j].end])
	d, err2 := strconv.Atoi(text[den.start:den.end])
	if err1 != nil || err2 != nil || num <= 0 || num >= d || d > 64 {
		return 0, 0, false
	}
	return float64(num) / float64(d), j + 3, true
}

// parseDigits reads "6,266", "430 000" or "1.5".
func parseDigits(s string) (float64, error) {
	if strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' && r != '.' }) < 0 {
		return strconv.ParseFloat(s, 64)
	}
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' || c == '.' {
			b.WriteRune(c)
		}
	}
	return strconv.ParseFloat(b.String(), 64)
}

// magnitude applies a suffix glued to digits ("4.5m", "430K", "1.2bn") or
// scale words after them ("4 million", "4 hundred million"). A glued "m"
// is millions after a currency sign, on a decimal or before a counted noun,
// and metres otherwise ("a 37m yacht").
func (r *rules) magnitude(text string, toks []token, n *number, limit int, money bool) {
	j := n.end
	if j >= limit || toks[j].kind != tWord {
		return
	}
	t := toks[j]
	if mult, ok := r.moneySuffixes[t.id]; ok && money && !t.spaced {
		n.value, n.scale, n.end = n.value*mult, mult, j+1 // "$2.174T"
		return
	}
	if mult, ok := r.suffixes[t.id]; ok && (!t.spaced || t.end-t.start >= 2 && !r.units.startsAt(toks, j, limit)) {
		if mult == 1e6 && t.end-t.start == 1 && !t.spaced {
			decimal := strings.IndexByte(text[toks[n.first].start:toks[n.first].end], '.') >= 0
			if !money && !decimal && !(j+1 < limit && (toks[j+1].id == r.of || r.looksCounted(text, toks[j+1]))) {
				n.unit = r.unitNamed("m")
				n.end = j + 1
				return
			}
		}
		n.value *= mult
		n.scale = mult
		n.end = j + 1
		return
	}
	for j < limit && toks[j].spaced {
		s, ok := r.scales[toks[j].id]
		if !ok || s <= n.scale && n.scale > 1 {
			break
		}
		n.value *= s
		n.scale *= s
		j++
	}
	n.end = j
}

// wordNumber reads a number in words: "eight", "twenty-five", "two hundred
// and five", "three and a half", "four million", "a hundred".
func (r *rules) wordNumber(toks []token, i, limit int) (value float64, end int, scale float64, ok bool) {
	var total, cur float64
	scale = 1
	const (
		none = iota
		small
		tens
		mult
	)
	last := none
	j := i
	if (toks[i].id == r.a || toks[i].id == r.an) && i+1 < limit {
		if _, isScale := r.scales[toks[i+1].id]; isScale {
			cur, last, j = 1, small, i+1
		}
	}
	for j < limit {
		t := toks[j]
		if w, isWord := r.words[t.id]; isWord && t.kind == tWord {
			switch {
			case last == none, last == mult:
			case last == tens && w < 10 && w > 0:
			default:
				goto done
			}
			cur += w
			if w >= 20 && w < 100 && w == float64(int(w/10)*10) {
				last = tens
			} else {
				last = small
			}
			j++
			continue
		}
		if s, isScale := r.scales[t.id]; isScale && last != none {
			if cur == 0 {
				cur = 1
			}
			if s < 1000 {
				cur *= s
			} else {
				total += cur * s
				cur = 0
			}
			scale, last = s, mult
			j++
			continue
		}
		if last != none && r.gluedHyphen(toks, j, limit) {
			if _, isWord := r.words[toks[j+1].id]; isWord && last == tens {
				j++
				continue
			}
		}
		if last != none && t.id == r.and && j+1 < limit {
			if _, isWord := r.words[toks[j+1].id]; isWord && last == mult {
				j++
				continue
			}
			if j+2 < limit && (toks[j+1].id == r.a) && r.fractions[toks[j+2].id] == 0.5 {
				total, cur = addHalf(last == mult, scale, total, cur)
				j += 3
				continue
			}
		}
		if last != none && r.gluedHyphen(toks, j, limit) && j+5 < limit && toks[j+1].id == r.and && r.gluedHyphen(toks, j+2, limit) &&
			toks[j+3].id == r.a && r.gluedHyphen(toks, j+4, limit) && r.fractions[toks[j+5].id] == 0.5 {
			total, cur = addHalf(last == mult, scale, total, cur) // "two-and-a-half"
			j += 6
			continue
		}
		break
	}
done:
	if last == none {
		return 0, i, 1, false
	}
	return total + cur, j, scale, true
}

// addHalf adds "and a half": half the scale after one ("a million and a
// half"), else a half ("three and a half").
func addHalf(afterScale bool, scale, total, cur float64) (float64, float64) {
	if afterScale && scale >= 1000 {
		return total + 0.5*scale, cur
	}
	return total, cur + 0.5
}

// counterEnd returns the token after a gallery counter starting at token
// i, digits "of" digits and a counter mark, or 0 if none starts there.
func (r *rules) counterEnd(toks []token, i, limit int) int {
	if i+3 < limit && toks[i+1].id == r.of && toks[i+2].kind == tDigits && r.counterMarks.has(toks[i+3]) {
		return i + 4
	}
	return 0
}

// agedBefore reports whether an age word comes right before token i, or
// before the range opener there: "aged 16", "aged between 18 and 60".
func (r *rules) agedBefore(toks []token, i int) bool {
	if i > 0 && r.rangeOpen.has(toks[i-1]) {
		i--
	}
	return i > 0 && r.ageBefore.has(toks[i-1])
}

// markedAmount reports whether token j is digits glued to the token
// before, with a decimal point or a thousands group or a magnitude glued
// after: "2.7m", "21,700", "8bn".
func (r *rules) markedAmount(text string, toks []token, j, limit int) bool {
	if j >= limit || toks[j].kind != tDigits || toks[j].spaced {
		return false
	}
	if strings.ContainsAny(text[toks[j].start:toks[j].end], ".,") {
		return true
	}
	if j+1 >= limit || toks[j+1].spaced {
		return false
	}
	_, suffix := r.suffixes[toks[j+1].id]
	return suffix
}

// decimalComma reads the European decimal comma, only before a scale
// word, where it cannot be a list: "2,5 million euros".
func (r *rules) decimalComma(text string, toks []token, i, limit int) (float64, bool) {
	if i+3 >= limit || toks[i+1].id != r.comma || toks[i+1].spaced || toks[i+2].kind != tDigits || toks[i+2].spaced ||
		toks[i+2].end-toks[i+2].start > 2 || !toks[i+3].spaced || r.scales[toks[i+3].id] < 1000 {
		return 0, false
	}
	v, err := strconv.ParseFloat(text[toks[i].start:toks[i].end]+"."+text[toks[i+2].start:toks[i+2].end], 64)
	return v, err == nil && !strings.ContainsAny(text[toks[i].start:toks[i].end], ".,")
}

// fractionWord reads a fraction in words at token i: "a quarter",
// "one-third", "two-thirds", "three quarters", "half". bare says no count
// or article came before the fraction word.
func (r *rules) fractionWord(toks []token, i, limit int) (value float64, end int, bare, ok bool) {
	t := toks[i]
	mult, j := 1.0, i
	switch {
	case t.id == r.a || t.id == r.an:
		j = i + 1
	case r.words[t.id] > 0 && r.words[t.id] <= 10:
		mult, j = r.words[t.id], i+1
	}
	if j > i && j < limit && toks[j].id == r.hyphen && !toks[j].spaced {
		j++
	}
	if j >= limit {
		return 0, i, false, false
	}
	f, isFraction := r.fractions[toks[j].id]
	return mult * f, j + 1, j == i, isFraction
}

// scaleOfFraction reads the scale a fraction is of, from token j: "half
// a million", "a quarter of a million", "half a dozen".
func (r *rules) scaleOfFraction(toks []token, j, limit int) (float64, int, bool) {
	if j < limit && toks[j].id == r.of {
		j++
	}
	if j+1 >= limit || toks[j].id != r.a && toks[j].id != r.an {
		return 0, 0, false
	}
	s, ok := r.scales[toks[j+1].id]
	return s, j + 2, ok
}

// rejectCore drops numbers that name or date rather than count. numTok is
// the token where the number itself starts; prefixed says a sign or a
// currency sign came before it. skip is the token to resume at.
func (r *rules) rejectCore(text string, toks []token, n *number, numTok, limit int, prefixed bool) (reject bool, skip int) {
	t := toks[numTok]
	if t.kind == tDigits {
		if w := text[t.start:t.end]; len(w) > 1 && w[0] == '0' && isDigit(w[1]) {
			return true, skipDigitRun(toks, numTok+1, limit) // "0800 501 701" is a phone number
		}
		if !prefixed && numTok > 0 && !t.spaced && toks[numTok-1].spaced && text[toks[numTok-1].start:toks[numTok-1].end] == "+" &&
			numTok+1 < limit && toks[numTok+1].kind == tDigits {
			return true, skipDigitRun(toks, numTok+1, limit) // "+44 20 7946 0958" too, but not "+0.2%"
		}
		label := r.isLabel(toks, numTok) && !r.units.startsAt(toks, n.numEnd, limit) // "sector 0.68 percent" counts
		if !prefixed && (gluedToName(text, toks, numTok) || r.modelAfterCount(text, toks, numTok)) || label {
			return true, skipGlued(toks, n.numEnd, limit) // "747-400", "P5+1", "B.1.1.7": one name
		}
		if r.isDate(text, toks, numTok, n.numEnd) || r.isAddress(text, toks, n.numEnd, limit) {
			return true, n.numEnd
		}
		if e := r.counterEnd(toks, numTok, limit); e > 0 {
			return true, e // "1 of 12 | Firefighters at work": a gallery counter
		}
		if inCodeChain(toks, numTok, n.numEnd, limit, r.codeJoiners) {
			return true, skipCodeChain(text, toks, numTok, limit, r.codeJoiners) // "2:01", "12/03/2024"
		}
		if r.timeWords.startsAt(toks, n.numEnd, limit) {
			return true, n.numEnd + 1 // "9 p.m."
		}
		if n.numEnd < limit && n.unit == noUnit {
			next := toks[n.numEnd]
			if next.kind == tWord && !next.spaced && (r.notUnits.has(next) || isCodeLetter(text[next.start:next.end])) {
				return true, n.numEnd + 1 // "3rd", "1990s", "5G", "4x4"
			}
		}
	}
	if t.kind == tWord && n.value == 1 && n.numEnd == numTok+1 && t.id == r.one && r.isPronounOne(toks, numTok) {
		return true, n.numEnd
	}
	return false, 0
}

// inCodeChain reports whether the digits at numTok are glued by a joiner
// (":" or "/") to digits before or after them.
func inCodeChain(toks []token, numTok, numEnd, limit int, joiners wordSet) bool {
	if numEnd+1 < limit && joiners.has(toks[numEnd]) && !toks[numEnd].spaced &&
		toks[numEnd+1].kind == tDigits && !toks[numEnd+1].spaced {
		return true
	}
	return numTok >= 2 && !toks[numTok].spaced && joiners.has(toks[numTok-1]) && !toks[numTok-1].spaced &&
		toks[numTok-2].kind == tDigits
}

// skipGlued returns the first token from i that has a space before it: the
// rest of a name the digits before i began.
func skipGlued(toks []token, i, limit int) int {
	for i < limit && !toks[i].spaced {
		i++
	}
	return i
}

// skipDigitRun returns the first token from i that is not digits.
func skipDigitRun(toks []token, i, limit int) int {
	for i < limit && toks[i].kind == tDigits {
		i++
	}
	return i
}

// skipCodeChain returns the token after a run of digits glued together by
// joiners or hyphens, starting at i.
func skipCodeChain(text string, toks []token, i, limit int, joiners wordSet) int {
	j := i + 1
	for j+1 < limit && !toks[j].spaced && !toks[j+1].spaced && toks[j+1].kind == tDigits &&
		(joiners.has(toks[j]) || isHyphen(text[toks[j].start:toks[j].end])) {
		j += 2
	}
	return j
}

// isCodeLetter reports whether a word glued to digits makes a code rather
// than a unit: one capital ("5G", "3D") or a multiplication ("4x4").
func isCodeLetter(w string) bool {
	return len(w) == 1 && (isCapital(w[0]) || w[0] == 'x')
}

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

// changeReach is how far before "from" a change word makes "from X to Y"
// a change: "rose sharply from".
const changeReach = 3

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

// attachUnit reads the unit after a number: "14 tons", "25%", "160 square
// kilometres", "a 250-kilogram bomb", "five-week-old"; or, when the hyphen
// glues an ordinary noun ("a 45-bus convoy"), remembers that noun.
func (r *rules) attachUnit(text string, toks []token, n *number, limit int) {
	if n.unit != noUnit {
		return
	}
	j := n.end
	if j >= limit {
		return
	}
	glued := r.gluedHyphen(toks, j, limit)
	if glued {
		j++
	}
	at := j
	for !glued && at < limit && r.unitAdjectives.has(toks[at]) {
		at++
	}
	if at == limit {
		at = j // "for 35 consecutive" ends the sentence
	}
	if p := r.units.longestAt(toks, at, limit); p != nil && (at == j || !r.unitInfos[p.tag].currency) {
		if !r.unitInfos[p.tag].currency || !glued {
			n.unit = p.tag
			n.end = at + len(p.words)
			r.age(text, toks, n, limit)
			return
		}
	}
	if glued && r.gluedAdjectives.has(toks[j]) {
		return // "100,000-strong": the noun after it is counted
	}
	if p := r.unitsBefore.longestEndingAt(toks, n.first, 0); p != nil && !glued {
		n.unit = p.tag // "a magnitude 7.8 earthquake"
		return
	}
	if glued && toks[j].kind == tWord && !r.stopwords.has(toks[j]) {
		n.gluedNoun = j
		return
	}
	if t := toks[j]; n.digits && !t.spaced && t.kind == tWord {
		n.rawUnit = strings.ToLower(text[t.start:t.end]) // "640bhp", "120Hz"
		n.end = j + 1
		return
	}
	if n.vague && toks[j].id == r.of && j+1 < limit {
		if p := r.units.longestAt(toks, j+1, limit); p != nil && r.unitInfos[p.tag].currency {
			n.unit = p.tag // "tens of millions of dollars"
			n.end = j + 1 + len(p.words)
		}
	}
}

// age turns a measure followed by an age word ("65-year-old", "six months
// old") into an age: a plain number with the words as its own, since an
// age says how old someone or something is, not how long it lasted; before
// what lasts ("the five-week-old war") it stays a duration.
func (r *rules) age(text string, toks []token, n *number, limit int) {
	j := n.end
	if r.gluedHyphen(toks, j, limit) {
		j++
	}
	if j >= limit || !r.ageWords.has(toks[j]) || j+1 < limit && r.lasting.has(toks[j+1]) {
		return
	}
	n.unit, n.age, n.end = noUnit, true, j+1
}

// ageAside reports whether a plain number set off by commas after a word
// is an age: "the suspect, 34, was arrested", "Olena Shevchenko, 71, said".
func (r *rules) ageAside(text string, toks []token, n *number, limit int) bool {
	if !n.digits || n.isRange || n.scale != 1 || n.value < 1 || n.value > 120 || n.value != float64(int(n.value)) ||
		n.first < 2 || n.numEnd != n.end || !endsWord(text, toks, n.first-1) {
		return false
	}
	if toks[n.first-1].id == r.openParen {
		// "Singh (31)": a name's age in brackets
		return n.end < limit && toks[n.end].id == r.closeParen && isName(text, toks[n.first-2])
	}
	return toks[n.first-1].id == r.comma && (n.end == limit || toks[n.end].id == r.comma || toks[n.end].id == r.closeParen)
}

// endsWord reports whether a word ends right before token k: a word, or
// an abbreviation's full stop ("Santiago Salgado Jr., 39,").
func endsWord(text string, toks []token, k int) bool {
	if k < 1 {
		return false
	}
	if toks[k-1].kind == tWord {
		return true
	}
	return k >= 2 && text[toks[k-1].start:toks[k-1].end] == "." && toks[k-2].kind == tWord
}

// ageAsideAt reports whether the comma at token k opens an age aside: a
// word, a comma, one to three digits and a comma ("One protester, 19,
// was hurt").
func (r *rules) ageAsideAt(text string, toks []token, k, end int) bool {
	if k+2 >= end || !endsWord(text, toks, k) || toks[k+1].kind != tDigits || toks[k+2].id != r.comma {
		return false
	}
	d := text[toks[k+1].start:toks[k+1].end]
	return len(d) <= 3 && d[0] != '0' && strings.Trim(d, "0123456789") == ""
}

// gluedHyphen reports whether token k is a hyphen with no space on either
// side and a token after it: "twenty-five", "45-bus", "T-90".
func (r *rules) gluedHyphen(toks []token, k, limit int) bool {
	return k+1 < limit && toks[k].id == r.hyphen && !toks[k].spaced && !toks[k+1].spaced
}

// startsAt reports whether a phrase of the lexicon starts at token i.
func (l *lexicon) startsAt(toks []token, i, limit int) bool {
	return i < limit && l.longestAt(toks, i, limit) != nil
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

// looksCounted reports whether a word reads as a counted noun: a known
// plural or a lower-case word ending in s that is not a function word.
func (r *rules) looksCounted(text string, t token) bool {
	if t.kind != tWord || r.stopwords.has(t) {
		return false
	}
	if r.objPlurals.has(t) || r.heads.startsAtToken(t) || r.weakHeads.startsAtToken(t) {
		return true
	}
	w := text[t.start:t.end]
	return len(w) > 2 && w[0] >= 'a' && w[0] <= 'z' && pluralEnding(w)
}

// pluralEnding reports whether a word ends as most plurals do: in s, not ss.
func pluralEnding(w string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// isCapital reports whether c is an ASCII capital letter.
func isCapital(c byte) bool { return 'A' <= c && c <= 'Z' }

// isPluralName reports whether a word reads as a capitalised plural, as
// peoples are named ("one in three Americans").
func isPluralName(w string) bool {
	if len(w) < 4 || !isCapital(w[0]) || !pluralEnding(w) {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// startsAtToken reports whether some phrase of the lexicon begins with the
// token's word.
func (l *lexicon) startsAtToken(t token) bool {
	return len(lookupIndex(l.byFirst, t.id)) > 0
}

func (r *rules) unitNamed(name string) int {
	for i, u := range r.unitInfos {
		if u.name == name {
			return i
		}
	}
	return noUnit
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}
