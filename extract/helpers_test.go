package extract_test

import (
	"testing"

	"go.yaml.in/yaml/v3"

	tally "github.com/tally-news/tally"
	"github.com/tally-news/tally/extract"
)

// defaultConfig returns the shipped rules, decoded without viper.
func defaultConfig(t testing.TB) extract.Config {
	t.Helper()
	var cfg extract.Config
	if err := yaml.Unmarshal(tally.DefaultConfig, &cfg); err != nil {
		t.Fatalf("decode config.yaml: %v", err)
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
