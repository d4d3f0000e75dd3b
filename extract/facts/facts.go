// Package facts merges the mentions of one figure across articles into a
// schema.Fact, so a newsroom sees "430,000 people lived in Mariupol, say
// three outlets" once instead of three rows, and sees where outlets
// disagree.
//
// Two figures are mentions of the same fact when they have the same
// category, the same unit, values within Tolerance of each other, and the
// same place (Figure.Location) or, when neither has a place, the same
// object. Place, object and category compare case-insensitively with
// spaces trimmed and runs of spaces folded; units compare exactly, since
// they are already normalised names ("USD", "km"). Qualifiers ("about",
// "at least") and bounds are not compared: "about 430,000" and "430,000"
// are one fact.
//
// Only figures from the article proper (Section "article") are merged:
// reader comments are not reporting. Figures whose category is "other" (or
// empty) and that have no object are left out: such a figure is a bare
// number ("3 of them", "in 2019 ... 12") that carries no meaning of its own,
// and merging those by value alone would join unrelated numbers. Values
// that are not finite are left out, as they cannot be compared.
//
// A fact is Disputed when, for the same category, unit, place and event
// date (both non-empty), another source gives a different value. Two values
// dispute each other only when each is stated by a source that does not
// state the other, so one article's breakdown ("12 killed, including 3
// children") is not a dispute with itself.
package facts

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/tally-news/tally/schema"
)

// Tolerance is the relative difference within which two values are taken
// to be the same figure: 430,000 and 431,000 (0.23%) merge, 430,000 and
// 440,000 do not. A cluster of values is measured from its smallest.
const Tolerance = 0.005

// categoryOther is the category of figures no rule gave a meaning.
const categoryOther = "other"

// groupKey is what must be equal for figures to be one fact, value apart.
type groupKey struct {
	category, unit, place, object string
}

// disputeKey is what must be equal for different values to disagree.
type disputeKey struct {
	category, unit, place, date string
}

// mention is a figure kept for merging, with its normalised keys.
type mention struct {
	fig  *schema.Figure
	key  groupKey
	fact int // index of the fact it went into
}

// Merge returns the facts the figures state, ordered by category, place,
// value (then unit, object). The order and content do not depend on the
// order of figs.
func Merge(figs []schema.Figure) []schema.Fact {
	mentions := make([]mention, 0, len(figs))
	groups := map[groupKey][]int{}
	for i := range figs {
		f := &figs[i]
		m, ok := keep(f)
		if !ok {
			continue
		}
		groups[m.key] = append(groups[m.key], len(mentions))
		mentions = append(mentions, m)
	}

	keys := make([]groupKey, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b groupKey) int {
		return cmp.Or(strings.Compare(a.category, b.category), strings.Compare(a.unit, b.unit),
			strings.Compare(a.place, b.place), strings.Compare(a.object, b.object))
	})

	var facts []schema.Fact
	for _, k := range keys {
		idx := groups[k]
		slices.SortFunc(idx, func(a, b int) int { return compareMentions(&mentions[a], &mentions[b]) })
		for start := 0; start < len(idx); {
			base := mentions[idx[start]].fig.Value
			end := start + 1
			for end < len(idx) && same(base, mentions[idx[end]].fig.Value) {
				end++
			}
			cluster := idx[start:end]
			for _, mi := range cluster {
				mentions[mi].fact = len(facts)
			}
			facts = append(facts, build(mentions, cluster))
			start = end
		}
	}

	markDisputes(facts, mentions)

	order := make([]int, len(facts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return compareFacts(&facts[a], &facts[b]) })
	out := make([]schema.Fact, len(facts))
	for i, j := range order {
		out[i] = facts[j]
	}
	return out
}

// keep reports whether f takes part in merging, and its keys.
func keep(f *schema.Figure) (mention, bool) {
	if f.Section != "article" || math.IsNaN(f.Value) || math.IsInf(f.Value, 0) {
		return mention{}, false
	}
	k := groupKey{category: fold(f.Category), unit: strings.TrimSpace(f.Unit), place: fold(f.Location)}
	object := fold(f.Object)
	if (k.category == "" || k.category == categoryOther) && object == "" {
		return mention{}, false
	}
	if k.place == "" {
		k.object = object
	}
	return mention{fig: f, key: k}, true
}

// CategoryKey is the form of a category that Merge compares. Figures
// whose categories have different keys never merge nor dispute each other,
// and Merge orders facts by this key first, so a caller that would rather
// not hold every figure in memory at once can Merge each key's figures
// apart, in key order, and concatenate: the result is Merge over all.
func CategoryKey(category string) string { return fold(category) }

// fold is the comparison form of a name: lower case, spaces trimmed and
// folded to one.
func fold(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// same reports whether v is within Tolerance of base.
func same(base, v float64) bool {
	if base == v {
		return true
	}
	return math.Abs(v-base) <= Tolerance*math.Max(math.Abs(base), math.Abs(v))
}

// compareMentions orders mentions by value, then by where they come from,
// so clusters and picks are the same whatever order the figures came in.
func compareMentions(a, b *mention) int {
	fa, fb := a.fig, b.fig
	return cmp.Or(cmp.Compare(fa.Value, fb.Value), strings.Compare(fa.Source, fb.Source),
		cmp.Compare(fa.Start, fb.Start), cmp.Compare(fa.End, fb.End),
		strings.Compare(fa.Object, fb.Object), strings.Compare(fa.Location, fb.Location),
		strings.Compare(fa.Attribution, fb.Attribution), strings.Compare(fa.EventDate, fb.EventDate))
}

func compareFacts(a, b *schema.Fact) int {
	return cmp.Or(strings.Compare(fold(a.Category), fold(b.Category)), strings.Compare(fold(a.Location), fold(b.Location)),
		cmp.Compare(a.Value, b.Value), strings.Compare(a.Unit, b.Unit), strings.Compare(fold(a.Object), fold(b.Object)),
		strings.Compare(a.SourceList, b.SourceList))
}

// build merges one cluster of mentions into a fact.
func build(mentions []mention, cluster []int) schema.Fact {
	var categories, places, objects []string
	var values []float64
	sources := map[string]bool{}
	attributions := map[string]string{} // folded -> shown
	var first, last string
	for _, mi := range cluster {
		f := mentions[mi].fig
		categories = append(categories, strings.TrimSpace(f.Category))
		if s := strings.TrimSpace(f.Location); s != "" {
			places = append(places, s)
		}
		if s := strings.TrimSpace(f.Object); s != "" {
			objects = append(objects, s)
		}
		values = append(values, f.Value)
		sources[f.Source] = true
		if a := strings.TrimSpace(f.Attribution); a != "" {
			k := fold(a)
			if old, ok := attributions[k]; !ok || a < old {
				attributions[k] = a
			}
		}
		if p := strings.TrimSpace(f.Published); p != "" {
			if first == "" || p < first {
				first = p
			}
			if p > last {
				last = p
			}
		}
	}
	list := sortedKeys(sources)
	attrs := make([]string, 0, len(attributions))
	for _, k := range sortedKeys(attributions) {
		attrs = append(attrs, attributions[k])
	}
	return schema.Fact{
		Category:       mostCommon(categories),
		Value:          mostCommon(values),
		Unit:           mentions[cluster[0]].key.unit,
		Location:       mostCommon(places),
		Object:         mostCommon(objects),
		Sources:        len(list),
		SourceList:     strings.Join(list, "; "),
		FirstPublished: first,
		LastPublished:  last,
		Attributions:   strings.Join(attrs, "; "),
		Mentions:       len(cluster),
	}
}

// mostCommon returns the most frequent of xs, the smallest on a tie, or the
// zero value when xs is empty.
func mostCommon[T cmp.Ordered](xs []T) T {
	var best T
	n := 0
	counts := make(map[T]int, len(xs))
	for _, x := range xs {
		counts[x]++
		c := counts[x]
		if c > n || (c == n && x < best) {
			best, n = x, c
		}
	}
	return best
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// markDisputes sets Disputed and Values on facts whose value other sources
// contradict for the same category, unit, place and event date.
func markDisputes(facts []schema.Fact, mentions []mention) {
	// dispute group -> fact -> sources stating that fact's value for it
	groups := map[disputeKey]map[int]map[string]bool{}
	for i := range mentions {
		m := &mentions[i]
		date := strings.TrimSpace(m.fig.EventDate)
		if m.key.place == "" || date == "" {
			continue
		}
		k := disputeKey{category: m.key.category, unit: m.key.unit, place: m.key.place, date: date}
		g := groups[k]
		if g == nil {
			g = map[int]map[string]bool{}
			groups[k] = g
		}
		if g[m.fact] == nil {
			g[m.fact] = map[string]bool{}
		}
		g[m.fact][m.fig.Source] = true
	}

	type note struct{ date, values string }
	notes := map[int][]note{}
	for k, g := range groups {
		if len(g) < 2 {
			continue
		}
		ids := make([]int, 0, len(g))
		for id := range g {
			ids = append(ids, id)
		}
		slices.SortFunc(ids, func(a, b int) int { return cmp.Compare(facts[a].Value, facts[b].Value) })
		disputed := map[int]bool{}
		for i, a := range ids {
			for _, b := range ids[i+1:] {
				if contradict(g[a], g[b]) {
					disputed[a], disputed[b] = true, true
				}
			}
		}
		if len(disputed) == 0 {
			continue
		}
		parts := make([]string, len(ids))
		for i, id := range ids {
			parts[i] = schema.FormatNumber(facts[id].Value) + " (" + strings.Join(sortedKeys(g[id]), ", ") + ")"
		}
		values := strings.Join(parts, "; ")
		for id := range disputed {
			notes[id] = append(notes[id], note{k.date, values})
		}
	}

	for id, ns := range notes {
		f := &facts[id]
		f.Disputed = true
		if len(ns) == 1 {
			f.Values = ns[0].values
			continue
		}
		// One fact, several dates in dispute: say which values go with which date.
		slices.SortFunc(ns, func(a, b note) int { return strings.Compare(a.date, b.date) })
		parts := make([]string, len(ns))
		for i, n := range ns {
			parts[i] = n.date + ": " + n.values
		}
		f.Values = strings.Join(parts, " | ")
	}
}

// contradict reports whether each of two values is stated by a source that
// does not state the other.
func contradict(a, b map[string]bool) bool {
	return hasOutside(a, b) && hasOutside(b, a)
}

func hasOutside(a, b map[string]bool) bool {
	for s := range a {
		if !b[s] {
			return true
		}
	}
	return false
}
