package extract

import "strings"

// object finds the counted noun phrase after a number: "86 Ukrainian
// troops", "14 tons of food and medical supplies", "a quarter of Ukraine's
// population", "Nine of Ukraine's 15 operational reactors". It returns the
// phrase's token range, empty when the number stands alone ("has killed
// thousands").
func (r *rules) object(text string, toks []token, n *number, limit int) (first, end int) {
	if n.gluedNoun >= 0 {
		return n.gluedNoun, n.gluedNoun + 1
	}
	j := n.end
	if r.gluedHyphen(toks, j, limit) && r.gluedAdjectives.has(toks[j+1]) {
		j += 2 // "a 100,000-strong force": the force is counted
	}
	if j < limit {
		if p := r.qualAfter.longestAt(toks, j, limit); p != nil {
			j += len(p.words) // "a dozen or so tanks", "40 or more people"
		}
	}
	if j+1 < limit && r.rateWords.has(toks[j]) && r.periods.has(toks[j+1]) {
		return j, j // "$5 a day", "29.4% a month earlier"
	}
	if j < limit && toks[j].id == r.of {
		j++
	}
	first, end = r.nounPhrase(text, toks, j, limit)
	if end > first && r.pastVerb(text, toks[end-1]) {
		end-- // "a crowd of several thousand gathered", "a 40-odd strong crowd gathered"
	}
	if end == first && n.first >= 2 && toks[n.first-1].id == r.of && r.collectives.has(toks[n.first-2]) {
		return n.first - 2, n.first - 1 // "a crowd of 60,000"
	}
	return first, end
}

// pastVerb reports whether the word ending a counted phrase is a verb in
// the past ("gathered", "protested") rather than a group ("displaced").
func (r *rules) pastVerb(text string, t token) bool {
	w := text[t.start:t.end]
	return len(w) > 4 && strings.HasSuffix(w, "ed") && !r.objPlurals.has(t) && !r.participles.has(t)
}

// nounPhrase reads the counted noun phrase starting at token j.
func (r *rules) nounPhrase(text string, toks []token, j, limit int) (first, end int) {
	for j < limit && r.objSkip.has(toks[j]) && !(j+1 < limit && toks[j+1].kind == tDigits && !toks[j+1].spaced) {
		j++
	}
	first, end = j, j
	words := 0
	andEnd := -1 // where the phrase ended before an "and" it went past
	for k := j; k < limit && words < r.objMax; {
		t := toks[k]
		if andEnd >= 0 && r.canStart(toks[:limit], k) {
			return first, andEnd // "cut 1,200 jobs and close three plants": the plants are the next count's
		}
		qual := 0 // a qualifier of the digits after a possessive: "the town's roughly 5,000 residents"
		if t.kind == tWord && words == 1 && isPossessive(text, toks[k-1]) {
			qual = r.qualifierOfDigits(toks, k, limit)
		}
		switch {
		case t.kind == tDigits && words == 1 && r.modelAfterCount(text, toks, k):
			k++ // "14 Leopard 2 tanks": a model, part of the noun phrase
			end = k
			continue
		case qual > 0:
			k += qual // the number after it takes the noun
			continue
		case t.kind == tWord && k+1 < limit && toks[k+1].kind == tDigits && !toks[k+1].spaced:
			k = gluedLettersEnd(toks, k+2, limit) // "30 A380s", "12 MiG29 jets": letters and digits glued are a model
			words++
			end = k
			continue
		case t.kind == tDigits && words <= 1:
			// "Ukraine's 15 operational reactors": the noun belongs to the later number
			first, end, words = k+1, k+1, 0
			k++
			continue
		case words > 0 && r.gluedHyphen(toks, k, limit) && toks[k+1].kind == tWord:
			k++ // "multi-storey"
			continue
		case words > 0 && r.gluedHyphen(toks, k, limit) && toks[k+1].kind == tDigits:
			k = gluedLettersEnd(toks, k+2, limit) // "T-90 tanks", "Su-34 jets", "F-16s": a model
			end = k
			continue
		case t.kind != tWord:
			return first, end
		case r.participles.has(t) && (r.pluralAt(text, toks, k+1, limit) || words > 0 && isAdverb(text, toks[k-1])):
			// "12 wounded soldiers", "53 severely wounded": the participle
			// describes what is counted
		case r.stopwords.has(t):
			if t.id == r.and && words > 0 && k+1 < limit && toks[k+1].kind == tWord && !r.stopwords.has(toks[k+1]) &&
				!looksLikeVerb(text[toks[k+1].start:toks[k+1].end]) && !r.canStart(toks[:limit], k+1) {
				andEnd = end
				k++ // "food and medical supplies", "towns and villages", not "roads and washed away"
				continue
			}
			return first, end
		}
		words++
		k++
		end = k
		if r.isPlural(text, t) && !(k < limit && (toks[k].id == r.and || r.objCompounds.has(toks[k]))) &&
			!(r.participles.has(t) && r.pluralAt(text, toks, k, limit)) {
			return first, end
		}
	}
	return first, end
}

// gluedLettersEnd returns the token after the letters glued at k to a
// model's digits: the "s" of "F-16s".
func gluedLettersEnd(toks []token, k, limit int) int {
	for k < limit && toks[k].kind == tWord && !toks[k].spaced {
		k++
	}
	return k
}

// pluralAt reports whether token k is a plural word.
func (r *rules) pluralAt(text string, toks []token, k, limit int) bool {
	return k < limit && toks[k].kind == tWord && r.isPlural(text, toks[k])
}

// isAdverb spots adverbs of manner: "severely", "newly".
func isAdverb(text string, t token) bool {
	w := text[t.start:t.end]
	return len(w) > 4 && strings.HasSuffix(w, "ly")
}

// isPossessive reports whether a word ends in 's: "the town's".
func isPossessive(text string, t token) bool {
	w := text[t.start:t.end]
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// qualifierOfDigits returns the length of the qualifier phrase ("roughly",
// "more than") that starts at token k with digits after it, or 0.
func (r *rules) qualifierOfDigits(toks []token, k, limit int) int {
	p := r.qualBefore.longestAt(toks, k, limit)
	if p == nil || k+len(p.words) >= limit || toks[k+len(p.words)].kind != tDigits {
		return 0
	}
	return len(p.words)
}

// isPlural reports whether a word ends a counted noun phrase: a listed
// plural or a lower-case word ending in s that is not possessive.
func (r *rules) isPlural(text string, t token) bool {
	if r.objPlurals.has(t) {
		return true
	}
	w := text[t.start:t.end]
	if strings.ContainsAny(w, "'’") || isCapital(w[0]) {
		return false // possessives, and names such as "Abrams" in "31 Abrams tanks"
	}
	return len(w) > 3 && pluralEnding(w) && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// looksLikeVerb spots participles that start a new clause after "and".
func looksLikeVerb(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
}

// pluralize turns the noun glued to a count ("45-bus") into the counted
// objects ("buses").
func pluralize(noun string, count float64) string {
	if count == 1 || count != float64(int64(count)) || noun == "" {
		return noun
	}
	switch {
	case strings.HasSuffix(noun, "s"), strings.HasSuffix(noun, "x"), strings.HasSuffix(noun, "z"),
		strings.HasSuffix(noun, "ch"), strings.HasSuffix(noun, "sh"):
		return noun + "es"
	case len(noun) > 1 && strings.HasSuffix(noun, "y") && !strings.ContainsRune("aeiou", rune(noun[len(noun)-2])):
		return noun[:len(noun)-1] + "ies"
	}
	return noun + "s"
}
