package extract_test

import (
	"fmt"

	tally "github.com/tally-news/tally"
	"github.com/tally-news/tally/extract"
)

func ExampleExtractor_Extract() {
	cfg, err := extract.DecodeConfig("config.yaml", tally.DefaultConfig)
	if err != nil {
		panic(err)
	}
	e, err := extract.New(cfg, extract.Options{})
	if err != nil {
		panic(err)
	}
	doc := extract.Document{
		Source: "example.txt",
		Text:   "Rescuers said at least 46 people were killed and tens of thousands were stranded by the floods.",
	}
	for _, f := range e.Extract(doc) {
		fmt.Printf("%s: %v %s [%s] object=%q rule=%s\n", f.Text, f.Value, f.Qualifier, f.Category, f.Object, f.Rule)
	}
	// Output:
	// 46: 46 min [killed] object="people" rule=trigger:killed
	// tens of thousands: 30000 approx [trapped] object="" rule=trigger:stranded
}
