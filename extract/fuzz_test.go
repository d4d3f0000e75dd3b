package extract_test

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
)

// FuzzExtract checks the extractor on any text: no panic, every span inside
// the text with its bytes equal to the figure's text, values finite and
// bounds around the value.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"At least 8 soldiers were killed.", "between 30 and 40", "$-4.5bn", "a 45-bus convoy",
		"tens of thousands", "one in five", "4 hundred million", ".001 per cent", "1,000,000,00",
		"\u00ad\u2009\u00a0 12 000", "© Copyright x\nthe 5 dead", "date 2022-01-01 two", "<a 5>", "minus-5 yards",
		// the casualty rules' shapes, so the fuzzer starts inside them
		"One man was killed and another injured", "A man who was shot in the chest died", "Two men were shot and later died",
		"870 families remained in 20 evacuation centres", "5,000 homes were evacuated", "the evacuation of, by one count, 17,631 people",
	} {
		f.Add(s)
	}
	if files, _ := filepath.Glob("../testdata/articles/*.txt"); len(files) > 0 {
		if b, err := os.ReadFile(files[0]); err == nil {
			f.Add(string(b))
		}
	}
	e := defaultExtractor(f, extract.Options{IncludeComments: true})
	f.Fuzz(func(t *testing.T, text string) {
		for _, fig := range e.Extract(extract.Document{Source: "fuzz", Text: text}) {
			if fig.Start < 0 || fig.End > len(text) || fig.Start >= fig.End {
				t.Fatalf("span %d:%d outside text of %d bytes", fig.Start, fig.End, len(text))
			}
			if text[fig.Start:fig.End] != fig.Text {
				t.Fatalf("span %d:%d is %q, figure text %q", fig.Start, fig.End, text[fig.Start:fig.End], fig.Text)
			}
			if math.IsNaN(fig.Value) || math.IsInf(fig.Value, 0) {
				t.Fatalf("value %v for %q", fig.Value, fig.Text)
			}
			if fig.Low != nil && fig.High != nil && *fig.Low > *fig.High {
				t.Fatalf("low %v > high %v for %q", *fig.Low, *fig.High, fig.Text)
			}
		}
	})
}

// TestSentencePrefixes extracts every prefix, cut at a space, of every
// line of the test articles: a sentence cut anywhere (a feed's truncated
// summary) must not take a rule past its last token. "One man was killed
// and another", with no state after "another", once did.
func TestSentencePrefixes(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*/*.txt")
	if len(files) == 0 {
		t.Fatal("no test articles under ../testdata")
	}
	e := defaultExtractor(t, extract.Options{})
	prefixes := 0
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			for i := range len(line) {
				if line[i] == ' ' {
					e.Extract(extract.Document{Source: path, Text: line[:i]})
					prefixes++
				}
			}
		}
	}
	t.Logf("%d prefixes of %d files", prefixes, len(files))
}
