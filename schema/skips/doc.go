// Package skips makes skipped tests visible. A test skips through Skip or
// Skipf, which note the test and the reason; a package's TestMain runs its
// tests through Main, which ends with one line naming every skipped test
// and why. With TALLY_NO_SKIPS set (CI sets it) a skip fails the package,
// so a test that silently stopped running cannot pass for a green build.
//
// go test shows a passing package's output only with -v; a failing one's
// always: so the line is seen in CI, where it matters, and locally with
// go test -v ./... | grep 'skipped:'.
package skips
