package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	tally "github.com/tally-news/tally"
	"github.com/tally-news/tally/schema"
)

// filterTexts are sentences built to catch a filter that skips too much:
// kept words hidden by case, soft hyphens, curly apostrophes, letters
// beyond ASCII, currency signs and codes, "a" before a kept word, and
// digits glued to words.
var filterTexts = []string{
	"THOUSANDS fled. Nobody counted them.",
	"Police said thou\u00adsand people gathered.",
	"The town’s eighty residents left; a dozen stayed.",
	"Zoë’s seven goats and Ahmed’s twelve sheep were counted.",
	"Prices rose by £5 and €1.2bn, or ₹300 crore.",
	"It cost us fifty billion rubles, the minister said.",
	"A Handful of villagers returned. A few more came later.",
	"Temperatures fell to −3 overnight.",
	"The MH17 crash killed all on board.",
	"Only .5 percent voted.",
	"Nearly ¼ of homes burned; the walk took 1¾ hours.",
	"He wrote:\n“Twenty-one died,” and left.\nNothing else.",
	"Scores of people, tens of thousands in all, marched.",
	"The fund lost HK$4 million and UAH 30 million.",
	"nine\u00a0hundred homes were flooded",
	"Costs were several times higher, about half of the budget.",
	"<p class=\"x. Y\">Five died.</p> See https://example.com/5 for more.",
}

// referenceRules compiles the shipped rules, changed by edit if it is not
// nil, twice: as they run, and with the filter off and the exclusions
// matched over whole regions, so that every line and sentence goes
// through the scanner as before the filter.
func referenceRules(t testing.TB, edit func(*Config)) (filtered, ref *Extractor) {
	t.Helper()
	cfg, err := DecodeConfig("config.yaml", tally.DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(&cfg)
	}
	if filtered, err = New(cfg, Options{IncludeComments: true}); err != nil {
		t.Fatal(err)
	}
	if ref, err = New(cfg, Options{IncludeComments: true}); err != nil {
		t.Fatal(err)
	}
	ref.r.filter.off, ref.r.masksByLine = true, false
	return filtered, ref
}

func sameExtraction(t *testing.T, filtered, ref *Extractor, text string) int {
	t.Helper()
	got := filtered.Extract(Document{Source: "t", Text: text})
	want := ref.Extract(Document{Source: "t", Text: text})
	if !sameFigures(got, want) {
		t.Errorf("filtered extraction differs for %.80q:\ngot  %q\nwant %q", text, figureTexts(got), figureTexts(want))
	}
	return len(want)
}

// TestFilterLosesNoFigure extracts the test articles, the shared corpora
// beside the repository when present, and filterTexts with and without
// the filter: the figures must be the same.
func TestFilterLosesNoFigure(t *testing.T) {
	filtered, ref := referenceRules(t, nil)
	texts := append([]string(nil), filterTexts...)
	var patterns = []string{
		"../testdata/articles/*.txt", "../testdata/golden/*.txt", "../testdata/report/*.txt", "../testdata/input/*.txt",
		"../testdata/claim/articles/*.txt", "../../shared/corpus/seeds/*.txt",
		"../../shared/eval/dev/newsquant/docs/*.txt",
	}
	for _, p := range patterns {
		files, _ := filepath.Glob(p)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	if !filtered.r.masksByLine {
		t.Fatal("the shipped exclusions should all be matched line by line")
	}
	figures := 0
	for _, text := range texts {
		figures += sameExtraction(t, filtered, ref, text)
	}
	if figures < 100 {
		t.Fatalf("only %d figures in %d texts: the comparison proves little", figures, len(texts))
	}
}

// TestFilterOnOtherRules covers the filter's slower paths: a kept word
// with an apostrophe, which byte runs cannot see whole; an exclusion that
// can cross a line break.
func TestFilterOnOtherRules(t *testing.T) {
	texts := append([]string{
		"Scouts counted dun'ko goats on the hill.",
		"Umpteenfold more people came; umpteen left.",
		"<span title=\"Photo:\n5 people\">Seven people</span> were hurt.",
	}, filterTexts...)
	for name, c := range map[string]struct {
		edit  func(*Config)
		check func(*rules) bool
	}{
		"apostrophe": {
			func(cfg *Config) { cfg.Numbers.Words["dun'ko"] = 7 },
			func(r *rules) bool { return !r.filter.asciiRuns && !r.filter.off },
		},
		"multiline exclusion": {
			func(cfg *Config) { cfg.ExcludePattern = append(cfg.ExcludePattern, `<span[^>]*>`) },
			func(r *rules) bool { return !r.masksByLine },
		},
	} {
		t.Run(name, func(t *testing.T) {
			filtered, ref := referenceRules(t, c.edit)
			if !c.check(filtered.r) {
				t.Fatalf("the rules do not take the path under test")
			}
			figures := 0
			for _, text := range texts {
				figures += sameExtraction(t, filtered, ref, text)
			}
			if figures == 0 {
				t.Fatal("no figures: the comparison proves nothing")
			}
		})
	}
}

// sameFigures is reflect.DeepEqual but for telling a nil slice from an
// empty one.
func sameFigures(a, b []schema.Figure) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

func figureTexts(figs []schema.Figure) []string {
	var out []string
	for _, f := range figs {
		out = append(out, f.Text)
	}
	return out
}

// TestFilterFindsEveryStart checks next against the scanner's own test on
// the tokens: when a token can start a figure, the filter hits at the
// latest in the token after it (the "dozen" of "a dozen", the "5" of
// ".5"), so in the same sentence.
func TestFilterFindsEveryStart(t *testing.T) {
	filtered, _ := referenceRules(t, nil)
	for _, text := range filterTexts {
		checkFilterHit(t, filtered.r, text)
	}
}

func checkFilterHit(t *testing.T, r *rules, text string) {
	t.Helper()
	toks, _ := tokenize(nil, text, 0, len(text), r.vocab, nil)
	for i := range toks {
		if !r.canStart(toks, i) {
			continue
		}
		limit := toks[min(i+1, len(toks)-1)].end
		if hit, _ := r.filter.next(text, 0, len(text), r.vocab, nil); hit < 0 || hit >= limit {
			t.Fatalf("%q: filter hit at %d, but a figure can start at %d", text, hit, toks[i].start)
		}
		return
	}
}

func FuzzFilter(f *testing.F) {
	for _, s := range filterTexts {
		f.Add(s)
	}
	filtered, _ := referenceRules(f, nil)
	f.Fuzz(func(t *testing.T, text string) { checkFilterHit(t, filtered.r, text) })
}

func TestWithinLine(t *testing.T) {
	for pattern, want := range map[string]bool{
		`<[^<>\n]{0,1000}>`:  true,
		`https?://[^\s<>"]+`: true,
		`%[0-9A-Fa-f]{2}`:    true,
		`\bfoo\b`:            true,
		`<[^>]*>`:            false, // [^>] matches a line break
		`(?s)<!--.*?-->`:     false,
		`\s+x`:               false,
		`^Note:`:             false, // anchored to the text's start
		`(?m)^Note:`:         false,
		`x$`:                 false,
		`\bx*`:               false, // matches empty text
		`(a|b?)`:             false,
		`[`:                  false, // not a pattern: the whole text it is
	} {
		if got := withinLine(pattern); got != want {
			t.Errorf("withinLine(%q) = %v, want %v", pattern, got, want)
		}
	}
}

func FuzzFilterLosesNoFigure(f *testing.F) {
	for _, s := range filterTexts {
		f.Add(s)
	}
	filtered, ref := referenceRules(f, nil)
	f.Fuzz(func(t *testing.T, text string) {
		got := filtered.Extract(Document{Source: "fuzz", Text: text})
		if want := ref.Extract(Document{Source: "fuzz", Text: text}); !sameFigures(got, want) {
			t.Fatalf("filtered extraction differs for %q:\ngot  %q\nwant %q", text, figureTexts(got), figureTexts(want))
		}
	})
}
