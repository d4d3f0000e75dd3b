package extract

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/tally-news/tally/extract/internal/configerr"
	txt "github.com/tally-news/tally/extract/internal/text"
	"github.com/tally-news/tally/extract/rulesfile"
)

// ConfigError says which key of the rules is wrong and why: Key is a path
// such as "units[3].aliases", Rule the offending entry when there is one.
type ConfigError = configerr.Error

// rules is the compiled, read-only form of a Config: one part per stage,
// each compiled in a rules_*.go file of its own. The parts are embedded, so
// the stages read their rules as r.units, r.heads, ...
type rules struct {
	vocab *txt.Vocab
	namedWords
	// splitter cuts sentences, for both passes: its abbreviations are the
	// words whose full stop ends no sentence.
	splitter *txt.Splitter

	exclusionRules
	numberRules
	qualifierRules
	categoryRules
	unitRules
	objectRules
	// implied and scope keep their names: their fields (window,
	// yearBefore, ...) would clash with other stages'.
	implied impliedRules
	scope   scopeRules
	tollRules
	claimRules
	startRules
}

// namedWords are the words the code itself names, not the rules: they are
// in the vocabulary so that tokens compare with them as ids.
type namedWords struct {
	of, one, a, an, hyphen, dollar int32
	and, to, from, by              int32
	// comma and the parentheses open and close asides.
	comma, openParen, closeParen int32
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
	c := &compiler{r: &rules{vocab: &txt.Vocab{}}}
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

// compile runs the stages in an order where each finds what it reads:
// units, implied and tolls name categories; the starts read every word.
func (c *compiler) compile(cfg Config) {
	c.namedWords()
	c.abbreviations(cfg.Abbreviations)
	c.exclusionRules(cfg)
	c.numberRules(cfg)
	c.qualifierRules(cfg)
	c.categoryRules(cfg)
	c.unitRules(cfg)
	c.implied(cfg.Implied)
	c.scope(cfg.Scope)
	c.tollRules(cfg.Tolls)
	c.objectRules(cfg.Object)
	c.claimRules(cfg)
	c.startRules()
}

func (c *compiler) namedWords() {
	v, w := c.r.vocab, &c.r.namedWords
	w.of, w.one, w.a, w.an = v.Add("of"), v.Add("one"), v.Add("a"), v.Add("an")
	w.hyphen, w.dollar = v.Add("-"), v.Add("$")
	v.Add("−")
	w.and, w.to, w.from, w.by = v.Add("and"), v.Add("to"), v.Add("from"), v.Add("by")
	w.comma, w.openParen, w.closeParen = v.Add(","), v.Add("("), v.Add(")")
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

// The phrase-list compiler all the stages share: each entry is checked
// (entry), its words numbered in the vocabulary, and an error names the
// key and the entry.

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
		out[c.r.vocab.Add(parts[0])] = val
	}
	return out
}

func (c *compiler) set(key string, words []string) wordSet {
	for i, w := range words {
		c.entry(fmt.Sprintf("%s[%d]", key, i), w)
	}
	s, bad := newWordSet(c.r.vocab, words)
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
// abbreviations builds the splitter both passes use. Each abbreviation is
// one word, dots inside allowed ("u.s"): the splitter compares the word
// before a full stop with them.
func (c *compiler) abbreviations(list []string) {
	for i, w := range list {
		k := fmt.Sprintf("abbreviations[%d]", i)
		if c.entry(k, w) && strings.ContainsAny(w, " \t") {
			c.fail(k, w, "want a single word")
		}
	}
	c.r.splitter = txt.NewSplitter(list)
}

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
