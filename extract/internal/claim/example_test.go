package claim_test

import (
	"fmt"
	"strings"

	"github.com/tally-news/tally/extract/internal/claim"
	"github.com/tally-news/tally/schema"
)

func ExampleAnnotator_Annotate() {
	a, err := claim.New(claim.Config{
		Attribution: claim.AttributionConfig{
			SpeechVerbs:   []string{"said"},
			InvertedVerbs: []string{"said"},
			SpeakerNouns:  []string{"governor"},
			Determiners:   []string{"the"},
			Cuts:          []string{"on"},
			MaxWords:      10,
		},
		Hedges: []claim.HedgeRule{{Kind: claim.Estimated, Scope: "before", Gap: 1, Phrases: []string{"an estimated"}}},
		Dates:  claim.DateConfig{Weekdays: map[string]int{"thursday": 4}},
		Places: claim.PlaceConfig{Names: []string{"Kyiv"}, Aliases: map[string]string{"kiev": "Kyiv"}},
	})
	if err != nil {
		panic(err)
	}
	text := "An estimated 300 people left Kiev on Thursday, the governor said."
	f := schema.Figure{Start: strings.Index(text, "300"), End: strings.Index(text, "300") + 3}
	a.Annotate(text, 0, len(text), "2024-05-10", &f)
	fmt.Printf("%s | %s | %s | %s\n", f.Attribution, f.Hedge, f.EventDate, f.Location)
	// Output: the governor | estimated | 2024-05-09 | Kyiv
}
