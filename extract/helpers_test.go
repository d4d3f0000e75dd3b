package extract_test

import (
	"testing"

	tally "github.com/tally-news/tally"
	"github.com/tally-news/tally/extract"
)

// defaultConfig returns the shipped rules, decoded as the CLI decodes them.
func defaultConfig(t testing.TB) extract.Config {
	t.Helper()
	cfg, err := extract.DecodeConfig("config.yaml", tally.DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func defaultExtractor(t testing.TB, opts extract.Options) *extract.Extractor {
	t.Helper()
	e, err := extract.New(defaultConfig(t), opts)
	if err != nil {
		t.Fatalf("compile config.yaml: %v", err)
	}
	return e
}
