package extract_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
)

// TestGoldenTolls sums each invented article under testdata/tolls into its
// tolls and compares them (JSON Lines) with NAME.tolls beside it. The
// articles hold the forms tolls rest on: implied single casualties, "four
// shot, one fatally", increments and revisions, background rates and other
// years, displacement, arrests and cases. Review changes with git diff
// after `go test ./extract -run GoldenTolls -update`.
func TestGoldenTolls(t *testing.T) {
	e := defaultExtractor(t, extract.Options{})
	files, err := filepath.Glob("../testdata/tolls/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in ../testdata/tolls: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			text, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			figs := e.Extract(extract.Document{Source: filepath.Base(path), Text: string(text)})
			for _, tl := range e.Tolls().Of(figs) {
				if err := enc.Encode(tl); err != nil {
					t.Fatal(err)
				}
			}
			checkGolden(t, strings.TrimSuffix(path, ".txt")+".tolls", buf.Bytes())
		})
	}
}
