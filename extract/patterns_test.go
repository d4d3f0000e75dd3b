package extract

import (
	"reflect"
	"regexp"
	"testing"
)

// runSet returns every match of every pattern in the set, found through
// the set's start positions.
func runSet(p *patternSet, text string) [][][]int {
	var out [][][]int
	for k, at := range p.starts(text, nil) {
		var ms [][]int
		if at >= 0 {
			for _, m := range p.res[k].FindAllStringIndex(text[at:], -1) {
				ms = append(ms, []int{at + m[0], at + m[1]})
			}
		}
		out = append(out, ms)
	}
	return out
}

// runPlain is what the set replaces: each pattern over the whole text.
func runPlain(res []*regexp.Regexp, text string) [][][]int {
	var out [][][]int
	for _, re := range res {
		out = append(out, re.FindAllStringIndex(text, -1))
	}
	return out
}

func FuzzPatternSet(f *testing.F) {
	patterns := []string{
		`https?://[^\s<>"]+`, `www\.[^\s<>"]+`, `<[^<>\n]{0,1000}>`, `%[0-9A-Fa-f]{2}`,
		`©\s*Copyright`, `All [Rr]ights [Rr]eserved\.`,
		// Assertions and flags the shortcut must not change.
		`\bwww\.\w+`, `^http\S*`, `(?m)^#\w+`, `(?i)http\S*`, `ab\b`, `x*`, `\d+:\d{2}`,
	}
	var res []*regexp.Regexp
	for _, p := range patterns {
		res = append(res, regexp.MustCompile(p))
	}
	set := newPatternSet(res)
	for _, s := range []string{
		"", "see https://e.example/a%20b and www.site.org", "awww.x www.y", "http at start",
		"#tag\n#two", "HTTP://X <b>bold</b> © Copyright 2024. All rights reserved.",
		"ab abc xab 12:30", "é©\u00a0Copyright", "xxwww.a",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := runSet(set, text), runPlain(res, text); !reflect.DeepEqual(got, want) {
			t.Fatalf("text %q:\n got %v\nwant %v", text, got, want)
		}
	})
}
