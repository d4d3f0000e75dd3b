package extract

// Number words: "eight", "twenty-five", "two hundred and five", "three
// and a half", "a million", and fractions ("a quarter of", "two-thirds
// of", "half the").

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
