package extract

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/tally-news/tally/extract/claim"
	"github.com/tally-news/tally/extract/configerr"
	"github.com/tally-news/tally/extract/rulesfile"
	"github.com/tally-news/tally/extract/tolls"
)

// ConfigError says which key of the rules is wrong and why: Key is a path
// such as "units[3].aliases", Rule the offending entry when there is one.
type ConfigError = configerr.Error

// Qualifier names used in output; the config's qualifier lists must use
// these.
const (
	Exact  = "exact"
	Approx = "approx"
	Min    = "min"
	Max    = "max"
	Range  = "range"
)

// fallbackCategory is what a figure gets when no rule speaks for it.
const fallbackCategory = "other"

// unitInfo is a compiled unit or currency.
type unitInfo struct {
	name     string
	rule     string // "unit:km"
	category int    // index into categories, -1 for none
	currency bool
	matter   bool // never a count of people (see Unit.Matter)
}

// rules is the compiled, read-only form of a Config.
type rules struct {
	window int
	// subjectWindow is how far after a number that opens its clause its
	// verb may be: a long subject comes between.
	subjectWindow      int
	categorySteps      []categoryStep // category_steps, in order
	subjectDeterminers wordSet        // "All 132 people ...": the number still opens its clause
	vocab              *vocabulary
	endMarkers         []*regexp.Regexp
	dateHeader         *regexp.Regexp
	exclude            []*regexp.Regexp
	// masksByLine is true when no exclusion can match across a line
	// break, so each line is masked alone.
	masksByLine bool

	words, scales, suffixes, fractions    map[int32]float64
	vulgar                                map[int32]float64
	notUnits, negative, onePronounBefore  wordSet
	codeJoiners                           wordSet
	ageWords, lasting, addressWords       wordSet
	namesAfter                            *lexicon
	ageBefore                             wordSet
	agoWords                              wordSet
	counterMarks                          wordSet
	fractionSlashes                       wordSet
	powerLetters, powerTimes, powerCarets wordSet
	moneySuffixes                         map[int32]float64
	ratios, timeWords                     *lexicon
	onePronounAfter, yearBefore, labels   wordSet
	years                                 YearRange

	vague      *lexicon // tag: index into vagueAmounts
	vagueAmts  []VagueAmount
	qualBefore *lexicon // tag: index into qualNames
	qualAfter  *lexicon
	qualNames  []string

	rangeJoin, rangeOpen, rangeChange wordSet
	and, to, from, by                 int32

	units           *lexicon // words after a number; tag: index into unitInfo
	symbols         *lexicon // currency signs before a number; tag: index into unitInfo
	asciiSymbols    *lexicon // transliterated signs, glued to a marked amount only
	unitsBefore     *lexicon // unit words before a number: "magnitude 7.8"
	unitInfos       []unitInfo
	moneyOverriders []bool // by category index
	bare            bareRules

	categories []string
	heads      *lexicon // tag: category index
	weakHeads  *lexicon
	// triggers that may sit before the number and after it; "around"
	// phrases are in both.
	triggersBefore, triggersAfter *lexicon
	triggersBeforeWeak            *lexicon // only for another category's weak head
	glued                         []gluedWord
	gluedEdges                    gluedEdges
	other                         int
	// notWith[weak][trigger] says a trigger of that category does not
	// speak for a number counting the weak head's ("troops crossed the
	// border" are not refugees).
	notWith [][]bool
	refused []bool    // refused[trigger]: some category's not_with names it
	notFor  []wordSet // notFor[trigger]: counted nouns its triggers never describe

	clauseBreaks     wordSet
	negations        wordSet // before a trigger, they take it back: "were not hurt"
	speakerVerbs     wordSet // after a counted phrase, it is the speaker: "two officials said"
	speakerNotBefore wordSet // "said to be": no speaker
	unitAdjectives   wordSet // between a number and its unit: "35 consecutive days"
	restatementOpens wordSet
	// vaguePrepositions are qualifiers that before a vague amount are
	// prepositions: "under thousands of buildings".
	vaguePrepositions wordSet
	directions        *lexicon // "up to" after a verb of movement: "edged up to 4.3%"
	movements         wordSet
	clauseAsides      *lexicon
	// comma and the parentheses open and close asides.
	comma, openParen, closeParen int32
	inheritAfter                 *lexicon
	inheritInClause              *lexicon
	inheritPart                  *lexicon // after the number: "two of which"

	// starts[id] says a word can begin a figure (a number word, "a", a
	// currency sign, a vague amount...): the scanner skips other words at
	// the cost of one slice lookup.
	starts []bool
	// afterArticle holds the words that can follow "a" in a figure ("a
	// quarter", "a few", "a million"), so most "a"s are skipped at once.
	afterArticle wordSet
	filter       figureFilter

	claims *claim.Annotator

	implied impliedRules
	scope   scopeRules
	struck  *tolls.Struck // injured figures that count people hit
	tolls   *tolls.Rules
	// tollCategory[c] says category c gets a toll, so counts of it can be
	// increments ("one more died").
	tollCategory []bool

	objMax                                 int
	byRatio                                float64
	objSkip, objPlurals, stopwords, months wordSet
	objCompounds                           wordSet
	rateWords, periods, participles        wordSet
	gluedAdjectives, collectives           wordSet
	abbreviations                          map[string]bool
	of, one, a, an, hyphen, dollar         int32
}

// Extractor finds figures in documents. It is immutable once built and safe
// for concurrent use.
type Extractor struct {
	r               *rules
	includeComments bool
	scratch         sync.Pool
}

// Options are run-time choices that are not rules.
type Options struct {
	// IncludeComments also reports figures from reader comments below the
	// article's end marker, with Section "comments".
	IncludeComments bool
}

// New checks and compiles cfg. The error is a *ConfigError naming the key
// and rule at fault; for a cfg from DecodeConfig it is wrapped in a
// *rulesfile.Error that also says the file, line and column.
func New(cfg Config, opts Options) (*Extractor, error) {
	r, err := compile(cfg)
	if err != nil {
		return nil, cfg.file.KeyError(err)
	}
	e := &Extractor{r: r, includeComments: opts.IncludeComments}
	e.scratch.New = func() any { return &scratch{} }
	return e, nil
}

func compile(cfg Config) (*rules, error) {
	c := &compiler{r: &rules{vocab: newVocabulary()}}
	c.compile(cfg)
	if c.err != nil {
		return nil, c.err
	}
	return c.r, nil
}

// compiler keeps the first error so the compile steps read straight.
type compiler struct {
	r   *rules
	err *ConfigError
}

func (c *compiler) fail(key, rule, format string, args ...any) {
	if c.err == nil {
		c.err = &ConfigError{Key: key, Rule: rule, Msg: fmt.Sprintf(format, args...)}
	}
}

func (c *compiler) compile(cfg Config) {
	r := c.r
	v := r.vocab
	r.window = cfg.Window
	if cfg.Window < 1 {
		c.fail("window", "", "must be at least 1, got %d", cfg.Window)
	}
	r.subjectWindow = cfg.SubjectWindow
	if cfg.SubjectWindow < cfg.Window {
		c.fail("subject_window", "", "must be at least window (%d), got %d", cfg.Window, cfg.SubjectWindow)
	}
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
	r.onePronounBefore = c.set("numbers.one_pronoun_before", n.OnePronounBefore)
	r.onePronounAfter = c.set("numbers.one_pronoun_after", n.OnePronounAfter)
	r.yearBefore = c.set("numbers.year_before", n.YearBefore)
	r.labels = c.set("numbers.labels", n.Labels)
	r.ageWords = c.set("numbers.ages.words", n.Ages.Words)
	r.ageBefore = c.set("numbers.ages.before", n.Ages.Before)
	r.addressWords = c.set("numbers.address_words", n.AddressWords)
	r.namesAfter = newLexicon()
	c.phrases(r.namesAfter, "numbers.names_after", n.NamesAfter, 0)
	r.agoWords = c.set("numbers.ago_words", n.AgoWords)
	r.counterMarks = c.set("numbers.counter_marks", n.CounterMarks)
	r.lasting = c.set("numbers.ages.lasting", n.Ages.Lasting)
	r.years = n.Years
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

	r.qualBefore, r.qualAfter = newLexicon(), newLexicon()
	for i, q := range cfg.Qualifiers {
		key := fmt.Sprintf("qualifiers[%d]", i)
		switch q.Name {
		case Min, Max, Approx, Exact:
		default:
			c.fail(key+".name", q.Name, "unknown qualifier: use min, max, approx or exact")
		}
		r.qualNames = append(r.qualNames, q.Name)
		c.phrases(r.qualBefore, key+".before", q.Before, i)
		c.phrases(r.qualAfter, key+".after", q.After, i)
	}
	r.rangeJoin = c.set("ranges.between", cfg.Ranges.Between)
	r.rangeOpen = c.set("ranges.openers", cfg.Ranges.Openers)
	r.rangeChange = c.set("ranges.changes", cfg.Ranges.Changes)
	r.byRatio = cfg.Ranges.ByRatio
	if r.byRatio < 1 {
		c.fail("ranges.by_ratio", "", "must be at least 1, got %v", r.byRatio)
	}

	c.categories(cfg.Categories)
	c.categorySteps(cfg.CategorySteps)
	c.units(cfg.Units, cfg.Currencies)
	c.implied(cfg.Implied)
	c.scope(cfg.Scope)
	c.tolls(cfg.Tolls)
	c.bareCurrency(cfg.Currencies.Bare, cfg.Claims.Outlets)

	r.clauseBreaks = c.set("clause_breaks", cfg.ClauseBreaks)
	r.negations = c.set("negations", cfg.Negations)
	r.subjectDeterminers = c.set("subject_determiners", cfg.SubjectDeterminers)
	r.speakerVerbs = c.set("speaker_verbs.verbs", cfg.SpeakerVerbs.Verbs)
	r.speakerNotBefore = c.set("speaker_verbs.not_before", cfg.SpeakerVerbs.NotBefore)
	r.unitAdjectives = c.set("unit_adjectives", cfg.UnitAdjectives)
	r.restatementOpens = c.set("restatement_opens", cfg.RestatementOpens)
	r.vaguePrepositions = c.set("vague_prepositions", cfg.VaguePreps)
	r.directions = newLexicon()
	c.phrases(r.directions, "qualifier_directions.phrases", cfg.Directions.Phrases, 0)
	r.movements = c.set("qualifier_directions.after", cfg.Directions.After)
	r.clauseAsides = newLexicon()
	c.phrases(r.clauseAsides, "clause_asides", cfg.ClauseAsides, 0)
	r.comma, r.openParen, r.closeParen = v.add(","), v.add("("), v.add(")")
	r.inheritAfter = newLexicon()
	c.phrases(r.inheritAfter, "inherit_after", cfg.InheritAfter, 0)
	r.inheritInClause = newLexicon()
	c.phrases(r.inheritInClause, "inherit_in_clause", cfg.InheritClause, 0)
	r.inheritPart = newLexicon()
	c.phrases(r.inheritPart, "inherit_part", cfg.InheritPart, 0)

	r.objMax = cfg.Object.MaxWords
	if r.objMax < 1 {
		c.fail("object.max_words", "", "must be at least 1, got %d", r.objMax)
	}
	r.objSkip = c.set("object.skip_start", cfg.Object.SkipStart)
	r.objPlurals = c.set("object.plurals", cfg.Object.Plurals)
	r.objCompounds = c.set("object.compound_heads", cfg.Object.Compounds)
	r.stopwords = c.set("object.stopwords", cfg.Object.Stopwords)
	r.rateWords = c.set("object.rate_words", cfg.Object.RateWords)
	r.periods = c.set("object.periods", cfg.Object.Periods)
	r.participles = c.set("object.participles", cfg.Object.Participles)
	r.gluedAdjectives = c.set("object.glued_adjectives", cfg.Object.GluedAdjectives)
	r.collectives = c.set("object.collectives", cfg.Object.Collectives)
	r.months = c.set("months", slices.Sorted(maps.Keys(cfg.Months)))
	r.abbreviations = map[string]bool{}
	for _, a := range cfg.Abbreviations {
		r.abbreviations[strings.ToLower(a)] = true
	}
	r.of, r.one, r.a, r.an = v.add("of"), v.add("one"), v.add("a"), v.add("an")
	r.hyphen, r.dollar = v.add("-"), v.add("$")
	v.add("−")
	r.and, r.to, r.from, r.by = v.add("and"), v.add("to"), v.add("from"), v.add("by")
	if a, err := claim.New(cfg.ClaimsConfig()); err != nil {
		var ce *ConfigError
		if errors.As(err, &ce) {
			c.fail(sharedKey(ce.Key), ce.Rule, "%s", ce.Msg)
		} else {
			c.fail("claims", "", "%v", err)
		}
	} else {
		r.claims = a
	}
	r.starts = r.startWords()
	r.afterArticle = r.articleFollowers()
	r.filter = r.newFigureFilter()
	v.freeze()
}

// sharedKey names a claims error about a list the claims share with the
// figure rules (see Config.ClaimsConfig) by its top-level key.
func sharedKey(key string) string {
	for _, k := range []string{"abbreviations", "months"} {
		for _, under := range []string{"claims.", "claims.dates."} {
			if rest, ok := strings.CutPrefix(key, under+k); ok && (rest == "" || rest[0] == '.' || rest[0] == '[') {
				return k + rest
			}
		}
	}
	return key
}

// startWords marks the vocabulary words that can begin a figure.
func (r *rules) startWords() []bool {
	starts := make([]bool, len(r.vocab.words))
	mark := func(ids ...int32) {
		for _, id := range ids {
			starts[id] = true
		}
	}
	for _, m := range []map[int32]float64{r.words, r.scales, r.fractions, r.vulgar} {
		for id := range m {
			mark(id)
		}
	}
	for _, l := range []*lexicon{r.vague, r.symbols, r.asciiSymbols} {
		for id, ps := range l.byFirst {
			if len(ps) > 0 {
				mark(int32(id))
			}
		}
	}
	for id, in := range r.negative {
		if in {
			mark(int32(id))
		}
	}
	mark(r.a, r.an, r.hyphen, r.vocab.add("−"))
	return starts
}

// articleFollowers lists the second words of figures that start with "a"
// or "an".
func (r *rules) articleFollowers() wordSet {
	follow := make(wordSet, len(r.vocab.words))
	for _, m := range []map[int32]float64{r.scales, r.fractions} {
		for id := range m {
			follow[id] = true
		}
	}
	// Vague amounts ("a few") and currency signs ("A$7 billion").
	for _, l := range []*lexicon{r.vague, r.symbols} {
		for _, ps := range [][]*phrase{lookupIndex(l.byFirst, r.a), lookupIndex(l.byFirst, r.an)} {
			for _, p := range ps {
				if len(p.words) > 1 {
					follow[p.words[1]] = true
				}
			}
		}
	}
	return follow
}

// canStart reports whether the token at i may begin a figure: a cheap test
// that spares the scanner most words.
func (r *rules) canStart(toks []token, i int) bool {
	t := toks[i]
	switch {
	case t.kind == tDigits:
		return true
	case t.id == noWord || int(t.id) >= len(r.starts) || !r.starts[t.id]:
		return false
	case t.id == r.a || t.id == r.an:
		// "a dozen", or "A$50": the sign after the letter is one of the
		// words that follow "a" in a figure (articleFollowers).
		return i+1 < len(toks) && r.afterArticle.has(toks[i+1])
	case t.id == r.hyphen:
		return i+1 < len(toks) && toks[i+1].kind == tDigits
	}
	return true
}

func (c *compiler) categorySteps(names []string) {
	if len(names) == 0 {
		c.fail("category_steps", "", "is empty: name the category rules in the order they decide")
	}
	for i, name := range names {
		step, ok := categoryStepNames[name]
		if !ok {
			known := slices.Sorted(maps.Keys(categoryStepNames))
			c.fail(fmt.Sprintf("category_steps[%d]", i), name, "is not a category step (%s)", strings.Join(known, ", "))
			continue
		}
		c.r.categorySteps = append(c.r.categorySteps, step)
	}
}

func (c *compiler) categories(cats []Category) {
	r := c.r
	r.heads, r.weakHeads = newRuleLexicon("head:"), newRuleLexicon("weak-head:")
	r.triggersBefore, r.triggersAfter = newRuleLexicon("trigger:"), newRuleLexicon("trigger:")
	r.triggersBeforeWeak = newRuleLexicon("trigger:")
	r.other = -1
	seen := map[string]bool{}
	for i, cat := range cats {
		key := fmt.Sprintf("categories[%d]", i)
		if cat.Name == "" || strings.ContainsAny(cat.Name, " \t|") {
			c.fail(key+".name", cat.Name, "must be one word")
		}
		if seen[cat.Name] {
			c.fail(key+".name", cat.Name, "duplicate category")
		}
		seen[cat.Name] = true
		if cat.Name == fallbackCategory {
			r.other = i
		}
		r.categories = append(r.categories, cat.Name)
		c.phrases(r.heads, key+".heads", cat.Heads, i)
		c.phrases(r.weakHeads, key+".weak_heads", cat.WeakHeads, i)
		c.phrases(r.triggersBefore, key+".before", cat.Before, i)
		c.phrases(r.triggersAfter, key+".after", cat.After, i)
		c.phrases(r.triggersBefore, key+".around", cat.Around, i)
		c.phrases(r.triggersAfter, key+".around", cat.Around, i)
		c.phrases(r.triggersBeforeWeak, key+".before_weak", cat.BeforeWeak, i)
		for j, w := range cat.Glued {
			k := fmt.Sprintf("%s.glued[%d]", key, j)
			if !c.entry(k, w) {
				continue
			}
			if words := phraseWords(w); len(words) != 1 || len(words[0]) < 4 {
				c.fail(k, w, "must be one word of at least 4 letters")
				continue
			}
			lw := strings.ToLower(w)
			r.glued = append(r.glued, gluedWord{word: lw, category: i, rule: phrase{text: lw, tag: i, rule: "glued:" + lw}})
		}
	}
	r.gluedEdges = newGluedEdges(r.glued)
	r.notWith, r.refused = make([][]bool, len(cats)), make([]bool, len(cats))
	r.notFor = make([]wordSet, len(cats))
	for i, cat := range cats {
		r.notFor[i] = c.set(fmt.Sprintf("categories[%d].not_for", i), cat.NotFor)
		r.notWith[i] = make([]bool, len(cats))
		for j, name := range cat.NotWith {
			if k := c.category(fmt.Sprintf("categories[%d].not_with[%d]", i, j), name); k >= 0 {
				r.notWith[i][k], r.refused[k] = true, true
			}
		}
	}
	if r.other < 0 {
		c.fail("categories", fallbackCategory, "the fallback category must be defined")
	}
}

func (c *compiler) category(key, name string) int {
	for i, n := range c.r.categories {
		if n == name {
			return i
		}
	}
	c.fail(key, name, "unknown category")
	return -1
}

func (c *compiler) units(units []Unit, cur CurrencyConfig) {
	r := c.r
	r.units, r.symbols, r.asciiSymbols, r.unitsBefore = newLexicon(), newLexicon(), newLexicon(), newLexicon()
	aliasOwner := map[string]string{}
	claim := func(key, alias, owner string) {
		norm := strings.Join(phraseWords(alias), " ")
		if prev, ok := aliasOwner[norm]; ok && prev != owner {
			c.fail(key, alias, "alias already names %s", prev)
		}
		aliasOwner[norm] = owner
	}
	for i, u := range units {
		key := fmt.Sprintf("units[%d]", i)
		if u.Name == "" {
			c.fail(key+".name", "", "is empty")
		}
		info := unitInfo{name: u.Name, rule: "unit:" + u.Name, category: -1, matter: u.Matter}
		if u.Category != "" {
			info.category = c.category(key+".category", u.Category)
		}
		tag := len(r.unitInfos)
		r.unitInfos = append(r.unitInfos, info)
		for j, a := range u.Aliases {
			k := fmt.Sprintf("%s.aliases[%d]", key, j)
			claim(k, a, u.Name)
			c.phrase(r.units, k, a, tag)
		}
		for j, a := range u.Before {
			k := fmt.Sprintf("%s.before[%d]", key, j)
			c.phrase(r.unitsBefore, k, a, tag)
		}
	}
	moneyCat := -1
	if cur.Category != "" {
		moneyCat = c.category("currencies.category", cur.Category)
	}
	r.moneyOverriders = make([]bool, len(r.categories))
	for i, name := range cur.OverriddenBy {
		if k := c.category(fmt.Sprintf("currencies.overridden_by[%d]", i), name); k >= 0 {
			r.moneyOverriders[k] = true
		}
	}
	for i, cc := range cur.List {
		key := fmt.Sprintf("currencies.list[%d]", i)
		if cc.Code == "" {
			c.fail(key+".code", "", "is empty")
		}
		tag := len(r.unitInfos)
		r.unitInfos = append(r.unitInfos, unitInfo{name: cc.Code, rule: "unit:" + cc.Code, category: moneyCat, currency: true})
		for j, s := range cc.Symbols {
			k := fmt.Sprintf("%s.symbols[%d]", key, j)
			claim(k, s, cc.Code)
			c.phrase(r.symbols, k, s, tag)
			c.phrase(r.units, k, s, tag) // "5 million USD"
		}
		for j, s := range cc.Transliterated {
			k := fmt.Sprintf("%s.transliterated[%d]", key, j)
			claim(k, s, cc.Code)
			c.phrase(r.asciiSymbols, k, s, tag)
		}
		for j, w := range cc.Words {
			k := fmt.Sprintf("%s.words[%d]", key, j)
			claim(k, w, cc.Code)
			c.phrase(r.units, k, w, tag)
		}
	}
}

func (c *compiler) regexp(key, pattern string) *regexp.Regexp {
	re, err := regexp.Compile(pattern)
	if err != nil {
		c.fail(key, pattern, "bad pattern: %v", err)
		return nil
	}
	if re.MatchString("") {
		c.fail(key, pattern, "pattern matches empty text")
		return nil
	}
	return re
}

func (c *compiler) regexps(key string, patterns []string) []*regexp.Regexp {
	var out []*regexp.Regexp
	for i, p := range patterns {
		if re := c.regexp(fmt.Sprintf("%s[%d]", key, i), p); re != nil {
			out = append(out, re)
		}
	}
	return out
}

func (c *compiler) valueWords(key string, m map[string]float64) map[int32]float64 {
	out := map[int32]float64{}
	for _, w := range slices.Sorted(maps.Keys(m)) {
		val := m[w]
		if !c.entry(key, w) {
			continue
		}
		parts := phraseWords(w)
		if len(parts) != 1 {
			c.fail(key, w, "must be a single word")
			continue
		}
		if val <= 0 && w != "zero" {
			c.fail(key, w, "value must be positive, got %v", val)
		}
		out[c.r.vocab.add(parts[0])] = val
	}
	return out
}

func (c *compiler) set(key string, words []string) wordSet {
	for i, w := range words {
		c.entry(fmt.Sprintf("%s[%d]", key, i), w)
	}
	s, bad := c.r.vocab.set(words)
	if bad != "" {
		c.fail(key, bad, "must be a single word")
	}
	return s
}

func (c *compiler) phrase(l *lexicon, key, text string, tag int) {
	if c.entry(key, text) && !l.add(c.r.vocab, text, tag) {
		c.fail(key, text, "is empty")
	}
}

// entry checks a word or phrase as written against the syntax all the
// rules' lists share (rulesfile.EntryProblem).
func (c *compiler) entry(key, text string) bool {
	if msg := rulesfile.EntryProblem(text); msg != "" {
		c.fail(key, text, "%s", msg)
		return false
	}
	return true
}

func (c *compiler) phrases(l *lexicon, key string, texts []string, tag int) {
	for i, t := range texts {
		c.phrase(l, fmt.Sprintf("%s[%d]", key, i), t, tag)
	}
}

func (c *compiler) tolls(cfg TollConfig) {
	c.r.tollCategory = make([]bool, len(c.r.categories))
	for i, name := range cfg.Categories {
		if k := c.category(fmt.Sprintf("tolls.categories[%d]", i), name); k >= 0 {
			c.r.tollCategory[k] = true
		}
	}
	c.r.struck = tolls.NewStruck(cfg.StruckRules)
	revisions := lower(cfg.Revisions)
	c.r.tolls = &tolls.Rules{Categories: cfg.Categories, Struck: c.r.struck, Revisions: revisions, AnyPerson: lower(cfg.AnyPerson)}
}

// Tolls returns the rules that sum a document's figures into tolls.
func (e *Extractor) Tolls() *tolls.Rules { return e.r.tolls }

func lower(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strings.ToLower(w)
	}
	return out
}
