package extract

import "strconv"

// Scopes: where a figure stands in time.
const (
	ScopeIncident   = "incident"
	ScopeCumulative = "cumulative"
	ScopeBackground = "background"
)

// scopeRules tell the story's own figures from running totals
// ("since the war began") and background ("600 gun deaths a year", "the
// 1999 quake killed 17,000").
type scopeRules struct {
	cumulative, background, backgroundAfter *lexicon
	yearBefore                              wordSet
	window                                  int
}

func (c *compiler) scope(cfg ScopeConfig) {
	sr := &c.r.scope
	sr.cumulative, sr.background, sr.backgroundAfter = newLexicon(), newLexicon(), newLexicon()
	c.phrases(sr.cumulative, "scope.cumulative", cfg.Cumulative, 0)
	c.phrases(sr.background, "scope.background", cfg.Background, 0)
	c.phrases(sr.backgroundAfter, "scope.background_after", cfg.BackgroundAfter, 0)
	sr.yearBefore = c.set("scope.year_before", cfg.YearBefore)
	sr.window = cfg.Window
	if cfg.Window < 1 {
		c.fail("scope.window", "", "must be at least 1, got %d", cfg.Window)
	}
}

// scopeOf returns the scope of the figure on tokens [numFirst, numEnd),
// whose clause is [lo, hi) in the sentence [first, end). year is the
// article's year, 0 when unknown.
func (r *rules) scopeOf(text string, toks []token, first, end, lo, hi, numFirst, numEnd, year int) string {
	sr := &r.scope
	from, to := max(lo, numFirst-sr.window), min(hi, numEnd+sr.window)
	for k := numEnd; k < to; k++ {
		if sr.backgroundAfter.longestAt(text, toks, k, to) != nil {
			return ScopeBackground
		}
	}
	for k := from; k < to; k++ {
		if (k < numFirst || k >= numEnd) && sr.background.longestAt(text, toks, k, to) != nil {
			return ScopeBackground
		}
	}
	// A running total's phrase often opens the sentence in a clause of its
	// own: "Since the invasion began in 2022, more than 150 civilians ...".
	scope := ScopeIncident
	from, to = max(first, numFirst-sr.window), min(end, numEnd+sr.window)
	for k := from; k < to; k++ {
		if (k < numFirst || k >= numEnd) && sr.cumulative.longestAt(text, toks, k, to) != nil {
			scope = ScopeCumulative
			break
		}
	}
	if scope == ScopeIncident && r.otherYear(text, toks, first, end, year) {
		return ScopeBackground // a running total names its start year: "since the invasion began in 2022"
	}
	return scope
}

// otherYear reports whether the sentence names a year other than the
// article's: "In 2015, a man was shot on the same corner". When the
// article's year is unknown (0), only a year introduced as a time counts.
func (r *rules) otherYear(text string, toks []token, first, end, year int) bool {
	for k := first; k < end; k++ {
		t := toks[k]
		if t.kind != tDigits || t.end-t.start != 4 {
			continue
		}
		y, err := strconv.Atoi(text[t.start:t.end])
		if err != nil || y < r.years.Min || y > r.years.Max || y == year {
			continue
		}
		if year > 0 || k > first && r.scope.yearBefore.has(toks[k-1]) {
			return true
		}
	}
	return false
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
