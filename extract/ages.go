package extract

import (
	"strings"
)

// Ages: "a 65-year-old", "six months old", "aged 16", ", 19,": not
// counts, so no unit and no category.

// agedBefore reports whether an age word comes right before token i, or
// before the range opener there: "aged 16", "aged between 18 and 60".
func (r *rules) agedBefore(toks []token, i int) bool {
	if i > 0 && r.rangeOpen.has(toks[i-1]) {
		i--
	}
	return i > 0 && r.ageBefore.has(toks[i-1])
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
