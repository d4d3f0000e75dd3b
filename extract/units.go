package extract

import (
	"strings"
)

// Units after a number ("14 tons", "25 km") and glued to it ("50mph"),
// and the plural nouns that make a number a count.

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

func (r *rules) unitNamed(name string) int {
	for i, u := range r.unitInfos {
		if u.name == name {
			return i
		}
	}
	return noUnit
}
