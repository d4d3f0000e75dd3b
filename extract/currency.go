package extract

// Bare currency signs. Handles, with currencies.bare and claims.outlets:
//
//	"$10 million" in a document whose outlet is the Sydney Morning Herald   AUD
//	"$10 million" on a page at www.example.com.au                           AUD
//	"$10 million" from an outlet of a country without a dollar              USD (the default)
//	"$10 million" from an unknown outlet                                    USD, noted "ambiguous currency"
//	"US$10 million", "A$10 million", "C$10 million"                         as written: no guess
//
// The outlet is the document's (Document.Outlet, from the feed record or
// the page), else the country ending of its address (Document.URL).

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/tally-news/tally/extract/internal/claim"
)

// AmbiguousCurrency is the note on a figure whose bare "$" no outlet ties
// to a country.
const AmbiguousCurrency = "ambiguous currency"

// BareCurrency says what a currency sign written alone means.
type BareCurrency struct {
	// Symbols are the signs several currencies share ("$").
	Symbols []string `yaml:"symbols"`
	// Default is the currency they stand for when the outlet's country has
	// none of its own or is unknown.
	Default string `yaml:"default"`
	// Countries maps an outlet's country (claims.outlets) to the currency
	// its bare sign means.
	Countries map[string]string `yaml:"countries"`
}

// bareRules are the compiled bare-sign rules.
type bareRules struct {
	symbols  *lexicon
	fallback int            // unitInfos index of Default; noUnit when unset
	byOutlet map[string]int // folded outlet name -> unitInfos index, or noUnit for "no dollar of its own"
	byDomain map[string]int // top-level domain -> the same
}

func (c *compiler) bareCurrency(b BareCurrency, outlets []claim.Outlet) {
	r := c.r
	d := &r.bare
	d.symbols, d.fallback = newLexicon(), noUnit
	d.byOutlet, d.byDomain = map[string]int{}, map[string]int{}
	if len(b.Symbols) == 0 {
		return
	}
	c.phrases(d.symbols, "currencies.bare.symbols", b.Symbols, 0)
	if d.fallback = r.unitNamed(b.Default); d.fallback == noUnit {
		c.fail("currencies.bare.default", b.Default, "not a code in currencies.list")
	}
	// The config loader lower-cases map keys: countries compare folded.
	byCountry := map[string]int{}
	for country, code := range b.Countries {
		if byCountry[strings.ToLower(country)] = r.unitNamed(code); r.unitNamed(code) == noUnit {
			c.fail("currencies.bare.countries."+country, code, "not a code in currencies.list")
		}
	}
	for i, o := range outlets {
		unit := d.fallback
		if u, ok := byCountry[strings.ToLower(o.Country)]; ok {
			unit = u
		}
		for _, name := range o.Names {
			d.byOutlet[foldOutlet(name)] = unit
		}
		for j, dom := range o.Domains {
			dom = strings.ToLower(strings.Trim(dom, ". "))
			if dom == "" || strings.Contains(dom, ".") {
				c.fail(fmt.Sprintf("claims.outlets[%d].domains[%d]", i, j), dom, "want a top-level domain such as au")
				continue
			}
			d.byDomain[dom] = unit
		}
	}
}

// foldOutlet is the comparison form of an outlet's name: lower case,
// without a leading "the", spaces folded.
func foldOutlet(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) > 1 && f[0] == "the" {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// local returns the currency a bare sign means in a document of outlet at
// address link, and whether the outlet's country is known. Documents
// without either cost no allocation.
func (d *bareRules) local(outlet, link string) (unit int, known bool) {
	if outlet != "" {
		if u, ok := d.byOutlet[foldOutlet(outlet)]; ok {
			return u, true
		}
	}
	if link != "" {
		if u, err := url.Parse(link); err == nil && u.Hostname() != "" {
			host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
			if u, ok := d.byDomain[host[strings.LastIndexByte(host, '.')+1:]]; ok {
				return u, true
			}
		}
	}
	return d.fallback, false
}

// bareSign reports whether figure n is written with a bare sign: "$10",
// not "US$10" or "A$10".
func (r *rules) bareSign(toks []token, n *number) bool {
	if n.unit == noUnit || !r.unitInfos[n.unit].currency {
		return false
	}
	k := n.first
	sign := r.symbols.longestAt(toks, k, n.numEnd)
	if sign == nil && k+1 < n.numEnd { // after a minus: "-$5"
		k++
		sign = r.symbols.longestAt(toks, k, n.numEnd)
	}
	bare := r.bare.symbols.longestAt(toks, k, n.numEnd)
	return sign != nil && bare != nil && len(sign.words) == len(bare.words)
}
