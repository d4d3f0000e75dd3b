package claim_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/schema"
	"github.com/tally-news/tally/schema/skips"
)

// seedDir holds the shared sample articles; the test skips without them.
const seedDir = sharedDir + "/corpus/seeds"

func TestSeeds(t *testing.T) {
	if _, err := os.Stat(seedDir); err != nil {
		skips.Skip(t, "no seed corpus:", err)
	}
	a := defaultAnnotator(t)
	read := func(prefix string) string {
		t.Helper()
		m, _ := filepath.Glob(filepath.Join(seedDir, prefix+"_*.txt"))
		if len(m) != 1 {
			skips.Skipf(t, "seed %s_*.txt not found", prefix)
		}
		data, err := os.ReadFile(m[0])
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	tests := []struct {
		doc, context, num string
		attribution       []string // all must be in the attribution
		hedge             string   // when not empty
	}{
		{doc: "000", context: "A total of 6266 people", num: "6266", attribution: []string{"Kyrylo Tymoshenko", "deputy head of the Ukrainian president"}},
		{doc: "001", context: "seized 14 tons", num: "14", attribution: []string{"Ukrainian authorities"}},
		{doc: "004", context: "seized 14 tons", num: "14", attribution: []string{"Iryna Vereshchuk"}},
		{doc: "001", context: "two workers at the depot were wounded", num: "two", attribution: []string{"regional governor"}},
		{doc: "004", context: "injured two workers", num: "two", attribution: []string{"Gladkov"}},
		{doc: "003", context: "about 160 square", num: "160", hedge: "unverified"},
		{doc: "003", context: "a further 170 square", num: "170", hedge: "unverified"},
		{doc: "003", context: "seven villages", num: "seven", hedge: "unverified"},
		{doc: "003", context: "around 100 Russian soldiers", num: "100", hedge: "unverified"},
	}
	for _, tt := range tests {
		t.Run(tt.doc+" "+tt.context, func(t *testing.T) {
			text := read(tt.doc)
			fs, ok := figureAt(text, tt.context, tt.num)
			if !ok {
				t.Fatalf("%q not in seed %s", tt.context, tt.doc)
			}
			f := schema.Figure{Start: fs.start, End: fs.end}
			a.Annotate(text, fs.sentStart, fs.sentEnd, "", &f)
			for _, want := range tt.attribution {
				if !strings.Contains(strings.ToLower(f.Attribution), strings.ToLower(want)) {
					t.Errorf("attribution = %q, want it to contain %q", f.Attribution, want)
				}
			}
			if tt.hedge != "" && f.Hedge != tt.hedge {
				t.Errorf("hedge = %q, want %q", f.Hedge, tt.hedge)
			}
		})
	}
}
