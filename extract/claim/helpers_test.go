package claim_test

import (
	"os"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/tally-news/tally/extract/claim"
)

// configPath is the shipped rules file; its claims section is what the
// tests run on.
var configPath = "../../config.yaml"

// defaultConfig returns the claims section of the shipped rules.
func defaultConfig(t testing.TB) claim.Config {
	t.Helper()
	data, err := os.ReadFile(configPath)
	if err != nil {
		t.Fatalf("read rules: %v", err)
	}
	var root struct {
		Claims *claim.Config `yaml:"claims"`
	}
	if err := yaml.Unmarshal(data, &root); err != nil {
		t.Fatalf("decode %s: %v", configPath, err)
	}
	if root.Claims == nil {
		t.Fatalf("%s has no claims section", configPath)
	}
	return *root.Claims
}

func defaultAnnotator(t testing.TB) *claim.Annotator {
	t.Helper()
	a, err := claim.New(defaultConfig(t))
	if err != nil {
		t.Fatalf("compile claims rules: %v", err)
	}
	return a
}
