package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tally-news/tally/schema/skips"
)

// seedsDir is the shared seed corpus beside the repository; tests that
// need it skip where it is absent.
const seedsDir = "../../../shared/corpus/seeds"

// TestSeedFactsMerge checks that the figures the seed articles share are
// merged into one fact with two sources: the prewar 430,000 of Mariupol,
// the 14 tons of seized supplies and the 45-bus convoy, told by two outlets.
func TestSeedFactsMerge(t *testing.T) {
	if _, err := os.Stat(seedsDir); err != nil {
		skips.Skip(t, "no seed corpus beside the repository")
	}
	facts := filepath.Join(t.TempDir(), "facts.csv")
	if code, _, errs := runTally(t, "", "extract", seedsDir, "--facts", facts, "-o", filepath.Join(t.TempDir(), "f.csv")); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rows := readFile(t, facts)
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	want := map[string]string{"population 430000": "", "aid 14": "t", "equipment 45": ""}
	for _, r := range rows[1:] {
		key := r[col["category"]] + " " + r[col["value"]]
		unit, ok := want[key]
		if !ok || r[col["unit"]] != unit {
			continue
		}
		if r[col["sources"]] != "2" {
			t.Errorf("fact %s has %s sources, want 2: %v", key, r[col["sources"]], r)
		}
		delete(want, key)
	}
	for key := range want {
		t.Errorf("no fact %s merged from the seeds", key)
	}
}
