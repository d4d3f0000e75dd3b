package extract

// The exclusions stage decides where no figure can be: text past the
// article's end or in its date header, spans the exclude_patterns mask,
// and numbers that are years, dates, labels, addresses, names or the
// pronoun "one" (exclude.go).

import (
	"maps"
	"regexp"
	"slices"
)

// exclusionRules are the compiled article_end, date_header,
// exclude_patterns and months, and the numbers section's lists of what
// makes a number no count.
type exclusionRules struct {
	endMarkers []*regexp.Regexp
	dateHeader *regexp.Regexp
	exclude    []*regexp.Regexp
	// masksByLine is true when no exclusion can match across a line
	// break, so each line is masked alone.
	masksByLine bool

	onePronounBefore, onePronounAfter wordSet
	yearBefore, labels, addressWords  wordSet
	namesAfter                        *lexicon
	years                             YearRange
	months                            wordSet
}

func (c *compiler) exclusionRules(cfg Config) {
	r := &c.r.exclusionRules
	r.endMarkers = c.regexps("article_end", cfg.ArticleEnd)
	r.exclude = c.regexps("exclude_patterns", cfg.ExcludePattern)
	r.masksByLine = !slices.ContainsFunc(cfg.ExcludePattern, func(p string) bool { return !withinLine(p) })
	if cfg.DateHeader != "" {
		if re := c.regexp("date_header", cfg.DateHeader); re != nil {
			if re.NumSubexp() < 1 {
				c.fail("date_header", cfg.DateHeader, "needs a group around the date")
			}
			r.dateHeader = re
		}
	}

	n := cfg.Numbers
	r.onePronounBefore = c.set("numbers.one_pronoun_before", n.OnePronounBefore)
	r.onePronounAfter = c.set("numbers.one_pronoun_after", n.OnePronounAfter)
	r.yearBefore = c.set("numbers.year_before", n.YearBefore)
	r.labels = c.set("numbers.labels", n.Labels)
	r.addressWords = c.set("numbers.address_words", n.AddressWords)
	r.namesAfter = newLexicon()
	c.phrases(r.namesAfter, "numbers.names_after", n.NamesAfter, 0)
	r.years = n.Years
	r.months = c.set("months", slices.Sorted(maps.Keys(cfg.Months)))
}
