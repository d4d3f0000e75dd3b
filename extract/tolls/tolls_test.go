package tolls

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tally-news/tally/schema"
)

var rules = &Rules{
	Categories: []string{"killed", "injured", "displaced"},
	Struck:     NewStruck([]string{"trigger:were shot", "implied:struck"}),
	Revisions:  []string{"rose to"},
	AnyPerson:  []string{"he", "victim"},
}

// fig builds a figure at offset start; fields after the category are
// optional: basis, rule, scope, object, sentence.
func fig(start int, value float64, category string, more ...string) schema.Figure {
	f := schema.Figure{Source: "a.txt", Section: "article", Value: value, Qualifier: "exact", Category: category,
		Text: fmt.Sprint(value), Start: start, End: start + 2, Basis: "stated", Rule: "trigger:x", Scope: "incident",
		Sentence: fmt.Sprint("sentence ", start)}
	for i, m := range more {
		if m == "" {
			continue
		}
		switch i {
		case 0:
			f.Basis = m
		case 1:
			f.Rule = m
		case 2:
			f.Scope = m
		case 3:
			f.Object = m
		case 4:
			f.Sentence = m
		}
	}
	return f
}

func summary(tl []schema.Toll) string {
	var parts []string
	for _, t := range tl {
		s := fmt.Sprintf("%s=%v %s", t.Category, t.Value, t.Basis)
		if t.Disputed {
			s += " disputed"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

func TestOf(t *testing.T) {
	tests := []struct {
		name string
		figs []schema.Figure
		want string
	}{
		{"none", nil, ""},
		{"first stated count, agreeing repeats once",
			[]schema.Figure{fig(0, 12, "killed"), fig(50, 12, "killed"), fig(90, 3, "killed")}, "killed=12 stated"},
		{"a revision wins and disputes",
			[]schema.Figure{fig(0, 11, "killed"), fig(50, 12, "killed", "", "", "", "", "the toll rose to 12")}, "killed=12 stated disputed"},
		{"background and parts are left out",
			[]schema.Figure{fig(0, 600, "killed", "", "", "background"), fig(20, 3, "killed", "", "inherit:trigger:x"), fig(40, 2, "killed")}, "killed=2 stated"},
		{"running totals only when nothing else",
			[]schema.Figure{fig(0, 900, "displaced", "", "", "cumulative"), fig(30, 40, "displaced")}, "displaced=40 stated"},
		{"stated beats implied",
			[]schema.Figure{fig(0, 1, "killed", "implied", "implied:killed:state"), fig(30, 2, "killed")}, "killed=2 stated"},
		{"increments add after the count",
			[]schema.Figure{fig(0, 11, "killed"), fig(40, 1, "killed", "increment")}, "killed=12 stated"},
		{"hit less killed",
			[]schema.Figure{fig(0, 4, "injured", "", "trigger:were shot"), fig(10, 1, "killed")}, "killed=1 stated; injured=3 derived"},
		{"a man shot, he died: no injured",
			[]schema.Figure{fig(0, 1, "injured", "implied", "implied:struck:state", "", "man"), fig(30, 1, "killed", "implied", "implied:killed:action", "", "he")}, "killed=1 implied"},
		{"a man killed, a woman wounded",
			[]schema.Figure{fig(0, 1, "killed", "implied", "implied:killed:state", "", "man"), fig(30, 1, "injured", "implied", "implied:struck:state", "", "woman")}, "killed=1 implied; injured=1 implied"},
		{"a guard wounded and another hurt",
			[]schema.Figure{fig(0, 1, "injured", "implied", "implied:struck:state", "", "guard"), fig(30, 1, "injured", "increment", "implied:struck:state", "", "another")}, "injured=2 implied"},
		{"one killed and another injured",
			[]schema.Figure{fig(0, 1, "killed"), fig(20, 1, "injured", "increment", "implied:struck:elided", "", "another")}, "killed=1 stated; injured=1 increment"},
		{"another injured, then the two shot counted: no one added twice",
			[]schema.Figure{fig(0, 1, "killed"), fig(20, 1, "injured", "increment", "implied:struck:elided", "", "another"), fig(90, 2, "injured", "", "trigger:were shot")},
			"killed=1 stated; injured=1 derived"},
		{"comments and units are not tolls",
			[]schema.Figure{{Source: "a.txt", Section: "comments", Value: 5, Category: "killed", Basis: "stated"}, {Source: "a.txt", Section: "article", Value: 5, Unit: "%", Category: "killed", Basis: "stated"}}, ""},
	}
	for _, tt := range tests {
		if got := summary(rules.Of(tt.figs)); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestStruck(t *testing.T) {
	s := NewStruck([]string{"trigger:shot", "implied:struck"})
	for rule, want := range map[string]bool{"trigger:shot": true, "implied:struck:state": true, "trigger:shot dead": false, "implied:struckx": false} {
		if got := s.Has(rule); got != want {
			t.Errorf("Has(%q) = %v, want %v", rule, got, want)
		}
	}
}
