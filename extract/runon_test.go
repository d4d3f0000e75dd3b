package extract_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/extract"
)

// TestRunOnSentence holds a page without full stops or line breaks to
// sentences of at most 4096 bytes, cut at spaces, with every figure found:
// a figure's sentence used to be the whole page, read again for each.
func TestRunOnSentence(t *testing.T) {
	e := defaultExtractor(t, extract.Options{})
	unit := "officials said 12 people died in the city, and 40 more were hurt, "
	for _, tt := range []struct{ name, text string }{
		{"spaces", strings.Repeat(unit, 1000)},
		{"no spaces", strings.Repeat("12€x", 5000)},
	} {
		figs := e.Extract(extract.Document{Text: tt.text})
		if tt.name == "spaces" && len(figs) != 2000 {
			t.Errorf("%s: %d figures, want 2000", tt.name, len(figs))
		}
		if len(figs) == 0 {
			t.Errorf("%s: no figures", tt.name)
		}
		for _, f := range figs {
			if len(f.Sentence) > 4096 || !strings.Contains(f.Sentence, f.Text) {
				t.Fatalf("%s: figure %q at %d has a sentence of %d bytes not holding it", tt.name, f.Text, f.Start, len(f.Sentence))
			}
		}
	}
}

// TestExtractContextStops: a cancelled extraction of a large document
// stops at its next check and says why.
func TestExtractContextStops(t *testing.T) {
	e := defaultExtractor(t, extract.Options{})
	text := strings.Repeat("officials said 12 people died in the city, and 40 more were hurt, ", 100000)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	figs, err := e.ExtractContext(ctx, extract.Document{Text: text})
	if !errors.Is(err, context.Canceled) || figs != nil {
		t.Errorf("ExtractContext = %d figures, %v; want none and context.Canceled", len(figs), err)
	}
	if d := time.Since(start); d > 5*time.Second { // a loaded machine's margin
		t.Errorf("ExtractContext took %v after its context was cancelled", d)
	}
}
