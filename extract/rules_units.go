package extract

// The units stage decides what a figure measures: the unit or currency
// after it ("14 tons", "5 million USD") or before it ("magnitude 7.8",
// "$7", "A$7"), and what a bare sign means for the document's outlet
// (currency.go).

import (
	"fmt"
	"strings"
)

// unitInfo is a compiled unit or currency.
type unitInfo struct {
	name     string
	rule     string // "unit:km"
	category int    // index into categories, -1 for none
	currency bool
	matter   bool // never a count of people (see Unit.Matter)
}

// unitRules are the compiled units, currencies, unit_adjectives and
// restatement_opens.
type unitRules struct {
	units           *lexicon // words after a number; tag: index into unitInfo
	symbols         *lexicon // currency signs before a number; tag: index into unitInfo
	asciiSymbols    *lexicon // transliterated signs, glued to a marked amount only
	unitsBefore     *lexicon // unit words before a number: "magnitude 7.8"
	unitInfos       []unitInfo
	moneyOverriders []bool // by category index
	bare            bareRules

	unitAdjectives   wordSet // between a number and its unit: "35 consecutive days"
	restatementOpens wordSet
}

// unitRules needs the categories compiled: units and currencies name
// theirs.
func (c *compiler) unitRules(cfg Config) {
	c.units(cfg.Units, cfg.Currencies)
	c.bareCurrency(cfg.Currencies.Bare, cfg.Claims.Outlets)
	r := &c.r.unitRules
	r.unitAdjectives = c.set("unit_adjectives", cfg.UnitAdjectives)
	r.restatementOpens = c.set("restatement_opens", cfg.RestatementOpens)
}

func (c *compiler) units(units []Unit, cur CurrencyConfig) {
	r := &c.r.unitRules
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
	r.moneyOverriders = make([]bool, len(c.r.categories))
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
