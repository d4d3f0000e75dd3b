package testtool

import (
	"os"
	"os/exec"
	"testing"

	"github.com/tally-news/tally/schema/skips"
)

// Look returns the path of the program name, or skips (fails in CI).
func Look(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		missing(t, name+" not on PATH")
	}
	return path
}

// DuckDBNode returns the path of node where it can load DuckDB's Node
// package (@duckdb/node-api, found through NODE_PATH, as .ci/run installs
// it), or skips (fails in CI). Scripts run with it require the package.
func DuckDBNode(t testing.TB) string {
	t.Helper()
	node := Look(t, "node")
	if out, err := exec.Command(node, "-e", "require('@duckdb/node-api')").CombinedOutput(); err != nil {
		missing(t, "DuckDB's Node package @duckdb/node-api cannot be loaded (install it with npm and put its node_modules on NODE_PATH): "+string(out))
	}
	return node
}

func missing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("TALLY_REQUIRE_TOOLS") != "" {
		t.Fatalf("%s, and TALLY_REQUIRE_TOOLS is set", why)
	}
	skips.Skipf(t, "%s; install it to run this test", why)
}
