package extract_test

import (
	"math"
	"os"
	"path/filepath"
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
