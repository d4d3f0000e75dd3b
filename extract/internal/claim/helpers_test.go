package claim_test

import (
	"os"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/internal/claim"
)

// sharedDir is the shared corpora and gold files beside the repository;
// tests that read them skip or read less where it is absent.
const sharedDir = "../../../../shared"

// configPath is the shipped rules file; its claims section is what the
// tests run on.
var configPath = "../../../config.yaml"

// defaultConfig returns the claims section of the shipped rules, with the
// lists it shares with the figure rules, decoded as the CLI decodes them.
func defaultConfig(t testing.TB) claim.Config {
	t.Helper()
	data, err := os.ReadFile(configPath)
	if err != nil {
		t.Fatalf("read rules: %v", err)
	}
	cfg, err := extract.DecodeConfig(configPath, data)
	if err != nil {
		t.Fatal(err)
	}
	return cfg.ClaimsConfig()
}

// The package's internal tests compile the shipped claims rules too; they
// cannot import extract, which imports claim, so they are lent the decoder.
func init() { claim.ShippedConfig = defaultConfig }

func defaultAnnotator(t testing.TB) *claim.Annotator {
	t.Helper()
	a, err := claim.New(defaultConfig(t))
	if err != nil {
		t.Fatalf("compile claims rules: %v", err)
	}
	return a
}

// readArticle reads an article file; a leading "date YYYY-MM-DD" line is
// its publication date and not part of its text.
func readArticle(t testing.TB, path string) (text, published string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text = string(data)
	if rest, ok := strings.CutPrefix(text, "date "); ok {
		published, text, _ = strings.Cut(rest, "\n")
	}
	return text, published
}
