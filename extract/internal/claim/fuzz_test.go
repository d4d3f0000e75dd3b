package claim_test

import (
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/schema"
)

var hedges = map[string]bool{"": true, "claimed": true, "unverified": true, "denied": true, "estimated": true}

// FuzzAnnotate checks that any text and any offsets give valid fields and
// no panic.
func FuzzAnnotate(f *testing.F) {
	a := defaultAnnotator(f)
	f.Add("Rebels seized 12 trucks in Kiev on Friday, officials said.", 0, 59, 14, 16, "2024-05-10")
	f.Add("“We counted 57 bodies,” he said. It could not be verified.", 0, 32, 12, 14, "")
	f.Add("A total of 6266 people fled, said Kyrylo Tymoshenko, deputy head.\nHis statements could not be independently verified.", 0, 65, 11, 15, "2022-04-01")
	f.Add("On March 5, 2021 an estimated 80 died, according to a post by X, the governor of the Kyiv region.", 0, 98, 30, 32, "bad")
	f.Add("\"\"\"“”«»,,,... said said according to", 3, 2, -5, 1000, "2022-13-40")
	f.Add("", 0, 0, 0, 0, "")
	f.Fuzz(func(t *testing.T, text string, sentStart, sentEnd, start, end int, published string) {
		fig := schema.Figure{Start: start, End: end}
		a.Annotate(text, sentStart, sentEnd, published, &fig)
		if !hedges[fig.Hedge] {
			t.Errorf("hedge %q", fig.Hedge)
		}
		if fig.EventDate != "" {
			d, err := time.Parse("2006-01-02", fig.EventDate)
			if err != nil || d.Format("2006-01-02") != fig.EventDate {
				t.Errorf("event_date %q: %v", fig.EventDate, err)
			}
		}
		if fig.Attribution != "" && !strings.Contains(text, fig.Attribution) {
			t.Errorf("attribution %q is not in the text", fig.Attribution)
		}
	})
}
