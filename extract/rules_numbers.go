package extract

// The numbers stage decides what is written as a number: digits with
// their magnitudes and powers, number words and fractions, vague amounts
// ("dozens"), ranges and ratios, ages, and the codes and times that only
// look like numbers.

import "fmt"

// numberRules are the compiled numbers, vague and ranges sections.
type numberRules struct {
	words, scales, suffixes, fractions    map[int32]float64
	vulgar                                map[int32]float64
	moneySuffixes                         map[int32]float64
	powerLetters, powerTimes, powerCarets wordSet
	notUnits, negative                    wordSet
	codeJoiners                           wordSet
	fractionSlashes                       wordSet
	ratios, timeWords                     *lexicon
	ageWords, ageBefore, lasting          wordSet
	agoWords                              wordSet
	counterMarks                          wordSet

	vague     *lexicon // tag: index into vagueAmts
	vagueAmts []VagueAmount

	rangeJoin, rangeOpen, rangeChange wordSet
	byRatio                           float64
}

func (c *compiler) numberRules(cfg Config) {
	r := &c.r.numberRules
	n := cfg.Numbers
	r.words = c.valueWords("numbers.words", n.Words)
	r.scales = c.valueWords("numbers.scales", n.Scales)
	r.suffixes = c.valueWords("numbers.suffixes", n.Suffixes)
	r.moneySuffixes = c.valueWords("numbers.money_suffixes", n.MoneySuffixes)
	r.powerLetters = c.set("numbers.powers.letters", n.Powers.Letters)
	r.powerTimes = c.set("numbers.powers.times", n.Powers.Times)
	r.powerCarets = c.set("numbers.powers.carets", n.Powers.Carets)
	r.fractions = c.valueWords("numbers.fractions", n.Fractions)
	r.vulgar = c.valueWords("numbers.vulgar_fractions", n.VulgarFractions)
	r.notUnits = c.set("numbers.not_units", n.NotUnits)
	r.negative = c.set("numbers.negative", n.Negative)
	r.codeJoiners = c.set("numbers.code_joiners", n.CodeJoiners)
	r.fractionSlashes = c.set("numbers.fraction_slashes", n.FractionSlashes)
	r.timeWords = newLexicon()
	c.phrases(r.timeWords, "numbers.time_words", n.TimeWords, 0)
	r.ratios = newLexicon()
	c.phrases(r.ratios, "numbers.ratios", n.Ratios, 0)
	r.ageWords = c.set("numbers.ages.words", n.Ages.Words)
	r.ageBefore = c.set("numbers.ages.before", n.Ages.Before)
	r.agoWords = c.set("numbers.ago_words", n.AgoWords)
	r.counterMarks = c.set("numbers.counter_marks", n.CounterMarks)
	r.lasting = c.set("numbers.ages.lasting", n.Ages.Lasting)
	if len(r.words) == 0 {
		c.fail("numbers.words", "", "must list the number words")
	}

	r.vague = newLexicon()
	for i, a := range cfg.Vague {
		key := fmt.Sprintf("vague[%d]", i)
		if a.Low > a.High || a.Value < a.Low || a.Value > a.High {
			c.fail(key, a.Phrase, "needs low <= value <= high, got %v <= %v <= %v", a.Low, a.Value, a.High)
		}
		c.phrase(r.vague, key+".phrase", a.Phrase, i)
	}
	r.vagueAmts = cfg.Vague

	r.rangeJoin = c.set("ranges.between", cfg.Ranges.Between)
	r.rangeOpen = c.set("ranges.openers", cfg.Ranges.Openers)
	r.rangeChange = c.set("ranges.changes", cfg.Ranges.Changes)
	r.byRatio = cfg.Ranges.ByRatio
	if r.byRatio < 1 {
		c.fail("ranges.by_ratio", "", "must be at least 1, got %v", r.byRatio)
	}
}
