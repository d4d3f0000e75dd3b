package tolls

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tally-news/tally/schema"
)

// Rules say which categories get a toll and which figures count people hit.
type Rules struct {
	Categories []string
	Struck     *Struck
	// Revisions are words whose sentence revises a count stated before:
	// "rose to", "now".
	Revisions []string
	// AnyPerson are the implied casualties' nouns that may stand for
	// anyone counted before ("he", "victim"), lower case.
	AnyPerson []string
}

// Struck recognises the rules whose injured figures count people hit,
// some of whom may have died ("trigger:shot", "implied:struck...").
type Struck struct{ prefixes []string }

// NewStruck builds the recogniser from rule names; each also matches the
// rules it begins ("implied:struck" matches "implied:struck:state").
func NewStruck(rules []string) *Struck { return &Struck{prefixes: rules} }

// Has reports whether a figure's rule counts people hit.
func (s *Struck) Has(rule string) bool {
	for _, p := range s.prefixes {
		if rule == p || strings.HasPrefix(rule, p+":") {
			return true
		}
	}
	return false
}

const (
	killed  = "killed"
	injured = "injured"
)

// Of returns the tolls of one document's figures, in the order of
// r.Categories; a category the document does not count has no row.
func (r *Rules) Of(figs []schema.Figure) []schema.Toll {
	if len(figs) == 0 {
		return nil
	}
	byCat := map[string][]*schema.Figure{}
	for i := range figs {
		f := &figs[i]
		if counts(f) {
			byCat[f.Category] = append(byCat[f.Category], f)
		}
	}
	var out []schema.Toll
	var killedToll *schema.Toll
	for _, cat := range r.Categories {
		cands := byCat[cat]
		if cat == injured {
			cands = r.withoutStruck(cands)
		}
		t, ok := r.sum(cands)
		if !ok && cat == injured {
			t, ok = r.hitLessKilled(byCat[injured], byCat[killed], killedToll)
		}
		if !ok {
			continue
		}
		first := &figs[0]
		t.Source, t.DocID, t.Published, t.Category = first.Source, first.DocID, first.Published, cat
		out = append(out, t)
		if cat == killed {
			killedToll = &out[len(out)-1]
		}
	}
	return out
}

// counts reports whether a figure can be part of a toll.
func counts(f *schema.Figure) bool {
	return f.Section != schema.SectionComments && f.Unit == "" && f.Scope != schema.ScopeBackground &&
		!strings.HasPrefix(f.Rule, schema.InheritPrefix) && f.Value > 0
}

// withoutStruck leaves out the counts of people hit, unless nothing else
// counts the injured.
func (r *Rules) withoutStruck(figs []*schema.Figure) []*schema.Figure {
	return slices.DeleteFunc(slices.Clone(figs), func(f *schema.Figure) bool { return r.Struck.Has(f.Rule) })
}

// sum reads one category's toll from its figures, in text order.
func (r *Rules) sum(figs []*schema.Figure) (schema.Toll, bool) {
	var base []*schema.Figure // written as numbers
	var implied, increments []*schema.Figure
	for _, f := range figs {
		switch f.Basis {
		case schema.BasisIncrement:
			increments = append(increments, f)
		case schema.BasisImplied:
			implied = append(implied, f)
		default:
			base = append(base, f)
		}
	}
	if incident := slices.DeleteFunc(slices.Clone(base), func(f *schema.Figure) bool { return f.Scope == schema.ScopeCumulative }); len(incident) > 0 {
		base = incident
	}
	var t schema.Toll
	var used []*schema.Figure
	var anchor *schema.Figure // the figure whose value the toll takes
	switch {
	case len(base) > 0:
		if exact := slices.DeleteFunc(slices.Clone(base), vague); len(exact) > 0 {
			base = exact // "thousands" in the headline, "5,000" in the body
		}
		chosen := base[0]
		for _, f := range base[1:] {
			if r.revises(f) {
				chosen = f
			}
		}
		setFrom(&t, chosen)
		t.Disputed = chosen.Value != base[0].Value
		used, anchor = base, chosen
	case len(implied) > 0:
		best := implied[0]
		for _, f := range implied {
			if f.Value > best.Value {
				best = f
			}
		}
		setFrom(&t, best)
		used, anchor = []*schema.Figure{best}, best
	case len(increments) == 0:
		return t, false
	}
	for _, f := range increments {
		if anchor != nil && (f.Start < anchor.Start || f.Sentence == anchor.Sentence) {
			continue // counted already in the total that follows it, or in the same sentence: "rose to 12 after one more died"
		}
		t.Value += f.Value
		if t.Low != nil {
			t.Low = schema.Float(*t.Low + f.Value)
		}
		if t.High != nil {
			t.High = schema.Float(*t.High + f.Value)
		}
		if t.Basis == "" {
			t.Basis, t.Qualifier = schema.BasisIncrement, f.Qualifier
		}
		used = append(used, f)
	}
	t.Figures = describe(used)
	return t, true
}

// vague reports whether a figure is a vague amount ("thousands", "dozens"):
// an approximation with both bounds.
func vague(f *schema.Figure) bool {
	return f.Qualifier == "approx" && f.Low != nil && f.High != nil
}

// hitLessKilled is the injured toll from the people hit less the killed
// among them: "four people were shot, one fatally" leaves three injured;
// "a man was shot ... he died" none. Someone hit is among the killed when
// the hit are counted by a number, or when an implied death names the same
// person ("a man", "the victim", "he"): "a man was shot dead ... a woman
// was wounded" leaves one injured. People told apart as others ("and
// another was wounded") are added after.
func (r *Rules) hitLessKilled(hit, killedFigs []*schema.Figure, killedToll *schema.Toll) (schema.Toll, bool) {
	others := slices.DeleteFunc(slices.Clone(hit), func(f *schema.Figure) bool { return f.Basis != schema.BasisIncrement })
	hit = slices.DeleteFunc(slices.Clone(hit), func(f *schema.Figure) bool { return f.Basis == schema.BasisIncrement })
	t, ok := r.sum(hit)
	if ok && killedToll != nil && r.killedAmongHit(hit, killedFigs) {
		t.Value = max(0, t.Value-killedToll.Value)
		t.Low, t.High = nil, nil
		t.Basis = schema.BasisDerived
		t.Figures += "; less killed: " + killedToll.Figures
	}
	for _, f := range others {
		if numberAfter(hit, f) {
			continue // "one man was killed and another injured ... the two men were shot": the number counts both
		}
		if !ok {
			setFrom(&t, f)
			t.Value, t.Figures, ok = 0, "", true
		}
		if !afterHit(f, hit, killedFigs) && impliedAfter(hit, f) {
			// "A man is dead and another was wounded. ... The brother is
			// in stable condition": the one hit is named again after.
			t.Value = max(t.Value, f.Value)
		} else {
			t.Value += f.Value
		}
		t.Figures = strings.TrimPrefix(t.Figures+"; "+describe([]*schema.Figure{f}), "; ")
	}
	return t, ok && t.Value > 0
}

// afterHit reports whether the casualty mentioned last before f is one of
// the hit: "a guard was wounded and another was hurt" adds one.
func afterHit(f *schema.Figure, hit, killedFigs []*schema.Figure) bool {
	var last *schema.Figure
	for _, g := range slices.Concat(hit, killedFigs) {
		if g.Start < f.Start && (last == nil || g.Start > last.Start) {
			last = g
		}
	}
	return last != nil && slices.Contains(hit, last)
}

// numberAfter reports whether one of hit is written as a number after f,
// so counts f's person among the others.
func numberAfter(hit []*schema.Figure, f *schema.Figure) bool {
	return slices.ContainsFunc(hit, func(h *schema.Figure) bool {
		return h.Basis != schema.BasisImplied && h.Start > f.Start
	})
}

// impliedAfter reports whether every one of hit is implied and comes
// after f, so may name f's person again.
func impliedAfter(hit []*schema.Figure, f *schema.Figure) bool {
	for _, h := range hit {
		if h.Basis != schema.BasisImplied || h.Start < f.Start {
			return false
		}
	}
	return true
}

// killedAmongHit reports whether the killed were counted among the hit.
func (r *Rules) killedAmongHit(hit, killedFigs []*schema.Figure) bool {
	for _, h := range hit {
		if h.Basis != schema.BasisImplied {
			return true // "four people were shot": everyone hit
		}
	}
	for _, k := range killedFigs {
		for _, h := range hit {
			if k.Basis == schema.BasisStated || r.samePerson(k.Object, h.Object) {
				return true
			}
		}
	}
	return false
}

// samePerson reports whether two implied casualties may be one person:
// the same noun, or one that can stand for anyone ("he", "the victim").
func (r *Rules) samePerson(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	return a == b || slices.Contains(r.AnyPerson, a) || slices.Contains(r.AnyPerson, b)
}

// revises reports whether a figure's sentence revises an earlier count.
func (r *Rules) revises(f *schema.Figure) bool {
	s := strings.ToLower(f.Sentence)
	for _, w := range r.Revisions {
		for i := 0; i < len(s); {
			j := strings.Index(s[i:], w)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(w)
			if (start == 0 || !isLetter(s[start-1])) && (end == len(s) || !isLetter(s[end])) {
				return true
			}
			i = start + 1
		}
	}
	return false
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func setFrom(t *schema.Toll, f *schema.Figure) {
	t.Value, t.Qualifier, t.Basis = f.Value, f.Qualifier, f.Basis
	t.Low, t.High = f.Low, f.High
	t.Attribution, t.Hedge = f.Attribution, f.Hedge
	if t.Basis == "" {
		t.Basis = schema.BasisStated
	}
}

// describe lists the texts a toll rests on with their offsets.
func describe(figs []*schema.Figure) string {
	parts := make([]string, len(figs))
	for i, f := range figs {
		parts[i] = fmt.Sprintf("%s [%d:%d]", f.Text, f.Start, f.End)
	}
	return strings.Join(parts, "; ")
}
