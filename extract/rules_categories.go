package extract

// The categories stage decides what a figure counts (killed, displaced,
// troops, aid...): its steps (category.go) read the counted noun's heads, the
// triggers near the number within its clause, and what an earlier figure
// passes on ("including", "two of which").

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// fallbackCategory is what a figure gets when no rule speaks for it.
const fallbackCategory = "other"

// categoryRules are the compiled categories and category_steps, and the
// clause rules that bound where a trigger speaks.
type categoryRules struct {
	categorySteps []categoryStep // category_steps, in order
	categories    []string
	heads         *lexicon // tag: category index
	weakHeads     *lexicon
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
	// yieldsTo[trigger][other]: a trigger of other within yieldWindow
	// words after this category's speaks instead (nil: none named).
	yieldsTo    [][]bool
	yieldWindow int
	// headYieldsTo[head][other]: a trigger of other as the verb right
	// after the head speaks instead (nil: none named).
	headYieldsTo    [][]bool
	headAuxiliaries *lexicon

	window int
	// subjectWindow is how far after a number that opens its clause its
	// verb may be: a long subject comes between.
	subjectWindow      int
	subjectDeterminers wordSet // "All 132 people ...": the number still opens its clause
	clauseBreaks       wordSet
	negations          wordSet // before a trigger, they take it back: "were not hurt"
	speakerVerbs       wordSet // after a counted phrase, it is the speaker: "two officials said"
	speakerNotBefore   wordSet // "said to be": no speaker
	clauseAsides       *lexicon
	inheritAfter       *lexicon
	inheritInClause    *lexicon
	inheritPart        *lexicon // after the number: "two of which"
}

func (c *compiler) categoryRules(cfg Config) {
	r := &c.r.categoryRules
	r.window = cfg.Window
	if cfg.Window < 1 {
		c.fail("window", "", "must be at least 1, got %d", cfg.Window)
	}
	r.subjectWindow = cfg.SubjectWindow
	r.yieldWindow = cfg.YieldWindow
	r.headAuxiliaries = newLexicon()
	c.phrases(r.headAuxiliaries, "head_auxiliaries", cfg.HeadAuxiliaries, 0)
	if cfg.YieldWindow < 0 {
		c.fail("yield_window", "", "must not be negative, got %d", cfg.YieldWindow)
	}
	if cfg.SubjectWindow < cfg.Window {
		c.fail("subject_window", "", "must be at least window (%d), got %d", cfg.Window, cfg.SubjectWindow)
	}
	c.categories(cfg.Categories)
	c.categorySteps(cfg.CategorySteps)
	r.clauseBreaks = c.set("clause_breaks", cfg.ClauseBreaks)
	r.negations = c.set("negations", cfg.Negations)
	r.subjectDeterminers = c.set("subject_determiners", cfg.SubjectDeterminers)
	r.speakerVerbs = c.set("speaker_verbs.verbs", cfg.SpeakerVerbs.Verbs)
	r.speakerNotBefore = c.set("speaker_verbs.not_before", cfg.SpeakerVerbs.NotBefore)
	r.clauseAsides = newLexicon()
	c.phrases(r.clauseAsides, "clause_asides", cfg.ClauseAsides, 0)
	r.inheritAfter = newLexicon()
	c.phrases(r.inheritAfter, "inherit_after", cfg.InheritAfter, 0)
	r.inheritInClause = newLexicon()
	c.phrases(r.inheritInClause, "inherit_in_clause", cfg.InheritClause, 0)
	r.inheritPart = newLexicon()
	c.phrases(r.inheritPart, "inherit_part", cfg.InheritPart, 0)
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
	r := &c.r.categoryRules
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
	r.yieldsTo, r.headYieldsTo = make([][]bool, len(cats)), make([][]bool, len(cats))
	for i, cat := range cats {
		r.notFor[i] = c.set(fmt.Sprintf("categories[%d].not_for", i), cat.NotFor)
		r.yieldsTo[i] = c.categorySet(fmt.Sprintf("categories[%d].yields_to", i), cat.YieldsTo)
		r.headYieldsTo[i] = c.categorySet(fmt.Sprintf("categories[%d].head_yields_to", i), cat.HeadYieldsTo)
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

// categorySet marks the categories names lists, nil when it lists none.
func (c *compiler) categorySet(key string, names []string) []bool {
	if len(names) == 0 {
		return nil
	}
	set := make([]bool, len(c.r.categories))
	for j, name := range names {
		if k := c.category(fmt.Sprintf("%s[%d]", key, j), name); k >= 0 {
			set[k] = true
		}
	}
	return set
}

// category returns the index of a category another rule names, or -1
// after failing on an unknown name.
func (c *compiler) category(key, name string) int {
	for i, n := range c.r.categories {
		if n == name {
			return i
		}
	}
	c.fail(key, name, "unknown category")
	return -1
}
