package extract

import (
	"math"
	"strconv"
	"strings"
)

// Number scanning: digits ("6,266", "1.5", "430 000"), magnitudes ("4
// million", "4.5m", "1.2bn", "430K") and vague amounts ("dozens", "tens of
// thousands", "several hundred"). Number words and fractions are read in
// numberwords.go, ranges in ranges.go, units in units.go, ages in ages.go;
// codes.go and exclude.go reject what only looks like a figure.

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

// changeReach is how far before "from" a change word makes "from X to Y"
// a change: "rose sharply from".
const changeReach = 3

// gluedHyphen reports whether token k is a hyphen with no space on either
// side and a token after it: "twenty-five", "45-bus", "T-90".
func (r *rules) gluedHyphen(toks []token, k, limit int) bool {
	return k+1 < limit && toks[k].id == r.hyphen && !toks[k].spaced && !toks[k+1].spaced
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
