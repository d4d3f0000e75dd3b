package extract

import (
	"math"
	"testing"

	tally "github.com/tally-news/tally"
)

// FuzzScanNumbers drives the number scanner at every token of any text: no
// panic, the figure's tokens inside the text, its value finite.
func FuzzScanNumbers(f *testing.F) {
	for _, s := range []string{"6,266", "430 000", "twenty-five", "two hundred and five", "4.5m", "1.2bn",
		"a quarter of", "30-40", "between 30 and 40", "$US55,931,000", "RM23.50", "one out of three people", "3-1"} {
		f.Add(s)
	}
	cfg, err := DecodeConfig("config.yaml", tally.DefaultConfig)
	if err != nil {
		f.Fatal(err)
	}
	r, err := compile(cfg)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks, _ := tokenize(nil, text, 0, len(text), r.vocab, nil)
		for i := 0; i < len(toks); {
			n, next, ok := r.scanAt(text, toks, i, len(toks))
			if next <= i && !ok {
				t.Fatalf("scanner did not advance at token %d of %q", i, text)
			}
			if !ok {
				i = next
				continue
			}
			if n.first < i || n.end > len(toks) || n.first >= n.end {
				t.Fatalf("tokens %d:%d outside %d:%d", n.first, n.end, i, len(toks))
			}
			if math.IsNaN(n.value) || math.IsInf(n.value, 0) {
				t.Fatalf("value %v in %q", n.value, text)
			}
			i = n.end
		}
	})
}
