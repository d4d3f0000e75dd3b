package extract

// Numbers that are parts of names and codes, not figures: "747-400",
// "P5+1", "B.1.1.7", a phone number after "+".

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
