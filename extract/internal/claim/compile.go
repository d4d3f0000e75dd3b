package claim

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	txt "github.com/tally-news/tally/extract/internal/text"
	"github.com/tally-news/tally/extract/rulesfile"
)

// wordSet is a set of normalised single words. bit is its bit in the
// vocabulary (vocab.go): a token of a view with a vocabulary answers with a
// bit test instead of a map lookup. A set that comes after the 32 bits are
// taken has bit 0 and answers from ids, a bitmap of its word ids.
type wordSet struct {
	m   map[string]struct{}
	bit uint32
	ids []uint64
}

func (w *wordSet) has(key []byte) bool { _, ok := w.m[string(key)]; return ok }

// at reports whether the key of token i of v is in the set.
func (w *wordSet) at(v *view, i int) bool {
	if v.voc == nil {
		return w.has(v.key(i))
	}
	t := &v.toks[i]
	if w.bit != 0 {
		return t.bits&w.bit != 0
	}
	return w.ids[t.id>>6]>>(t.id&63)&1 != 0
}

// lexicon finds phrases at a token: entries are grouped by their first key
// and tried longest first.
type lexicon struct {
	first  map[string][]entry
	seen   map[string]string // phrase key -> config key that added it (compile only)
	bit    uint32            // set on the vocabulary words that open a phrase (never 0: see buildVocab)
	byID   []int32           // index into groups by the word id of a first key
	groups []group           // first's groups, with what their second words can be
}

// group is the phrases that open with one word, longest first. Phrases of
// a lexicon are unique, so the longest that matches is the only one of its
// length: when the next token is no phrase's second word, only a one-word
// phrase can match.
type group struct {
	entries []entry
	second  []int32 // word ids of the phrases' second keys
	single  int     // tag of the one-word phrase
	one     bool    // there is a one-word phrase
}

type entry struct {
	rest []string
	ids  []int32 // the word ids of rest
	tag  int
}

func newLexicon() *lexicon {
	return &lexicon{first: map[string][]entry{}, seen: map[string]string{}}
}

// match returns the length in tokens and the tag of the longest phrase that
// starts at token i and ends by end, or 0.
func (l *lexicon) match(v *view, i, end int) (n, tag int) {
	if l == nil || i >= end {
		return 0, 0
	}
	if v.voc != nil {
		return l.matchIDs(v, i, end)
	}
	es := l.first[string(v.key(i))]
	for _, e := range es {
		if i+1+len(e.rest) > end {
			continue
		}
		ok := true
		for k, w := range e.rest {
			if string(v.key(i+1+k)) != w {
				ok = false
				break
			}
		}
		if ok {
			return 1 + len(e.rest), e.tag
		}
	}
	return 0, 0
}

// matchIDs is match over word ids, for views with a vocabulary.
func (l *lexicon) matchIDs(v *view, i, end int) (n, tag int) {
	t := &v.toks[i]
	if t.bits&l.bit == 0 {
		return 0, 0
	}
	g := &l.groups[l.byID[t.id]]
	if i+1 < end {
		next := v.toks[i+1].id
		for _, id := range g.second {
			if id == next {
				return l.matchEntries(v, g.entries, i, end)
			}
		}
	}
	if g.one {
		return 1, g.single
	}
	return 0, 0
}

func (l *lexicon) matchEntries(v *view, es []entry, i, end int) (n, tag int) {
	for _, e := range es {
		if i+1+len(e.ids) > end {
			continue
		}
		ok := true
		for k, id := range e.ids {
			if v.toks[i+1+k].id != id {
				ok = false
				break
			}
		}
		if ok {
			return 1 + len(e.ids), e.tag
		}
	}
	return 0, 0
}

// Annotator fills the attribution, hedge, event date and location of
// figures. It is immutable after New and safe for concurrent use.
type Annotator struct {
	// attribution
	verbs           *lexicon // tag: verbInverted | verbBare
	blockers        wordSet
	nounAfter       wordSet
	sourceCues      *lexicon
	modifiers       wordSet
	pronouns        wordSet
	speakerNouns    wordSet
	determiners     wordSet
	stops           wordSet
	predicateStops  wordSet
	cuts            wordSet
	skipStart       wordSet
	coordinators    wordSet
	complementizers wordSet
	nameLinks       wordSet
	nonSpeakers     wordSet
	media           wordSet
	mediaLinks      wordSet
	maxWords        int
	resolveSents    int
	resolveBytes    int

	// hedges
	hedges    *lexicon // tag: index into rules
	rules     []hedgeRule
	lookahead int
	within    int

	// dates
	dates        *lexicon // tag: dateTag
	futureDays   int
	daySuffixes  wordSet
	daySuffixMax int // the longest day suffix, in bytes

	// places
	places      *lexicon // tag: index into placeNames
	placeNames  []string
	regionNames [][]string // [place][region word suffix]
	regionWords map[string]int
	settlements wordSet
	ofWords     wordSet
	andWords    wordSet
	actorVerbs  wordSet
	actorAux    wordSet

	regionBit uint32 // vocabulary bit of the region words

	outlets  *lexicon // outlet names; tag: index into Config.Outlets
	dateline *regexp.Regexp

	clauseWords  wordSet
	hedgeObjects wordSet
	// splitter cuts the sentences of a document that comes without its
	// text layer (AnnotateAll): the figure pass's splitter, from the same
	// abbreviations.
	splitter *txt.Splitter

	voc     *txt.Vocab
	docPool sync.Pool // *docScratch, for AnnotateAll
}

// Speech verb tags.
const (
	verbInverted = 1 << iota // may come before its speaker
	verbBare                 // reports speech only before "that", a colon or a quotation, or at the end
)

type hedgeRule struct {
	kind  string
	scope uint8
	gap   int
}

const (
	scopeBefore uint8 = iota
	scopeClause
	scopeSentence
	scopeFollowing
)

var scopes = map[string]uint8{"before": scopeBefore, "clause": scopeClause, "sentence": scopeSentence, "following": scopeFollowing}

var kinds = map[string]bool{Claimed: true, Unverified: true, Denied: true, Estimated: true}

// Date tags: the kind in the high bits, a value (weekday, month, days) low.
const (
	dWeekday = iota << 16
	dMonth
	dDaysAgo
	dYearStart
	dLast
	dNext
	dKindMask  = 0xffff0000
	dValueMask = 0xffff
)

// New checks and compiles cfg. The error is a *ConfigError naming the key
// (as "claims.…") and the entry at fault.
func New(cfg Config) (*Annotator, error) {
	c := &compiler{a: &Annotator{}}
	c.compile(cfg)
	if c.err != nil {
		return nil, c.err
	}
	c.buildVocab(c.a.wordSets())
	c.a.docPool.New = func() any { return new(docScratch) }
	return c.a, nil
}

// compiler keeps the first error so the compile steps read straight.
type compiler struct {
	a   *Annotator
	err *ConfigError
	tmp view
}

func (c *compiler) fail(key, rule, format string, args ...any) {
	if c.err == nil {
		c.err = &ConfigError{Key: "claims." + key, Rule: rule, Msg: fmt.Sprintf(format, args...)}
	}
}

// keys tokenises a phrase the way article text is tokenised.
func (c *compiler) keys(key, phrase string) []string {
	if msg := rulesfile.EntryProblem(phrase); msg != "" {
		c.fail(key, phrase, "%s", msg)
		return nil
	}
	c.tmp.reset(phrase)
	c.tmp.scan(0, len(phrase))
	out := make([]string, len(c.tmp.toks))
	for i := range c.tmp.toks {
		out[i] = string(c.tmp.key(i))
	}
	if len(out) == 0 {
		c.fail(key, phrase, "has no words")
	}
	return out
}

func (c *compiler) words(key string, list []string) wordSet {
	set := wordSet{m: map[string]struct{}{}}
	for i, w := range list {
		c.word(&set, fmt.Sprintf("%s[%d]", key, i), w)
	}
	return set
}

func (c *compiler) word(set *wordSet, k, w string) {
	ks := c.keys(k, w)
	if len(ks) != 1 {
		if ks != nil {
			c.fail(k, w, "want a single word")
		}
		return
	}
	if _, dup := set.m[ks[0]]; dup {
		c.fail(k, w, "listed twice")
	}
	set.m[ks[0]] = struct{}{}
}

func (c *compiler) add(l *lexicon, key, phrase string, tag int) {
	ks := c.keys(key, phrase)
	if ks == nil {
		return
	}
	joined := strings.Join(ks, " ")
	if prev, dup := l.seen[joined]; dup {
		c.fail(key, phrase, "same phrase as %s", prev)
		return
	}
	l.seen[joined] = key
	l.first[ks[0]] = append(l.first[ks[0]], entry{rest: ks[1:], tag: tag})
}

func (c *compiler) phrases(l *lexicon, key string, list []string, tag int) {
	for i, p := range list {
		c.add(l, fmt.Sprintf("%s[%d]", key, i), p, tag)
	}
}

// freeze orders each group longest first, so match finds the longest.
func freeze(l *lexicon) {
	for _, es := range l.first {
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].rest) > len(es[j].rest) })
	}
	l.seen = nil
}

func (c *compiler) atLeast(key string, n, min int) {
	if n < min {
		c.fail(key, "", "must be at least %d, got %d", min, n)
	}
}

func (c *compiler) compile(cfg Config) {
	a := c.a
	at := cfg.Attribution
	a.verbs = newLexicon()
	flags := map[string]int{}
	for i, p := range at.InvertedVerbs {
		if ks := c.keys(fmt.Sprintf("attribution.inverted_verbs[%d]", i), p); ks != nil {
			flags[strings.Join(ks, " ")] |= verbInverted
		}
	}
	for i, p := range at.BareVerbs {
		if ks := c.keys(fmt.Sprintf("attribution.bare_verbs[%d]", i), p); ks != nil {
			flags[strings.Join(ks, " ")] |= verbBare
		}
	}
	for i, p := range at.SpeechVerbs {
		key := fmt.Sprintf("attribution.speech_verbs[%d]", i)
		tag := 0
		if ks := c.keys(key, p); ks != nil {
			tag = flags[strings.Join(ks, " ")]
		}
		c.add(a.verbs, key, p, tag)
	}
	for _, l := range []struct {
		key  string
		list []string
	}{{"attribution.inverted_verbs", at.InvertedVerbs}, {"attribution.bare_verbs", at.BareVerbs}} {
		for i, p := range l.list {
			if ks := c.keys("", p); ks != nil {
				if _, ok := a.verbs.seen[strings.Join(ks, " ")]; !ok {
					c.fail(fmt.Sprintf("%s[%d]", l.key, i), p, "not in attribution.speech_verbs")
				}
			}
		}
	}
	a.sourceCues = newLexicon()
	c.phrases(a.sourceCues, "attribution.source_cues", at.SourceCues, 0)
	// The attribution's word lists, by their key under attribution.
	for _, w := range []struct {
		set  *wordSet
		key  string
		list []string
	}{
		{&a.blockers, "blockers", at.Blockers},
		{&a.nounAfter, "noun_after", at.NounAfter},
		{&a.modifiers, "verb_modifiers", at.VerbModifiers},
		{&a.pronouns, "pronouns", at.Pronouns},
		{&a.speakerNouns, "speaker_nouns", at.SpeakerNouns},
		{&a.determiners, "determiners", at.Determiners},
		{&a.stops, "stops", at.Stops},
		{&a.predicateStops, "predicate_stops", at.PredicateStops},
		{&a.cuts, "cuts", at.Cuts},
		{&a.skipStart, "skip_start", at.SkipStart},
		{&a.coordinators, "coordinators", at.Coordinators},
		{&a.complementizers, "complementizers", at.Complementizers},
		{&a.nameLinks, "name_links", at.NameLinks},
		{&a.nonSpeakers, "non_speakers", at.NonSpeakers},
		{&a.media, "media", at.Media},
		{&a.mediaLinks, "media_links", at.MediaLinks},
	} {
		*w.set = c.words("attribution."+w.key, w.list)
	}
	a.maxWords = at.MaxWords
	a.resolveSents = at.ResolveSentences
	a.resolveBytes = at.ResolveBytes
	if len(at.SpeechVerbs)+len(at.SourceCues) > 0 {
		c.atLeast("attribution.max_words", at.MaxWords, 1)
	}
	c.atLeast("attribution.resolve_sentences", at.ResolveSentences, 0)
	c.atLeast("attribution.resolve_bytes", at.ResolveBytes, 0)
	freeze(a.verbs)
	freeze(a.sourceCues)

	a.hedges = newLexicon()
	for i, r := range cfg.Hedges {
		key := fmt.Sprintf("hedges[%d]", i)
		if !kinds[r.Kind] {
			c.fail(key+".kind", r.Kind, "want claimed, unverified, denied or estimated")
		}
		sc, ok := scopes[r.Scope]
		if !ok {
			c.fail(key+".scope", r.Scope, "want before, clause, sentence or following")
		}
		c.atLeast(key+".gap", r.Gap, 0)
		if len(r.Phrases) == 0 {
			c.fail(key+".phrases", "", "must not be empty")
		}
		c.phrases(a.hedges, key+".phrases", r.Phrases, i)
		a.rules = append(a.rules, hedgeRule{kind: r.Kind, scope: sc, gap: r.Gap})
	}
	freeze(a.hedges)
	a.lookahead = cfg.Disclaimer.Lookahead
	a.within = cfg.Disclaimer.WithinWords
	c.atLeast("disclaimer.lookahead", a.lookahead, 0)
	if a.lookahead > 0 {
		c.atLeast("disclaimer.within_words", a.within, 1)
	}

	d := cfg.Dates
	a.dates = newLexicon()
	c.dateMap("dates.weekdays", d.Weekdays, dWeekday, 0, 6)
	c.dateMap("dates.months", d.Months, dMonth, 1, 12)
	c.dateMap("dates.days_ago", d.DaysAgo, dDaysAgo, 0, 3660)
	c.phrases(a.dates, "dates.year_start", d.YearStart, dYearStart)
	c.phrases(a.dates, "dates.last", d.Last, dLast)
	c.phrases(a.dates, "dates.next", d.Next, dNext)
	a.futureDays = d.FutureDays
	a.daySuffixes = c.words("dates.day_suffixes", d.DaySuffixes)
	for k := range a.daySuffixes.m {
		a.daySuffixMax = max(a.daySuffixMax, len(k))
	}
	c.atLeast("dates.future_days", d.FutureDays, 0)
	freeze(a.dates)

	c.compilePlaces(cfg.Places)
	c.compileOutlets(cfg.Outlets)
	if cfg.Dateline != "" {
		re, err := regexp.Compile(cfg.Dateline)
		switch {
		case err != nil:
			c.fail("dateline", cfg.Dateline, "%v", err)
		case re.NumSubexp() < 1:
			c.fail("dateline", cfg.Dateline, "needs a group around the place")
		default:
			a.dateline = re
		}
	}
	a.clauseWords = c.words("clause_words", cfg.ClauseWords)
	a.hedgeObjects = c.words("hedge_objects", cfg.HedgeObjects)
	a.splitter = txt.NewSplitter(cfg.Abbreviations)
}

// dateMap adds a name -> number map, in a stable order so errors are
// reproducible.
func (c *compiler) dateMap(key string, m map[string]int, kind, min, max int) {
	for _, name := range slices.Sorted(maps.Keys(m)) {
		n := m[name]
		k := key + "." + name
		if n < min || n > max {
			c.fail(k, name, "want a number from %d to %d, got %d", min, max, n)
			continue
		}
		c.add(c.a.dates, k, name, kind|n)
	}
}

func (c *compiler) compilePlaces(p PlaceConfig) {
	a := c.a
	a.places = newLexicon()
	a.regionWords = map[string]int{}
	var suffixes []string
	for _, w := range slices.Sorted(maps.Keys(p.RegionWords)) {
		key := "places.region_words." + w
		ks := c.keys(key, w)
		suffix := p.RegionWords[w]
		if len(ks) != 1 {
			if ks != nil {
				c.fail(key, w, "want a single word")
			}
			continue
		}
		if strings.TrimSpace(suffix) == "" || strings.TrimSpace(suffix) != suffix {
			c.fail(key, suffix, "want the word the place name takes, such as \"region\"")
			continue
		}
		idx := slices.Index(suffixes, suffix)
		if idx < 0 {
			idx = len(suffixes)
			suffixes = append(suffixes, suffix)
		}
		a.regionWords[ks[0]] = idx
	}
	index := map[string]int{}
	for i, name := range p.Names {
		key := fmt.Sprintf("places.names[%d]", i)
		ks := c.keys(key, name)
		if ks == nil {
			continue
		}
		joined := strings.Join(ks, " ")
		if _, dup := index[joined]; dup {
			c.fail(key, name, "listed twice")
			continue
		}
		index[joined] = len(a.placeNames)
		c.add(a.places, key, name, len(a.placeNames))
		a.placeNames = append(a.placeNames, name)
		region := make([]string, len(suffixes))
		for k, s := range suffixes {
			region[k] = name + " " + s
		}
		a.regionNames = append(a.regionNames, region)
	}
	for _, alias := range slices.Sorted(maps.Keys(p.Aliases)) {
		key := "places.aliases." + alias
		target := p.Aliases[alias]
		tk := c.keys(key, target)
		if tk == nil {
			continue
		}
		idx, ok := index[strings.Join(tk, " ")]
		if !ok {
			c.fail(key, target, "not in places.names")
			continue
		}
		c.add(a.places, key, alias, idx)
	}
	freeze(a.places)
	a.settlements = c.words("places.settlement_words", p.SettlementWords)
	a.ofWords = c.words("places.of_words", p.OfWords)
	a.andWords = c.words("places.and_words", p.AndWords)
	a.actorVerbs = c.words("places.actor_verbs", p.ActorVerbs)
	a.actorAux = c.words("places.actor_aux", p.ActorAux)
}

func (c *compiler) compileOutlets(outlets []Outlet) {
	c.a.outlets = newLexicon()
	for i, o := range outlets {
		if strings.TrimSpace(o.Country) == "" {
			c.fail(fmt.Sprintf("outlets[%d].country", i), o.Country, "is empty")
		}
		c.phrases(c.a.outlets, fmt.Sprintf("outlets[%d].names", i), o.Names, i)
	}
	freeze(c.a.outlets)
}
