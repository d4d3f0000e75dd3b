package extract

import (
	"strconv"

	"github.com/tally-news/tally/schema"
)

// Scopes: where a figure stands in time.
const (
	ScopeIncident   = schema.ScopeIncident
	ScopeCumulative = schema.ScopeCumulative
	ScopeBackground = schema.ScopeBackground
)

// scopeRules tell the story's own figures from running totals
// ("since the war began") and background ("600 gun deaths a year", "the
// 1999 quake killed 17,000").
type scopeRules struct {
	phrases *lexicon // tag: markBackground, markBackgroundAfter or markCumulative
	// ends holds the last words of all three, rarer than their first
	// ("a year", "since the war began"): other tokens are skipped without
	// a look-up.
	ends       wordSet
	yearBefore wordSet
	since      wordSet
	window     int
}

func (c *compiler) scope(cfg ScopeConfig) {
	sr := &c.r.scope
	sr.phrases = newLexicon()
	c.phrases(sr.phrases, "scope.cumulative", cfg.Cumulative, markCumulative)
	c.phrases(sr.phrases, "scope.background", cfg.Background, markBackground)
	c.phrases(sr.phrases, "scope.background_after", cfg.BackgroundAfter, markBackgroundAfter)
	var lasts []string
	for _, list := range [][]string{cfg.Cumulative, cfg.Background, cfg.BackgroundAfter} {
		for _, p := range list {
			w := phraseWords(p)
			if len(w) == 0 {
				continue
			}
			lasts = append(lasts, w[len(w)-1])
		}
	}
	sr.ends = c.set("scope", lasts)
	sr.yearBefore = c.set("scope.year_before", cfg.YearBefore)
	sr.since = c.set("scope.since", cfg.Since)
	sr.window = cfg.Window
	if cfg.Window < 1 {
		c.fail("scope.window", "", "must be at least 1, got %d", cfg.Window)
	}
}

// Kinds of scope phrase, as bits of a scopeMark.
const (
	markBackground = 1 << iota
	markBackgroundAfter
	markCumulative
)

// scopeMark is a scope phrase found in a sentence: tokens [at, end).
type scopeMark struct {
	at, end int
	kind    uint8
}

// sentenceScope holds what a sentence says of time, found once for all its
// figures: its scope phrases, and the years it names that set a scope
// (markBackground for another year than the article's, "in 2015";
// markCumulative for a count since one, "since 2012").
type sentenceScope struct {
	marks []scopeMark
	years []scopeMark
}

// scopeOfSentence finds the scope phrases and years of the sentence
// toks[first:end], in one pass.
func (r *rules) scopeOfSentence(ss *sentenceScope, text string, toks []token, first, end, year int) {
	sr := &r.scope
	ss.marks, ss.years = ss.marks[:0], ss.years[:0]
	reachesYear := false
	for k := first; k < end; k++ {
		switch {
		case toks[k].kind == tDigits:
			y := r.yearAt(text, toks[k])
			switch {
			case y == 0:
			case y == year:
				reachesYear = true // "between December 2016 and January 2017": no other year counts
			case k > first && sr.since.has(toks[k-1]):
				ss.years = append(ss.years, scopeMark{at: k, end: k + 1, kind: markCumulative})
			case year > 0 || k > first && sr.yearBefore.has(toks[k-1]):
				ss.years = append(ss.years, scopeMark{at: k, end: k + 1, kind: markBackground})
			}
		case sr.ends.has(toks[k]):
			// The longest phrase speaks: "earlier this year" is another
			// time, though "this year" alone is a running total.
			if p := sr.phrases.longestEndingAt(toks, k+1, first); p != nil {
				ss.marks = append(ss.marks, scopeMark{at: k + 1 - len(p.words), end: k + 1, kind: uint8(p.tag)})
			}
		}
	}
	if reachesYear {
		ss.years = ss.years[:0]
	}
}

// scopeOf returns the scope of the figure on tokens [numFirst, numEnd)
// of a sentence [first, end), whose clause is [lo, hi).
func (r *rules) scopeOf(ss *sentenceScope, first, end, lo, hi, numFirst, numEnd int) string {
	w := r.scope.window
	outside := func(m scopeMark) bool { return m.at < numFirst || m.at >= numEnd }
	from, to := max(lo, numFirst-w), min(hi, numEnd+w)
	for _, m := range ss.marks {
		if m.end > to {
			continue
		}
		if m.kind == markBackgroundAfter && m.at >= numEnd || m.kind == markBackground && m.at >= from && outside(m) {
			return ScopeBackground // "600 gun deaths a year", "has seen four killed"
		}
	}
	if scope := yearScope(ss.years, from, to); scope != "" {
		return scope // "and 12 died in 2019"
	}
	// A running total's phrase often opens the sentence in a clause of its
	// own: "Since the invasion began in 2022, more than 150 civilians ...";
	// so does another time's: "Last year, more than 2,000 people were
	// killed".
	from, to = max(first, numFirst-w), min(end, numEnd+w)
	for _, m := range ss.marks {
		if m.at < from || m.end > to || !outside(m) {
			continue
		}
		if m.kind == markCumulative {
			return ScopeCumulative
		}
		if m.kind == markBackground && m.at == first && m.end <= numFirst {
			return ScopeBackground
		}
	}
	// A year reaches the figures near it only: a long sentence of scraped
	// copy may name one for something else ("... since the bar got its
	// licence in March 2012").
	if scope := yearScope(ss.years, from, to); scope != "" {
		return scope
	}
	return ScopeIncident
}

// yearScope returns the scope the first year mark in [from, to) sets, or
// "".
func yearScope(years []scopeMark, from, to int) string {
	for _, m := range years {
		if m.at >= from && m.at < to {
			if m.kind == markCumulative {
				return ScopeCumulative
			}
			return ScopeBackground
		}
	}
	return ""
}

// yearAt returns the year a token is, or 0.
func (r *rules) yearAt(text string, t token) int {
	if t.kind != tDigits || t.end-t.start != 4 {
		return 0
	}
	y, err := strconv.Atoi(text[t.start:t.end])
	if err != nil || y < r.years.Min || y > r.years.Max {
		return 0
	}
	return y
}

// latestYear returns the latest year a text names, 0 for none: an article
// without a date is taken to be of that year.
func (r *rules) latestYear(text string) int {
	latest := 0
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) {
			continue
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		if j-i == 4 && (i == 0 || !isASCIILetter(text[i-1])) && (j == len(text) || !isASCIILetter(text[j])) {
			if y, _ := strconv.Atoi(text[i:j]); y >= r.years.Min && y <= r.years.Max && y > latest {
				latest = y
			}
		}
		i = j
	}
	return latest
}

// yearOf returns the year of a YYYY-MM-DD date, 0 when there is none.
func yearOf(date string) int {
	if len(date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return 0
	}
	return y
}
