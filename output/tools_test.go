package output

import (
	"os"
	"os/exec"
	"testing"

	"github.com/tally-news/tally/schema/skips"
)

// lookTool finds a program the tests open our files with (soffice,
// chromium). Where it is missing the test is skipped, unless
// TALLY_REQUIRE_TOOLS is set, as CI does: there a missing tool must fail,
// not pass silently.
func lookTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("TALLY_REQUIRE_TOOLS") != "" {
		t.Fatalf("%s is required (TALLY_REQUIRE_TOOLS is set) but not on PATH", name)
	}
	skips.Skipf(t, "%s not on PATH; install it to run this test", name)
	return ""
}
