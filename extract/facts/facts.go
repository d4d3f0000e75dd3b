package facts

import (
	"cmp"
	"maps"
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

// disputeKey is what must be equal for different values to disagree;
// source is set only for figures with no place or day, which can disagree
// only within their own article.
type disputeKey struct {
	category, unit, place, date, source string
}

// Figures about another time or place (schema.ScopeBackground) or parts
// of the figure before (schema.InheritPrefix, "including 3 children")
// dispute nothing.
const (
	scopeBackground = schema.ScopeBackground
	inheritRule     = schema.InheritPrefix
)

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
	var earliest *schema.Figure
	for _, mi := range cluster {
		f := mentions[mi].fig
		if earliest == nil || earlier(f, earliest) {
			earliest = f
		}
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
		Values:         statedValues(mentions, cluster),
		Mentions:       len(cluster),
		Sentence:       strings.TrimSpace(earliest.Sentence),
	}
}

// earlier orders mentions by publication (undated last), then source and
// offset, to pick a fact's representative sentence.
func earlier(a, b *schema.Figure) bool {
	pa, pb := strings.TrimSpace(a.Published), strings.TrimSpace(b.Published)
	if (pa == "") != (pb == "") {
		return pa != ""
	}
	return cmp.Or(strings.Compare(pa, pb), strings.Compare(a.Source, b.Source), cmp.Compare(a.Start, b.Start)) < 0
}

// statedValues lists each distinct value of the mentions with the sources
// stating it: "430000 (a.txt, c.txt); 431000 (b.txt)".
func statedValues(mentions []mention, cluster []int) string {
	bySource := map[float64]map[string]bool{}
	var values []float64
	for _, mi := range cluster {
		f := mentions[mi].fig
		if bySource[f.Value] == nil {
			bySource[f.Value] = map[string]bool{}
			values = append(values, f.Value)
		}
		bySource[f.Value][f.Source] = true
	}
	slices.Sort(values)
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = valueWithSources(v, bySource[v])
	}
	return strings.Join(parts, "; ")
}

func valueWithSources(v float64, sources map[string]bool) string {
	return schema.FormatNumber(v) + " (" + strings.Join(sortedKeys(sources), ", ") + ")"
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

// markDisputes sets Disputed and Values on facts whose value is
// contradicted for the same category, unit, place and day.
func markDisputes(facts []schema.Fact, mentions []mention) {
	groups := map[disputeKey][]int{} // dispute group -> its mentions
	for i := range mentions {
		f := mentions[i].fig
		if f.Scope == scopeBackground || strings.HasPrefix(f.Rule, inheritRule) {
			continue
		}
		k := disputeKey{category: mentions[i].key.category, unit: mentions[i].key.unit, place: mentions[i].key.place, date: day(f)}
		if k.place == "" || k.date == "" {
			k.source = f.Source
		}
		groups[k] = append(groups[k], i)
	}

	type note struct{ date, values string }
	notes := map[int][]note{}
	for k, g := range groups {
		stated := map[int]map[string]bool{} // fact -> sources stating it in this group
		for _, mi := range g {
			id := mentions[mi].fact
			if stated[id] == nil {
				stated[id] = map[string]bool{}
			}
			stated[id][mentions[mi].fig.Source] = true
		}
		if len(stated) < 2 {
			continue
		}
		disputed := map[int]bool{}
		for i, a := range g {
			for _, b := range g[i+1:] {
				ma, mb := &mentions[a], &mentions[b]
				if ma.fact == mb.fact || !conflict(ma.fig, mb.fig) {
					continue
				}
				sameStory := ma.fig.Source == mb.fig.Source
				if sameStory || contradict(stated[ma.fact], stated[mb.fact]) {
					disputed[ma.fact], disputed[mb.fact] = true, true
				}
			}
		}
		if len(disputed) == 0 {
			continue
		}
		ids := slices.Collect(maps.Keys(stated))
		slices.SortFunc(ids, func(a, b int) int { return cmp.Compare(facts[a].Value, facts[b].Value) })
		parts := make([]string, len(ids))
		for i, id := range ids {
			parts[i] = valueWithSources(facts[id].Value, stated[id])
		}
		values := strings.Join(parts, "; ")
		for id := range disputed {
			notes[id] = append(notes[id], note{k.date, values})
		}
	}

	for id, ns := range notes {
		f := &facts[id]
		f.Disputed = true
		slices.SortFunc(ns, func(a, b note) int {
			return cmp.Or(strings.Compare(a.date, b.date), strings.Compare(a.values, b.values))
		})
		ns = slices.CompactFunc(ns, func(a, b note) bool { return a == b })
		if len(ns) == 1 {
			f.Values = ns[0].values
			continue
		}
		// One fact, several days in dispute: say which values go with which day.
		parts := make([]string, len(ns))
		for i, n := range ns {
			parts[i] = n.date + ": " + n.values
		}
		f.Values = strings.Join(parts, " | ")
	}
}

// day is the day a figure is about: its event date, else the day its story
// was published.
func day(f *schema.Figure) string {
	if d := strings.TrimSpace(f.EventDate); d != "" {
		return d
	}
	return strings.TrimSpace(f.Published)
}

// conflict reports whether two figures count the same thing and cannot
// both be true: "at least 11" and "12" agree, "11" and "12" do not. Within
// one article the two must be in different sentences, as a count revised
// further down is ("11 dead" ... "12 dead"): one sentence with two counts
// of a kind holds a breakdown, a part or a change ("shot down 29 of the 34
// drones", "45,000 before the war, now 6,000"); and the objects must
// match (or one be unnamed): "5 soldiers and 7 civilians" is a breakdown. Outlets name the same people differently
// ("residents", "people"), so between articles the object is not compared.
// A running total and today's count (Scope) never conflict.
func conflict(a, b *schema.Figure) bool {
	if a.Scope != b.Scope {
		return false
	}
	if a.Source == b.Source {
		if a.Sentence != "" && a.Sentence == b.Sentence {
			return false // "34 drones ... shot down 29 of the drones", "45,000 before the war, now 6,000"
		}
		oa, ob := fold(a.Object), fold(b.Object)
		if oa != ob && oa != "" && ob != "" {
			return false
		}
	}
	loA, hiA := bounds(a)
	loB, hiB := bounds(b)
	return hiA < loB && !same(hiA, loB) || hiB < loA && !same(hiB, loA)
}

// bounds is the range of values a figure allows: "at least 30" is
// [30, +Inf), "up to 4 million" (-Inf, 4000000], "about 100" only 100.
func bounds(f *schema.Figure) (lo, hi float64) {
	lo, hi = f.Value, f.Value
	switch f.Qualifier {
	case "min":
		hi = math.Inf(1)
	case "max":
		lo = math.Inf(-1)
	}
	if f.Low != nil {
		lo = math.Min(lo, *f.Low)
	}
	if f.High != nil {
		hi = math.Max(hi, *f.High)
	}
	return lo, hi
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
