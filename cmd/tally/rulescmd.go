package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tally-news/tally/extract"
)

func newRulesCmd(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "Print the active rules: categories, units, qualifiers, vague amounts",
		Args:  cobra.NoArgs,
	}
	cmd.Flags().String("config", "", "rules file to show instead of the embedded config.yaml")
	cmd.Flags().String("check", "", "only validate this rules file and say whether it is usable")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		v, err := settings(cmd.Flags())
		if err != nil {
			return err
		}
		path := v.GetString("config")
		if check := v.GetString("check"); check != "" {
			path = check
		}
		rs, err := loadRules(path)
		if err != nil {
			return err
		}
		if _, err := rs.extractor(extract.Options{}); err != nil {
			return err
		}
		if v.GetString("check") != "" {
			_, err := fmt.Fprintf(s.out, "%s: ok\n", rs.name)
			return err
		}
		return printRules(s.out, rs)
	}
	return cmd
}

func printRules(w io.Writer, rs *ruleSet) error {
	c := rs.cfg
	p := &printer{w: w}
	p.f("rules: %s (sha256 %s)\n", rs.name, rs.hash[:12])
	p.f("\ncategories (first listed wins a tie):\n")
	for _, cat := range c.Categories {
		p.f("  %s\n", cat.Name)
		p.list("heads", cat.Heads)
		p.list("weak heads", cat.WeakHeads)
		p.list("before", cat.Before)
		p.list("after", cat.After)
		p.list("around", cat.Around)
	}
	p.f("\nunits:\n")
	for _, u := range c.Units {
		cat := ""
		if u.Category != "" {
			cat = " -> " + u.Category
		}
		p.f("  %-6s %s%s\n", u.Name, strings.Join(u.Aliases, ", "), cat)
	}
	p.f("\ncurrencies (-> %s unless %s):\n", c.Currencies.Category, strings.Join(c.Currencies.OverriddenBy, ", "))
	for _, cur := range c.Currencies.List {
		p.f("  %-6s %s\n", cur.Code, strings.Join(append(append([]string{}, cur.Symbols...), cur.Words...), ", "))
	}
	p.f("\nqualifiers:\n")
	for _, q := range c.Qualifiers {
		p.f("  %s\n", q.Name)
		p.list("before", q.Before)
		p.list("after", q.After)
	}
	p.f("\nvague amounts:\n")
	for _, a := range c.Vague {
		p.f("  %-22s %v (%v to %v)\n", a.Phrase, a.Value, a.Low, a.High)
	}
	p.f("\nnumber words: %s\n", strings.Join(sortedKeys(c.Numbers.Words), ", "))
	p.f("scales: %s\n", strings.Join(sortedKeys(c.Numbers.Scales), ", "))
	p.f("fractions: %s\n", strings.Join(sortedKeys(c.Numbers.Fractions), ", "))
	return p.err
}

// printer keeps the first write error so the listing reads straight.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) list(label string, items []string) {
	if len(items) > 0 {
		p.f("    %-11s %s\n", label+":", strings.Join(items, ", "))
	}
}

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
