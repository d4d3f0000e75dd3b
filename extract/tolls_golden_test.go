package extract_test

import (
	"testing"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/schema"
)

// TestGoldenTolls sums each invented article under testdata/tolls into its
// tolls and compares them (JSON Lines) with NAME.tolls beside it. The
// articles hold the forms tolls rest on: implied single casualties, "four
// shot, one fatally", increments and revisions, background rates and other
// years, displacement, arrests and cases. Review changes with git diff
// after `go test ./extract -run GoldenTolls -update`.
func TestGoldenTolls(t *testing.T) {
	e := defaultExtractor(t, extract.Options{})
	runGolden(t, []string{"../testdata/tolls/*.txt"}, ".tolls", func(d extract.Document) []schema.Toll {
		return e.Tolls().Of(e.Extract(d))
	})
}
