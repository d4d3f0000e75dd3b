package claim_test

import (
	"os"
	"testing"

	"github.com/tally-news/tally/schema/skips"
)

// TestMain ends the run with the tests that were skipped and why; with
// TALLY_NO_SKIPS set, a skip fails the package (see package skips).
func TestMain(m *testing.M) { os.Exit(skips.Main(m)) }
